import type { PolicyAttachment } from '../../../model/bucket';
import type { ExposureCause } from '../../../model/exposure';
import type { TextEdit } from '../../../model/finding';
import { getEntry } from '../../../model/value';
import { blocksOf, attributeOf } from '../syntaxTree';
import type { FixContext } from './fixContext';
import { statementTarget, within } from './statementSyntax';

/** Deletes the statement; when it is the policy's only statement, the policy itself goes. */
export function removeStatement(context: FixContext, cause: ExposureCause): TextEdit[] | undefined {
  const target = statementTarget(cause);
  const policy = cause.policy;
  if (!target || !policy) return undefined;
  const { statement, origin } = target;
  if (origin.syntax === 'policy-document') {
    const layout = context.layout(origin.file.path);
    if (!layout) return undefined;
    const merged = attributeOf(origin.document.body, 'source_policy_documents') || attributeOf(origin.document.body, 'override_policy_documents');
    const siblings = blocksOf(origin.document.body, 'statement').length;
    if (siblings > 1 || merged) return [layout.removal(origin.block.span)];
    return removePolicy(context, policy);
  }
  const statements = getEntry(policy.document, 'Statement')?.value;
  if (statements?.kind === 'object' && statements === statement) return removePolicy(context, policy);
  if (statements?.kind !== 'array') return undefined;
  const items = statements.items;
  const at = items.indexOf(statement);
  if (at < 0) return undefined;
  if (items.length === 1) {
    // A document read with file() would outlive its resource as a public policy file of its own.
    return statements.loc.file === policy.resource.loc.file ? removePolicy(context, policy) : undefined;
  }
  if (!items.every((item) => within(item, statements))) return undefined;
  const layout = context.layout(statements.loc.file);
  if (!layout) return undefined;
  // From this item to the next one (comma and line break included), or from the previous item's end.
  const span =
    at < items.length - 1
      ? { start: items[at].loc.range.startOffset, end: items[at + 1].loc.range.startOffset }
      : { start: items[at - 1].loc.range.endOffset, end: items[at].loc.range.endOffset };
  return [layout.replace(span, '')];
}

/** Removes the `policy` argument of the bucket (inline) or the whole aws_s3_bucket_policy resource. */
function removePolicy(context: FixContext, policy: PolicyAttachment): TextEdit[] | undefined {
  const entry = context.parsed.index.resources.get(policy.resource.address);
  const layout = entry ? context.layout(entry.file.path) : undefined;
  if (!entry || !layout) return undefined;
  if (policy.inlineOnBucket) {
    const attribute = attributeOf(entry.block.body, 'policy');
    return attribute ? [layout.removal(attribute.span)] : undefined;
  }
  if (entry.type !== 'aws_s3_bucket_policy') return undefined;
  // Something else naming this resource (depends_on, an output) would break without it.
  const referenced = context.isReferenced(entry.address);
  return referenced ? undefined : [layout.removal(entry.block.span)];
}
