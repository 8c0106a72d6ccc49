import type { TextEdit } from '../../../model/finding';
import type { Span } from '../syntaxTree';

/** Line and indentation facts of a file's text, so inserted HCL matches the file's own style. */
export class TextLayout {
  readonly eol: string;
  readonly indentUnit: string;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.indentUnit = detectIndentUnit(text);
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    const end = newline < 0 ? this.text.length : newline;
    return end > 0 && this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** The whitespace that starts the line holding `offset`. */
  indentAt(offset: number): string {
    const start = this.lineStart(offset);
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /** Only whitespace stands between the line start and `offset`. */
  startsLine(offset: number): boolean {
    return this.text.slice(this.lineStart(offset), offset).trim() === '';
  }

  sameLine(a: number, b: number): boolean {
    const [low, high] = a < b ? [a, b] : [b, a];
    return !this.text.slice(low, high).includes('\n');
  }

  /** A range widened to whole lines (with the line break) when nothing else shares those lines. */
  wholeLines(span: Span): Span {
    const start = this.lineStart(span.start);
    const lineEnd = this.lineEnd(span.end);
    const before = this.text.slice(start, span.start);
    const after = this.text.slice(span.end, lineEnd);
    if (before.trim() !== '' || (after.trim() !== '' && !/^\s*(#|\/\/)/.test(after))) return span;
    let end = lineEnd;
    if (this.text.startsWith('\r\n', end)) end += 2;
    else if (this.text[end] === '\n') end += 1;
    return { start, end };
  }

  /** Removes a block or attribute with its lines, and one blank line after it when it was set apart by blank lines. */
  removal(span: Span): TextEdit {
    const lines = this.wholeLines(span);
    let { start, end } = lines;
    const blankAfter = /^[ \t]*\r?\n/.exec(this.text.slice(end, end + 200));
    if (lines !== span && start > 0 && this.blankLineBefore(start)) {
      if (blankAfter) end += blankAfter[0].length;
      else if (end >= this.text.length) start = this.lineStart(start - 1);
    }
    return this.replace({ start, end }, '');
  }

  private blankLineBefore(lineStart: number): boolean {
    if (lineStart === 0) return true;
    const previousStart = this.lineStart(lineStart - 1);
    return this.text.slice(previousStart, lineStart).trim() === '';
  }

  replace(span: Span, newText: string): TextEdit {
    return { file: this.path, startOffset: span.start, endOffset: span.end, newText };
  }

  insert(offset: number, newText: string): TextEdit {
    return { file: this.path, startOffset: offset, endOffset: offset, newText };
  }
}

function detectIndentUnit(text: string): string {
  const sample = text.slice(0, 20000);
  if (/^\t+\S/m.test(sample)) return '\t';
  let smallest = Infinity;
  for (const match of sample.matchAll(/^( +)\S/gm)) smallest = Math.min(smallest, match[1].length);
  return Number.isFinite(smallest) && smallest <= 8 ? ' '.repeat(smallest) : '  ';
}
