/**
 * The security posture of a live account's buckets. This shape is also the CLI's
 * `posture --format json` contract: fields are added, never renamed or removed.
 *
 * Every aspect says "on", "off" or "unknown". Unknown always comes with a reason and, when a call was
 * denied, `needs` naming the IAM permission: a denied read is never reported as "off".
 */

export type AspectState = 'on' | 'off' | 'unknown';
export type ExposureState = 'public' | 'not-public' | 'unknown';

export interface LoggingPosture {
  state: AspectState;
  target?: string;
  prefix?: string;
  /** Logs are delivered to the bucket itself (every delivery writes objects that are logged again). */
  toSelf?: boolean;
  /**
   * Buckets of the account whose access logs this bucket receives. A log bucket is the one bucket that
   * should not log (its own deliveries would be logged again), so logging "off" is no gap here.
   */
  logBucketFor?: string[];
  evidence?: string[];
  reason?: string;
  needs?: string;
}

/** One trail that records (or is configured to record) this bucket's data events. */
export interface TrailCoverage {
  name: string;
  arn: string;
  homeRegion: string;
  /** `null` when GetTrailStatus could not be read. A trail that is not logging records nothing. */
  isLogging: boolean | null;
  organization: boolean;
  multiRegion: boolean;
  /** What the selectors record for this bucket. */
  read: boolean;
  write: boolean;
  /** `some-objects`: only part of the bucket (a key prefix, single objects, some event names or callers). */
  scope: 'whole-bucket' | 'some-objects';
  /** The selector(s) that match, in AWS's terms. */
  selector: string;
}

export interface DataEventsPosture {
  read: AspectState;
  write: AspectState;
  trails: TrailCoverage[];
  /** Set when a state is "on" for only part of the bucket, or "unknown". */
  reason?: string;
  evidence?: string[];
  needs?: string[];
}

export interface PublicAccessEvidence {
  source: 'policy' | 'acl' | 'policy-status' | 'block-public-access' | 'ownership';
  text: string;
  /** Statement Sid, when the evidence is a policy statement that has one. */
  sid?: string;
  /** Where the statement sits in the policy text GetBucketPolicy returns (0-based lines, UTF-16 columns). */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Set when something keeps this grant from taking effect. */
  blockedBy?: string;
}

export type BlockPublicAccessFlagName = 'BlockPublicAcls' | 'IgnorePublicAcls' | 'BlockPublicPolicy' | 'RestrictPublicBuckets';

export interface BlockPublicAccessPosture {
  /** `on`: all four flags; `partial`: some; `off`: none or no configuration. */
  state: 'on' | 'partial' | 'off' | 'unknown';
  flags?: Record<BlockPublicAccessFlagName, boolean>;
  reason?: string;
  needs?: string;
}

export interface PublicAccessPosture {
  state: ExposureState;
  read: ExposureState;
  write: ExposureState;
  /** Changing the bucket's ACL (WRITE_ACP / FULL_CONTROL to the public). */
  permissions: ExposureState;
  /** Settings that keep public grants from taking effect, e.g. `RestrictPublicBuckets (account)`. */
  blockedBy?: string[];
  evidence: PublicAccessEvidence[];
  /** Accounts outside the bucket owner's that the policy grants access to. */
  sharedWith?: Array<{ accounts: string[]; access: string[]; sid?: string }>;
  settings: {
    bucketBlockPublicAccess: BlockPublicAccessPosture;
    accountBlockPublicAccess: BlockPublicAccessPosture;
    objectOwnership: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' | 'none' | 'unknown';
    policy: 'present' | 'none' | 'unknown';
    /** AWS's own verdict on the policy (GetBucketPolicyStatus), when it could be read. */
    awsPolicyIsPublic?: boolean;
  };
  reason?: string;
  needs?: string[];
}

export interface EncryptionPosture {
  state: AspectState;
  algorithm?: string;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
  reason?: string;
  needs?: string;
}

export interface RequestMetricsPosture {
  state: AspectState;
  configurations?: Array<{ id: string; filter?: string }>;
  reason?: string;
  needs?: string;
}

export interface BucketPosture {
  /** The account that owns the bucket, when known (the caller's for listed buckets). */
  account: string | null;
  name: string;
  /** `null` when the region could not be found. */
  region: string | null;
  creationDate?: string;
  /** `listed` by ListBuckets, or `added` by name by the user. */
  source: 'listed' | 'added';
  /** Why the bucket could not be examined at all (region not reachable, not selected, not found). */
  reason?: string;
  logging: LoggingPosture;
  dataEvents: DataEventsPosture;
  publicAccess: PublicAccessPosture;
  encryption: EncryptionPosture;
  requestMetrics: RequestMetricsPosture;
}

/** A trail as found, with how far it could be read. */
export interface TrailSummary {
  name: string;
  arn: string;
  homeRegion: string;
  isLogging: boolean | null;
  organization: boolean;
  multiRegion: boolean;
  selectors: 'basic' | 'advanced' | 'unknown';
  reason?: string;
  needs?: string[];
}

export interface PostureProblem {
  kind: string;
  message: string;
  needs?: string;
}

export interface AccountPosture {
  /** `null` when the caller's identity could not be read. */
  account: string | null;
  alias?: string;
  callerArn?: string;
  partition: string;
  profile?: string;
  /** ISO 8601. */
  collectedAt: string;
  accountBlockPublicAccess: BlockPublicAccessPosture;
  listing: { complete: boolean; reason?: string; needs?: string };
  buckets: BucketPosture[];
  trails: TrailSummary[];
  /** Account-wide trouble: expired credentials, listing denied, throttling. */
  problems: PostureProblem[];
  stats: { requests: number; failedRequests: number; durationMs: number };
}
