import type { SourceLocation } from '../model/location';
import { UNKNOWN_PLACEHOLDER, type LValue } from '../model/value';
import { isTooBroadForAws, parseIpRange, WIDEST_NON_PUBLIC_PREFIX } from './cidr';
import { hasWildcardOrVariable } from './globPattern';
import type { RestrictingConditionKey } from './restrictingConditionKeys';

/** Whether a condition's values pin the key to fixed values, in AWS's sense. */
export type ValuesJudgement =
  | { status: 'fixed' }
  | { status: 'open'; why: string; loc: SourceLocation }
  | { status: 'unknown'; why: string; loc: SourceLocation };

const ROLE_SESSION_PATTERN = /^AROA[A-Z0-9]+:\*$/;
const FIXED_ACCESS_POINT_PREFIX = /^arn:[a-z-]+:s3:[a-z0-9-]+:\d{12}:accesspoint\/./;
const ORG_PATH_SUBTREE = /^o-[a-z0-9]+\/(?:[^*?$]+\/)?\*$/;

function judgeText(text: string, rule: RestrictingConditionKey, loc: SourceLocation): ValuesJudgement {
  const key = rule.key;
  switch (rule.values) {
    case 'cidr': {
      const range = parseIpRange(text);
      if (!range) return { status: 'unknown', why: `"${text}" is not an IP range AWS accepts for ${key}`, loc };
      if (isTooBroadForAws(range)) {
        const limit = WIDEST_NON_PUBLIC_PREFIX[range.version];
        return {
          status: 'open',
          why: `the ${key} range ${text} is broader than /${limit}, which AWS counts as public`,
          loc,
        };
      }
      return { status: 'fixed' };
    }
    case 'userid':
      if (ROLE_SESSION_PATTERN.test(text)) return { status: 'fixed' };
      break;
    case 'accessPointArn':
      if (FIXED_ACCESS_POINT_PREFIX.test(text)) return { status: 'fixed' };
      break;
    case 'orgPath':
      if (ORG_PATH_SUBTREE.test(text)) return { status: 'fixed' };
      break;
    case 'fixed':
      break;
  }
  if (hasWildcardOrVariable(text)) {
    return { status: 'open', why: `the ${key} value "${text}" has a wildcard or policy variable, so it is not a fixed value`, loc };
  }
  if (text.length === 0) return { status: 'open', why: `the ${key} value is empty`, loc };
  return { status: 'fixed' };
}

function judgeOne(value: LValue, rule: RestrictingConditionKey): ValuesJudgement {
  switch (value.kind) {
    case 'string':
      return judgeText(value.value, rule, value.loc);
    case 'number':
      return judgeText(String(value.value), rule, value.loc);
    case 'unknown': {
      const literalParts = (value.partial ?? '').split(UNKNOWN_PLACEHOLDER).join('');
      if (/[*?]/.test(literalParts)) {
        return { status: 'open', why: `the ${rule.key} value has a wildcard, so it is not a fixed value`, loc: value.loc };
      }
      return { status: 'unknown', why: `the ${rule.key} value has no literal value here (${value.reason})`, loc: value.loc };
    }
    default:
      return { status: 'open', why: `the ${rule.key} value is not a string`, loc: value.loc };
  }
}

/**
 * Judges a condition's value list for a restricting key: fixed only when every value is fixed
 * (one wildcard value admits everyone it matches), unknown when an unresolved value decides.
 */
export function judgeRestrictingValues(values: LValue, rule: RestrictingConditionKey): ValuesJudgement {
  const items = values.kind === 'array' ? values.items : [values];
  let unknown: ValuesJudgement | undefined;
  for (const item of items) {
    const judgement = judgeOne(item, rule);
    if (judgement.status === 'open') return judgement;
    if (judgement.status === 'unknown' && !unknown) unknown = judgement;
  }
  return unknown ?? { status: 'fixed' };
}
