import type { BucketModel, DeclarationSet } from '../model/bucket';
import type { AccessKind, AccessState, BucketExposure, CrossAccountGrant, ExposureCause } from '../model/exposure';
import type { SourceLocation } from '../model/location';
import { evaluateBucketPolicy, type PolicyUnknown } from '../policy/evaluateBucketPolicy';
import { ApplyOrderIndex, resourcesOf } from './applyOrder';
import { hasAnyPublicAccessBlock } from './blockPublicAccess';
import { evaluateAcl } from './evaluateAcl';
import { withUncertainExistence } from './resourceExistence';
import { aclNeutralizers, policyNeutralizers, type NeutralizerContext, type NeutralizerVerdict } from './neutralizers';

export interface ExposureOptions {
  /** Accounts that own the scanned buckets; grants to them are not "outside the account". */
  ownAccountIds: string[];
}

type State = AccessState['state'];

const ACCESS_KINDS: AccessKind[] = ['read', 'write', 'permissions'];

/**
 * The verdict on one bucket as the files declare it once everything they declare is applied:
 * policies and ACLs judged for public grants, then Block Public Access (bucket and account) and
 * Object Ownership applied, with apply order deciding the PUT-time settings. Never throws.
 */
export function evaluateBucketExposure(bucket: BucketModel, set: DeclarationSet, options: ExposureOptions): BucketExposure {
  try {
    return evaluate(bucket, set, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      read: 'unknown',
      write: 'unknown',
      permissions: 'unknown',
      causes: [],
      crossAccount: [],
      unknowns: [{ loc: bucket.resource.loc, why: `The bucket’s exposure could not be judged (${message}).` }],
      notes: [],
    };
  }
}

function applyVerdict(cause: ExposureCause, verdict: NeutralizerVerdict): ExposureCause {
  if (verdict.definite) return { ...cause, neutralizedBy: verdict.definite };
  if (verdict.possible) return { ...cause, mayBeNeutralizedBy: verdict.possible };
  return cause;
}

interface OpenUnknown {
  loc: SourceLocation;
  why: string;
  access: AccessKind[];
}

function evaluate(bucket: BucketModel, set: DeclarationSet, options: ExposureOptions): BucketExposure {
  const order = applyOrderIndexFor(set, bucket);
  const context: NeutralizerContext = { bucket, set, order };
  const bucketName = bucket.bucketName.known ? bucket.bucketName.value : undefined;
  const causes: ExposureCause[] = [];
  const crossAccount: CrossAccountGrant[] = [];
  const unknowns: OpenUnknown[] = [];
  const notes: string[] = [];
  const addNotes = (more: string[]): void => {
    for (const note of more) if (!notes.includes(note)) notes.push(note);
  };

  for (const policy of bucket.policies) {
    const evaluation = evaluateBucketPolicy(policy, { ownAccountIds: options.ownAccountIds, bucketName });
    const verdict = policyNeutralizers(policy, context);
    const policyCauses = evaluation.causes.map((cause) => applyVerdict(cause, verdict));
    causes.push(...policyCauses);
    const isPublic = policyCauses.some((cause) => cause.certainty === 'public');
    // The notes speak of a public policy being rejected or kept; they only hold when it is public.
    if (isPublic) addNotes(verdict.notes);
    // Unresolved parts of a policy that cannot take effect (replaced, rejected, restricted) decide nothing.
    if (!verdict.definite) unknowns.push(...evaluation.unknowns.map((unknown) => withPossibleNeutralizer(unknown, verdict)));
    crossAccount.push(...crossAccountThatStands(evaluation.crossAccount, verdict, isPublic, addNotes));
  }

  for (const acl of bucket.acls) {
    const aclCauses = evaluateAcl(acl);
    if (aclCauses.length === 0) continue;
    const verdict = aclNeutralizers(acl, context);
    causes.push(...aclCauses.map((cause) => applyVerdict(cause, verdict)));
    if (aclCauses.some((cause) => cause.certainty === 'public')) addNotes(verdict.notes);
  }

  for (let index = 0; index < causes.length; index++) causes[index] = withUncertainExistence(causes[index], bucket);
  const states = statesOf(causes, unknowns);
  if (!bucket.partial) addNotes(defaultSettingsNotes(bucket, set, causes, states));
  return {
    ...states,
    causes,
    crossAccount,
    unknowns: unknowns.map(({ loc, why }) => ({ loc, why })),
    notes,
  };
}

