import { UNKNOWN_PLACEHOLDER } from '../model/value';

/**
 * IAM's wildcard patterns (`*` = any run of characters, `?` = one character) as small automata,
 * so the engine can ask questions about whole sets of ARNs rather than single strings: "can this
 * Resource name any object of bucket B?", "does this Deny's Resource cover everything that
 * Allow's Resource grants?". Unresolved pieces of a template (`${?}`) and IAM policy variables
 * (`${aws:username}`) stand for one ARN segment: any run of characters without `/`.
 */

export type CharTest = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'anyBut'; chars: string };

export interface GlobToken {
  test: CharTest;
  /** Zero or more repetitions when set, else exactly one. */
  repeat: boolean;
}

export type GlobPattern = readonly GlobToken[];


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
