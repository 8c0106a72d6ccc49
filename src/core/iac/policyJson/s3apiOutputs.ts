import type {
  AclDeclaration,
  AclGrantDeclaration,
  AclGrantee,
  AclPermission,
  BlockPublicAccessFlag,
  BlockPublicAccessFlags,
  BucketModel,
  PublicAccessBlockDeclaration,
} from '../../model/bucket';
import type { LineIndex } from '../../model/location';
import { getEntry, type LValue, type Resolvable } from '../../model/value';
import { entrySpan, fileResource, partialBucket } from './rawResource';

const UNNAMED_BUCKET = 'the s3api output does not name the bucket';
const PERMISSIONS: readonly string[] = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'];

/** `aws s3api get-bucket-acl` output: the bucket's grants. */
export function readGetBucketAclOutput(path: string, root: LValue, lines: LineIndex): BucketModel {
  const resource = fileResource(path, 's3api-get-bucket-acl', root, 'Grants', lines);
  const grantsValue = getEntry(root, 'Grants')?.value;
  const grants: AclGrantDeclaration[] = grantsValue?.kind === 'array' ? grantsValue.items.map(readGrant) : [];
  const acl: AclDeclaration = { resource, grants, inlineOnBucket: false };
  const bucket = partialBucket(resource, { known: false, reason: UNNAMED_BUCKET });
  bucket.acls.push(acl);
  return bucket;
}

function readGrant(grant: LValue): AclGrantDeclaration {
  const granteeEntry = getEntry(grant, 'Grantee');
  const permissionValue = getEntry(grant, 'Permission')?.value;
  const permission: Resolvable<AclPermission> =
    permissionValue?.kind === 'string' && PERMISSIONS.includes(permissionValue.value)
      ? { known: true, value: permissionValue.value as AclPermission }
      : { known: false, reason: permissionValue ? 'the grant has an unrecognised Permission' : 'the grant has no Permission' };
  const granteeValue = granteeEntry?.value;
  if (granteeValue?.kind !== 'object') {
    return { grantee: { known: false, reason: 'the grant has no readable Grantee' }, permission, loc: grant.loc, granteeLoc: granteeValue?.loc ?? grant.loc };
  }
  const text = (key: string): string | undefined => {
    const value = getEntry(granteeValue, key)?.value;
    return value?.kind === 'string' ? value.value : undefined;
  };
  const typeText = text('Type');
  const type: AclGrantee['type'] = typeText === 'Group' || typeText === 'CanonicalUser' || typeText === 'AmazonCustomerByEmail' ? typeText : 'unknown';
  const grantee: AclGrantee = { type };
  const uri = text('URI');
  const id = text('ID');
  const email = text('EmailAddress');
  if (uri !== undefined) grantee.uri = uri;
  if (id !== undefined) grantee.id = id;
  if (email !== undefined) grantee.email = email;
  const pinpoint = getEntry(granteeValue, type === 'CanonicalUser' ? 'ID' : type === 'AmazonCustomerByEmail' ? 'EmailAddress' : 'URI')?.value;
  return { grantee: { known: true, value: grantee }, permission, loc: grant.loc, granteeLoc: pinpoint?.loc ?? granteeValue.loc };
}

const FLAG_KEYS: Record<BlockPublicAccessFlag, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

/** `aws s3api get-public-access-block` output: the bucket's Block Public Access flags. */
export function readGetPublicAccessBlockOutput(path: string, root: LValue, lines: LineIndex): BucketModel {
  const resource = fileResource(path, 's3api-get-public-access-block', root, 'PublicAccessBlockConfiguration', lines);
  const entry = getEntry(root, 'PublicAccessBlockConfiguration');
  const configuration = entry?.value;
  const flags = {} as BlockPublicAccessFlags;
  const flagLocs: PublicAccessBlockDeclaration['flagLocs'] = {};
  for (const [flag, key] of Object.entries(FLAG_KEYS) as Array<[BlockPublicAccessFlag, string]>) {
    const flagEntry = getEntry(configuration, key);
    if (!flagEntry) {
      flags[flag] = { known: true, value: false };
      continue;
    }
    flags[flag] = flagEntry.value.kind === 'boolean' ? { known: true, value: flagEntry.value.value } : { known: false, reason: `${key} is not true or false` };
    flagLocs[flag] = entrySpan(path, lines, flagEntry);
  }
  const bucket = partialBucket(resource, { known: false, reason: UNNAMED_BUCKET });
  bucket.publicAccessBlock = { resource, flags, flagLocs, loc: entry ? entrySpan(path, lines, entry) : root.loc, scope: 'bucket' };
  return bucket;
}
