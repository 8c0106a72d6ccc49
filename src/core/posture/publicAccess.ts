import type { BucketModel } from '../model/bucket';
import type { BucketExposure, ExposureCause, Neutralizer } from '../model/exposure';
import type { SourceLocation } from '../model/location';
import { evaluateAcl, evaluateBucketExposure } from '../exposure';
import { buildLiveModel, liveFileNames, type LiveAnswer, type LiveBucketInputs, type LiveFlags, type LiveModel } from './liveModel';
import type { BlockPublicAccessPosture, ExposureState, PublicAccessEvidence, PublicAccessPosture } from './types';

export interface LivePublicAccessInputs extends LiveBucketInputs {
  /** AWS's own verdict on the policy (GetBucketPolicyStatus). */
  policyIsPublic: LiveAnswer<boolean>;
  /** Permissions whose denial left an input unreadable. */
  needs: string[];
  /** Why the account-level settings are unreadable, for the settings summary (needs, when denied). */
  accountBlockPublicAccessNeeds?: string;
  bucketBlockPublicAccessNeeds?: string;
}

type Kind = 'read' | 'write' | 'permissions';
type PartStates = Record<Kind, ExposureState>;
const KINDS: Kind[] = ['read', 'write', 'permissions'];
const RANK: Record<ExposureState, number> = { 'not-public': 0, unknown: 1, public: 2 };

/**
 * Judges a live bucket with the same engine that judges files: the policy and the ACL each with
 * Block Public Access (bucket and account) and Object Ownership. AWS's own policy verdict
 * (GetBucketPolicyStatus) decides whether the policy is public when it could be read; the engine
 * explains which statements and what they grant.
 */
