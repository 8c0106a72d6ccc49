import { LineIndex, type SourceLocation, type SourceRange } from '../core/model/location';

/** A range the way people and SARIF count: lines and columns from 1, end column just past the last character. */
export interface OneBasedRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export function oneBased(range: SourceRange): OneBasedRange {
  return {
    startLine: Math.max(0, range.start.line) + 1,
    startColumn: Math.max(0, range.start.character) + 1,
    endLine: Math.max(0, range.end.line) + 1,
    endColumn: Math.max(0, range.end.character) + 1,
  };
}

/** Line/column of an edit given only by offsets; undefined when the file's text is not at hand. */
export function rangeOfOffsets(
  texts: ReadonlyMap<string, string>,
  lineIndexes: Map<string, LineIndex>,
  file: string,
  startOffset: number,
  endOffset: number,
): SourceRange | undefined {
  const text = texts.get(file);
  if (text === undefined) return undefined;
  let index = lineIndexes.get(file);
  if (!index) {
    index = new LineIndex(text);
    lineIndexes.set(file, index);
  }
  return index.range(clamp(startOffset, text.length), clamp(Math.max(startOffset, endOffset), text.length));
}

/** The written text of a location, or undefined when offsets do not fit the text (a stale or synthetic location). */
export function textAt(texts: ReadonlyMap<string, string>, loc: SourceLocation): string | undefined {
  const text = texts.get(loc.file);
  const { startOffset, endOffset } = loc.range;
  if (text === undefined || !(startOffset >= 0) || !(endOffset >= startOffset) || endOffset > text.length) return undefined;
  return text.slice(startOffset, endOffset);
}

function clamp(offset: number, length: number): number {
  return Number.isFinite(offset) ? Math.max(0, Math.min(Math.trunc(offset), length)) : 0;
}
