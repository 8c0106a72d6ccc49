/**
 * IAM condition operator names: an optional set qualifier (`ForAnyValue:` / `ForAllValues:`), a
 * base operator, and an optional `IfExists` suffix. Matched case-insensitively.
 * (IAM User Guide: "IAM JSON policy elements: Condition operators".)
 */

export interface ConditionOperator {
  /** As written, for messages. */
  written: string;
  /** Lower-case base operator without qualifier or suffix, e.g. `stringequals`. */
  base: string;
  setQualifier?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  known: boolean;
}

/** Operators that only match listed values (for Allow: fixes who may call when the values are fixed). */
const MATCHING_STRING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
/** Their negations (for Deny: denies everyone except the listed values). */
const NEGATED_STRING_OPERATORS = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike']);

const KNOWN_OPERATORS = new Set([
  ...MATCHING_STRING_OPERATORS,
  ...NEGATED_STRING_OPERATORS,
  'ipaddress',
  'notipaddress',
  'numericequals',
  'numericnotequals',
  'numericlessthan',
  'numericlessthanequals',
  'numericgreaterthan',
  'numericgreaterthanequals',
  'dateequals',
  'datenotequals',
  'datelessthan',
  'datelessthanequals',
  'dategreaterthan',
  'dategreaterthanequals',
  'bool',
  'binaryequals',
  'null',
]);

export function parseConditionOperator(written: string): ConditionOperator {
  let rest = written.trim();
  let setQualifier: ConditionOperator['setQualifier'];
  const lower = rest.toLowerCase();
  if (lower.startsWith('foranyvalue:')) {
    setQualifier = 'ForAnyValue';
    rest = rest.slice('foranyvalue:'.length);
  } else if (lower.startsWith('forallvalues:')) {
    setQualifier = 'ForAllValues';
    rest = rest.slice('forallvalues:'.length);
  }
  let base = rest.toLowerCase();
  let ifExists = false;
  if (base.endsWith('ifexists') && base !== 'ifexists') {
    ifExists = true;
    base = base.slice(0, -'ifexists'.length);
  }
  return { written, base, setQualifier, ifExists, known: KNOWN_OPERATORS.has(base) };
}

/** Matches only the listed values for string/ARN keys. */
export function isMatchingStringOperator(operator: ConditionOperator): boolean {
  return MATCHING_STRING_OPERATORS.has(operator.base);
}

export function isNegatedStringOperator(operator: ConditionOperator): boolean {
  return NEGATED_STRING_OPERATORS.has(operator.base);
}

export function isNegated(operator: ConditionOperator): boolean {
  return NEGATED_STRING_OPERATORS.has(operator.base) || operator.base === 'notipaddress' || operator.base.includes('notequals');
}