export function judgeLivePublicAccess(inputs: LivePublicAccessInputs, ownAccountIds: string[]): PublicAccessPosture {
  const model = buildLiveModel(inputs);
  const files = liveFileNames(inputs.bucket, inputs.accountId);
  const options = { ownAccountIds };
  const policyRun = evaluateBucketExposure(onlyPart(model.bucket, 'policy'), { ...model.set, buckets: [onlyPart(model.bucket, 'policy')] }, options);
  const aclRun = evaluateBucketExposure(onlyPart(model.bucket, 'acl'), { ...model.set, buckets: [onlyPart(model.bucket, 'acl')] }, options);

  const evidence: PublicAccessEvidence[] = [];
  const blockedBy = new Set<string>();
  const reasons: string[] = [];
  const restrict = effectiveFlag(inputs, 'restrictPublicBuckets');

  let policyStates = statesOf(policyRun);
  let policyPublicUnclassified = false;
  if (inputs.policyIsPublic.state === 'value') {
    const awsSaysPublic = inputs.policyIsPublic.value;
    evidence.push({
      source: 'policy-status',
      text: `AWS reports the bucket policy as ${awsSaysPublic ? 'public' : 'not public'} (GetBucketPolicyStatus).`,
    });
    if (!awsSaysPublic) {
      if (KINDS.some((kind) => policyStates[kind] !== 'not-public')) {
        evidence.push({
          source: 'policy-status',
          text: 'AWS’s verdict is taken over this tool’s reading of the statements below, which found public or undecided grants.',
        });
      }
      policyStates = allStates('not-public');
    } else if (restrict === 'on') {
      policyStates = allStates('not-public');
      blockedBy.add(`RestrictPublicBuckets (${restrictScope(inputs)})`);
    } else if (restrict === 'unknown') {
      policyStates = mapStates(policyStates, (state) => (state === 'not-public' ? 'unknown' : state === 'public' ? 'unknown' : state));
      reasons.push('AWS reports the policy as public, and whether RestrictPublicBuckets confines it could not be read.');
    } else if (!KINDS.some((kind) => policyStates[kind] === 'public')) {
      // AWS knows it is public; which access it opens is what this tool could not work out.
      policyPublicUnclassified = true;
      policyStates = mapStates(policyStates, (state) => (state === 'not-public' ? 'unknown' : state));
    }
  }
  const aclStates = statesOf(aclRun);
  const combined = {} as PartStates;
  for (const kind of KINDS) combined[kind] = RANK[policyStates[kind]] >= RANK[aclStates[kind]] ? policyStates[kind] : aclStates[kind];

  for (const cause of [...policyRun.causes, ...aclRun.causes]) evidence.push(causeEvidence(cause, model, files, blockedBy));
  if (model.disabledAcl) {
    for (const cause of evaluateAcl(model.disabledAcl)) {
      const label = 'BucketOwnerEnforced';
      blockedBy.add(label);
      evidence.push({
        source: 'acl',
        text: cause.why.replace(/ on the bucket ACL/, ' in the bucket ACL'),
        blockedBy: label,
      });
    }
    evidence.push({ source: 'ownership', text: 'Object Ownership is BucketOwnerEnforced: ACLs are disabled and S3 ignores every grant in them.' });
  }
  for (const [run, states] of [[policyRun, policyStates], [aclRun, aclStates]] as const) {
    for (const unknown of run.unknowns) {
      const text = model.unreadablePolicy && unknown.loc.file === files.policy ? `The bucket policy could not be read (${unreadableReason(inputs.policyText)}).` : unknown.why;
      evidence.push({ source: 'policy', text, ...rangeOf(unknown.loc, model) });
      if (combinedIsUndecided(states)) reasons.push(text);
    }
  }
  evidence.push(...putTimeNotes(inputs, policyRun, aclRun));
  if (model.unreadableAcl && combinedIsUndecided(aclStates)) reasons.push(`The bucket ACL could not be read (${unreadableReason(inputs.aclGrants)}).`);

  const state: ExposureState = policyPublicUnclassified || KINDS.some((kind) => combined[kind] === 'public')
    ? 'public'
    : KINDS.some((kind) => combined[kind] === 'unknown')
      ? 'unknown'
      : 'not-public';
  if (state === 'unknown') {
    for (const [run, states] of [[policyRun, policyStates], [aclRun, aclStates]] as const) {
      if (!combinedIsUndecided(states)) continue;
      for (const cause of run.causes) {
        if (!cause.neutralizedBy && (cause.certainty === 'unknown' || cause.mayBeNeutralizedBy)) reasons.push(causeText(cause, model));
      }
    }
  }
  const sharedWith = policyRun.crossAccount.map((grant) => ({ accounts: grant.accounts, access: grant.access, ...(grant.sid ? { sid: grant.sid } : {}) }));

  return {
    state,
    read: combined.read,
    write: combined.write,
    permissions: combined.permissions,
    ...(blockedBy.size > 0 ? { blockedBy: [...blockedBy] } : {}),
    evidence,
    ...(sharedWith.length > 0 ? { sharedWith } : {}),
    settings: {
      bucketBlockPublicAccess: blockPosture(inputs.bucketBlockPublicAccess, inputs.bucketBlockPublicAccessNeeds),
      accountBlockPublicAccess: blockPosture(inputs.accountBlockPublicAccess, inputs.accountBlockPublicAccessNeeds),
      objectOwnership: ownershipSetting(inputs.ownership),
      policy: inputs.policyText.state === 'value' ? 'present' : inputs.policyText.state === 'absent' ? 'none' : 'unknown',
      ...(inputs.policyIsPublic.state === 'value' ? { awsPolicyIsPublic: inputs.policyIsPublic.value } : {}),
    },
    ...(state === 'unknown' && reasons.length > 0 ? { reason: [...new Set(reasons)].join(' ') } : {}),
    ...(inputs.needs.length > 0 ? { needs: [...new Set(inputs.needs)] } : {}),
  };
}

function onlyPart(bucket: BucketModel, part: 'policy' | 'acl'): BucketModel {
  return part === 'policy' ? { ...bucket, acls: [] } : { ...bucket, policies: [] };
}

function statesOf(exposure: BucketExposure): PartStates {
  return { read: exposure.read, write: exposure.write, permissions: exposure.permissions };
}

function allStates(state: ExposureState): PartStates {
  return { read: state, write: state, permissions: state };
}

function mapStates(states: PartStates, map: (state: ExposureState) => ExposureState): PartStates {
  return { read: map(states.read), write: map(states.write), permissions: map(states.permissions) };
}

function combinedIsUndecided(states: PartStates): boolean {
  return KINDS.some((kind) => states[kind] === 'unknown');
}

/** RestrictPublicBuckets as S3 applies it: on when either the bucket or the account turns it on. */
function effectiveFlag(inputs: LiveBucketInputs, flag: keyof LiveFlags): 'on' | 'off' | 'unknown' {
  const answers = [inputs.bucketBlockPublicAccess, inputs.accountBlockPublicAccess];
  if (answers.some((answer) => answer.state === 'value' && answer.value[flag])) return 'on';
  if (answers.some((answer) => answer.state === 'unreadable')) return 'unknown';
  return 'off';
}

function restrictScope(inputs: LiveBucketInputs): string {
  const bucket = inputs.bucketBlockPublicAccess.state === 'value' && inputs.bucketBlockPublicAccess.value.restrictPublicBuckets;
  const account = inputs.accountBlockPublicAccess.state === 'value' && inputs.accountBlockPublicAccess.value.restrictPublicBuckets;
  return bucket && account ? 'bucket and account' : account ? 'account' : 'bucket';
}

