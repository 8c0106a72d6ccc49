/**
 * What the fake AWS account holds. Tests build one per case; the server answers from it as AWS
 * would (documented XML/JSON, documented error codes), so real SDK clients can be pointed at it.
 */

export interface FakeBlockPublicAccess {
  blockPublicAcls?: boolean;
  ignorePublicAcls?: boolean;
  blockPublicPolicy?: boolean;
  restrictPublicBuckets?: boolean;
}

export type FakeGrantee =
  | { type: 'Group'; uri: string }
  | { type: 'CanonicalUser'; id: string; displayName?: string }
  | { type: 'AmazonCustomerByEmail'; email: string };

export interface FakeGrant {
  grantee: FakeGrantee;
  permission: 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL';
}

export interface FakeBucket {
  name: string;
  region: string;
  creationDate?: string;
  /** ListBuckets leaves BucketRegion out (older S3-compatible stores do). */
  omitRegionInListing?: boolean;
  /** What GetBucketLocation answers instead of the region ('EU', '' for legacy buckets). */
  locationConstraint?: string;
  /** Not in ListBuckets: a bucket of another account, reachable by name only. */
  unlisted?: boolean;
  logging?: { targetBucket: string; targetPrefix?: string };
  publicAccessBlock?: FakeBlockPublicAccess;
  /** The policy text exactly as stored. */
  policy?: string;
  /** AWS's own verdict (GetBucketPolicyStatus); required with a policy so each test states it. */
  policyIsPublic?: boolean;
  /** Grants besides the owner's FULL_CONTROL. */
  aclGrants?: FakeGrant[];
  /** The ACL owner's canonical id; default the account's. */
  ownerCanonicalId?: string;
  ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
  /** `null`: no default encryption configured; undefined: SSE-S3 (the default AWS applies since 2023). */
  encryption?: { algorithm: string; kmsKeyId?: string; bucketKeyEnabled?: boolean } | null;
  metrics?: Array<{ id: string; prefix?: string }>;
}

export interface FakeFieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface FakeTrail {
  name: string;
  homeRegion: string;
  /** Owner of the trail; organization trails belong to the management account. Default the account's. */
  accountId?: string;
  multiRegion?: boolean;
  organization?: boolean;
  isLogging: boolean;
  eventSelectors?: Array<{
    ReadWriteType?: 'ReadOnly' | 'WriteOnly' | 'All';
    IncludeManagementEvents?: boolean;
    DataResources?: Array<{ Type: string; Values: string[] }>;
  }>;
  advancedEventSelectors?: Array<{ Name?: string; FieldSelectors: FakeFieldSelector[] }>;
}

export type FakeErrorKind =
  | 'AccessDenied'
  | 'AllAccessDisabled'
  | 'SlowDown'
  | 'Throttling'
  | 'ExpiredToken'
  | 'InvalidToken'
  | 'NoSuchBucket'
  | 'InternalError';

/**
 * Operations the server answers. The core ones are listed; a route module (test/fakeAws/routeModules.ts)
 * answers more, named as AWS names them (`PutBucketPolicy`, `StartQueryExecution`, …).
 */
export type FakeOperation = CoreFakeOperation | (string & {});

/** S3 / S3 Control / STS / IAM / CloudTrail read operations of the posture collector. */
export type CoreFakeOperation =
  | 'ListBuckets'
  | 'GetBucketLocation'
  | 'HeadBucket'
  | 'GetBucketLogging'
  | 'GetPublicAccessBlock'
  | 'GetBucketPolicyStatus'
  | 'GetBucketPolicy'
  | 'GetBucketAcl'
  | 'GetBucketOwnershipControls'
  | 'GetBucketEncryption'
  | 'ListBucketMetricsConfigurations'
  | 'GetAccountPublicAccessBlock'
  | 'GetCallerIdentity'
  | 'ListAccountAliases'
  | 'DescribeTrails'
  | 'GetTrailStatus'
  | 'GetEventSelectors';

export interface FakeFault {
  operation: FakeOperation | '*';
  bucket?: string;
  /** Only requests signed for this region. */
  region?: string;
  /** Only this trail (name) for GetTrailStatus / GetEventSelectors. */
  trail?: string;
  error: FakeErrorKind;
  /** Answer the error this many times, then behave normally; default every time. */
  times?: number;
}

export interface FakeAccount {
  accountId: string;
  canonicalUserId: string;
  callerArn?: string;
  aliases?: string[];
  buckets: FakeBucket[];
  accountPublicAccessBlock?: FakeBlockPublicAccess;
  trails?: FakeTrail[];
  faults?: FakeFault[];
  /** Added before every answer. */
  latencyMs?: number;
  /** Regions this account has not enabled: every request signed for them is refused with InvalidToken. */
  disabledRegions?: string[];
  // Route modules add their service's optional state below, one field each.
}

export const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

/** A plain account: `count` buckets named `<prefix>-0000…` in the given regions, round robin, nothing configured. */
export function fakeAccount(overrides: Partial<FakeAccount> = {}): FakeAccount {
  return {
    accountId: '123456789012',
    canonicalUserId: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    aliases: [],
    buckets: [],
    trails: [],
    faults: [],
    ...overrides,
  };
}

export function numberedBuckets(count: number, regions: string[], make: (name: string, index: number) => Partial<FakeBucket> = () => ({})): FakeBucket[] {
  const buckets: FakeBucket[] = [];
  for (let index = 0; index < count; index++) {
    const name = `bucket-${String(index).padStart(5, '0')}`;
    buckets.push({ name, region: regions[index % regions.length], ...make(name, index) });
  }
  return buckets;
}

export const FULL_BPA: FakeBlockPublicAccess = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};
