import type { BlockPublicAccessFlag, BucketModel, DeclarationSet, PublicAccessBlockDeclaration } from '../model/bucket';
import type { SourceLocation } from '../model/location';
import type { Resolvable } from '../model/value';

/** AWS's names for the four settings, as messages show them. */
export const FLAG_NAMES: Record<BlockPublicAccessFlag, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

/** One place a Block Public Access flag is set for the bucket: its own setting or its account's. */
export interface FlagSource {
  declaration: PublicAccessBlockDeclaration;
  value: Resolvable<boolean>;
  /** The flag as written, or the whole declaration when the flag is not written. */
  loc: SourceLocation;
  /** `BlockPublicPolicy on aws_s3_bucket_public_access_block.site`, for messages. */
  label: string;
}

/**
 * Bucket and account settings combine: S3 applies the most restrictive combination, so each source
 * that turns a flag on counts (S3 User Guide: "Blocking public access to your Amazon S3 storage").
 * Sources whose flag is known to be off are left out.
 */
export function flagSources(bucket: BucketModel, set: DeclarationSet, flag: BlockPublicAccessFlag): FlagSource[] {
  const declarations = [...(bucket.publicAccessBlock ? [bucket.publicAccessBlock] : []), ...set.accountPublicAccessBlocks];
  const sources: FlagSource[] = [];
  for (const declaration of declarations) {
    const value = declaration.flags[flag];
    if (value.known && !value.value) continue;
    const scope = declaration.scope === 'account' ? ' (account-wide)' : '';
    sources.push({
      declaration,
      value,
      loc: declaration.flagLocs[flag] ?? declaration.loc,
      label: `${FLAG_NAMES[flag]} on ${declaration.resource.address}${scope}`,
    });
  }
  return sources;
}

export function hasAnyPublicAccessBlock(bucket: BucketModel, set: DeclarationSet): boolean {
  return bucket.publicAccessBlock !== undefined || set.accountPublicAccessBlocks.length > 0;
}
