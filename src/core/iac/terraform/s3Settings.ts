import type {
  AclDeclaration,
  AclGrantDeclaration,
  AclGrantee,
  AclPermission,
  BlockPublicAccessFlag,
  BlockPublicAccessFlags,
  DeclaredResource,
  LoggingDeclaration,
  OwnershipDeclaration,
  PublicAccessBlockDeclaration,
} from '../../model/bucket';
import type { SourceLocation } from '../../model/location';
import type { Resolvable } from '../../model/value';
import type { Evaluator } from './evaluate';
import { resolveBoolean, resolveString } from './lvalues';
import { attributeOf, blockOf, blocksOf, type HclBlock, type HclBodyItem, type HclFile, type Span } from './syntaxTree';

/** Readers of the S3 settings that shape exposure, for split resources and legacy inline arguments alike. */
export class S3SettingsReader {
  constructor(private readonly evaluator: Evaluator) {}

  /** `acl = "..."` and legacy `grant {}` blocks on aws_s3_bucket; undefined when neither is written. */
  inlineAcl(resource: DeclaredResource, block: HclBlock, file: HclFile): AclDeclaration | undefined {
    const canned = this.cannedAcl(block.body, file);
    const grants = blocksOf(block.body, 'grant').flatMap((grant) => this.legacyGrants(grant, file));
    if (!canned && grants.length === 0) return undefined;
    return { resource, canned, grants, inlineOnBucket: true };
  }

  /** aws_s3_bucket_acl: `acl` and/or `access_control_policy { grant { grantee {...} permission } }`. */
  bucketAcl(resource: DeclaredResource, block: HclBlock, file: HclFile): AclDeclaration {
    const policy = blockOf(block.body, 'access_control_policy');
    const grants = policy ? blocksOf(policy.body, 'grant').map((grant) => this.policyGrant(grant, file)) : [];
    return { resource, canned: this.cannedAcl(block.body, file), grants, inlineOnBucket: false };
  }

  publicAccessBlock(resource: DeclaredResource, block: HclBlock, file: HclFile, scope: 'bucket' | 'account'): PublicAccessBlockDeclaration {
    const names: Record<BlockPublicAccessFlag, string> = {
      blockPublicAcls: 'block_public_acls',
      ignorePublicAcls: 'ignore_public_acls',
      blockPublicPolicy: 'block_public_policy',
      restrictPublicBuckets: 'restrict_public_buckets',
    };
    const flagLocs: PublicAccessBlockDeclaration['flagLocs'] = {};
    const read = (flag: BlockPublicAccessFlag): Resolvable<boolean> => {
      const attribute = attributeOf(block.body, names[flag]);
      // An omitted flag is false: the API and the provider default every flag to false.
      if (!attribute) return { known: true, value: false };
      flagLocs[flag] = this.loc(file, attribute.span);
      return resolveBoolean(this.evaluator.lower(attribute.value, file));
    };
    const flags: BlockPublicAccessFlags = {
      blockPublicAcls: read('blockPublicAcls'),
      ignorePublicAcls: read('ignorePublicAcls'),
      blockPublicPolicy: read('blockPublicPolicy'),
      restrictPublicBuckets: read('restrictPublicBuckets'),
    };
    return { resource, flags, flagLocs, loc: resource.loc, scope };
  }

  ownership(resource: DeclaredResource, block: HclBlock, file: HclFile): OwnershipDeclaration {
    const rule = blockOf(block.body, 'rule');
    const attribute = rule ? attributeOf(rule.body, 'object_ownership') : undefined;
    const value = attribute ? resolveString(this.evaluator.lower(attribute.value, file)) : { known: false as const, reason: 'no rule { object_ownership } is written' };
    return { resource, value, loc: attribute ? this.loc(file, attribute.span) : resource.loc };
  }

  /** aws_s3_bucket_logging (split) or the legacy `logging {}` block of aws_s3_bucket (inline). */
  logging(
    resource: DeclaredResource,
    body: HclBodyItem[],
    span: Span,
    file: HclFile,
    inlineOnBucket: boolean,
    targetAddress: string | undefined,
  ): LoggingDeclaration {
    const target = attributeOf(body, 'target_bucket');
    const prefix = attributeOf(body, 'target_prefix');
    return {
      resource,
      targetBucket: resolveString(target ? this.evaluator.lower(target.value, file) : undefined, 'no target_bucket is written'),
      targetBucketAddress: targetAddress,
      targetPrefix: prefix ? resolveString(this.evaluator.lower(prefix.value, file)) : undefined,
      loc: this.loc(file, span),
      inlineOnBucket,
    };
  }

