import type { BucketRule } from '../rule';

export const loggingToSelfRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-LOGGING-TO-SELF',
  title: 'Bucket writes its access logs into itself',
  severity: 'info',
  summary: 'Server access logging targets the bucket itself.',
  docs: `When a bucket delivers its server access logs into itself, every log delivery is itself a request that
gets logged: the log grows without end, costs grow with it, and the real requests are buried. A log bucket
should not log to itself. AWS recommends a separate log bucket in the same account and Region.

**Fix**: point the logging target at a dedicated log bucket.`,
  check(context) {
    const { bucket } = context;
    const logging = bucket.logging;
    if (!logging) return [];
    const sameByAddress = logging.targetBucketAddress !== undefined && logging.targetBucketAddress === bucket.resource.address;
    const sameByName =
      logging.targetBucket.known && bucket.bucketName.known && logging.targetBucket.value === bucket.bucketName.value;
    if (!sameByAddress && !sameByName) return [];
    return [
      {
        message: `${bucket.resource.address} delivers its server access logs into itself: each delivery is logged again, so the log grows without end. Use a separate log bucket in the same account and Region.`,
        loc: logging.loc,
        resource: logging.resource.address,
        bucketName: bucket.bucketName.known ? bucket.bucketName.value : undefined,
        related: [{ loc: bucket.resource.headerLoc, message: 'The bucket' }],
        fixes: [],
      },
    ];
  },
};
