import { LineIndex } from '../model/location';
import type { LEntry, LValue } from '../model/value';

/**
 * Parses JSON text (RFC 8259, strict: no comments, no trailing commas) into a located tree: every
 * value and key remembers the exact span it was written at (strings with their quotes, objects and
 * arrays with their brackets), so findings on raw policy files point at the element. Duplicate keys
 * are kept in order (IAM reads the last one, as `getEntry` does). A leading byte-order mark is
 * skipped. Never throws: bad input gives the message and offset where reading stopped.
 */
export type JsonToLValueResult = { value: LValue } | { error: { message: string; offset: number } };

/** Deeper nesting is refused rather than risk the call stack; no policy comes near it. */
export const MAX_JSON_NESTING = 512;

export function jsonToLValue(text: string, file: string): JsonToLValueResult {
  try {
    const reader = new JsonReader(text, file);
    return { value: reader.readDocument() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: { message: error.message, offset: error.offset } };
    const message = error instanceof Error ? error.message : String(error);
    return { error: { message: `The JSON could not be read: ${message}`, offset: 0 } };
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

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonReader {
  private offset = 0;
  private readonly lines: LineIndex;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    this.lines = new LineIndex(text);
    if (text.charCodeAt(0) === 0xfeff) this.offset = 1;
  }

  readDocument(): LValue {
    this.skipWhitespace();
    if (this.offset >= this.text.length) throw new JsonSyntaxError('The file is empty: expected a JSON value', this.offset);
    const value = this.readValue(0);
    this.skipWhitespace();
    if (this.offset < this.text.length) {
      throw new JsonSyntaxError(`Unexpected ${this.describeHere()} after the JSON value`, this.offset);
    }
    return value;
  }

  private location(start: number, end: number) {
    return this.lines.location(this.file, start, end);
  }

  private describeHere(): string {
    if (this.offset >= this.text.length) return 'end of file';
    const char = this.text[this.offset];
    return /[\x21-\x7e]/.test(char) ? `'${char}'` : `character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  }

  private skipWhitespace(): void {
    while (this.offset < this.text.length) {
      const code = this.text.charCodeAt(this.offset);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) this.offset++;
      else break;
    }
  }

  private readValue(depth: number): LValue {
    const char = this.text[this.offset];
    switch (char) {
      case '{':
        return this.readObject(depth + 1);
      case '[':
        return this.readArray(depth + 1);
      case '"': {
        const start = this.offset;
        const value = this.readString();
        return { kind: 'string', value, loc: this.location(start, this.offset) };
      }
      case 't':
        return this.readLiteral('true', { kind: 'boolean', value: true });
      case 'f':
        return this.readLiteral('false', { kind: 'boolean', value: false });
      case 'n':
        return this.readLiteral('null', { kind: 'null' });
      default:
        if (char === '-' || (char >= '0' && char <= '9')) return this.readNumber();
        throw new JsonSyntaxError(`Expected a JSON value but found ${this.describeHere()}`, this.offset);
    }
  }

  private readLiteral(word: string, value: { kind: 'boolean'; value: boolean } | { kind: 'null' }): LValue {
    const start = this.offset;
    if (this.text.startsWith(word, start)) {
      this.offset += word.length;
      return { ...value, loc: this.location(start, this.offset) };
    }
    throw new JsonSyntaxError(`Expected a JSON value but found ${this.describeHere()}`, start);
  }

  private readNumber(): LValue {
    const start = this.offset;
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = start;
    const found = match.exec(this.text);
    if (!found || found[0] === '-') throw new JsonSyntaxError('Invalid number', start);
    this.offset = start + found[0].length;
    const next = this.text[this.offset];
    if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next)) throw new JsonSyntaxError('Invalid number', start);
    return { kind: 'number', value: Number(found[0]), loc: this.location(start, this.offset) };
  }

  /** Reads a string literal starting at its opening quote; leaves the offset after the closing quote. */
  private readString(): string {
    const start = this.offset;
    this.offset++;
    let value = '';
    let chunkStart = this.offset;
    while (this.offset < this.text.length) {
      const code = this.text.charCodeAt(this.offset);
      if (code === 0x22) {
        value += this.text.slice(chunkStart, this.offset);
        this.offset++;
        return value;
      }
      if (code < 0x20) throw new JsonSyntaxError('Control character in a string (write it as an escape such as \\n)', this.offset);
      if (code !== 0x5c) {
        this.offset++;
        continue;
      }
      value += this.text.slice(chunkStart, this.offset);
      const escape = this.text[this.offset + 1];
      if (escape === 'u') {
        const hex = this.text.slice(this.offset + 2, this.offset + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('Invalid \\u escape: expected four hex digits', this.offset);
        // A surrogate pair arrives as two escapes; appending both code units rebuilds the character.
        value += String.fromCharCode(parseInt(hex, 16));
        this.offset += 6;
      } else if (escape !== undefined && escape in ESCAPES) {
        value += ESCAPES[escape];
        this.offset += 2;
      } else {
        throw new JsonSyntaxError(`Invalid escape sequence in a string`, this.offset);
      }
      chunkStart = this.offset;
    }
    throw new JsonSyntaxError('Unterminated string', start);
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_JSON_NESTING) {
      throw new JsonSyntaxError(`The JSON nests deeper than ${MAX_JSON_NESTING} levels`, this.offset);
    }
  }

  private readObject(depth: number): LValue {
    this.checkDepth(depth);
    const start = this.offset;
    this.offset++;
    const entries: LEntry[] = [];
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return { kind: 'object', entries, loc: this.location(start, this.offset) };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] !== '"') {
        throw new JsonSyntaxError(`Expected a quoted key but found ${this.describeHere()}`, this.offset);
      }
      const keyStart = this.offset;
      const key = this.readString();
      const keyLoc = this.location(keyStart, this.offset);
      this.skipWhitespace();
      if (this.text[this.offset] !== ':') {
        throw new JsonSyntaxError(`Expected ':' after the key "${key}" but found ${this.describeHere()}`, this.offset);
      }
      this.offset++;
      this.skipWhitespace();
      if (this.offset >= this.text.length) throw new JsonSyntaxError(`Expected a value for the key "${key}"`, this.offset);
      entries.push({ key, keyLoc, value: this.readValue(depth) });
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === ',') {
        const comma = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === '}') throw new JsonSyntaxError('Trailing comma before }', comma);
        continue;
      }
      if (next === '}') {
        this.offset++;
        return { kind: 'object', entries, loc: this.location(start, this.offset) };
      }
      throw new JsonSyntaxError(`Expected ',' or '}' after an object entry but found ${this.describeHere()}`, this.offset);
    }
  }

  private readArray(depth: number): LValue {
    this.checkDepth(depth);
    const start = this.offset;
    this.offset++;
    const items: LValue[] = [];
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return { kind: 'array', items, loc: this.location(start, this.offset) };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.offset >= this.text.length) throw new JsonSyntaxError('Unterminated array: expected a value or ]', this.offset);
      items.push(this.readValue(depth));
      this.skipWhitespace();
      const next = this.text[this.offset];
      if (next === ',') {
        const comma = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === ']') throw new JsonSyntaxError('Trailing comma before ]', comma);
        continue;
      }
      if (next === ']') {
        this.offset++;
        return { kind: 'array', items, loc: this.location(start, this.offset) };
      }
      throw new JsonSyntaxError(`Expected ',' or ']' after an array item but found ${this.describeHere()}`, this.offset);
    }
  }
}