const orderIndexes = new WeakMap<DeclarationSet, { index: ApplyOrderIndex; members: ReadonlySet<BucketModel> }>();

/** One index per set: every bucket of a 500-bucket module asks it, and building it walks the whole set. */
function applyOrderIndexFor(set: DeclarationSet, bucket: BucketModel): ApplyOrderIndex {
  let known = orderIndexes.get(set);
  if (!known) {
    known = { index: new ApplyOrderIndex(resourcesOf(set)), members: new Set(set.buckets) };
    orderIndexes.set(set, known);
  }
  // A bucket from outside the set (a caller's own model) brings resources the set's index does not hold.
  if (known.members.has(bucket) || set.buckets.includes(bucket)) return known.index;
  return new ApplyOrderIndex([...resourcesOf(set), ...resourcesOfBucket(bucket)]);
}

function resourcesOfBucket(bucket: BucketModel) {
  return [
    bucket.resource,
    ...bucket.policies.map((policy) => policy.resource),
    ...bucket.acls.map((acl) => acl.resource),
    ...(bucket.publicAccessBlock ? [bucket.publicAccessBlock.resource] : []),
    ...(bucket.ownership ? [bucket.ownership.resource] : []),
  ];
}

function withPossibleNeutralizer(unknown: PolicyUnknown, verdict: NeutralizerVerdict): OpenUnknown {
  if (!verdict.possible) return unknown;
  return { ...unknown, why: `${unknown.why} ${verdict.possible.why}` };
}

/**
 * A grant to another account stands unless its policy never takes effect, or RestrictPublicBuckets
 * applies: with a public policy it also blocks "non-public delegation to specific accounts"
 * (S3 User Guide, Block Public Access settings).
 */
function crossAccountThatStands(
  grants: CrossAccountGrant[],
  verdict: NeutralizerVerdict,
  policyIsPublic: boolean,
  addNotes: (notes: string[]) => void,
): CrossAccountGrant[] {
  if (grants.length === 0 || !verdict.definite) return grants;
  const setting = verdict.definite.setting;
  if (setting === 'RestrictPublicBuckets') {
    if (!policyIsPublic) return grants;
    addNotes(['RestrictPublicBuckets also blocks the cross-account grants of a public policy, so the accounts it names get no access either.']);
    return [];
  }
  // A replaced policy never applies; a rejected one is rejected whole, only when it is public.
  if (setting === 'BlockPublicPolicy' && !policyIsPublic) return grants;
  return [];
}

function statesOf(causes: ExposureCause[], unknowns: OpenUnknown[]): Pick<BucketExposure, AccessKind> {
  const stateOf = (kind: AccessKind): State => {
    const touching = causes.filter((cause) => cause.access.includes(kind) && !cause.neutralizedBy);
    if (touching.some((cause) => cause.certainty === 'public' && !cause.mayBeNeutralizedBy)) return 'public';
    if (touching.length > 0 || unknowns.some((unknown) => unknown.access.includes(kind))) return 'unknown';
    return 'not-public';
  };
  const [read, write, permissions] = ACCESS_KINDS.map(stateOf);
  return { read, write, permissions };
}

/**
 * The April-2023 defaults (Block Public Access on, ACLs disabled) are not assumed — a template may
 * manage an existing bucket — but they are worth saying when a public grant stands.
 */
function defaultSettingsNotes(
  bucket: BucketModel,
  set: DeclarationSet,
  causes: ExposureCause[],
  states: Pick<BucketExposure, AccessKind>,
): string[] {
  const anyPublic = ACCESS_KINDS.some((kind) => states[kind] === 'public');
  if (!anyPublic || hasAnyPublicAccessBlock(bucket, set)) return [];
  const notes = [
    'Since April 2023 AWS turns Block Public Access on for every new bucket, so applying this to a new bucket fails unless the files turn Block Public Access off explicitly; an existing bucket keeps the settings it has.',
  ];
  const standingAcl = causes.some(
    (cause) => cause.source === 'acl' && cause.certainty === 'public' && !cause.neutralizedBy && !cause.mayBeNeutralizedBy,
  );
  if (standingAcl && !bucket.ownership) {
    notes.push('New buckets also have ACLs disabled (Object Ownership BucketOwnerEnforced), so a public ACL on a new bucket is refused unless Object Ownership is set to allow ACLs.');
  }
  return notes;
}
