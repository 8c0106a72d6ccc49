import type {
  AclDeclaration,
  BlockPublicAccessFlag,
  BlockPublicAccessFlags,
  CannedAcl,
  DeclaredResource,
  LoggingDeclaration,
  OwnershipDeclaration,
  PublicAccessBlockDeclaration,
} from '../../model/bucket';
import type { SourceLocation } from '../../model/location';
import { getEntry, type LEntry, type LValue, type Resolvable } from '../../model/value';
import { asResolvableString, isNoValue, type IntrinsicResolver } from './intrinsics';
import { directBucketReference } from './references';
import { BUCKET_TYPE, entrySpan, type TemplateIndex, type TemplateResource } from './templateIndex';

/** `AccessControl` values (CloudFormation spelling) → canned ACL ids as S3 and Terraform write them. */
const CANNED_ACL_BY_ACCESS_CONTROL: Record<string, CannedAcl> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  LogDeliveryWrite: 'log-delivery-write',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  AwsExecRead: 'aws-exec-read',
};

export const BLOCK_PUBLIC_ACCESS_PROPERTIES: Record<BlockPublicAccessFlag, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

export interface BucketSettings {
  acl?: AclDeclaration;
  publicAccessBlock?: PublicAccessBlockDeclaration;
  ownership?: OwnershipDeclaration;
  logging?: LoggingDeclaration;
}

/** The exposure-relevant properties of one `AWS::S3::Bucket`, resolved as far as the template allows. */
export function readBucketSettings(
  bucket: TemplateResource,
  resource: DeclaredResource,
  resolver: IntrinsicResolver,
  index: TemplateIndex,
): BucketSettings {
  const settings: BucketSettings = {};
  const property = (name: string): { entry: LEntry; value: LValue } | undefined => {
    const entry = getEntry(bucket.properties, name);
    if (!entry) return undefined;
    const value = resolver.resolve(entry.value);
    return isNoValue(value) ? undefined : { entry, value };
  };

  const accessControl = property('AccessControl');
  if (accessControl) {
    const written = asResolvableString(accessControl.value, 'AccessControl has no value');
    const value: Resolvable<CannedAcl | string> = written.known ? { known: true, value: CANNED_ACL_BY_ACCESS_CONTROL[written.value] ?? written.value } : written;
    settings.acl = { resource, canned: { value, loc: entrySpan(index, accessControl.entry) }, grants: [], inlineOnBucket: true };
  }

  const publicAccessBlock = property('PublicAccessBlockConfiguration');
  if (publicAccessBlock) settings.publicAccessBlock = readPublicAccessBlock(publicAccessBlock.value, entrySpan(index, publicAccessBlock.entry), resource, index);

  const ownershipControls = property('OwnershipControls');
  if (ownershipControls) settings.ownership = readOwnership(ownershipControls.value, entrySpan(index, ownershipControls.entry), resource, index);

  const logging = property('LoggingConfiguration');
  if (logging) settings.logging = readLogging(logging.entry, logging.value, bucket, resource, resolver, index);

  return settings;
}

export function readPublicAccessBlock(
  value: LValue,
  loc: SourceLocation,
  resource: DeclaredResource,
  index: TemplateIndex,
): PublicAccessBlockDeclaration {
  const flagLocs: PublicAccessBlockDeclaration['flagLocs'] = {};
  const flags = {} as BlockPublicAccessFlags;
  for (const [flag, propertyName] of Object.entries(BLOCK_PUBLIC_ACCESS_PROPERTIES) as Array<[BlockPublicAccessFlag, string]>) {
    if (value.kind === 'unknown') {
      flags[flag] = { known: false, reason: value.reason };
      continue;
    }
    const entry = getEntry(value, propertyName);
    if (!entry || isNoValue(entry.value)) {
      // S3 treats an omitted flag as false.
      flags[flag] = { known: true, value: false };
      continue;
    }
    flags[flag] = resolvableBoolean(entry.value);
    flagLocs[flag] = entrySpan(index, entry);
  }
  return { resource, flags, flagLocs, loc, scope: 'bucket' };
}

function readOwnership(value: LValue, loc: SourceLocation, resource: DeclaredResource, index: TemplateIndex): OwnershipDeclaration | undefined {
  if (value.kind === 'unknown') return { resource, value: { known: false, reason: value.reason }, loc };
  const rules = getEntry(value, 'Rules')?.value;
  if (rules?.kind === 'unknown') return { resource, value: { known: false, reason: rules.reason }, loc };
  if (rules?.kind !== 'array') return undefined;
  for (const rule of rules.items) {
    if (rule.kind === 'unknown') return { resource, value: { known: false, reason: rule.reason }, loc };
    const entry = getEntry(rule, 'ObjectOwnership');
    if (entry) return { resource, value: asResolvableString(entry.value, 'ObjectOwnership has no value'), loc: entrySpan(index, entry) };
  }
  return undefined;
}

function readLogging(
  entry: LEntry,
  value: LValue,
  bucket: TemplateResource,
  resource: DeclaredResource,
  resolver: IntrinsicResolver,
  index: TemplateIndex,
): LoggingDeclaration {
  const loc = entrySpan(index, entry);
  if (value.kind === 'unknown') return { resource, targetBucket: { known: false, reason: value.reason }, loc, inlineOnBucket: true };
  const destination = getEntry(value, 'DestinationBucketName');
  const prefix = getEntry(value, 'LogFilePrefix');
  const logging: LoggingDeclaration = { resource, targetBucket: { known: false, reason: 'no destination' }, loc, inlineOnBucket: true };
  if (prefix && !isNoValue(prefix.value)) logging.targetPrefix = asResolvableString(prefix.value, 'LogFilePrefix has no value');
  if (!destination || isNoValue(destination.value)) {
    // AWS::S3::Bucket LoggingConfiguration: without DestinationBucketName, logs are stored in the bucket itself.
    logging.targetBucket = resolver.bucketName(bucket.logicalId);
    logging.targetBucketAddress = bucket.logicalId;
    return logging;
  }
  logging.targetBucket = asResolvableString(destination.value, 'DestinationBucketName has no value');
  const rawDestination = getEntry(bucket.properties, 'LoggingConfiguration')?.value;
  logging.targetBucketAddress =
    directBucketReference(getEntry(rawDestination, 'DestinationBucketName')?.value, index) ?? bucketNamed(logging.targetBucket, resolver, index);
  return logging;
}

/** The template bucket whose (resolved) name is `name`, if exactly one has it. */
export function bucketNamed(name: Resolvable<string>, resolver: IntrinsicResolver, index: TemplateIndex): string | undefined {
  if (!name.known) return undefined;
  const matches = [...index.resources.values()].filter((candidate) => {
    if (candidate.type !== BUCKET_TYPE) return false;
    const candidateName = resolver.bucketName(candidate.logicalId);
    return candidateName.known && candidateName.value === name.value;
  });
  return matches.length === 1 ? matches[0].logicalId : undefined;
}

/** CloudFormation accepts `true` and the string `"true"` (any case) for Boolean properties. */
export function resolvableBoolean(value: LValue): Resolvable<boolean> {
  if (value.kind === 'boolean') return { known: true, value: value.value };
  if (value.kind === 'string' && /^(true|false)$/i.test(value.value)) return { known: true, value: value.value.toLowerCase() === 'true' };
  if (value.kind === 'unknown') return { known: false, reason: value.reason };
  return { known: false, reason: `not a boolean: ${value.kind === 'string' ? JSON.stringify(value.value) : value.kind}` };
}
