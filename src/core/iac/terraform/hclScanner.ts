import type { Span } from './syntaxTree';

/** Thrown when the text is not what the fast reader understands; the caller then reads tree-sitter's tree. */
export class HclReadError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const IDENTIFIER_START = /[\p{ID_Start}_]/u;
const IDENTIFIER_PART = /[\p{ID_Continue}-]/u;

/**
 * Character-level reading of HCL native syntax, with the token shapes of tree-sitter-hcl: identifiers
 * may contain `-` and `::`, comments are `#`, `//` (to the line end) and `/* *\/`.
 */
export class HclScanner {
  pos = 0;
  private readonly seenComments = new Set<number>();
  readonly comments: Span[] = [];

  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new HclReadError(message, at);
  }

  /** Skips whitespace and comments (recording each comment once); returns whether a line break was passed. */
  skipTrivia(): boolean {
    const text = this.text;
    let newline = false;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if (code === 10) {
        newline = true;
        this.pos++;
      } else if (code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff) {
        this.pos++;
      } else if (code === 35 || (code === 47 && text.charCodeAt(this.pos + 1) === 47)) {
        const start = this.pos;
        const end = text.indexOf('\n', start);
        this.pos = end < 0 ? text.length : end;
        this.noteComment(start, this.pos);
      } else if (code === 47 && text.charCodeAt(this.pos + 1) === 42) {
        const start = this.pos;
        const end = text.indexOf('*/', start + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
        this.noteComment(start, this.pos);
      } else {
        return newline;
      }
    }
  }

  private noteComment(start: number, end: number): void {
    if (this.seenComments.has(start)) return;
    this.seenComments.add(start);
    this.comments.push({ start, end });
  }

  peekCode(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  expect(token: string): Span {
    if (!this.text.startsWith(token, this.pos)) this.fail(`expected ${JSON.stringify(token)}`);
    const span = { start: this.pos, end: this.pos + token.length };
    this.pos += token.length;
    return span;
  }

  expectCode(code: number, token: string): void {
    if (this.text.charCodeAt(this.pos) !== code) this.fail(`expected ${JSON.stringify(token)}`);
    this.pos++;
  }

  atIdentifierStart(at = this.pos): boolean {
    const code = this.text.charCodeAt(at);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95) return true;
    if (code < 128 || Number.isNaN(code)) return false;
    const point = this.text.codePointAt(at)!;
    return IDENTIFIER_START.test(String.fromCodePoint(point));
  }

  /** An identifier at the current position (ID_Start or `_`, then ID_Continue, `-` or `::`), or undefined. */
  readIdentifier(): Span | undefined {
    if (!this.atIdentifierStart()) return undefined;
    const text = this.text;
    const start = this.pos;
    this.pos += text.codePointAt(start)! > 0xffff ? 2 : 1;
    for (;;) {
      const code = text.charCodeAt(this.pos);
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45) {
        this.pos++;
      } else if (code === 58 && text.charCodeAt(this.pos + 1) === 58) {
        this.pos += 2;
      } else if (code >= 128) {
        const point = text.codePointAt(this.pos)!;
        const char = String.fromCodePoint(point);
        if (!IDENTIFIER_PART.test(char)) break;
        this.pos += char.length;
      } else {
        break;
      }
    }
    return { start, end: this.pos };
  }

  /** `[0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?)?` or `0x[0-9a-zA-Z]+`, as tree-sitter-hcl lexes numbers. */
  readNumber(): Span | undefined {
    const start = this.pos;
    if (this.peekCode() === 48 && this.peekCode(1) === 120 && isAlphanumeric(this.peekCode(2))) {
      this.pos += 2;
      while (isAlphanumeric(this.peekCode())) this.pos++;
      return { start, end: this.pos };
    }
    if (!this.skipDigits()) return undefined;
    if (this.peekCode() === 46 && isDigit(this.peekCode(1))) {
      this.pos++;
      this.skipDigits();
      const exponent = this.peekCode();
      if (exponent === 101 || exponent === 69) {
        const sign = this.peekCode(1);
        const digitAt = sign === 43 || sign === 45 ? 2 : 1;
        if (isDigit(this.peekCode(digitAt))) {
          this.pos += digitAt;
          this.skipDigits();
        }
      }
    }
    return { start, end: this.pos };
  }

  private skipDigits(): boolean {
    const start = this.pos;
    while (isDigit(this.peekCode())) this.pos++;
    return this.pos > start;
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}
