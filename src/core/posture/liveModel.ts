import type {
  AclDeclaration,
  AclGrantDeclaration,
  AclGrantee,
  AclPermission,
  BlockPublicAccessFlags,
  BucketModel,
  DeclarationSet,
  DeclaredResource,
  OwnershipDeclaration,
  PolicyAttachment,
  PublicAccessBlockDeclaration,
} from '../model/bucket';
import { LineIndex, type SourceLocation } from '../model/location';
import type { LValue, Resolvable } from '../model/value';
import { parseLocatedJson } from '../iac/jsonLocated';

/**
 * A live bucket lowered to the same model a file is lowered to, so one engine judges both. Each
 * setting gets a synthetic file name (`s3://bucket/?policy`); the policy keeps real positions in
 * the text GetBucketPolicy returned, so evidence can point at a statement.
 *
 * What is live has already been applied: settings that only act when something is PUT
 * (BlockPublicPolicy, BlockPublicAcls) are modelled as applied after the policy and ACL they
 * found in place, which S3 keeps.
 */

/** An answer read from AWS: a value, "nothing configured", or unreadable with a reason. */
export type LiveAnswer<T> = { state: 'value'; value: T } | { state: 'absent' } | { state: 'unreadable'; reason: string };

export interface LiveFlags {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface LiveGrant {
  type?: string;
  uri?: string;
  id?: string;
  email?: string;
  permission?: string;
}

export interface LiveBucketInputs {
  bucket: string;
  policyText: LiveAnswer<string>;
  aclGrants: LiveAnswer<LiveGrant[]>;
  bucketBlockPublicAccess: LiveAnswer<LiveFlags>;
  /** Unreadable (with the reason) when the bucket's owner is not known to be the caller's account. */
  accountBlockPublicAccess: LiveAnswer<LiveFlags>;
  accountId: string | null;
  ownership: LiveAnswer<string>;
}

export interface LiveModel {
  set: DeclarationSet;
  bucket: BucketModel;
  /** The policy's synthetic file name and text, for mapping evidence back to positions. */
  policyFile: string;
  policyLines?: LineIndex;
  /** Placeholders standing for settings that could not be read. */
  unreadablePolicy?: PolicyAttachment;
  unreadableAcl?: AclDeclaration;
  /** Set when ACLs are disabled (BucketOwnerEnforced): the ACL that S3 ignores. */
  disabledAcl?: AclDeclaration;
}

export function liveFileNames(bucket: string, accountId: string | null) {
  return {
    bucket: `s3://${bucket}/`,
    policy: `s3://${bucket}/?policy`,
    acl: `s3://${bucket}/?acl`,
    bucketBlockPublicAccess: `s3://${bucket}/?publicAccessBlock`,
    ownership: `s3://${bucket}/?ownershipControls`,
    accountBlockPublicAccess: `s3-control://${accountId ?? 'unknown-account'}/configuration/publicAccessBlock`,
  };
}

export function startOf(file: string): SourceLocation {
  return { file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 } };
}

function resource(address: string, type: string, file: string, format: DeclaredResource['format'], dependsOn: string[] = []): DeclaredResource {
  const loc = startOf(file);
  return { address, type, format, loc, headerLoc: loc, dependsOn };
}

const ADDRESSES = {
  bucket: 'the bucket',
  policy: 'the bucket policy',
  acl: 'the bucket ACL',
  bucketBlockPublicAccess: 'the bucket’s Block Public Access',
  accountBlockPublicAccess: 'the account’s Block Public Access',
  ownership: 'the bucket’s Object Ownership',
};

export function buildLiveModel(inputs: LiveBucketInputs): LiveModel {
  const files = liveFileNames(inputs.bucket, inputs.accountId);
  const bucketResource = resource(ADDRESSES.bucket, 'aws_s3_bucket', files.bucket, 's3api-get-bucket-policy');
  const bucket: BucketModel = {
    resource: bucketResource,
    bucketName: { known: true, value: inputs.bucket },
    policies: [],
    acls: [],
    // The April-2023 notes speak of applying files; a live bucket is already there.
    partial: true,
  };
  const model: LiveModel = {
    set: { format: 's3api-get-bucket-policy', buckets: [bucket], accountPublicAccessBlocks: [], trails: [], suppressions: [], parseProblems: [] },
    bucket,
    policyFile: files.policy,
  };

  const policy = policyAttachment(inputs.policyText, files.policy);
  if (policy) {
    bucket.policies.push(policy.attachment);
    model.policyLines = policy.lines;
    if (inputs.policyText.state === 'unreadable') model.unreadablePolicy = policy.attachment;
  }

  const acl = aclDeclaration(inputs.aclGrants, files.acl);
  const ownership = ownershipDeclaration(inputs.ownership, files.ownership);
  if (ownership?.value.known && ownership.value.value === 'BucketOwnerEnforced') {
    // ACLs are disabled: S3 ignores every grant in them, whatever GetBucketAcl shows.
    model.disabledAcl = acl;
  } else {
    bucket.acls.push(acl);
    if (inputs.aclGrants.state === 'unreadable') model.unreadableAcl = acl;
    if (ownership) bucket.ownership = ownership;
  }

  const putTimeAfter = [ADDRESSES.policy, ADDRESSES.acl];
  const bucketBlock = blockDeclaration(inputs.bucketBlockPublicAccess, files.bucketBlockPublicAccess, 'bucket', putTimeAfter);
  if (bucketBlock) bucket.publicAccessBlock = bucketBlock;
  const accountBlock = blockDeclaration(inputs.accountBlockPublicAccess, files.accountBlockPublicAccess, 'account', putTimeAfter);
  if (accountBlock) model.set.accountPublicAccessBlocks.push(accountBlock);
  return model;
}

