import { LineIndex, type SourceLocation } from '../model/location';
import type { LEntry, LValue } from '../model/value';

/**
 * A strict JSON (RFC 8259) parser that remembers where every key and value was written, so
 * findings can point at the exact element. Locations span tokens as written: strings include
 * their quotes, objects and arrays their brackets. Duplicate keys are kept in order (IAM reads
 * the last one; `getEntry` does the same). It never throws: bad input yields an error with the
 * offset where parsing stopped.
 */

export type LocatedJsonResult = { value: LValue } | { error: { message: string; offset: number } };

/** Maps a [start, end) span of the parsed text to a location in the file. */
export type Locator = (startOffset: number, endOffset: number) => SourceLocation;

/** Deeper nesting than this is refused rather than risk the stack (no real policy or template comes close). */
export const MAX_JSON_DEPTH = 512;

export function parseLocatedJson(text: string, file: string): LocatedJsonResult {
  const lines = new LineIndex(text);
  return parseLocatedJsonWith(text, (start, end) => lines.location(file, start, end));
}

/** Same parser with a caller-chosen mapping from offsets to locations (JSON embedded in a string). */
export function parseLocatedJsonWith(text: string, locate: Locator): LocatedJsonResult {
  try {
    const parser = new JsonParser(text, locate);
    return { value: parser.parseDocument() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: { message: error.message, offset: error.offset } };
    const message = error instanceof Error ? error.message : String(error);
    return { error: { message: `JSON could not be read: ${message}`, offset: 0 } };
  }
}

/** 1-based `line:column` of an offset, for messages. */
export function describeOffset(text: string, offset: number): string {
  const position = new LineIndex(text).positionAt(offset);
  return `line ${position.line + 1}, column ${position.character + 1}`;
}

export interface DecodedJsonString {
  value: string;
  /**
   * `offsets[i]` is the file offset where the i-th UTF-16 unit of `value` is written (an escape
   * sequence counts from its backslash); `offsets[value.length]` is the closing quote.
   */
  offsets: number[];
  /** Offset just past the closing quote. */
  end: number;
}

/**
 * Decodes the JSON string literal whose opening quote is at `quoteOffset`, keeping for each
 * decoded character where it sits in the file, so JSON nested in a string (`aws s3api
 * get-bucket-policy` output, a template's string PolicyDocument) can be located exactly.
 */
