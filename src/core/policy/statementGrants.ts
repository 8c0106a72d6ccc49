import type { SourceLocation } from '../model/location';
import { catalogCoverage, type ActionSpec } from './actions';
import { judgeDenyCondition } from './conditionAnalysis';
import { canonicalPrincipalKey, judgeDenyReach } from './principals';
import { denyCoversGrant, resourceCovered, type ResourceKind, type ResourceSpec, type ResourceTargets } from './resources';
import { S3_BUCKET_ACTIONS, type S3Action } from './s3ActionCatalog';
import type { PolicyStatement } from './statements';
import { triAnd, triOr, type Tri } from './tri';

/** A Deny statement, judged once: how far it reaches and what it leaves. */
export interface DenyRule {
  statement: PolicyStatement;
  actions: ActionSpec;
  resources: ResourceSpec;
  /** `yes` when it names everyone (Principal `*`) or everyone but fixed principals (NotPrincipal). */
  principalReach: Tri;
  /** The Principal as written, to recognise a Deny on exactly the principals an Allow names. */
  principalKey?: string;
  /** `yes` when its condition leaves only fixed values of a restricting key (or there is none). */
  conditionReach: Tri;
  /** Whether it names each catalog action, by index in S3_BUCKET_ACTIONS. */
  actionReach: readonly Tri[];
  /** Denies everyone with no condition at all (cuts even grants to named accounts). */
  unconditional: boolean;
  unresolvedLoc?: SourceLocation;
}

export function prepareDenyRules(statements: PolicyStatement[]): DenyRule[] {
  const rules: DenyRule[] = [];
  for (const statement of statements) {
    const { actions, resources } = statement;
    if (statement.effect !== 'deny' || !actions || !resources) continue;
    const principalReach = judgeDenyReach(statement.principal, statement.notPrincipal);
    const principalKey = statement.principal ? canonicalPrincipalKey(statement.principal) : undefined;
    const condition = judgeDenyCondition(statement.condition);
    if (condition.exceptFixed === 'no' || (principalReach === 'no' && principalKey === undefined)) continue;
    rules.push({
      statement,
      actions,
      resources,
      principalReach,
      principalKey,
      conditionReach: condition.exceptFixed,
      actionReach: catalogCoverage(actions),
      unconditional: principalReach === 'yes' && !statement.notPrincipal && statement.condition === undefined,
      unresolvedLoc: condition.unresolved?.loc,
    });
  }
  return rules;
}

export interface ActionGrant {
  action: S3Action;
  grant: Tri;
  /** A Deny that may take the grant away, when one leaves it undecided. */
  undecidedBy?: DenyRule;
}

/**
 * For each S3 action that applies to a bucket or its objects: does the Allow statement grant it to
 * the callers `audience` describes, after the Deny statements have taken their share?
 */
export function grantsOfStatement(
  allow: PolicyStatement,
  audience: Tri,
  denies: DenyRule[],
  targets: ResourceTargets,
): ActionGrant[] {
  const actions = allow.actions;
  const resources = allow.resources;
  if (!actions || !resources || audience === 'no') return [];
  const resourceReach: Record<ResourceKind, Tri> = {
    bucket: resourceCovered(resources, 'bucket', targets),
    object: resourceCovered(resources, 'object', targets),
  };
  const denyCoverage = new Map<string, Tri>();
  const denyCovers = (deny: DenyRule, denyIndex: number, kind: ResourceKind): Tri => {
    const key = `${denyIndex}:${kind}`;
    let answer = denyCoverage.get(key);
    if (answer === undefined) {
      answer = denyCoversGrant(resources, deny.resources, kind, targets);
      denyCoverage.set(key, answer);
    }
    return answer;
  };
  // A Deny reaches the Allow's callers when it names everyone, or exactly the same principals.
  const allowKey = allow.principal ? canonicalPrincipalKey(allow.principal) : undefined;
  const denyReach = denies.map((deny) =>
    triAnd(triOr(deny.principalReach, allowKey !== undefined && allowKey === deny.principalKey ? 'yes' : 'no'), deny.conditionReach),
  );
  const grants: ActionGrant[] = [];
  const coverage = catalogCoverage(actions);
  S3_BUCKET_ACTIONS.forEach((action, actionIndex) => {
    const covered = coverage[actionIndex];
    if (covered === 'no') return;
    let grant: Tri = 'no';
    let undecidedBy: DenyRule | undefined;
    const kinds: ResourceKind[] = [];
    if (action.onBucket) kinds.push('bucket');
    if (action.onObject) kinds.push('object');
    for (const kind of kinds) {
      let kindGrant = triAnd(audience, covered, resourceReach[kind]);
      if (kindGrant === 'no') continue;
      for (let index = 0; index < denies.length && kindGrant !== 'no'; index++) {
        const deny = denies[index];
        if (denyReach[index] === 'no') continue;
        if (deny.actionReach[actionIndex] === 'no') continue;
        const cut = triAnd(denyReach[index], deny.actionReach[actionIndex], denyCovers(deny, index, kind));
        if (cut === 'yes') kindGrant = 'no';
        else if (cut === 'maybe' && kindGrant === 'yes') {
          kindGrant = 'maybe';
          undecidedBy ??= deny;
        }
      }
      grant = triOr(grant, kindGrant);
    }
    if (grant !== 'no') grants.push({ action, grant, undecidedBy: grant === 'maybe' ? undecidedBy : undefined });
  });
  return grants;
}
