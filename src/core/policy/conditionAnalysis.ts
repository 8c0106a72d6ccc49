import type { SourceLocation } from '../model/location';
import type { LValue } from '../model/value';
import { isMatchingStringOperator, isNegated, isNegatedStringOperator, parseConditionOperator, type ConditionOperator } from './conditionOperators';
import { judgeRestrictingValues } from './conditionValues';
import { findRestrictingKey, whyKeyDoesNotRestrict, type RestrictingConditionKey } from './restrictingConditionKeys';
import type { Tri } from './tri';

/** One `operator: { key: values }` pair of a Condition block. */
interface ConditionClause {
  operator: ConditionOperator;
  key: string;
  keyLoc: SourceLocation;
  values: LValue;
}

interface UnresolvedPart {
  loc: SourceLocation;
  what: string;
}

/** What an Allow statement's Condition does to a public principal. */
export interface AllowConditionVerdict {
  /** `no` when a fixed value of a key AWS lists restricts who can call; `maybe` when an unresolved value decides. */
  open: Tri;
  restrictedBy?: { key: string; loc: SourceLocation };
  /** Why the written conditions do not restrict the caller (first reason), when there are some. */
  weakness?: string;
  unresolved?: UnresolvedPart;
}

/** What a Deny statement's Condition leaves: `yes` when it denies everyone except fixed values of a restricting key. */
export interface DenyConditionVerdict {
  exceptFixed: Tri;
  unresolved?: UnresolvedPart;
}

type ClauseList = { clauses: ConditionClause[]; unresolved?: UnresolvedPart; malformed?: string };

function readClauses(condition: LValue): ClauseList {
  if (condition.kind === 'null') return { clauses: [] };
  if (condition.kind === 'unknown') {
    return { clauses: [], unresolved: { loc: condition.loc, what: `the Condition has no literal value here (${condition.reason})` } };
  }
  if (condition.kind !== 'object') return { clauses: [], malformed: 'the Condition element is not an object' };
  const clauses: ConditionClause[] = [];
  let unresolved: UnresolvedPart | undefined;
  for (const operatorEntry of condition.entries) {
    const operator = parseConditionOperator(operatorEntry.key);
    const block = operatorEntry.value;
    if (block.kind === 'unknown') {
      unresolved ??= { loc: block.loc, what: `the ${operatorEntry.key} condition has no literal value here (${block.reason})` };
      continue;
    }
    if (block.kind !== 'object') continue;
    for (const keyEntry of block.entries) {
      clauses.push({ operator, key: keyEntry.key, keyLoc: keyEntry.keyLoc, values: keyEntry.value });
    }
  }
  return { clauses, unresolved };
}

type ClauseEffect = { effect: 'restricts' } | { effect: 'open'; why: string } | { effect: 'unknown'; part: UnresolvedPart };

/** For an Allow: does this clause admit only fixed values of a key AWS counts as restricting? */
function judgeAllowClause(clause: ConditionClause, rule: RestrictingConditionKey): ClauseEffect {
  const { operator, key } = clause;
  const name = operator.written;
  if (!operator.known) return { effect: 'open', why: `${name} is not a condition operator IAM knows` };
  // ForAllValues is true when the request has no value for the key at all, e.g. an anonymous caller.
  if (operator.setQualifier === 'ForAllValues') {
    return { effect: 'open', why: `${name} is also true when a request has no ${key}, so anonymous callers pass` };
  }
  if (operator.ifExists) return { effect: 'open', why: `${name} lets every request without ${key} through` };
  if (isNegated(operator)) return { effect: 'open', why: `${name} admits every ${key} except the listed ones` };
  const fitsKey = rule.values === 'cidr' ? operator.base === 'ipaddress' : isMatchingStringOperator(operator);
  if (!fitsKey) return { effect: 'open', why: `${name} on ${key} does not pin ${key} to fixed values` };
  const judgement = judgeRestrictingValues(clause.values, rule);
  if (judgement.status === 'fixed') return { effect: 'restricts' };
  if (judgement.status === 'open') return { effect: 'open', why: judgement.why };
  return { effect: 'unknown', part: { loc: judgement.loc, what: judgement.why } };
}

/** For a Deny: does this clause deny everyone except fixed values of a restricting key? */
function judgeDenyClause(clause: ConditionClause, rule: RestrictingConditionKey): ClauseEffect {
  const { operator } = clause;
  if (!operator.known || operator.setQualifier) return { effect: 'open', why: '' };
  // A negated operator is true when the key is missing, with or without IfExists, so the Deny
  // also catches requests that carry no value: only the listed values escape it.
  const fitsKey = rule.values === 'cidr' ? operator.base === 'notipaddress' : isNegatedStringOperator(operator);
  if (!fitsKey) return { effect: 'open', why: '' };
  const judgement = judgeRestrictingValues(clause.values, rule);
  if (judgement.status === 'fixed') return { effect: 'restricts' };
  if (judgement.status === 'open') return { effect: 'open', why: judgement.why };
  return { effect: 'unknown', part: { loc: judgement.loc, what: judgement.why } };
}

/**
 * Condition keys are ANDed, so one clause that pins a restricting key to fixed values restricts
 * the whole statement; clauses on other keys neither help nor hurt (an unknown in them does not matter).
 */
export function judgeAllowCondition(condition: LValue | undefined): AllowConditionVerdict {
  if (!condition) return { open: 'yes' };
  const { clauses, unresolved, malformed } = readClauses(condition);
  let weakness = malformed;
  let unknownPart = unresolved;
  for (const clause of clauses) {
    const rule = findRestrictingKey(clause.key);
    if (!rule) {
      weakness ??= whyKeyDoesNotRestrict(clause.key);
      continue;
    }
    const effect = judgeAllowClause(clause, rule);
    if (effect.effect === 'restricts') return { open: 'no', restrictedBy: { key: rule.key, loc: clause.keyLoc } };
    if (effect.effect === 'open') weakness ??= effect.why;
    else unknownPart ??= effect.part;
  }
  if (unknownPart || malformed) {
    return { open: 'maybe', weakness, unresolved: unknownPart ?? { loc: condition.loc, what: malformed ?? '' } };
  }
  return { open: 'yes', weakness };
}

/**
 * A Deny applies only when all its clauses are true, so it leaves nobody but fixed callers only
 * when every clause is a negated match on fixed values of a restricting key (e.g. Deny unless
 * aws:SourceVpce is vpce-1). No Condition at all denies everyone it names.
 */
export function judgeDenyCondition(condition: LValue | undefined): DenyConditionVerdict {
  if (!condition) return { exceptFixed: 'yes' };
  const { clauses, unresolved, malformed } = readClauses(condition);
  if (malformed) return { exceptFixed: 'no' };
  if (clauses.length === 0 && !unresolved) return { exceptFixed: 'yes' };
  let unknownPart = unresolved;
  for (const clause of clauses) {
    const rule = findRestrictingKey(clause.key);
    if (!rule) return { exceptFixed: 'no' };
    const effect = judgeDenyClause(clause, rule);
    if (effect.effect === 'open') return { exceptFixed: 'no' };
    if (effect.effect === 'unknown') unknownPart ??= effect.part;
  }
  return unknownPart ? { exceptFixed: 'maybe', unresolved: unknownPart } : { exceptFixed: 'yes' };
}