export function decodeJsonString(text: string, quoteOffset: number): DecodedJsonString | undefined {
  try {
    return readJsonString(text, quoteOffset, true);
  } catch {
    return undefined;
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const NUMBER_PATTERN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class JsonParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly locate: Locator,
  ) {}

  parseDocument(): LValue {
    if (this.text.charCodeAt(0) === 0xfeff) this.position = 1;
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.position < this.text.length) this.fail('Unexpected content after the JSON value');
    return value;
  }

  private parseValue(depth: number): LValue {
    if (depth > MAX_JSON_DEPTH) this.fail(`Nesting deeper than ${MAX_JSON_DEPTH} levels`);
    const start = this.position;
    const ch = this.text[start];
    switch (ch) {
      case '{':
        return this.parseObject(depth);
      case '[':
        return this.parseArray(depth);
      case '"': {
        const decoded = readJsonString(this.text, start, false);
        this.position = decoded.end;
        return { kind: 'string', value: decoded.value, loc: this.locate(start, decoded.end) };
      }
      case 't':
        return this.parseLiteral('true', { kind: 'boolean', value: true, loc: this.locate(start, start + 4) });
      case 'f':
        return this.parseLiteral('false', { kind: 'boolean', value: false, loc: this.locate(start, start + 5) });
      case 'n':
        return this.parseLiteral('null', { kind: 'null', loc: this.locate(start, start + 4) });
      case undefined:
        return this.fail('Unexpected end of input, expected a value');
      default:
        if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
        return this.fail(`Unexpected character ${describeChar(ch)}, expected a value`);
    }
  }

  private parseLiteral(word: string, value: LValue): LValue {
    if (!this.text.startsWith(word, this.position)) this.fail(`Unexpected token, expected ${word}`);
    this.position += word.length;
    return value;
  }

  private parseNumber(): LValue {
    const start = this.position;
    NUMBER_PATTERN.lastIndex = start;
    const match = NUMBER_PATTERN.exec(this.text);
    if (!match || match[0] === '-') this.fail('Malformed number');
    const raw = (match as RegExpExecArray)[0];
    this.position = start + raw.length;
    return { kind: 'number', value: Number(raw), loc: this.locate(start, this.position) };
  }

  private parseObject(depth: number): LValue {
    const start = this.position;
    this.position++;
    const entries: LEntry[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return { kind: 'object', entries, loc: this.locate(start, this.position) };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail(this.position >= this.text.length ? 'Unexpected end of input inside an object' : 'Expected a quoted property name');
      const keyStart = this.position;
      const key = readJsonString(this.text, keyStart, false);
      this.position = key.end;
      this.skipWhitespace();
      if (this.text[this.position] !== ':') this.fail("Expected ':' after a property name");
      this.position++;
      this.skipWhitespace();
      const value = this.parseValue(depth + 1);
      entries.push({ key: key.value, keyLoc: this.locate(keyStart, key.end), value });
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position++;
        continue;
      }
      if (next === '}') {
        this.position++;
        return { kind: 'object', entries, loc: this.locate(start, this.position) };
      }
      this.fail(next === undefined ? 'Unexpected end of input inside an object' : "Expected ',' or '}' in an object");
    }
  }

  private parseArray(depth: number): LValue {
    const start = this.position;
    this.position++;
    const items: LValue[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return { kind: 'array', items, loc: this.locate(start, this.position) };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position++;
        continue;
      }
      if (next === ']') {
        this.position++;
        return { kind: 'array', items, loc: this.locate(start, this.position) };
      }
      this.fail(next === undefined ? 'Unexpected end of input inside an array' : "Expected ',' or ']' in an array");
    }
  }

  private skipWhitespace(): void {
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) this.position++;
      else break;
    }
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, Math.min(this.position, this.text.length));
  }
}

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code > 0x7e ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${ch}'`;
}

function readJsonString(text: string, quoteOffset: number, keepOffsets: boolean): DecodedJsonString {
  if (text[quoteOffset] !== '"') throw new JsonSyntaxError('Expected a string', quoteOffset);
  const parts: string[] = [];
  const offsets: number[] = [];
  let index = quoteOffset + 1;
  let runStart = index;
  const flushRun = (runEnd: number): void => {
    if (runEnd > runStart) {
      parts.push(text.slice(runStart, runEnd));
      if (keepOffsets) for (let i = runStart; i < runEnd; i++) offsets.push(i);
    }
  };
  for (;;) {
    if (index >= text.length) throw new JsonSyntaxError('Unterminated string', quoteOffset);
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      flushRun(index);
      if (keepOffsets) offsets.push(index);
      return { value: parts.join(''), offsets, end: index + 1 };
    }
    if (code < 0x20) throw new JsonSyntaxError('Control character inside a string must be escaped', index);
    if (code !== 0x5c) {
      index++;
      continue;
    }
    flushRun(index);
    const escapeStart = index;
    const escape = text[index + 1];
    let decoded: string;
    let length = 2;
    switch (escape) {
      case '"':
      case '\\':
      case '/':
        decoded = escape;
        break;
      case 'b':
        decoded = '\b';
        break;
      case 'f':
        decoded = '\f';
        break;
      case 'n':
        decoded = '\n';
        break;
      case 'r':
        decoded = '\r';
        break;
      case 't':
        decoded = '\t';
        break;
      case 'u': {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('Malformed \\u escape', index);
        // Each \uXXXX is one UTF-16 unit; a surrogate pair is two escapes and decodes to two units, as JSON.parse does.
        decoded = String.fromCharCode(parseInt(hex, 16));
        length = 6;
        break;
      }
      default:
        throw new JsonSyntaxError(escape === undefined ? 'Unterminated string' : `Invalid escape \\${escape}`, index);
    }
    parts.push(decoded);
    if (keepOffsets) offsets.push(escapeStart);
    index += length;
    runStart = index;
  }
}
