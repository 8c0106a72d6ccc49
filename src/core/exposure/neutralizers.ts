import type { AclDeclaration, BucketModel, DeclarationSet, DeclaredResource, PolicyAttachment } from '../model/bucket';
import type { Neutralizer } from '../model/exposure';
import type { SourceLocation } from '../model/location';
import type { ApplyOrderIndex } from './applyOrder';
import { flagSources } from './blockPublicAccess';

/**
 * What keeps a policy's or an ACL's grants from taking effect. `definite` when the files settle it
 * (a request-time setting, or an apply order that makes S3 reject the PUT); `possible` when it
 * hinges on an unresolved value or on the order of independent resources.
 */
export interface NeutralizerVerdict {
  definite?: Neutralizer;
  possible?: Neutralizer;
  /** Information for the message (an apply that would fail, a setting that comes too late). */
  notes: string[];
}

export interface NeutralizerContext {
  bucket: BucketModel;
  set: DeclarationSet;
  order: ApplyOrderIndex;
}

class VerdictBuilder {
  readonly verdict: NeutralizerVerdict = { notes: [] };

  definite(neutralizer: Neutralizer, note?: string): void {
    this.verdict.definite ??= neutralizer;
    if (note) this.note(note);
  }

  possible(neutralizer: Neutralizer): void {
    this.verdict.possible ??= neutralizer;
  }

  note(note: string): void {
    if (!this.verdict.notes.includes(note)) this.verdict.notes.push(note);
  }

  build(): NeutralizerVerdict {
    // A definite answer makes any "maybe" moot.
    if (this.verdict.definite) this.verdict.possible = undefined;
    return this.verdict;
  }
}

/** A bucket has one policy and one ACL: of several resources that set it, the last applied wins. */
function checkReplacement(
  builder: VerdictBuilder,
  own: DeclaredResource,
  others: Array<{ resource: DeclaredResource; loc: SourceLocation }>,
  order: ApplyOrderIndex,
  what: string,
): void {
  for (const other of others) {
    if (other.resource === own) continue;
    const relation = order.order(own, other.resource);
    if (relation === 'before') {
      builder.definite({
        setting: `Replaced by ${other.resource.address}`,
        loc: other.loc,
        why: `${other.resource.address} is applied after ${own.address} and replaces the bucket’s ${what} (a bucket has only one).`,
      });
    } else if (relation === 'unordered') {
      builder.possible({
        setting: `Also set by ${other.resource.address}`,
        loc: other.loc,
        why: `${other.resource.address} also sets the bucket’s ${what} and nothing orders the two, so whichever is applied last wins.`,
      });
    }
  }
}

export function policyNeutralizers(policy: PolicyAttachment, context: NeutralizerContext): NeutralizerVerdict {
  const { bucket, set, order } = context;
  const builder = new VerdictBuilder();
  checkReplacement(builder, policy.resource, bucket.policies, order, 'policy');
  for (const source of flagSources(bucket, set, 'restrictPublicBuckets')) {
    const neutralizer: Neutralizer = {
      setting: 'RestrictPublicBuckets',
      loc: source.loc,
      why: `${source.label} limits a bucket with a public policy to AWS services and the bucket owner’s account, so this grant does not reach the public.`,
    };
    if (source.value.known) builder.definite(neutralizer);
    else builder.possible({ ...neutralizer, why: `${source.label} has no literal value here (${source.value.reason}); if it is true, this grant does not reach the public.` });
  }
  for (const source of flagSources(bucket, set, 'blockPublicPolicy')) {
    const relation = order.order(source.declaration.resource, policy.resource);
    const known = source.value.known;
    if (relation === 'before' && known) {
      builder.definite(
        {
          setting: 'BlockPublicPolicy',
          loc: source.loc,
          why: `${source.label} is applied before ${policy.resource.address}, so S3 rejects the public policy: the apply would fail and the policy never takes effect.`,
        },
        `S3 would reject the public policy in ${policy.resource.address} because ${source.label} is applied first, so that apply would fail.`,
      );
    } else if (relation === 'before') {
      builder.possible({
        setting: 'BlockPublicPolicy',
        loc: source.loc,
        why: `${source.label} has no literal value here; if it is true, S3 rejects this public policy.`,
      });
    } else if (relation === 'after') {
      if (known) builder.note(`${source.label} is applied after ${policy.resource.address}; it blocks later policy changes but does not remove a public policy already in place.`);
    } else {
      builder.possible({
        setting: 'BlockPublicPolicy',
        loc: source.loc,
        why: `${source.label} rejects this public policy only if it is applied first, and nothing orders ${source.declaration.resource.address} and ${policy.resource.address}, so the outcome depends on apply order.`,
      });
    }
  }
  return builder.build();
}

