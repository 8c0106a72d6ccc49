import type { BucketModel, DeclarationSet, TrailDeclaration } from '../model/bucket';
import type { LValue } from '../model/value';

const LOG_DELIVERY_GROUP = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const LOGGING_SERVICE = 'logging.s3.amazonaws.com';

/** Buckets of the set that server access logs are delivered to, by reference or by name. */
export function isLogTargetInSet(bucket: BucketModel, set: DeclarationSet): boolean {
  return set.buckets.some((source) => {
    const logging = source.logging;
    if (!logging || source === bucket) return false;
    if (logging.targetBucketAddress && logging.targetBucketAddress === bucket.resource.address) return true;
    return logging.targetBucket.known && bucket.bucketName.known && logging.targetBucket.value === bucket.bucketName.value;
  });
}

/**
 * AWS delivers access logs either through a bucket policy for the logging service principal or, the older
 * way, through an ACL grant to the LogDelivery group: either marks a bucket as a log bucket.
 */
export function looksPreparedForLogDelivery(bucket: BucketModel): boolean {
  const acl = bucket.acls.some(
    (declaration) =>
      (declaration.canned?.value.known && declaration.canned.value.value === 'log-delivery-write') ||
      declaration.grants.some((grant) => grant.grantee.known && grant.grantee.value.uri === LOG_DELIVERY_GROUP),
  );
  return acl || bucket.policies.some((policy) => mentionsString(policy.document, LOGGING_SERVICE));
}

function mentionsString(value: LValue, wanted: string): boolean {
  switch (value.kind) {
    case 'string':
      return value.value === wanted;
    case 'array':
      return value.items.some((item) => mentionsString(item, wanted));
    case 'object':
      return value.entries.some((entry) => mentionsString(entry.value, wanted));
    default:
      return false;
  }
}

export interface TrailCoverage {
  trail: TrailDeclaration;
  readWrite: string;
}

/** Trails in the set whose S3 data-event selectors cover this bucket. */
export function trailsCovering(bucket: BucketModel, set: DeclarationSet): TrailCoverage[] {
  const arn = bucket.bucketName.known ? `arn:aws:s3:::${bucket.bucketName.value}` : undefined;
  const coverage: TrailCoverage[] = [];
  for (const trail of set.trails) {
    for (const selector of trail.s3DataSelectors) {
      const covers =
        selector.buckets === 'all' ||
        selector.bucketAddresses.includes(bucket.resource.address) ||
        (arn !== undefined &&
          selector.buckets.some((prefix) => prefix.known && (arn + '/').startsWith(prefix.value.replace(/\/\*?$/, '/'))));
      if (covers) coverage.push({ trail, readWrite: selector.readWrite });
    }
  }
  return coverage;
}

