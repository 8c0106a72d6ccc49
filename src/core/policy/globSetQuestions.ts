import { accepts, DEAD, dfaOf, type LazyDfa } from './globAutomaton';
import type { GlobPattern } from './globPattern';
import type { Tri } from './tri';

/**
 * Questions about whole sets of ARNs that IAM wildcard patterns describe: do some patterns share a
 * string, does one set of patterns cover another. Answered on the product of the patterns' automata.
 */

/** Past this many product states a set question answers `maybe` instead of running on. */
const MAX_PRODUCT_STATES = 20_000;

/**
 * Characters that stand for the whole alphabet: every character a test mentions, plus one that no
 * test mentions (all such characters behave alike).
 */
function representativeAlphabet(automataInUse: readonly LazyDfa[]): string[] {
  const mentioned = new Set<string>();
  for (const dfa of automataInUse) for (const char of dfa.mentioned) mentioned.add(char);
  let fresh = 0;
  while (mentioned.has(String.fromCharCode(fresh))) fresh++;
  return [...mentioned, String.fromCharCode(fresh)];
}

function literalPrefix(pattern: GlobPattern): string {
  let prefix = '';
  for (const token of pattern) {
    if (token.repeat || token.test.kind !== 'char') break;
    prefix += token.test.char;
  }
  return prefix;
}

function literalSuffix(pattern: GlobPattern): string {
  let suffix = '';
  for (let index = pattern.length - 1; index >= 0; index--) {
    const token = pattern[index];
    if (token.repeat || token.test.kind !== 'char') break;
    suffix = token.test.char + suffix;
  }
  return suffix;
}

/**
 * Whether the literal runs at the start (or end) of two patterns agree as far as the shorter goes, token by
 * token without building strings; undefined when a token holds more than one UTF-16 unit (then the runs
 * are compared as strings, as they always were).
 */
function literalRunsAgree(a: GlobPattern, b: GlobPattern, fromEnd: boolean): boolean | undefined {
  for (let i = 0; ; i++) {
    const tokenA = a[fromEnd ? a.length - 1 - i : i];
    const tokenB = b[fromEnd ? b.length - 1 - i : i];
    if (!tokenA || tokenA.repeat || tokenA.test.kind !== 'char') return true;
    if (!tokenB || tokenB.repeat || tokenB.test.kind !== 'char') return true;
    const charA = tokenA.test.char;
    const charB = tokenB.test.char;
    if (charA.length !== 1 || charB.length !== 1) return undefined;
    if (charA !== charB) return false;
  }
}

/** A cheap necessary condition for two patterns to share a string: their literal ends agree. */
function endsAgree(a: GlobPattern, b: GlobPattern): boolean {
  const prefixesAgree = literalRunsAgree(a, b, false);
  if (prefixesAgree === false) return false;
  const suffixesAgree = literalRunsAgree(a, b, true);
  if (prefixesAgree === true && suffixesAgree !== undefined) return suffixesAgree;
  return endsAgreeAsStrings(a, b);
}

function endsAgreeAsStrings(a: GlobPattern, b: GlobPattern): boolean {
  const [prefixA, prefixB] = [literalPrefix(a), literalPrefix(b)];
  if (!prefixA.startsWith(prefixB) && !prefixB.startsWith(prefixA)) return false;
  const [suffixA, suffixB] = [literalSuffix(a), literalSuffix(b)];
  return suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA);
}

function allEndsAgree(patterns: readonly GlobPattern[]): boolean {
  for (let i = 0; i < patterns.length; i++) {
    for (let j = i + 1; j < patterns.length; j++) if (!endsAgree(patterns[i], patterns[j])) return false;
  }
  return true;
}

/** A product state's key: one number while the ids are small, a string otherwise. */
function tupleKey(states: number[]): number | string {
  if (states.length > 4) return states.join(',');
  let key = 0;
  for (const state of states) {
    if (state >= 4095) return states.join(',');
    key = key * 4096 + (state + 1);
  }
  return key;
}

const pairIntersections = new WeakMap<GlobPattern, WeakMap<GlobPattern, Tri>>();

/** Is there a string that every pattern matches? */
export function patternsIntersect(patterns: readonly GlobPattern[]): Tri {
  if (patterns.length === 0) return 'yes';
  if (patterns.length !== 2) return intersect(patterns);
  // The same resource pattern is met against the same target once per Deny: remember pairs.
  const [first, second] = patterns;
  let known = pairIntersections.get(first);
  if (!known) {
    known = new WeakMap();
    pairIntersections.set(first, known);
  }
  let answer = known.get(second);
  if (answer === undefined) {
    answer = intersect(patterns);
    known.set(second, answer);
  }
  return answer;
}

/**
 * How many literal characters every pattern starts with: sets of strings that all begin with the same
 * character relate exactly as their remainders do, and ARNs share long literal prefixes.
 */
function commonLiteralPrefixLength(patterns: readonly GlobPattern[]): number {
  let shared = 0;
  for (;;) {
    const first = patterns[0][shared];
    if (!first || first.repeat || first.test.kind !== 'char') return shared;
    const char = first.test.char;
    for (const pattern of patterns) {
      const token = pattern[shared];
      if (token === undefined || token.repeat || token.test.kind !== 'char' || token.test.char !== char) return shared;
    }
    shared++;
  }
}

/** Product searches up to this many states cannot reach MAX_PRODUCT_STATES, so answering directly is the same answer. */
const DIRECT_LITERAL_LIMIT = MAX_PRODUCT_STATES - 2;
/** A pattern of this many tokens has fewer than 2^(n+1) automaton states, below MAX_PRODUCT_STATES. */
const DIRECT_ANY_RUN_LIMIT = 13;

