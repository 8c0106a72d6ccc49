import type { LineIndex } from '../../model/location';
import { UNKNOWN_PLACEHOLDER, type LEntry, type LValue } from '../../model/value';

/**
 * JSON text whose characters each remember their source offset: a `file()` JSON file, a heredoc, or a
 * quoted HCL string after escape decoding. A heredoc's `${...}` interpolations are holes: one character
 * in `text`, resolved by `holeValue`.
 */
export interface LocatedJsonInput {
  text: string;
  /** Source offset of each character of `text`, plus one entry for the end; absent when they are equal. */
  offsets?: number[];
  path: string;
  lines: LineIndex;
  holes?: ReadonlySet<number>;
  /** The value of the interpolation at `index`; `inString` when it sits inside a JSON string. */
  holeValue?: (index: number, inString: boolean) => LValue;
}

export type LocatedJsonResult = { ok: true; value: LValue } | { ok: false; message: string; offset: number };

const MAX_DEPTH = 200;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

export function parseLocatedJson(input: LocatedJsonInput): LocatedJsonResult {
  const parser = new LocatedJsonParser(input);
  try {
    const value = parser.document();
    return { ok: true, value };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return { ok: false, message: error.message, offset: sourceOffset(input, error.index) };
    }
    throw error;
  }
}

class LocatedJsonParser {
  private pos = 0;

  constructor(private readonly input: LocatedJsonInput) {}

  document(): LValue {
    this.skipWhitespace();
    const value = this.value(0);
    this.skipWhitespace();
    if (this.pos < this.input.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private value(depth: number): LValue {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const text = this.input.text;
    if (this.isHole(this.pos)) {
      const index = this.pos++;
      return this.input.holeValue!(index, false);
    }
    const ch = text[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const [word, make] of LITERALS) {
      if (text.startsWith(word, this.pos) && !this.holeWithin(this.pos, this.pos + word.length)) {
        const start = this.pos;
        this.pos += word.length;
        return make(this.loc(start, this.pos));
      }
    }
    return this.fail(this.pos >= text.length ? 'unexpected end of JSON' : `unexpected character ${JSON.stringify(ch)}`);
  }

  private object(depth: number): LValue {
    const start = this.pos++;
    const entries: LEntry[] = [];
    let unknownKey: LValue | undefined;
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.pos++;
      return { kind: 'object', entries, loc: this.loc(start, this.pos) };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"') this.fail('expected a string key');
      const key = this.string();
      this.skipWhitespace();
      if (this.peek() !== ':') this.fail('expected ":" after the key');
      this.pos++;
      this.skipWhitespace();
      const value = this.value(depth + 1);
      if (key.kind === 'string') entries.push({ key: key.value, keyLoc: key.loc, value });
      else unknownKey ??= key;
      this.skipWhitespace();
      const next = this.peek();
      this.pos++;
      if (next === '}') break;
      if (next !== ',') this.fail('expected "," or "}"', this.pos - 1);
    }
    const loc = this.loc(start, this.pos);
    if (unknownKey && unknownKey.kind === 'unknown') {
      return { kind: 'unknown', reason: `an object key is not known: ${unknownKey.reason}`, loc };
    }
    return { kind: 'object', entries, loc };
  }

  private array(depth: number): LValue {
    const start = this.pos++;
    const items: LValue[] = [];
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.pos++;
      return { kind: 'array', items, loc: this.loc(start, this.pos) };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.peek();
      this.pos++;
      if (next === ']') break;
      if (next !== ',') this.fail('expected "," or "]"', this.pos - 1);
    }
    return { kind: 'array', items, loc: this.loc(start, this.pos) };
  }

  private string(): LValue {
    const text = this.input.text;
    const start = this.pos++;
    let value = '';
    let partial = '';
    let unknownReason: string | undefined;
    for (;;) {
      if (this.pos >= text.length) this.fail('unterminated string', start);
      if (this.isHole(this.pos)) {
        const piece = this.input.holeValue!(this.pos++, true);
        if (piece.kind === 'string' || piece.kind === 'number' || piece.kind === 'boolean') {
          value += String(piece.value);
          partial += String(piece.value);
        } else {
          unknownReason ??= piece.kind === 'unknown' ? piece.reason : 'an interpolated value is not a string';
          partial += piece.kind === 'unknown' && piece.partial !== undefined ? piece.partial : UNKNOWN_PLACEHOLDER;
        }
        continue;
      }
      const ch = text[this.pos];
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === '\\') {
        const decoded = this.escape();
        value += decoded;
        partial += decoded;
        continue;
      }
      if (ch < ' ') this.fail('control character in string');
      value += ch;
      partial += ch;
      this.pos++;
    }
    const loc = this.loc(start, this.pos);
    if (unknownReason !== undefined) return { kind: 'unknown', reason: unknownReason, partial, loc };
    return { kind: 'string', value, loc };
  }

  private escape(): string {
    const text = this.input.text;
    const next = text[this.pos + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (next !== undefined && next in simple && !this.isHole(this.pos + 1)) {
      this.pos += 2;
      return simple[next];
    }
    if (next === 'u') {
      const hex = text.slice(this.pos + 2, this.pos + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex) && !this.holeWithin(this.pos, this.pos + 6)) {
        this.pos += 6;
        return String.fromCharCode(parseInt(hex, 16));
      }
    }
    return this.fail('invalid escape in string');
  }

  private number(): LValue {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.input.text.slice(this.pos, this.pos + 400));
    if (!match || this.holeWithin(this.pos, this.pos + match[0].length)) return this.fail('invalid number');
    const start = this.pos;
    this.pos += match[0].length;
    return { kind: 'number', value: Number(match[0]), loc: this.loc(start, this.pos) };
  }

  private skipWhitespace(): void {
    const text = this.input.text;
    while (this.pos < text.length && !this.isHole(this.pos)) {
      const ch = text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else break;
    }
  }

  private peek(): string | undefined {
    return this.isHole(this.pos) ? undefined : this.input.text[this.pos];
  }

  private isHole(index: number): boolean {
    return this.input.holes !== undefined && this.input.holes.has(index);
  }

  private holeWithin(start: number, end: number): boolean {
    if (!this.input.holes || this.input.holes.size === 0) return false;
    for (let i = start; i < end; i++) if (this.input.holes.has(i)) return true;
    return false;
  }

  private loc(start: number, end: number) {
    return this.input.lines.location(this.input.path, sourceOffset(this.input, start), sourceOffset(this.input, end));
  }

  private fail(message: string, index = this.pos): never {
    if (this.isHole(index)) throw new JsonSyntaxError('an interpolation stands where JSON syntax is expected', index);
    throw new JsonSyntaxError(message, index);
  }
}

function sourceOffset(input: LocatedJsonInput, index: number): number {
  const clamped = Math.max(0, Math.min(index, input.text.length));
  return input.offsets ? input.offsets[clamped] : clamped;
}

const LITERALS: Array<[string, (loc: ReturnType<LineIndex['location']>) => LValue]> = [
  ['true', (loc) => ({ kind: 'boolean', value: true, loc })],
  ['false', (loc) => ({ kind: 'boolean', value: false, loc })],
  ['null', (loc) => ({ kind: 'null', loc })],
];
