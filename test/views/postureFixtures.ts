import type { AccountPosture, BucketPosture } from '../../src/core/posture/types';

/** A bucket whose three aspects are as they should be; tests change the part they are about. */
export function goodBucket(name: string, overrides: Partial<BucketPosture> = {}): BucketPosture {
  return {
    account: '123456789012',
    name,
    region: 'eu-west-1',
    source: 'listed',
    logging: { state: 'on', target: 'logs-bucket', prefix: `${name}/` },
    dataEvents: {
      read: 'on',
      write: 'on',
      trails: [
        {
          name: 'org-trail',
          arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
          homeRegion: 'us-east-1',
          isLogging: true,
          organization: true,
          multiRegion: true,
          read: true,
          write: true,
          scope: 'whole-bucket',
          selector: 'advanced: resources.ARN StartsWith arn:aws:s3',
        },
      ],
    },
    publicAccess: {
      state: 'not-public',
      read: 'not-public',
      write: 'not-public',
      permissions: 'not-public',
      evidence: [],
      settings: {
        bucketBlockPublicAccess: { state: 'on' },
        accountBlockPublicAccess: { state: 'on' },
        objectOwnership: 'BucketOwnerEnforced',
        policy: 'none',
      },
    },
    encryption: { state: 'on', algorithm: 'AES256' },
    requestMetrics: { state: 'off' },
    ...overrides,
  };
}

export function publicBucket(name: string): BucketPosture {
  const bucket = goodBucket(name);
  return {
    ...bucket,
    publicAccess: {
      ...bucket.publicAccess,
      state: 'public',
      read: 'public',
      evidence: [{ source: 'policy', sid: 'PublicRead', text: 'Principal "*" may call s3:GetObject on every object.' }],
      settings: { ...bucket.publicAccess.settings, bucketBlockPublicAccess: { state: 'off' }, accountBlockPublicAccess: { state: 'off' }, policy: 'present' },
    },
  };
}

export function accountPosture(buckets: BucketPosture[], overrides: Partial<AccountPosture> = {}): AccountPosture {
  return {
    account: '123456789012',
    alias: 'prod',
    partition: 'aws',
    collectedAt: '2026-01-02T03:04:05.000Z',
    accountBlockPublicAccess: { state: 'on' },
    listing: { complete: true },
    buckets,
    trails: [],
    problems: [],
    stats: { requests: 0, failedRequests: 0, durationMs: 0 },
    ...overrides,
  };
}
