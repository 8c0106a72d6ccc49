import type { PolicyAttachment } from '../model/bucket';
import type { CrossAccountGrant, ExposureCause } from '../model/exposure';
import { judgeAllowCondition } from './conditionAnalysis';
import { crossAccountGrantOf } from './crossAccount';
import { causesOfPublicStatement } from './policyCauses';
import { judgeNotPrincipal, judgePrincipal, type PrincipalVerdict } from './principals';
import { partitionOf, resourceTargets } from './resources';
import { grantsOfStatement, prepareDenyRules } from './statementGrants';
import { ALL_ACCESS, readStatements, type PolicyUnknown } from './statements';
import { triAnd } from './tri';

export type { PolicyUnknown } from './statements';

export interface PolicyContext {
  /** Accounts that own the scanned buckets; grants to them are not "outside the account". */
  ownAccountIds: string[];
  /**
   * The name of the bucket the policy is attached to, when the files fix it: resources that name
   * another bucket then do not count. Unknown names are judged by the resources' shape.
   */
  bucketName?: string;
}

export interface PolicyEvaluation {
  /** Allow statements that make the bucket public (certainty `public`) or may (`unknown`). */
  causes: ExposureCause[];
  crossAccount: CrossAccountGrant[];
  /** Parts that could not be judged: an unresolved or malformed document, an unresolved statement. */
  unknowns: PolicyUnknown[];
}

/**
 * Judges a bucket policy the way S3 Block Public Access and IAM Access Analyzer describe "public":
 * an Allow that reaches everyone (Principal `*`, a wildcard principal, a web-identity provider, or
 * NotPrincipal) for actions on this bucket or its objects, with no condition that pins a key AWS
 * lists to fixed values, and not taken away by a Deny. Never throws.
 */
export function evaluateBucketPolicy(policy: PolicyAttachment, context: PolicyContext): PolicyEvaluation {
  try {
    return evaluate(policy, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      causes: [],
      crossAccount: [],
      unknowns: [{ loc: policy.loc, why: `The bucket policy could not be judged (${message}).`, access: ALL_ACCESS }],
    };
  }
}

function evaluate(policy: PolicyAttachment, context: PolicyContext): PolicyEvaluation {
  const { statements, unknowns } = readStatements(policy.document);
  const partition = partitionOf(statements.map((statement) => statement.resources));
  const targets = resourceTargets(context.bucketName, partition);
  const denies = prepareDenyRules(statements);
  const causes: ExposureCause[] = [];
  const crossAccount: CrossAccountGrant[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'allow' && statement.effect !== 'unresolved') continue;
    let principal: PrincipalVerdict | undefined;
    if (statement.principal) principal = judgePrincipal(statement.principal);
    else if (statement.notPrincipal) principal = judgeNotPrincipal(statement.notPrincipal);
    // A bucket policy statement without a principal is rejected by S3: it grants nothing.
    if (!principal) continue;
    const condition = judgeAllowCondition(statement.condition);
    const audience = triAnd(principal.everyone, condition.open, statement.effect === 'allow' ? 'yes' : 'maybe');
    const grants = grantsOfStatement(statement, audience, denies, targets);
    causes.push(...causesOfPublicStatement({ policy, statement, principal, condition, grants }));
    const shared = crossAccountGrantOf(statement, principal.accounts, policy, denies, targets, context.ownAccountIds);
    if (shared) crossAccount.push(shared);
  }
  return { causes, crossAccount, unknowns };
}
