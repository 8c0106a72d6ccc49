import type { TextEdit } from '../../../model/finding';
import type { SourceLocation } from '../../../model/location';
import type { Span } from '../syntaxTree';
import type { FixContext } from './fixContext';
import { placeholder, snippetText } from './snippet';

/**
 * Snippet: `# s3-security-review:ignore RULE-ID reason` on its own line above the innermost element that
 * holds `loc` and starts its line, so the comment covers that element (see readSuppressions).
 */
export function suppress(context: FixContext, ruleId: string, loc: SourceLocation): TextEdit[] | undefined {
  const file = context.hclFile(loc.file);
  const layout = context.layout(loc.file);
  if (!file || !layout || !/\.tf$/i.test(file.path)) return undefined;
  const offset = loc.range.startOffset;
  const spans = context.elementSpans(file);
  // The innermost element holding `offset` that starts its line: walk back from the last start <= offset.
  let chosen: { start: number; end: number } | undefined;
  for (let i = lastStartAtOrBefore(spans, offset); i >= 0; i--) {
    const span = spans[i];
    if (offset < span.end && layout.startsLine(span.start)) {
      chosen = span;
      break;
    }
  }
  if (!chosen) return undefined;
  const indent = layout.indentAt(chosen.start);
  const comment = `${indent}${snippetText(`# s3-security-review:ignore ${ruleId} `)}${placeholder(1, 'reason')}${layout.eol}`;
  return [layout.insert(layout.lineStart(chosen.start), comment)];
}

/** Spans are sorted by start, longest first on ties; the last index whose start is <= offset (the innermost on ties). */
function lastStartAtOrBefore(spans: Span[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
