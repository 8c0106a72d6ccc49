import type { AccessKind, ExposureCause } from '../model/exposure';
import type { Fix, RelatedLocation } from '../model/finding';
import { makeFix } from './makeFix';
import type { RuleContext, RuleFinding } from './rule';

/** Which public-access rule reports a cause: write first, then permissions, then read. */
export type PublicRuleKind = 'write' | 'permissions' | 'read';

export function publicRuleKindOf(access: AccessKind[]): PublicRuleKind | undefined {
  if (access.includes('write')) return 'write';
  if (access.includes('permissions')) return 'permissions';
  if (access.includes('read')) return 'read';
  return undefined;
}

export function publicAccessLabel(access: AccessKind[]): 'read' | 'write' | 'read-write' | undefined {
  const read = access.includes('read');
  const write = access.includes('write') || access.includes('permissions');
  if (read && write) return 'read-write';
  if (write) return 'write';
  if (read) return 'read';
  return undefined;
}

/** Causes that make the bucket public for certain: not neutralized, not order-dependent, not unresolved. */
export function standingPublicCauses(context: RuleContext): ExposureCause[] {
  return context.exposure.causes.filter(
    (cause) => cause.certainty === 'public' && !cause.neutralizedBy && !cause.mayBeNeutralizedBy,
  );
}

export function publicCauseFinding(context: RuleContext, cause: ExposureCause, consequence: string): RuleFinding {
  const related: RelatedLocation[] = [];
  if (cause.statementLoc !== cause.loc) {
    related.push({ loc: cause.statementLoc, message: cause.source === 'policy' ? 'The statement that grants it' : 'The ACL that grants it' });
  }
  const bucket = context.bucket;
  if (!bucket.partial && bucket.resource.headerLoc.file !== cause.loc.file) {
    related.push({ loc: bucket.resource.headerLoc, message: `The bucket ${bucket.resource.address}` });
  }
  const block = bucket.publicAccessBlock;
  if (block) {
    const flag = cause.source === 'policy' ? block.flags.restrictPublicBuckets : block.flags.ignorePublicAcls;
    const name = cause.source === 'policy' ? 'RestrictPublicBuckets' : 'IgnorePublicAcls';
    if (flag.known && !flag.value) {
      related.push({ loc: block.flagLocs[cause.source === 'policy' ? 'restrictPublicBuckets' : 'ignorePublicAcls'] ?? block.resource.headerLoc, message: `Block Public Access leaves ${name} off; turning it on would stop this grant` });
    }
  }
  const notes = context.exposure.notes.length > 0 ? ` ${context.exposure.notes.join(' ')}` : '';
  const access = cause.access;
  return {
    message: `${cause.why} ${consequence}${notes}`,
    loc: cause.loc,
    resource: cause.resourceAddress,
    bucketName: bucket.bucketName.known ? bucket.bucketName.value : undefined,
    related,
    fixes: fixesForCause(context, cause),
    publicAccess: publicAccessLabel(access),
    access,
  };
}

export function fixesForCause(context: RuleContext, cause: ExposureCause): Fix[] {
  const { fixer, bucket } = context;
  const fixes: Fix[] = [];
  const add = (title: string, edits: ReturnType<typeof fixer.addPublicAccessBlock>, isPreferred: boolean): void => {
    if (edits && edits.length > 0) fixes.push(makeFix(title, edits, isPreferred));
  };
  if (cause.source === 'acl' && cause.acl) {
    add('Make the ACL private (remove public grants)', fixer.makeAclPrivate(cause.acl), true);
  }
  if (!bucket.partial || bucket.publicAccessBlock) {
    add('Turn on all four Block Public Access settings for this bucket', fixer.addPublicAccessBlock(bucket), fixes.length === 0);
  }
  if (cause.source === 'policy') {
    add("Restrict the principal to the bucket owner's account", fixer.restrictPrincipalToAccount(cause), fixes.length === 0);
    add('Add a condition that limits access to your organization (aws:PrincipalOrgID)', fixer.addRestrictingCondition(cause), false);
    add('Remove this statement', fixer.removeStatement(cause), false);
  }
  return fixes;
}
