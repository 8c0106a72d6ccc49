import type { PolicyAttachment } from '../model/bucket';
import type { Certainty, ExposureCause } from '../model/exposure';
import type { SourceLocation } from '../model/location';
import { accessKindsOf, describeAccessKinds } from './accessKinds';
import { describeActionSpec, grantingPatterns, unresolvedActionLoc } from './actions';
import type { AllowConditionVerdict } from './conditionAnalysis';
import type { PrincipalVerdict } from './principals';
import { firstOpaqueLoc } from './resources';
import type { ActionGrant } from './statementGrants';
import { statementLabel, type PolicyStatement } from './statements';

/** Everything known about one Allow statement that reaches everyone (or may). */
export interface PublicStatementFacts {
  policy: PolicyAttachment;
  statement: PolicyStatement;
  principal: PrincipalVerdict;
  condition: AllowConditionVerdict;
  grants: ActionGrant[];
}

function grantedByOf(statement: PolicyStatement, grants: ActionGrant[]): string[] {
  const spec = statement.actions;
  if (!spec) return [];
  if (spec.negated) return [describeActionSpec(spec)];
  const written = new Set<string>();
  for (const grant of grants) for (const pattern of grantingPatterns(spec, grant.action)) written.add(pattern);
  if (written.size === 0) return [describeActionSpec(spec)];
  return [...written];
}

function listActions(grantedBy: string[]): string {
  return grantedBy.length > 4 ? `${grantedBy.slice(0, 4).join(', ')} and more` : grantedBy.join(', ');
}

/** What makes a statement undecided, in order of how directly it decides the question. */
function firstUnresolved(facts: PublicStatementFacts, grants: ActionGrant[]): { loc: SourceLocation; what: string } | undefined {
  const { statement, principal, condition } = facts;
  if (principal.unresolved) return principal.unresolved;
  if (statement.effect === 'unresolved' && statement.effectNode) {
    return { loc: statement.effectNode.loc, what: 'its Effect has no literal value here' };
  }
  if (condition.unresolved) return condition.unresolved;
  const actionLoc = statement.actions ? unresolvedActionLoc(statement.actions) : undefined;
  if (actionLoc) return { loc: actionLoc, what: 'part of its Action has no literal value here' };
  const resourceLoc = statement.resources ? firstOpaqueLoc(statement.resources) : undefined;
  if (resourceLoc) return { loc: resourceLoc, what: 'its Resource has no literal value here, so it may or may not name this bucket’s objects' };
  const deny = grants.find((grant) => grant.undecidedBy)?.undecidedBy;
  if (deny) {
    return {
      loc: deny.unresolvedLoc ?? deny.statement.node.loc,
      what: `${statementLabel(deny.statement)} (Deny) may take it away, depending on values that have no literal value here`,
    };
  }
  return undefined;
}

function conditionClause(condition: AllowConditionVerdict, hasCondition: boolean): string {
  if (!hasCondition) return 'no condition limits who can call';
  return condition.weakness ? `its condition does not limit who can call: ${condition.weakness}` : 'its condition does not limit who can call';
}

function buildCause(facts: PublicStatementFacts, grants: ActionGrant[], certainty: Certainty): ExposureCause {
  const { policy, statement, principal, condition } = facts;
  const access = accessKindsOf(grants.map((grant) => grant.action));
  const grantedBy = grantedByOf(statement, grants);
  const subject = statementLabel(statement);
  const actionsText = `${listActions(grantedBy)} (${describeAccessKinds(access)})`;
  const principalLoc = principal.node?.loc ?? statement.node.loc;
  let loc = principalLoc;
  let why: string;
  if (certainty === 'public') {
    why = `${subject} allows ${principal.who} to call ${actionsText}, and ${conditionClause(condition, statement.condition !== undefined)}.`;
  } else {
    const unresolved = firstUnresolved(facts, grants);
    if (unresolved) loc = unresolved.loc;
    const because = unresolved ? `, but ${unresolved.what}` : '';
    why = `${subject} would allow ${principal.who} to call ${actionsText}${because}.`;
  }
  return {
    source: 'policy',
    certainty,
    access,
    grantedBy,
    loc,
    statementLoc: statement.node.loc,
    sid: statement.sid,
    resourceAddress: policy.resource.address,
    why,
    policy,
    statement: statement.node,
  };
}

/** One cause for what the statement surely makes public, one for what it may. */
export function causesOfPublicStatement(facts: PublicStatementFacts): ExposureCause[] {
  const sure = facts.grants.filter((grant) => grant.grant === 'yes');
  const possible = facts.grants.filter((grant) => grant.grant === 'maybe');
  const causes: ExposureCause[] = [];
  if (sure.length > 0) causes.push(buildCause(facts, sure, 'public'));
  if (possible.length > 0) causes.push(buildCause(facts, possible, 'unknown'));
  return causes;
}
