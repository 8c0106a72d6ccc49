import type { CharTest, GlobPattern } from './globPattern';

/**
 * One IAM wildcard pattern as an automaton, determinized lazily, and string matching with it.
 */

export function accepts(test: CharTest, char: string): boolean {
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
export const DEAD = -1;

/**
 * The pattern's automaton, determinized lazily: each reachable set of pattern positions gets an
 * id, and transitions are remembered, so repeated questions about the same pattern (a policy's
 * resources against each Deny) cost little after the first.
 */
export class LazyDfa {
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

export function dfaOf(pattern: GlobPattern, offset = 0): LazyDfa {
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
