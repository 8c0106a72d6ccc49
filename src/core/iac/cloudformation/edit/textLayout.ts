/** Line arithmetic on a file's text, for edits that keep its layout. */
export class TextLayout {
  readonly eol: string;
  /** Indentation step the file uses (smallest positive indentation of a line), in spaces; 2 when unclear. */
  readonly indentUnit: number;
  readonly usesTabs: boolean;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    let smallest = Infinity;
    let tabs = 0;
    let spacesCount = 0;
    for (const match of text.matchAll(/\n([ \t]+)\S/g)) {
      const indent = match[1];
      if (indent.startsWith('\t')) tabs++;
      else {
        spacesCount++;
        smallest = Math.min(smallest, indent.length);
      }
    }
    this.usesTabs = tabs > spacesCount;
    this.indentUnit = Number.isFinite(smallest) && smallest >= 1 && smallest <= 8 ? smallest : 2;
  }

  /** One indentation step as text (JSON files may indent with tabs). */
  get unitText(): string {
    return this.usesTabs ? '\t' : ' '.repeat(this.indentUnit);
  }

  lineStart(offset: number): number {
    let index = Math.min(offset, this.text.length);
    while (index > 0 && this.text[index - 1] !== '\n' && this.text[index - 1] !== '\r') index--;
    return index;
  }

  /** Offset of the line break ending the line that holds `offset` (or the end of the text). */
  lineEnd(offset: number): number {
    let index = offset;
    while (index < this.text.length && this.text[index] !== '\n' && this.text[index] !== '\r') index++;
    return index;
  }

  /** Start of the line after the one holding `offset` (or the end of the text). */
  nextLineStart(offset: number): number {
    const end = this.lineEnd(offset);
    if (this.text.startsWith('\r\n', end)) return end + 2;
    return Math.min(this.text.length, end + 1);
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** The whitespace that starts the line holding `offset`. */
  indentationOf(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))?.[0] ?? '';
  }

  /** True when only blanks precede `offset` on its line. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  /** Offset just past the `:` that follows a key ending at `keyEnd`. */
  afterColon(keyEnd: number): number | undefined {
    const match = /^[ \t]*:/.exec(this.text.slice(keyEnd, keyEnd + 200));
    return match ? keyEnd + match[0].length : undefined;
  }

  withEol(text: string): string {
    return this.eol === '\n' ? text : text.replace(/\n/g, this.eol);
  }
}