function checkObjectOwnership(builder: VerdictBuilder, acl: AclDeclaration, context: NeutralizerContext): void {
  const ownership = context.bucket.ownership;
  if (!ownership) return;
  const enforced = ownership.value.known && ownership.value.value === 'BucketOwnerEnforced';
  if (ownership.value.known && !enforced) return;
  const label = `Object Ownership BucketOwnerEnforced on ${ownership.resource.address}`;
  const relation = context.order.order(ownership.resource, acl.resource);
  if (!ownership.value.known) {
    if (relation !== 'after') {
      builder.possible({
        setting: 'BucketOwnerEnforced',
        loc: ownership.loc,
        why: `Object Ownership on ${ownership.resource.address} has no literal value here (${ownership.value.reason}); BucketOwnerEnforced would disable this ACL.`,
      });
    }
    return;
  }
  if (relation === 'before') {
    builder.definite(
      {
        setting: 'BucketOwnerEnforced',
        loc: ownership.loc,
        why: `${label} disables ACLs and is applied first, so S3 refuses this ACL (AccessControlListNotSupported): the apply would fail.`,
      },
      `S3 would refuse the public ACL of ${acl.resource.address} because ${label} is applied first, so that apply would fail.`,
    );
  } else if (relation === 'same' && acl.resource.format === 'cloudformation') {
    builder.definite(
      {
        setting: 'BucketOwnerEnforced',
        loc: ownership.loc,
        why: `${label} disables ACLs, and S3 rejects a bucket created with both it and an ACL (InvalidBucketAclWithObjectOwnership): the stack would fail.`,
      },
      `S3 would reject ${acl.resource.address} because it sets both an ACL and BucketOwnerEnforced (InvalidBucketAclWithObjectOwnership), so the stack would fail.`,
    );
  } else if (relation === 'after') {
    builder.note(
      `${label} is applied after the public ACL of ${acl.resource.address}; S3 refuses to disable ACLs while an ACL grants access outside the account (InvalidBucketAclWithObjectOwnership), so that apply would fail and the ACL would stay.`,
    );
  } else {
    builder.possible({
      setting: 'BucketOwnerEnforced',
      loc: ownership.loc,
      why: `${label} refuses this ACL only if it is applied first, and nothing orders ${ownership.resource.address} and ${acl.resource.address}, so the outcome depends on apply order.`,
    });
  }
}

export function aclNeutralizers(acl: AclDeclaration, context: NeutralizerContext): NeutralizerVerdict {
  const { bucket, set, order } = context;
  const builder = new VerdictBuilder();
  checkReplacement(
    builder,
    acl.resource,
    bucket.acls.map((other) => ({ resource: other.resource, loc: other.canned?.loc ?? other.resource.headerLoc })),
    order,
    'ACL',
  );
  for (const source of flagSources(bucket, set, 'ignorePublicAcls')) {
    const neutralizer: Neutralizer = {
      setting: 'IgnorePublicAcls',
      loc: source.loc,
      why: `${source.label} makes S3 ignore public ACLs, so this grant has no effect.`,
    };
    if (source.value.known) builder.definite(neutralizer);
    else builder.possible({ ...neutralizer, why: `${source.label} has no literal value here (${source.value.reason}); if it is true, S3 ignores this ACL.` });
  }
  checkObjectOwnership(builder, acl, context);
  for (const source of flagSources(bucket, set, 'blockPublicAcls')) {
    const relation = order.order(source.declaration.resource, acl.resource);
    if (relation === 'before' && source.value.known) {
      builder.definite(
        {
          setting: 'BlockPublicAcls',
          loc: source.loc,
          why: `${source.label} is applied before ${acl.resource.address}, so S3 rejects the public ACL: the apply would fail.`,
        },
        `S3 would reject the public ACL of ${acl.resource.address} because ${source.label} is applied first, so that apply would fail.`,
      );
    } else if (relation === 'before') {
      builder.possible({
        setting: 'BlockPublicAcls',
        loc: source.loc,
        why: `${source.label} has no literal value here; if it is true, S3 rejects this public ACL.`,
      });
    } else if (relation === 'after') {
      if (source.value.known) builder.note(`${source.label} is applied after ${acl.resource.address}; it blocks new public ACLs but does not remove one already in place.`);
    } else {
      const where =
        relation === 'same'
          ? `${acl.resource.address} sets both, and the order in which the bucket’s ACL and its Block Public Access settings are applied is not documented`
          : `nothing orders ${source.declaration.resource.address} and ${acl.resource.address}`;
      builder.possible({
        setting: 'BlockPublicAcls',
        loc: source.loc,
        why: `${source.label} rejects this public ACL only if it is applied first, and ${where}, so the outcome depends on apply order.`,
      });
    }
  }
  return builder.build();
}
