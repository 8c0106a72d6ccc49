import type {
  AclDeclaration,
  AclGrantDeclaration,
  BlockPublicAccessFlag,
  BucketModel,
  DeclarationSet,
  DeclaredResource,
  IacFormat,
  OwnershipDeclaration,
  PolicyAttachment,
  PublicAccessBlockDeclaration,
} from '../../../src/core/model/bucket';
import type { SourceLocation } from '../../../src/core/model/location';
import type { Resolvable } from '../../../src/core/model/value';
import { parseJson, unresolve } from '../policy/policyTestHelpers';

let nextOffset = 0;

/** A distinct location each call, so tests can tell which element a finding points at. */
export function freshLoc(file = 'main.tf'): SourceLocation {
  const start = nextOffset;
  nextOffset += 10;
  return { file, range: { start: { line: start, character: 0 }, end: { line: start, character: 5 }, startOffset: start, endOffset: start + 5 } };
}

export function declared(address: string, type: string, dependsOn: string[] = [], format: IacFormat = 'terraform'): DeclaredResource {
  return { address, type, format, loc: freshLoc(), headerLoc: freshLoc(), dependsOn };
}

export const known = <T>(value: T): Resolvable<T> => ({ known: true, value });
export const unresolved = <T>(): Resolvable<T> => ({ known: false, reason: 'var.flag has no default' });

type FlagValue = boolean | 'unknown';

export function publicAccessBlock(
  resource: DeclaredResource,
  flags: Partial<Record<BlockPublicAccessFlag, FlagValue>>,
  scope: 'bucket' | 'account' = 'bucket',
): PublicAccessBlockDeclaration {
  const value = (flag: BlockPublicAccessFlag): Resolvable<boolean> => {
    const written = flags[flag];
    if (written === 'unknown') return unresolved();
    return known(written ?? false);
  };
  const flagLocs: PublicAccessBlockDeclaration['flagLocs'] = {};
  for (const flag of Object.keys(flags) as BlockPublicAccessFlag[]) flagLocs[flag] = freshLoc();
  return {
    resource,
    flags: {
      blockPublicAcls: value('blockPublicAcls'),
      ignorePublicAcls: value('ignorePublicAcls'),
      blockPublicPolicy: value('blockPublicPolicy'),
      restrictPublicBuckets: value('restrictPublicBuckets'),
    },
    flagLocs,
    loc: freshLoc(),
    scope,
  };
}

export const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

export function policy(resource: DeclaredResource, json: string, inlineOnBucket = false): PolicyAttachment {
  const document = unresolve(parseJson(json, resource.loc.file));
  return { resource, document, loc: freshLoc(), inlineOnBucket };
}

export const PUBLIC_READ_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
});

export function cannedAcl(resource: DeclaredResource, value: string | 'unresolved', inlineOnBucket = false): AclDeclaration {
  return {
    resource,
    canned: { value: value === 'unresolved' ? unresolved() : known(value), loc: freshLoc() },
    grants: [],
    inlineOnBucket,
  };
}

export function aclGrant(
  grantee: AclGrantDeclaration['grantee'],
  permission: AclGrantDeclaration['permission'],
): AclGrantDeclaration {
  return { grantee, permission, loc: freshLoc(), granteeLoc: freshLoc() };
}

export function grantsAcl(resource: DeclaredResource, grants: AclGrantDeclaration[]): AclDeclaration {
  return { resource, grants, inlineOnBucket: false };
}

export function ownership(resource: DeclaredResource, value: string | 'unresolved'): OwnershipDeclaration {
  return { resource, value: value === 'unresolved' ? unresolved() : known(value), loc: freshLoc() };
}

export function bucketModel(parts: Partial<BucketModel> & { resource: DeclaredResource }): BucketModel {
  return { bucketName: known('site'), policies: [], acls: [], partial: false, ...parts };
}

export function declarations(buckets: BucketModel[], accountPublicAccessBlocks: PublicAccessBlockDeclaration[] = []): DeclarationSet {
  return { format: 'terraform', buckets, accountPublicAccessBlocks, trails: [], suppressions: [], parseProblems: [] };
}