  private cannedAcl(body: HclBodyItem[], file: HclFile): AclDeclaration['canned'] {
    const acl = attributeOf(body, 'acl');
    if (!acl) return undefined;
    return { value: resolveString(this.evaluator.lower(acl.value, file)), loc: this.loc(file, acl.span) };
  }

  /** Legacy inline `grant { type uri id permissions = [...] }`: one declaration per permission. */
  private legacyGrants(block: HclBlock, file: HclFile): AclGrantDeclaration[] {
    const grantee = this.grantee(block.body, file, 'email');
    const granteeLoc = this.granteeLoc(block, file);
    const permissions = attributeOf(block.body, 'permissions');
    const loc = this.loc(file, block.span);
    if (!permissions) return [{ grantee, permission: { known: false, reason: 'no permissions are written' }, loc, granteeLoc }];
    const value = this.evaluator.lower(permissions.value, file);
    if (value.kind !== 'array') {
      return [{ grantee, permission: { known: false, reason: value.kind === 'unknown' ? value.reason : 'permissions is not a list' }, loc, granteeLoc }];
    }
    return value.items.map((item) => ({ grantee, permission: asPermission(resolveString(item)), loc, granteeLoc }));
  }

  private policyGrant(block: HclBlock, file: HclFile): AclGrantDeclaration {
    const granteeBlock = blockOf(block.body, 'grantee');
    const permission = attributeOf(block.body, 'permission');
    return {
      grantee: granteeBlock ? this.grantee(granteeBlock.body, file, 'email_address') : { known: false, reason: 'no grantee block is written' },
      permission: asPermission(resolveString(permission ? this.evaluator.lower(permission.value, file) : undefined, 'no permission is written')),
      loc: this.loc(file, block.span),
      granteeLoc: granteeBlock ? this.granteeLoc(granteeBlock, file) : this.loc(file, block.span),
    };
  }

  private grantee(body: HclBodyItem[], file: HclFile, emailArgument: string): Resolvable<AclGrantee> {
    const read = (name: string) => {
      const attribute = attributeOf(body, name);
      return attribute ? resolveString(this.evaluator.lower(attribute.value, file)) : undefined;
    };
    const type = read('type') ?? { known: false as const, reason: 'no grantee type is written' };
    if (!type.known) return { known: false, reason: `the grantee type is not known: ${type.reason}` };
    if (type.value === 'Group') {
      const uri = read('uri');
      if (!uri) return { known: false, reason: 'a Group grantee without uri' };
      if (!uri.known) return { known: false, reason: `the group URI is not known: ${uri.reason}` };
      return { known: true, value: { type: 'Group', uri: uri.value } };
    }
    if (type.value === 'CanonicalUser') {
      const id = read('id');
      return { known: true, value: id?.known ? { type: 'CanonicalUser', id: id.value } : { type: 'CanonicalUser' } };
    }
    if (type.value === 'AmazonCustomerByEmail') {
      const email = read(emailArgument);
      return { known: true, value: email?.known ? { type: 'AmazonCustomerByEmail', email: email.value } : { type: 'AmazonCustomerByEmail' } };
    }
    return { known: true, value: { type: 'unknown' } };
  }

  private granteeLoc(block: HclBlock, file: HclFile): SourceLocation {
    const pinpoint = attributeOf(block.body, 'uri') ?? attributeOf(block.body, 'id') ?? attributeOf(block.body, 'email_address') ?? attributeOf(block.body, 'email');
    return this.loc(file, pinpoint ? pinpoint.span : block.span);
  }

  private loc(file: HclFile, span: Span): SourceLocation {
    return file.lines.location(file.path, span.start, span.end);
  }
}

const PERMISSIONS: readonly AclPermission[] = ['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL'];

function asPermission(value: Resolvable<string>): Resolvable<AclPermission> {
  if (!value.known) return value;
  const match = PERMISSIONS.find((permission) => permission === value.value);
  return match ? { known: true, value: match } : { known: false, reason: `unrecognised permission "${value.value}"` };
}
