import type { BucketModel, DeclarationSet, TrailDeclaration } from '../model/bucket';
import type { LValue } from '../model/value';

const LOG_DELIVERY_GROUP = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const LOGGING_SERVICE = 'logging.s3.amazonaws.com';

interface LogTargetIndex {
  /** Buckets that log, by the address and by the name of the bucket they log to. */
  byAddress: Map<string, BucketModel[]>;
  byName: Map<string, BucketModel[]>;
}

/** One index per set: every bucket of a large module asks whether another bucket logs to it. */
const logTargetIndexes = new WeakMap<DeclarationSet, LogTargetIndex>();

function logTargetIndexOf(set: DeclarationSet): LogTargetIndex {
  let index = logTargetIndexes.get(set);
  if (!index) {
    index = { byAddress: new Map(), byName: new Map() };
    for (const source of set.buckets) {
      const logging = source.logging;
      if (!logging) continue;
      if (logging.targetBucketAddress) addTo(index.byAddress, logging.targetBucketAddress, source);
      if (logging.targetBucket.known) addTo(index.byName, logging.targetBucket.value, source);
    }
    logTargetIndexes.set(set, index);
  }
  return index;
}

function addTo(map: Map<string, BucketModel[]>, key: string, source: BucketModel): void {
  const sources = map.get(key);
  if (sources) sources.push(source);
  else map.set(key, [source]);
}

/** Buckets of the set that server access logs are delivered to, by reference or by name. */
export function isLogTargetInSet(bucket: BucketModel, set: DeclarationSet): boolean {
  const index = logTargetIndexOf(set);
  const other = (sources: BucketModel[] | undefined): boolean => sources !== undefined && sources.some((source) => source !== bucket);
  if (other(index.byAddress.get(bucket.resource.address))) return true;
  return bucket.bucketName.known && other(index.byName.get(bucket.bucketName.value));
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

