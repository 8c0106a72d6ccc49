import type { SourceLocation } from '../model/location';
import { UNKNOWN_PLACEHOLDER, type LValue } from '../model/value';
import { globMatches } from './globAutomaton';
import { parseIamWildcard, type GlobPattern } from './globPattern';
import { S3_BUCKET_ACTIONS, type S3Action } from './s3ActionCatalog';
import type { Tri } from './tri';

/**
 * A statement's Action or NotAction, as patterns over action names. IAM matches action names
 * case-insensitively, with `*` and `?` wildcards (`s3:Get*`, `s3:*Object*`, `*`).
 */
export interface ActionSpec {
  negated: boolean;
  patterns: Array<{ written: string; pattern: GlobPattern; node: LValue; unresolved: boolean; exact?: string }>;
  /** Unresolved items with no usable shape: any action may be meant. */
  opaque: LValue[];
  /** actionCovered for each S3_BUCKET_ACTIONS entry, by index, once asked (see catalogCoverage). */
  catalogCoverage?: readonly Tri[];
}

/** A written action without `*`, `?` or a policy variable names exactly one action: plain comparison decides. */
const WILDCARD_OR_VARIABLE = /[*?]|\$\{/;

export function readActionSpec(action: LValue | undefined, notAction: LValue | undefined): ActionSpec | undefined {
  const element = action ?? notAction;
  if (!element) return undefined;
  const spec: ActionSpec = { negated: !action, patterns: [], opaque: [] };
  const items = element.kind === 'array' ? element.items : [element];
  for (const item of items) {
    if (item.kind === 'string') {
      const lower = item.value.toLowerCase();
      const exact = WILDCARD_OR_VARIABLE.test(lower) ? undefined : lower;
      spec.patterns.push({ written: item.value, pattern: parseIamWildcard(lower), node: item, unresolved: false, exact });
    } else if (item.kind === 'unknown') {
      if (item.partial && item.partial !== UNKNOWN_PLACEHOLDER) {
        // The unresolved piece could be any part of an action name, so it is read as `*`.
        const asWildcard = item.partial.toLowerCase().split(UNKNOWN_PLACEHOLDER.toLowerCase()).join('*');
        spec.patterns.push({ written: item.partial, pattern: parseIamWildcard(asWildcard), node: item, unresolved: true });
      } else {
        spec.opaque.push(item);
      }
    }
  }
  return spec;
}

/** Does the statement's Action / NotAction cover this action? */
export function actionCovered(spec: ActionSpec, action: S3Action): Tri {
  let matched: Tri = 'no';
  for (const entry of spec.patterns) {
    if (!(entry.exact !== undefined ? entry.exact === action.lowerName : globMatches(entry.pattern, action.lowerName))) continue;
    if (!entry.unresolved) {
      matched = 'yes';
      break;
    }
    matched = 'maybe';
  }
  if (matched === 'no' && spec.opaque.length > 0) matched = 'maybe';
  if (!spec.negated) return matched;
  return matched === 'yes' ? 'no' : matched === 'no' ? 'yes' : 'maybe';
}

/**
 * actionCovered for every catalog action, by index in S3_BUCKET_ACTIONS, computed once per spec: a
 * statement's actions are asked about for its public grants, its cross-account grants and per Deny.
 */
export function catalogCoverage(spec: ActionSpec): readonly Tri[] {
  spec.catalogCoverage ??= S3_BUCKET_ACTIONS.map((action) => actionCovered(spec, action));
  return spec.catalogCoverage;
}

/** The patterns as written that grant this action (for "granted by" lists). */
export function grantingPatterns(spec: ActionSpec, action: S3Action): string[] {
  if (spec.negated) return [];
  return spec.patterns.filter((entry) => globMatches(entry.pattern, action.lowerName)).map((entry) => entry.written);
}

/** The element to point at when the action list itself is unresolved. */
export function unresolvedActionLoc(spec: ActionSpec): SourceLocation | undefined {
  return spec.opaque[0]?.loc ?? spec.patterns.find((entry) => entry.unresolved)?.node.loc;
}

/** Plain words for the written Action / NotAction, for messages. */
export function describeActionSpec(spec: ActionSpec): string {
  const written = [...spec.patterns.map((entry) => entry.written), ...spec.opaque.map(() => '(unresolved)')];
  const list = written.length > 4 ? `${written.slice(0, 4).join(', ')}, …` : written.join(', ');
  return spec.negated ? `every action except ${list}` : list;
}
