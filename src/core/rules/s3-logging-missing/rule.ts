import type { BucketRule } from '../rule';
import { makeFix } from '../makeFix';
import { isLogTargetInSet, looksPreparedForLogDelivery, trailsCovering } from '../logTargets';

export const loggingMissingRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-LOGGING-MISSING',
  title: 'Server access logging is off',
  severity: 'info',
  summary: 'The bucket has no server access logging in these files (log buckets themselves are exempt).',
  docs: `Server access logs record every request made to the bucket — who, from where, which key, with what
result. Without them an incident responder cannot answer "what was read?". AWS's security best practices
recommend server access logging on every bucket except the log bucket itself, delivering to a log bucket in
the same account and Region.

CloudTrail data events (object-level API calls) complement access logs; a trail in the same files whose
event selectors cover this bucket is mentioned in the message. A bucket that receives access logs (it is
another bucket's logging target, its policy admits \`logging.s3.amazonaws.com\`, or its ACL grants the
LogDelivery group) is not reported.`,
  check(context) {
    const { bucket, set } = context;
    if (bucket.partial || bucket.logging) return [];
    if (isLogTargetInSet(bucket, set) || looksPreparedForLogDelivery(bucket)) return [];
    const trails = trailsCovering(bucket, set);
    const trailNote =
      trails.length > 0
        ? ` CloudTrail data events are covered by ${trails.map((coverage) => `${coverage.trail.resource.address} (${coverage.readWrite})`).join(', ')}, but they do not record everything access logs do (e.g. anonymous and failed-authentication requests).`
        : '';
    const edits = context.fixer.addAccessLogging(bucket, set);
    return [
      {
        message: `${bucket.resource.address} has no server access logging; requests to it leave no access log to investigate.${trailNote}`,
        loc: bucket.resource.headerLoc,
        resource: bucket.resource.address,
        bucketName: bucket.bucketName.known ? bucket.bucketName.value : undefined,
        related: trails.map((coverage) => ({ loc: coverage.trail.resource.headerLoc, message: 'Trail with S3 data events for this bucket' })),
        fixes: edits && edits.length > 0 ? [makeFix('Add server access logging', edits, true)] : [],
      },
    ];
  },
};