/**
 * The two shapes that dominate resource questions, answered without building automata: a literal ARN
 * (a known bucket's ARN) against a pattern is one walk along the literal; `*` against a pattern meets it,
 * since every pattern matches some string. Undefined for any other shape.
 */
function intersectPairDirectly(a: GlobPattern, b: GlobPattern, offset: number): Tri | undefined {
  if (isLiteralFrom(a, offset) && a.length - offset < DIRECT_LITERAL_LIMIT) return matchesLiteral(b, a, offset) ? 'yes' : 'no';
  if (isLiteralFrom(b, offset) && b.length - offset < DIRECT_LITERAL_LIMIT) return matchesLiteral(a, b, offset) ? 'yes' : 'no';
  if (isAnyRunFrom(a, offset) && b.length - offset <= DIRECT_ANY_RUN_LIMIT) return 'yes';
  if (isAnyRunFrom(b, offset) && a.length - offset <= DIRECT_ANY_RUN_LIMIT) return 'yes';
  return undefined;
}

function isLiteralFrom(pattern: GlobPattern, offset: number): boolean {
  for (let index = offset; index < pattern.length; index++) {
    const token = pattern[index];
    if (token.repeat || token.test.kind !== 'char') return false;
  }
  return true;
}

function isAnyRunFrom(pattern: GlobPattern, offset: number): boolean {
  const token = pattern[offset];
  return pattern.length - offset === 1 && token.repeat && token.test.kind === 'any';
}

/** Positions of `pattern` reachable from `positions` without reading a character, sorted. */
function closureOf(pattern: GlobPattern, positions: number[]): number[] {
  const result = new Set<number>();
  for (let position of positions) {
    result.add(position);
    while (position < pattern.length && pattern[position].repeat) result.add(++position);
  }
  return [...result].sort((x, y) => x - y);
}

/** Does `pattern` (from `offset`) match the characters of the literal tokens `literal` (from `offset`)? */
function matchesLiteral(pattern: GlobPattern, literal: GlobPattern, offset: number): boolean {
  let current = closureOf(pattern, [offset]);
  for (let index = offset; index < literal.length; index++) {
    const test = literal[index].test;
    if (test.kind !== 'char') return false;
    const moved: number[] = [];
    for (const position of current) {
      if (position >= pattern.length) continue;
      const token = pattern[position];
      if (accepts(token.test, test.char)) moved.push(token.repeat ? position : position + 1);
    }
    if (moved.length === 0) return false;
    current = closureOf(pattern, moved);
  }
  return current.includes(pattern.length);
}

function intersect(allPatterns: readonly GlobPattern[]): Tri {
  if (!allEndsAgree(allPatterns)) return 'no';
  const shared = commonLiteralPrefixLength(allPatterns);
  if (allPatterns.length === 2) {
    const quick = intersectPairDirectly(allPatterns[0], allPatterns[1], shared);
    if (quick !== undefined) return quick;
  }
  const machines = allPatterns.map((pattern) => dfaOf(pattern, shared));
  const alphabet = representativeAlphabet(machines);
  const start = machines.map((dfa) => dfa.start);
  const queue: number[][] = [start];
  const seen = new Set<number | string>([tupleKey(start)]);
  for (let head = 0; head < queue.length; head++) {
    const states = queue[head];
    if (states.every((state, index) => machines[index].accepting(state))) return 'yes';
    for (const char of alphabet) {
      const next = states.map((state, index) => machines[index].next(state, char));
      if (next.includes(DEAD)) continue;
      const key = tupleKey(next);
      if (seen.has(key)) continue;
      if (seen.size >= MAX_PRODUCT_STATES) return 'maybe';
      seen.add(key);
      queue.push(next);
    }
  }
  return 'no';
}

/**
 * Is every string that all of `required` match also matched by at least one of `by`?
 * (`required` describes a set as an intersection, `by` a union.)
 */
export function patternsCover(allRequired: readonly GlobPattern[], allBy: readonly GlobPattern[]): Tri {
  // Patterns that cannot share a string with the required set cannot help cover it.
  const usefulBy = allBy.filter((pattern) => allRequired.every((needed) => endsAgree(needed, pattern)));
  if (usefulBy.length === 0) {
    const nonEmpty = patternsIntersect(allRequired);
    return nonEmpty === 'yes' ? 'no' : nonEmpty === 'no' ? 'yes' : 'maybe';
  }
  const shared = commonLiteralPrefixLength([...allRequired, ...usefulBy]);
  const needed = allRequired.map((pattern) => dfaOf(pattern, shared));
  const covering = usefulBy.map((pattern) => dfaOf(pattern, shared));
  const alphabet = representativeAlphabet([...needed, ...covering]);
  const start = [...needed.map((dfa) => dfa.start), ...covering.map((dfa) => dfa.start)];
  const queue: number[][] = [start];
  const seen = new Set<number | string>([tupleKey(start)]);
  for (let head = 0; head < queue.length; head++) {
    const states = queue[head];
    const inRequired = needed.every((dfa, index) => dfa.accepting(states[index]));
    const inBy = covering.some((dfa, index) => dfa.accepting(states[needed.length + index]));
    if (inRequired && !inBy) return 'no';
    for (const char of alphabet) {
      const next = states.map((state, index) =>
        index < needed.length ? needed[index].next(state, char) : covering[index - needed.length].next(state, char),
      );
      if (next.slice(0, needed.length).includes(DEAD)) continue;
      const key = tupleKey(next);
      if (seen.has(key)) continue;
      if (seen.size >= MAX_PRODUCT_STATES) return 'maybe';
      seen.add(key);
      queue.push(next);
    }
  }
  return 'yes';
}
