import type { BucketModel, DeclarationSet, DeclaredResource, PublicAccessBlockDeclaration } from '../model/bucket';
import type { ExposureCause } from '../model/exposure';
import type { Resolvable } from '../model/value';

function isAbsent(resource: DeclaredResource): boolean {
  return resource.exists?.known === true && !resource.exists.value;
}

function existenceUnknownReason(resource: DeclaredResource): string | undefined {
  return resource.exists && !resource.exists.known ? resource.exists.reason : undefined;
}

/**
 * The set as applying it creates it: resources that `count = 0` or a false CloudFormation Condition
 * leave out are dropped; a guard rail (Block Public Access, Object Ownership) that may or may not be
 * created protects nothing for certain, so its settings become unknown.
 */
export function withResourcesThatExist(set: DeclarationSet): DeclarationSet {
  const buckets = set.buckets.filter((bucket) => !isAbsent(bucket.resource)).map(bucketThatExists);
  return {
    ...set,
    buckets,
    accountPublicAccessBlocks: set.accountPublicAccessBlocks.filter((block) => !isAbsent(block.resource)).map(blockWithKnownExistence),
    trails: set.trails.filter((trail) => !isAbsent(trail.resource)),
  };
}

function bucketThatExists(bucket: BucketModel): BucketModel {
  const publicAccessBlock =
    bucket.publicAccessBlock && !isAbsent(bucket.publicAccessBlock.resource)
      ? blockWithKnownExistence(bucket.publicAccessBlock)
      : undefined;
  const ownership = bucket.ownership && !isAbsent(bucket.ownership.resource) ? bucket.ownership : undefined;
  const ownershipReason = ownership && existenceUnknownReason(ownership.resource);
  return {
    ...bucket,
    policies: bucket.policies.filter((policy) => !isAbsent(policy.resource)),
    acls: bucket.acls.filter((acl) => !isAbsent(acl.resource)),
    logging: bucket.logging && !isAbsent(bucket.logging.resource) ? bucket.logging : undefined,
    publicAccessBlock,
    ownership:
      ownership && ownershipReason
        ? { ...ownership, value: { known: false, reason: `${ownership.resource.address} may not be created: ${ownershipReason}` } }
        : ownership,
  };
}

function blockWithKnownExistence(block: PublicAccessBlockDeclaration): PublicAccessBlockDeclaration {
  const reason = existenceUnknownReason(block.resource);
  if (!reason) return block;
  const unknown: Resolvable<boolean> = { known: false, reason: `${block.resource.address} may not be created: ${reason}` };
  const flags = { ...block.flags };
  for (const flag of Object.keys(flags) as Array<keyof typeof flags>) {
    if (flags[flag].known && flags[flag].value) flags[flag] = unknown;
  }
  return { ...block, flags };
}

/** A grant from a resource that may not be created is public only if it is: unknown, said as such. */
export function withUncertainExistence(cause: ExposureCause, bucket: BucketModel): ExposureCause {
  if (cause.certainty !== 'public') return cause;
  const carrier = cause.policy?.resource ?? cause.acl?.resource;
  const reason = (carrier && existenceUnknownReason(carrier)) ?? existenceUnknownReason(bucket.resource);
  if (!reason) return cause;
  const address = carrier && existenceUnknownReason(carrier) ? carrier.address : bucket.resource.address;
  return { ...cause, certainty: 'unknown', why: `${cause.why} This holds only if ${address} is created, which depends on a value the files do not fix (${reason}).` };
}
