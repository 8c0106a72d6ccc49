import type { PolicyAttachment } from '../model/bucket';
import type { CrossAccountGrant } from '../model/exposure';
import type { LValue } from '../model/value';
import { accessKindsOf, describeAccessKinds } from './accessKinds';
import { parseConditionOperator, isMatchingStringOperator } from './conditionOperators';
import type { NamedAccount } from './principals';
import type { ResourceTargets } from './resources';
import { grantsOfStatement, type DenyRule } from './statementGrants';
import { statementLabel, type PolicyStatement } from './statements';

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Accounts a public-principal statement is pinned to by `aws:PrincipalAccount` (StringEquals and
 * kin): Access Analyzer reports such a statement as shared with those accounts.
 */
function accountsPinnedByCondition(condition: LValue | undefined): NamedAccount[] {
  if (!condition || condition.kind !== 'object') return [];
  const accounts: NamedAccount[] = [];
  for (const operatorEntry of condition.entries) {
    const operator = parseConditionOperator(operatorEntry.key);
    if (!isMatchingStringOperator(operator) || operator.ifExists || operator.setQualifier === 'ForAllValues') continue;
    if (operatorEntry.value.kind !== 'object') continue;
    for (const keyEntry of operatorEntry.value.entries) {
      if (keyEntry.key.toLowerCase() !== 'aws:principalaccount') continue;
      const values = keyEntry.value.kind === 'array' ? keyEntry.value.items : [keyEntry.value];
      for (const value of values) {
        if (value.kind === 'string' && ACCOUNT_ID.test(value.value)) accounts.push({ account: value.value, node: value });
      }
    }
  }
  return accounts;
}

/**
 * Grants to specific accounts outside the caller's own (IAM Access Analyzer's "shared outside").
 * Unresolved account ids (typically the caller's own account) are never reported.
 */
export function crossAccountGrantOf(
  statement: PolicyStatement,
  principalAccounts: NamedAccount[],
  policy: PolicyAttachment,
  denies: DenyRule[],
  targets: ResourceTargets,
  ownAccountIds: string[],
): CrossAccountGrant | undefined {
  if (statement.effect !== 'allow') return undefined;
  const named = [...principalAccounts, ...accountsPinnedByCondition(statement.condition)];
  const outside = named.filter((entry) => !ownAccountIds.includes(entry.account));
  if (outside.length === 0) return undefined;
  // Only a Deny on everyone with no condition surely takes a named account's grant away.
  const unconditionalDenies = denies.filter((deny) => deny.unconditional);
  const grants = grantsOfStatement(statement, 'yes', unconditionalDenies, targets).filter((grant) => grant.grant === 'yes');
  if (grants.length === 0) return undefined;
  const accounts = [...new Set(outside.map((entry) => entry.account))];
  const access = accessKindsOf(grants.map((grant) => grant.action));
  const accountWords = accounts.length === 1 ? `account ${accounts[0]}` : `accounts ${accounts.join(', ')}`;
  return {
    accounts,
    access,
    loc: outside[0].node.loc,
    statementLoc: statement.node.loc,
    sid: statement.sid,
    resourceAddress: policy.resource.address,
    why: `${statementLabel(statement)} grants ${describeAccessKinds(access)} access to ${accountWords}, outside your own account${ownAccountIds.length === 0 ? 's (none configured)' : ''}.`,
  };
}
