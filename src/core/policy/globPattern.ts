import { UNKNOWN_PLACEHOLDER } from '../model/value';
import type { Tri } from './tri';

/**
 * IAM's wildcard patterns (`*` = any run of characters, `?` = one character) as small automata,
 * so the engine can ask questions about whole sets of ARNs rather than single strings: "can this
 * Resource name any object of bucket B?", "does this Deny's Resource cover everything that
 * Allow's Resource grants?". Unresolved pieces of a template (`${?}`) and IAM policy variables
 * (`${aws:username}`) stand for one ARN segment: any run of characters without `/`.
 */

type CharTest = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'anyBut'; chars: string };

interface GlobToken {
  test: CharTest;
  /** Zero or more repetitions when set, else exactly one. */
  repeat: boolean;
}

export type GlobPattern = readonly GlobToken[];

/** Past this many product states a set question answers `maybe` instead of running on. */
const MAX_PRODUCT_STATES = 20_000;

/** Tokens are never changed once made, so the ASCII ones are shared by every pattern. */
const ASCII_TOKENS: readonly GlobToken[] = Array.from({ length: 128 }, (_, code) => ({
  test: { kind: 'char', char: String.fromCharCode(code) },
  repeat: false,
}));

function charToken(char: string): GlobToken {
  return (char.length === 1 && ASCII_TOKENS[char.charCodeAt(0)]) || { test: { kind: 'char', char }, repeat: false };
}

export function literalPattern(text: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (const char of text) tokens.push(charToken(char));
  return tokens;
}

export const ANY_RUN: GlobToken = { test: { kind: 'any' }, repeat: true };
export const ANY_ONE: GlobToken = { test: { kind: 'any' }, repeat: false };

/** One character other than `chars`, repeated or not. */
export function anyBut(chars: string, repeat: boolean): GlobToken {
  return { test: { kind: 'anyBut', chars }, repeat };
}

/**
 * Reads an IAM wildcard string. `${?}` (an unresolved template piece) and `${name}` (an IAM policy
 * variable, replaced per request) both become "any run without `/`".
 */
export function parseIamWildcard(text: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '{') {
      const close = text.indexOf('}', index + 2);
      if (close > index) {
        tokens.push(anyBut('/', true));
        index = close + 1;
        continue;
      }
    }
    if (char === '*') tokens.push(ANY_RUN);
    else if (char === '?') tokens.push(ANY_ONE);
    else tokens.push(charToken(char));
    index++;
  }
  return tokens;
}

/** True when the text has a character IAM treats as a wildcard, or a policy variable / unresolved piece. */
export function hasWildcardOrVariable(text: string): boolean {
  return /[*?]/.test(text) || text.includes('${') || text.includes(UNKNOWN_PLACEHOLDER);
}

function accepts(test: CharTest, char: string): boolean {
  switch (test.kind) {
    case 'char':
      return test.char === char;
    case 'any':
      return true;
    case 'anyBut':
      return !test.chars.includes(char);
  }
}

/** Id of the empty state set: no string with this prefix can match. */
const DEAD = -1;

/**
 * The pattern's automaton, determinized lazily: each reachable set of pattern positions gets an
 * id, and transitions are remembered, so repeated questions about the same pattern (a policy's
 * resources against each Deny) cost little after the first.
 */
class LazyDfa {
  private readonly sets: number[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly transitions: Array<Map<string, number>> = [];
  readonly start: number;
  readonly mentioned: ReadonlySet<string>;

  /** The automaton of the pattern's tokens from `offset` on (the same as of `pattern.slice(offset)`). */
  constructor(
    private readonly pattern: GlobPattern,
    offset: number,
  ) {
    this.start = this.intern(this.closure([offset]));
    const mentioned = new Set<string>();
    for (let index = offset; index < pattern.length; index++) {
      const token = pattern[index];
      if (token.test.kind === 'char') mentioned.add(token.test.char);
      else if (token.test.kind === 'anyBut') for (const char of token.test.chars) mentioned.add(char);
    }
    this.mentioned = mentioned;
  }

  /** Positions reachable without reading a character (skipping repeated tokens). */
  private closure(positions: Iterable<number>): number[] {
    const result = new Set<number>();
    for (const start of positions) {
      let position = start;
      result.add(position);
      while (position < this.pattern.length && this.pattern[position].repeat) {
        position++;
        result.add(position);
      }
    }
    return [...result].sort((a, b) => a - b);
  }

  private intern(positions: number[]): number {
    if (positions.length === 0) return DEAD;
    const key = positions.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(positions);
      this.transitions.push(new Map());
      this.ids.set(key, id);
    }
    return id;
  }

  accepting(state: number): boolean {
    return state !== DEAD && this.sets[state].includes(this.pattern.length);
  }

  next(state: number, char: string): number {
    if (state === DEAD) return DEAD;
    const known = this.transitions[state].get(char);
    if (known !== undefined) return known;
    const moved: number[] = [];
    for (const position of this.sets[state]) {
      if (position >= this.pattern.length) continue;
      const token = this.pattern[position];
      if (accepts(token.test, char)) moved.push(token.repeat ? position : position + 1);
    }
    const target = this.intern(this.closure(moved));
    this.transitions[state].set(char, target);
    return target;
  }
}

/** Per pattern, its automata by start offset (set questions skip the literal prefix all patterns share). */
const automata = new WeakMap<GlobPattern, LazyDfa[]>();

function dfaOf(pattern: GlobPattern, offset = 0): LazyDfa {
  let byOffset = automata.get(pattern);
  if (!byOffset) {
    byOffset = [];
    automata.set(pattern, byOffset);
  }
  let dfa = byOffset[offset];
  if (!dfa) {
    dfa = new LazyDfa(pattern, offset);
    byOffset[offset] = dfa;
  }
  return dfa;
}

export function globMatches(pattern: GlobPattern, text: string): boolean {
  const dfa = dfaOf(pattern);
  let state = dfa.start;
  for (const char of text) {
    state = dfa.next(state, char);
    if (state === DEAD) return false;
  }
  return dfa.accepting(state);
}

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
