/** 0-based line and UTF-16 character, the way VS Code and LSP count. */
export interface Position {
  line: number;
  character: number;
}

/** A span in one file; offsets index the file's text as a JS string. */
export interface SourceRange {
  start: Position;
  end: Position;
  startOffset: number;
  endOffset: number;
}

export interface SourceLocation {
  /** The path the caller handed to the analyzer, unchanged. */
  file: string;
  range: SourceRange;
}

/** Turns string offsets into positions; build once per file text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))];
    return Math.min(this.text.length, lineStart + position.character);
  }

  range(startOffset: number, endOffset: number): SourceRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset), startOffset, endOffset };
  }

  location(file: string, startOffset: number, endOffset: number): SourceLocation {
    return { file, range: this.range(startOffset, endOffset) };
  }
}
