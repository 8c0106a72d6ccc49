import type { SourceLocation } from '../../model/location';
import { UNKNOWN_PLACEHOLDER, type LValue } from '../../model/value';
import type { BucketNameResolution, Evaluator } from './evaluate';
import { resolveString, unknownValue } from './lvalues';
import type { ResourceEntry } from './moduleIndex';
import { attributeOf } from './syntaxTree';

/** `aws_s3_bucket.x.id` / `.bucket` / `.arn` / `.bucket_domain_name` from the bucket's name; other attributes are not derived. */
export function bucketAttribute({ name, partial }: BucketNameResolution, attribute: string, loc: SourceLocation): LValue | undefined {
  const shaped = (prefix: string, suffix: string): LValue =>
    name.known
      ? { kind: 'string', value: `${prefix}${name.value}${suffix}`, loc }
      : unknownValue(name.reason, loc, `${prefix}${partial ?? UNKNOWN_PLACEHOLDER}${suffix}`);
  switch (attribute) {
    case 'id':
    case 'bucket':
      return shaped('', '');
    case 'arn':
      return shaped('arn:aws:s3:::', '');
    case 'bucket_domain_name':
      return shaped('', '.s3.amazonaws.com');
    default:
      return undefined;
  }
}

/** The `bucket` argument; without one, Terraform generates the name at apply (from `bucket_prefix` when given). */
export function resolveBucketName(evaluator: Evaluator, entry: ResourceEntry): BucketNameResolution {
  const body = entry.block.body;
  const bucket = attributeOf(body, 'bucket');
  if (bucket) {
    const value = evaluator.lower(bucket.value, entry.file);
    if (value.kind === 'null') return { name: { known: false, reason: 'bucket = null: Terraform generates a unique name at apply' } };
    const name = resolveString(value);
    return { name, partial: value.kind === 'unknown' ? value.partial : undefined };
  }
  const prefix = attributeOf(body, 'bucket_prefix');
  if (prefix) {
    const value = resolveString(evaluator.lower(prefix.value, entry.file));
    const shown = value.known ? `"${value.value}"` : 'an unknown prefix';
    return {
      name: { known: false, reason: `the name is generated at apply from bucket_prefix ${shown}` },
      partial: value.known ? `${value.value}${UNKNOWN_PLACEHOLDER}` : undefined,
    };
  }
  return { name: { known: false, reason: 'no `bucket` argument: Terraform generates a unique name at apply' } };
}