function neutralizerLabel(neutralizer: Neutralizer, files: ReturnType<typeof liveFileNames>): string {
  const file = neutralizer.loc?.file;
  if (file === files.accountBlockPublicAccess) return `${neutralizer.setting} (account)`;
  if (file === files.bucketBlockPublicAccess) return `${neutralizer.setting} (bucket)`;
  return neutralizer.setting;
}

function causeText(cause: ExposureCause, model: LiveModel): string {
  if (model.unreadableAcl && cause.acl === model.unreadableAcl) {
    return `The bucket ACL could not be read (${model.unreadableAcl.canned?.value.known === false ? model.unreadableAcl.canned.value.reason : 'unreadable'}); a grant to AllUsers or AuthenticatedUsers in it would make the bucket public.`;
  }
  const maybe = cause.mayBeNeutralizedBy && !cause.neutralizedBy ? ` ${cause.mayBeNeutralizedBy.why}` : '';
  return `${cause.why}${maybe}`;
}

function causeEvidence(cause: ExposureCause, model: LiveModel, files: ReturnType<typeof liveFileNames>, blockedBy: Set<string>): PublicAccessEvidence {
  const item: PublicAccessEvidence = { source: cause.source, text: causeText(cause, model), ...rangeOf(cause.statementLoc, model) };
  if (cause.sid) item.sid = cause.sid;
  if (cause.neutralizedBy) {
    const label = neutralizerLabel(cause.neutralizedBy, files);
    item.blockedBy = label;
    blockedBy.add(label);
  }
  return item;
}

function rangeOf(loc: SourceLocation, model: LiveModel): Pick<PublicAccessEvidence, 'range'> {
  if (loc.file !== model.policyFile || !model.policyLines || loc.range.endOffset <= loc.range.startOffset) return {};
  return { range: { start: loc.range.start, end: loc.range.end } };
}

/** BlockPublicPolicy / BlockPublicAcls only refuse new public settings; what is in place stays. */
function putTimeNotes(inputs: LiveBucketInputs, policyRun: BucketExposure, aclRun: BucketExposure): PublicAccessEvidence[] {
  const standing = (run: BucketExposure): boolean =>
    run.causes.some((cause) => cause.certainty === 'public' && !cause.neutralizedBy && !cause.mayBeNeutralizedBy);
  const notes: PublicAccessEvidence[] = [];
  if (standing(policyRun) && effectiveFlag(inputs, 'blockPublicPolicy') === 'on') {
    notes.push({ source: 'block-public-access', text: 'BlockPublicPolicy is on, but it only refuses new public policies: the public policy already in place stays in effect.' });
  }
  if (standing(aclRun) && effectiveFlag(inputs, 'blockPublicAcls') === 'on') {
    notes.push({ source: 'block-public-access', text: 'BlockPublicAcls is on, but it only refuses new public ACLs: the grants already in place stay in effect (IgnorePublicAcls would make S3 ignore them).' });
  }
  return notes;
}

function unreadableReason(answer: LiveAnswer<unknown>): string {
  return answer.state === 'unreadable' ? answer.reason : 'unreadable';
}

export function blockPosture(answer: LiveAnswer<LiveFlags>, needs?: string): BlockPublicAccessPosture {
  if (answer.state === 'unreadable') return { state: 'unknown', reason: answer.reason, ...(needs ? { needs } : {}) };
  if (answer.state === 'absent') return { state: 'off', reason: 'No Block Public Access configuration.' };
  const flags = answer.value;
  const on = [flags.blockPublicAcls, flags.ignorePublicAcls, flags.blockPublicPolicy, flags.restrictPublicBuckets].filter(Boolean).length;
  return {
    state: on === 4 ? 'on' : on === 0 ? 'off' : 'partial',
    flags: {
      BlockPublicAcls: flags.blockPublicAcls,
      IgnorePublicAcls: flags.ignorePublicAcls,
      BlockPublicPolicy: flags.blockPublicPolicy,
      RestrictPublicBuckets: flags.restrictPublicBuckets,
    },
  };
}

function ownershipSetting(answer: LiveAnswer<string>): PublicAccessPosture['settings']['objectOwnership'] {
  if (answer.state === 'absent') return 'none';
  if (answer.state === 'unreadable') return 'unknown';
  return answer.value === 'BucketOwnerEnforced' || answer.value === 'BucketOwnerPreferred' || answer.value === 'ObjectWriter' ? answer.value : 'unknown';
}