function policyAttachment(answer: LiveAnswer<string>, file: string): { attachment: PolicyAttachment; lines?: LineIndex } | undefined {
  if (answer.state === 'absent') return undefined;
  const policyResource = resource(ADDRESSES.policy, 'aws_s3_bucket_policy', file, 's3api-get-bucket-policy');
  if (answer.state === 'unreadable') {
    const loc = startOf(file);
    const document: LValue = { kind: 'unknown', reason: answer.reason, loc };
    return { attachment: { resource: policyResource, document, loc, inlineOnBucket: false } };
  }
  const lines = new LineIndex(answer.value);
  const parsed = parseLocatedJson(answer.value, file);
  const document: LValue =
    'value' in parsed
      ? parsed.value
      : { kind: 'unknown', reason: `the policy AWS returned is not valid JSON (${parsed.error.message})`, loc: startOf(file) };
  policyResource.loc = document.loc;
  policyResource.headerLoc = document.loc;
  return { attachment: { resource: policyResource, document, loc: document.loc, inlineOnBucket: false }, lines };
}

const PERMISSIONS: readonly string[] = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'];

function aclDeclaration(answer: LiveAnswer<LiveGrant[]>, file: string): AclDeclaration {
  const aclResource = resource(ADDRESSES.acl, 'aws_s3_bucket_acl', file, 's3api-get-bucket-acl');
  const loc = startOf(file);
  if (answer.state === 'unreadable') {
    return { resource: aclResource, canned: { value: { known: false, reason: answer.reason }, loc }, grants: [], inlineOnBucket: false };
  }
  const grants: AclGrantDeclaration[] = (answer.state === 'value' ? answer.value : []).map((grant) => {
    const type: AclGrantee['type'] =
      grant.type === 'Group' || grant.type === 'CanonicalUser' || grant.type === 'AmazonCustomerByEmail' ? grant.type : 'unknown';
    const grantee: AclGrantee = { type };
    if (grant.uri !== undefined) grantee.uri = grant.uri;
    if (grant.id !== undefined) grantee.id = grant.id;
    if (grant.email !== undefined) grantee.email = grant.email;
    const permission: Resolvable<AclPermission> =
      grant.permission !== undefined && PERMISSIONS.includes(grant.permission)
        ? { known: true, value: grant.permission as AclPermission }
        : { known: false, reason: `AWS returned the permission "${grant.permission ?? ''}"` };
    return { grantee: { known: true, value: grantee }, permission, loc, granteeLoc: loc };
  });
  return { resource: aclResource, grants, inlineOnBucket: false };
}

function ownershipDeclaration(answer: LiveAnswer<string>, file: string): OwnershipDeclaration | undefined {
  if (answer.state === 'absent') return undefined;
  const ownershipResource = resource(ADDRESSES.ownership, 'aws_s3_bucket_ownership_controls', file, 's3api-get-bucket-policy');
  const value: Resolvable<string> = answer.state === 'value' ? { known: true, value: answer.value } : { known: false, reason: answer.reason };
  return { resource: ownershipResource, value, loc: startOf(file) };
}

function blockDeclaration(
  answer: LiveAnswer<LiveFlags>,
  file: string,
  scope: 'bucket' | 'account',
  appliedAfter: string[],
): PublicAccessBlockDeclaration | undefined {
  if (answer.state === 'absent') return undefined;
  const address = scope === 'bucket' ? ADDRESSES.bucketBlockPublicAccess : ADDRESSES.accountBlockPublicAccess;
  const blockResource = resource(address, 'aws_s3_bucket_public_access_block', file, 's3api-get-public-access-block', appliedAfter);
  const flag = (value: boolean | undefined): Resolvable<boolean> =>
    answer.state === 'value' && value !== undefined ? { known: true, value } : { known: false, reason: answer.state === 'unreadable' ? answer.reason : 'not read' };
  const values = answer.state === 'value' ? answer.value : undefined;
  const flags: BlockPublicAccessFlags = {
    blockPublicAcls: flag(values?.blockPublicAcls),
    ignorePublicAcls: flag(values?.ignorePublicAcls),
    blockPublicPolicy: flag(values?.blockPublicPolicy),
    restrictPublicBuckets: flag(values?.restrictPublicBuckets),
  };
  return { resource: blockResource, flags, flagLocs: {}, loc: startOf(file), scope };
}
