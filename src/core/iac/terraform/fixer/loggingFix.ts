import type { BucketModel, DeclarationSet } from '../../../model/bucket';
import type { TextEdit } from '../../../model/finding';
import { attributeOf } from '../syntaxTree';
import type { FixContext } from './fixContext';
import { appendResource, companionOf, freeResourceName } from './newResource';
import { placeholder, snippetText } from './snippet';

/** Snippet: an aws_s3_bucket_logging after the bucket, the target prefilled when the module has an obvious log bucket. */
export function addAccessLogging(context: FixContext, bucket: BucketModel, set: DeclarationSet): TextEdit[] | undefined {
  if (bucket.logging || bucket.partial) return undefined;
  const entry = context.parsed.index.resources.get(bucket.resource.address);
  const layout = entry ? context.layout(entry.file.path) : undefined;
  if (!entry || entry.type !== 'aws_s3_bucket' || !layout) return undefined;
  const logBucket = obviousLogBucket(context, set).find((candidate) => candidate !== bucket.resource.address)?.slice('aws_s3_bucket.'.length);
  const targetBucket = logBucket ? placeholder(1, `aws_s3_bucket.${logBucket}.id`) : `"${placeholder(1, 'log-bucket-name')}"`;
  const prefix = `${bucket.bucketName.known ? bucket.bucketName.value : entry.name}/`;
  const target: Array<[string, string]> = [
    ['target_bucket', targetBucket],
    ['target_prefix', `"${snippetText(prefix.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{'))}"`],
  ];
  const name = freeResourceName(context.parsed.index, 'aws_s3_bucket_logging', entry.name);
  return [appendResource(layout, entry.block.span.end, 'aws_s3_bucket_logging', name, [companionOf(entry, true), target])];
}

/**
 * Buckets other buckets already log to, then those whose name says "log" (best first); only plain
 * single-instance aws_s3_bucket resources qualify (their `.id` must name one bucket). Computed once per set.
 */
function obviousLogBucket(context: FixContext, set: DeclarationSet): string[] {
  const cached = context.memo.get(set);
  if (cached) return cached as string[];
  const candidates = set.buckets.filter((other) => {
    if (other.partial) return false;
    const entry = context.parsed.index.resources.get(other.resource.address);
    return entry?.type === 'aws_s3_bucket' && !attributeOf(entry.block.body, 'count') && !attributeOf(entry.block.body, 'for_each');
  });
  const targets = new Set(set.buckets.map((other) => other.logging?.targetBucketAddress).filter((address) => address !== undefined));
  const named = (other: BucketModel) => /log/i.test(other.resource.address) || (other.bucketName.known && /log/i.test(other.bucketName.value));
  const ranked = [
    ...candidates.filter((other) => targets.has(other.resource.address)),
    ...candidates.filter((other) => !targets.has(other.resource.address) && named(other)),
  ].map((other) => other.resource.address);
  // Two entries suffice: the best, and the next one for when the best is the bucket itself.
  const best = ranked.slice(0, 2);
  context.memo.set(set, best);
  return best;
}
