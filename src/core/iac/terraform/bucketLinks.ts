import type { Resolvable } from '../../model/value';
import type { BucketNameResolution, Evaluator } from './evaluate';
import { resolveString } from './lvalues';
import type { ResourceEntry } from './moduleIndex';
import { attributeOf, type HclExpression, type HclFile, type HclTraversal } from './syntaxTree';

/** What a split resource's `bucket` (or a logging `target_bucket`) points at. */
export type BucketTarget =
  | { kind: 'resource'; address: string }
  | { kind: 'name'; name: Resolvable<string>; partial?: string; key: string };

const MAX_HOPS = 20;

/**
 * Follows `aws_s3_bucket.x.id` / `.bucket` / `.arn`, `aws_s3_bucket.x[0].id`, locals holding such a
 * reference, and `each.value.id` of a `for_each = aws_s3_bucket.x`; otherwise resolves the name so a
 * literal (or variable) equal to a declared bucket's name still links.
 */
export function bucketTarget(evaluator: Evaluator, entry: ResourceEntry | undefined, expression: HclExpression, file: HclFile): BucketTarget {
  const address = referencedBucket(evaluator, entry, expression, 0);
  if (address) return { kind: 'resource', address };
  const value = evaluator.lower(expression, file);
  const name = resolveString(value);
  const key = name.known ? `name:${name.value}` : `expression:${evaluator.sourceText(file, expression.span)}`;
  return { kind: 'name', name, partial: value.kind === 'unknown' ? value.partial : undefined, key };
}

function referencedBucket(evaluator: Evaluator, entry: ResourceEntry | undefined, expression: HclExpression, hops: number): string | undefined {
  if (hops > MAX_HOPS) return undefined;
  if (expression.kind === 'parens') return referencedBucket(evaluator, entry, expression.inner, hops + 1);
  if (expression.kind === 'template' && !expression.heredoc && expression.parts.length === 1) {
    const only = expression.parts[0];
    return only.kind === 'interpolation' && only.expression ? referencedBucket(evaluator, entry, only.expression, hops + 1) : undefined;
  }
  if (expression.kind !== 'traversal') return undefined;
  const direct = bucketAddressOf(expression);
  if (direct && evaluator.index.resources.has(direct)) return direct;
  if (expression.root === 'local' && expression.steps.length === 1) {
    const definition = evaluator.definitionOf(expression);
    return definition?.known ? referencedBucket(evaluator, undefined, definition.expression, hops + 1) : undefined;
  }
  if (expression.root === 'each' && entry) return forEachBucket(evaluator, entry, expression);
  return undefined;
}

/** `aws_s3_bucket.x.id`, `.bucket`, `.arn`, with instance keys allowed in between. */
function bucketAddressOf(traversal: HclTraversal): string | undefined {
  if (traversal.root !== 'aws_s3_bucket') return undefined;
  const [nameStep, ...rest] = traversal.steps;
  if (nameStep?.kind !== 'attr') return undefined;
  const attribute = rest.find((step) => step.kind !== 'index');
  if (attribute?.kind === 'attr' && (attribute.name === 'id' || attribute.name === 'bucket' || attribute.name === 'arn')) {
    return `aws_s3_bucket.${nameStep.name}`;
  }
  return undefined;
}

/** `for_each = aws_s3_bucket.x` with `bucket = each.value.id` (or `.bucket`) names the same buckets. */
function forEachBucket(evaluator: Evaluator, entry: ResourceEntry, traversal: HclTraversal): string | undefined {
  const [valueStep, attribute] = traversal.steps;
  if (valueStep?.kind !== 'attr' || valueStep.name !== 'value') return undefined;
  if (attribute?.kind !== 'attr' || (attribute.name !== 'id' && attribute.name !== 'bucket')) return undefined;
  const forEach = attributeOf(entry.block.body, 'for_each');
  const source = forEach?.value;
  if (source?.kind !== 'traversal' || source.root !== 'aws_s3_bucket' || source.steps.length !== 1) return undefined;
  const step = source.steps[0];
  const address = step.kind === 'attr' ? `aws_s3_bucket.${step.name}` : undefined;
  return address && evaluator.index.resources.has(address) ? address : undefined;
}

export function bucketNameOfTarget(evaluator: Evaluator, target: BucketTarget): BucketNameResolution {
  if (target.kind === 'name') return { name: target.name, partial: target.partial };
  const entry = evaluator.index.resources.get(target.address);
  return entry ? evaluator.bucketName(entry) : { name: { known: false, reason: `${target.address} is not declared` } };
}
