import type { TextEdit } from '../../../model/finding';
import type { ModuleIndex, ResourceEntry } from '../moduleIndex';
import { attributeOf } from '../syntaxTree';
import { snippetText } from './snippet';
import type { TextLayout } from './textLayout';

/** An attribute line of a generated block: name and value text (already snippet-escaped when the block is a snippet). */
export type GeneratedAttribute = [name: string, value: string];

/** `aws_s3_bucket_public_access_block.site`, or `site_2`… when that address is taken. */
export function freeResourceName(index: ModuleIndex, type: string, base: string): string {
  if (!index.resources.has(`${type}.${base}`)) return base;
  for (let i = 2; ; i++) if (!index.resources.has(`${type}.${base}_${i}`)) return `${base}_${i}`;
}

/**
 * How a companion resource names the bucket: `aws_s3_bucket.x.id`, or per instance when the bucket uses
 * `count` (`[count.index]`) or `for_each` (`each.value.id`), so every instance gets its companion.
 */
export function companionOf(bucket: ResourceEntry, snippet: boolean): GeneratedAttribute[] {
  const escape = (text: string) => (snippet ? snippetText(text) : text);
  const count = attributeOf(bucket.block.body, 'count');
  if (count) {
    const countText = bucket.file.text.slice(count.value.span.start, count.value.span.end);
    return [
      ['count', escape(countText)],
      ['bucket', escape(`aws_s3_bucket.${bucket.name}[count.index].id`)],
    ];
  }
  if (attributeOf(bucket.block.body, 'for_each')) {
    return [
      ['for_each', escape(`aws_s3_bucket.${bucket.name}`)],
      ['bucket', escape('each.value.id')],
    ];
  }
  return [['bucket', escape(`aws_s3_bucket.${bucket.name}.id`)]];
}

/** A new top-level resource right after `afterOffset` (the end of the bucket block), laid out like `terraform fmt`. */
export function appendResource(
  layout: TextLayout,
  afterOffset: number,
  type: string,
  name: string,
  groups: GeneratedAttribute[][],
): TextEdit {
  const { eol, indentUnit } = layout;
  const lines: string[] = [`resource "${type}" "${name}" {`];
  groups.forEach((group, i) => {
    if (i > 0) lines.push('');
    const width = Math.max(...group.map(([attribute]) => attribute.length));
    for (const [attribute, value] of group) lines.push(`${indentUnit}${attribute.padEnd(width)} = ${value}`);
  });
  lines.push('}');
  return layout.insert(afterOffset, eol + eol + lines.join(eol));
}
