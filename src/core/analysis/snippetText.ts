/**
 * The text a VS Code snippet inserts when the user accepts every default: `${1:reason}` → `reason`,
 * `${1|a,b|}` → `a`, bare tab stops (`$1`, `${2}`, `$0`) → nothing, `\$` → `$`. Variables
 * (`$TM_FILENAME`, `${VAR:default}`) become their default, since a report has no editor to fill them.
 * Malformed snippets are kept as literal text rather than rejected: a fix preview must never fail.
 */
export function expandSnippet(snippet: string): string {
  return new SnippetReader(snippet).readUntil(undefined);
}

class SnippetReader {
  private index = 0;

  constructor(private readonly text: string) {}

  /** Reads up to (not including) an unescaped `stop` character, or to the end. */
  readUntil(stop: '}' | undefined): string {
    let out = '';
    while (this.index < this.text.length) {
      const ch = this.text[this.index];
      if (ch === '\\' && this.index + 1 < this.text.length && '$}\\,|'.includes(this.text[this.index + 1])) {
        out += this.text[this.index + 1];
        this.index += 2;
      } else if (stop !== undefined && ch === stop) {
        return out;
      } else if (ch === '$') {
        out += this.readDollar();
      } else {
        out += ch;
        this.index++;
      }
    }
    return out;
  }

  private readDollar(): string {
    const start = this.index;
    this.index++;
    const bare = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(this.index));
    if (bare) {
      this.index += bare[0].length;
      return '';
    }
    if (this.text[this.index] !== '{') return '$';
    this.index++;
    const name = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(this.index));
    if (!name) return this.fallBack(start);
    this.index += name[0].length;
    const next = this.text[this.index];
    if (next === '}') {
      this.index++;
      return '';
    }
    if (next === ':') {
      this.index++;
      const inner = this.readUntil('}');
      if (this.text[this.index] !== '}') return this.fallBack(start);
      this.index++;
      return inner;
    }
    if (next === '|') {
      const close = this.text.indexOf('|}', this.index + 1);
      if (close === -1) return this.fallBack(start);
      const firstChoice = this.text.slice(this.index + 1, close).split(/(?<!\\),/)[0] ?? '';
      this.index = close + 2;
      return firstChoice.replace(/\\([,|\\$}])/g, '$1');
    }
    if (next === '/') {
      // A variable transform (`${VAR/regex/format/}`): no editor to evaluate it, so it inserts nothing.
      const close = this.text.indexOf('}', this.index);
      if (close === -1) return this.fallBack(start);
      this.index = close + 1;
      return '';
    }
    return this.fallBack(start);
  }

  private fallBack(start: number): string {
    this.index = start + 1;
    return '$';
  }
}
