import type { BucketModel, PublicAccessBlockDeclaration } from '../../../model/bucket';
import type { TextEdit } from '../../../model/finding';
import { attributeOf, type HclAttribute, type HclBlock } from '../syntaxTree';
import type { FixContext } from './fixContext';
import { appendResource, companionOf, freeResourceName } from './newResource';
import type { TextLayout } from './textLayout';

const FLAG_ARGUMENTS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** Turns every flag of the bucket's public access block on, or adds the resource after the bucket. */
export function addPublicAccessBlock(context: FixContext, bucket: BucketModel): TextEdit[] | undefined {
  const existing = bucket.publicAccessBlock;
  if (existing && existing.scope === 'bucket') return turnFlagsOn(context, existing);
  const entry = context.parsed.index.resources.get(bucket.resource.address);
  if (!entry || entry.type !== 'aws_s3_bucket') return undefined;
  const layout = context.layout(entry.file.path);
  if (!layout) return undefined;
  const name = freeResourceName(context.parsed.index, 'aws_s3_bucket_public_access_block', entry.name);
  const flags = FLAG_ARGUMENTS.map((flag): [string, string] => [flag, 'true']);
  return [appendResource(layout, entry.block.span.end, 'aws_s3_bucket_public_access_block', name, [companionOf(entry, false), flags])];
}

function turnFlagsOn(context: FixContext, declaration: PublicAccessBlockDeclaration): TextEdit[] | undefined {
  const entry = context.parsed.index.resources.get(declaration.resource.address);
  const layout = entry ? context.layout(entry.file.path) : undefined;
  if (!entry || !layout) return undefined;
  const block = entry.block;
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const flag of FLAG_ARGUMENTS) {
    const attribute = attributeOf(block.body, flag);
    if (!attribute) missing.push(flag);
    else if (!(attribute.value.kind === 'literal' && attribute.value.value === true)) edits.push(layout.replace(attribute.value.span, 'true'));
  }
  if (missing.length > 0) edits.push(insertAttributes(layout, block, missing.map((flag) => [flag, 'true'])));
  return edits.length > 0 ? edits : undefined;
}

/** Adds `name = value` lines at the end of a block body, aligned with the `=` of the attributes already there. */
export function insertAttributes(layout: TextLayout, block: HclBlock, attributes: Array<[string, string]>): TextEdit {
  const { eol } = layout;
  const blockIndent = layout.indentAt(block.span.start);
  const written = block.body.filter((item): item is HclAttribute => item.kind === 'attribute');
  const innerIndent = written.length > 0 ? layout.indentAt(written[0].span.start) : blockIndent + layout.indentUnit;
  const equalsColumn = alignedEqualsColumn(layout, written);
  const lines = attributes.map(([name, value]) => `${innerIndent}${equalsColumn && name.length < equalsColumn ? name.padEnd(equalsColumn) : name} = ${value}`);
  if (layout.sameLine(block.openBrace.end, block.closeBrace.start)) {
    // A one-line block holds a single argument: rewrite it as a multi-line block.
    const inside = layout.text.slice(block.openBrace.end, block.closeBrace.start).trim();
    const body = [...(inside ? [`${innerIndent}${inside}`] : []), ...lines];
    return layout.replace({ start: block.openBrace.end, end: block.closeBrace.start }, eol + body.join(eol) + eol + blockIndent);
  }
  if (layout.startsLine(block.closeBrace.start)) return layout.insert(layout.lineStart(block.closeBrace.start), lines.join(eol) + eol);
  return layout.insert(block.closeBrace.start, eol + lines.join(eol) + eol + blockIndent);
}

/**
 * The name width the last group of consecutive attribute lines is padded to (`terraform fmt` aligns the
 * `=` of each such group), when that group is aligned.
 */
function alignedEqualsColumn(layout: TextLayout, attributes: HclAttribute[]): number | undefined {
  const group: HclAttribute[] = [];
  for (let i = attributes.length - 1; i >= 0; i--) {
    const attribute = attributes[i];
    const next = group[0];
    if (next && layout.lineStart(next.span.start) !== layout.text.indexOf('\n', attribute.span.end) + 1) break;
    group.unshift(attribute);
  }
  const widths = group.map((attribute) => layout.text.indexOf('=', attribute.nameSpan.end) - attribute.nameSpan.start - 1);
  return widths.length > 0 && widths.every((width) => width === widths[0]) ? widths[0] : undefined;
}
