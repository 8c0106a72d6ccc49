import type { SourceLocation } from './location';
import type { LValue, Resolvable } from './value';

export type IacFormat =
  | 'terraform'
  | 'cloudformation'
  | 'bucket-policy-json'
  | 's3api-get-bucket-policy'
  | 's3api-get-bucket-acl'
  | 's3api-get-public-access-block';

/** One resource (or one whole file, for raw JSON) as written in a file. */
export interface DeclaredResource {
  /** `aws_s3_bucket.site`, `module.x.aws_s3_bucket.y`, a CloudFormation logical id, or the file name for raw JSON. */
  address: string;
  /** `aws_s3_bucket`, `AWS::S3::Bucket`, `bucket-policy-json`, … */
  type: string;
  format: IacFormat;
  /** The whole block / resource mapping. */
  loc: SourceLocation;
  /** Where a whole-resource finding is shown: the block header (`resource "aws_s3_bucket" "site"`) or the logical id key. */
  headerLoc: SourceLocation;
  /**
   * Addresses this resource is applied after: explicit `depends_on`/`DependsOn` and implicit
   * references (`aws_s3_bucket.site.id`, `!Ref Site`). Used only to decide apply order.
   */
  dependsOn: string[];
  /**
   * Whether applying the files creates this resource: Terraform `count`/`for_each` that may be zero or
   * empty, a CloudFormation `Condition`. Absent means it is created.
   */
  exists?: Resolvable<boolean>;
}

export type CannedAcl =
  | 'private'
  | 'public-read'
  | 'public-read-write'
  | 'authenticated-read'
  | 'aws-exec-read'
  | 'bucket-owner-read'
  | 'bucket-owner-full-control'
  | 'log-delivery-write';

export type AclPermission = 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP' | 'FULL_CONTROL';

export interface AclGrantee {
  type: 'Group' | 'CanonicalUser' | 'AmazonCustomerByEmail' | 'unknown';
  /** Group URI, e.g. http://acs.amazonaws.com/groups/global/AllUsers */
  uri?: string;
  id?: string;
  email?: string;
}

export interface AclGrantDeclaration {
  grantee: Resolvable<AclGrantee>;
  permission: Resolvable<AclPermission>;
  /** The grant block / list item. */
  loc: SourceLocation;
  /** The grantee element (uri / id), for pin-point findings. */
  granteeLoc: SourceLocation;
}

export interface AclDeclaration {
  resource: DeclaredResource;
  /** Canned ACL (`acl = "public-read"`, `AccessControl: PublicRead` normalised to `public-read`). */
  canned?: { value: Resolvable<CannedAcl | string>; loc: SourceLocation };
  grants: AclGrantDeclaration[];
  /** Set when the ACL sits inline on the bucket resource (Terraform legacy `acl`, CloudFormation `AccessControl`). */
  inlineOnBucket: boolean;
}

export interface PolicyAttachment {
  /** The resource that attaches the policy (aws_s3_bucket_policy, AWS::S3::BucketPolicy, the bucket itself for inline, the file for raw JSON). */
  resource: DeclaredResource;
  /** The policy document, lowered to a located tree; `unknown` when it cannot be resolved. */
  document: LValue;
  /** The attribute holding the document (`policy = …`, `PolicyDocument:`), for whole-policy findings. */
  loc: SourceLocation;
  inlineOnBucket: boolean;
}

export interface BlockPublicAccessFlags {
  blockPublicAcls: Resolvable<boolean>;
  ignorePublicAcls: Resolvable<boolean>;
  blockPublicPolicy: Resolvable<boolean>;
  restrictPublicBuckets: Resolvable<boolean>;
}

export type BlockPublicAccessFlag = keyof BlockPublicAccessFlags;

export interface PublicAccessBlockDeclaration {
  resource: DeclaredResource;
  /** A flag that is not written is `{ known: true, value: false }` (AWS default for an omitted flag). */
  flags: BlockPublicAccessFlags;
  /** Where each written flag sits; absent when the flag is not written. */
  flagLocs: Partial<Record<BlockPublicAccessFlag, SourceLocation>>;
  loc: SourceLocation;
  scope: 'bucket' | 'account';
}

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export interface OwnershipDeclaration {
  resource: DeclaredResource;
  value: Resolvable<ObjectOwnership | string>;
  loc: SourceLocation;
}

export interface LoggingDeclaration {
  resource: DeclaredResource;
  targetBucket: Resolvable<string>;
  /** Address of the bucket resource the target refers to (`aws_s3_bucket.logs`, logical id), when it is a reference. */
  targetBucketAddress?: string;
  targetPrefix?: Resolvable<string>;
  loc: SourceLocation;
  inlineOnBucket: boolean;
}

/** A CloudTrail trail's data-event coverage of S3, as far as the files declare it. */
export interface TrailDeclaration {
  resource: DeclaredResource;
  name: Resolvable<string>;
  /** Each selector: which buckets (ARN prefixes, or all) and which events. */
  s3DataSelectors: Array<{
    /** `all` = every bucket (`arn:aws:s3` / `arn:aws:s3:::`), else ARN prefixes (possibly unresolved). */
    buckets: 'all' | Array<Resolvable<string>>;
    /** Bucket resource addresses referenced by the selector values. */
    bucketAddresses: string[];
    readWrite: 'All' | 'ReadOnly' | 'WriteOnly' | 'unknown';
    loc: SourceLocation;
  }>;
}

/** An inline comment (or CloudFormation Metadata entry) that silences one rule on one element, with a reason. */
export interface Suppression {
  ruleId: string;
  reason: string;
  /** The comment itself. */
  loc: SourceLocation;
  /**
   * What it covers: findings whose location starts inside this range. For a comment on its own line,
   * the next element (block/attribute); for a trailing comment, its line; for CloudFormation Metadata,
   * the whole resource.
   */
  appliesTo: SourceLocation;
}

/** A bucket as the files declare it, with every resource that shapes its exposure. */
export interface BucketModel {
  /** The bucket resource; for raw JSON files a synthetic resource spanning the document. */
  resource: DeclaredResource;
  bucketName: Resolvable<string>;
  policies: PolicyAttachment[];
  acls: AclDeclaration[];
  publicAccessBlock?: PublicAccessBlockDeclaration;
  ownership?: OwnershipDeclaration;
  logging?: LoggingDeclaration;
  /**
   * True when the files do not describe the whole bucket (a raw policy JSON, s3api output):
   * absent settings are then "not in this file", not "absent" — no missing-BPA or missing-logging findings.
   */
  partial: boolean;
}

/** Everything one analysis unit (a Terraform module directory, one template, one JSON file) declares. */
export interface DeclarationSet {
  format: IacFormat;
  buckets: BucketModel[];
  accountPublicAccessBlocks: PublicAccessBlockDeclaration[];
  trails: TrailDeclaration[];
  suppressions: Suppression[];
  /** Files that belonged to the unit but could not be parsed, with a message and where it went wrong. */
  parseProblems: ParseProblem[];
}

export interface ParseProblem {
  message: string;
  loc: SourceLocation;
}
