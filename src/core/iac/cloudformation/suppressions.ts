import type { Suppression } from '../../model/bucket';
import { getEntry, type LValue } from '../../model/value';
import type { TemplateIndex } from './templateIndex';
import type { TemplateSource } from './templateSource';

export const METADATA_KEY = 's3-security-review';
const COMMENT_PATTERN = /^#\s*s3-security-review:ignore(?:\s+(\S+))?\s*(.*)$/;

/** Resource `Metadata: { s3-security-review: { ignore: [ { rule, reason } ] } }`: covers the whole resource. */
export function metadataSuppressions(index: TemplateIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const resource of index.resources.values()) {
    const ignore = getEntry(getEntry(getEntry(resource.body, 'Metadata')?.value, METADATA_KEY)?.value, 'ignore')?.value;
    const items = ignore?.kind === 'array' ? ignore.items : ignore ? [ignore] : [];
    for (const item of items) {
      const rule = item.kind === 'string' ? item : getEntry(item, 'rule')?.value;
      if (rule?.kind !== 'string') continue;
      const reason = getEntry(item, 'reason')?.value;
      found.push({ ruleId: rule.value.trim(), reason: reason?.kind === 'string' ? reason.value : '', loc: item.loc, appliesTo: resource.loc });
    }
  }
  return found;
}

/**
 * `# s3-security-review:ignore RULE-ID reason` in a YAML template: on its own line it covers the
 * element that follows (with all its content); after code, it covers its line.
 */
export function commentSuppressions(source: TemplateSource): Suppression[] {
  if (!source.root || source.comments.length === 0) return [];
  const { text, lines, file } = source;
  const spans = elementSpans(source.root);
  const found: Suppression[] = [];
  for (const comment of source.comments) {
    const match = COMMENT_PATTERN.exec(comment.source.trimEnd());
    if (!match) continue;
    const loc = lines.location(file, comment.offset, comment.offset + comment.source.length);
    const lineStart = lines.offsetAt({ line: loc.range.start.line, character: 0 });
    const ownLine = text.slice(lineStart, comment.offset).trim() === '';
    let appliesTo = lines.location(file, lineStart, comment.offset + comment.source.length);
    if (ownLine) {
      const next = nextContentOffset(text, comment.offset + comment.source.length);
      const target = next === undefined ? undefined : outermostSpanStartingOnLineOf(next, spans, lines);
      if (target) appliesTo = lines.location(file, target[0], target[1]);
    }
    found.push({ ruleId: match[1] ?? '', reason: (match[2] ?? '').trim(), loc, appliesTo });
  }
  return found;
}

/** Start of the next line that holds something other than blanks and comments. */
function nextContentOffset(text: string, from: number): number | undefined {
  const pattern = /\n([ \t]*)([^\s#])/g;
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index + 1 + match[1].length : undefined;
}

function outermostSpanStartingOnLineOf(offset: number, spans: Array<[number, number]>, lines: TemplateSource['lines']): [number, number] | undefined {
  const line = lines.positionAt(offset).line;
  let best: [number, number] | undefined;
  for (const span of spans) {
    if (span[0] < offset || lines.positionAt(span[0]).line !== line) continue;
    if (!best || span[0] < best[0] || (span[0] === best[0] && span[1] > best[1])) best = span;
  }
  return best;
}

function elementSpans(root: LValue): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (value: LValue, depth: number): void => {
    if (depth > 500) return;
    if (value.kind === 'object') {
      for (const entry of value.entries) {
        spans.push([entry.keyLoc.range.startOffset, Math.max(entry.keyLoc.range.endOffset, entry.value.loc.range.endOffset)]);
        visit(entry.value, depth + 1);
      }
    } else if (value.kind === 'array') {
      for (const item of value.items) {
        spans.push([item.loc.range.startOffset, item.loc.range.endOffset]);
        visit(item, depth + 1);
      }
    }
  };
  visit(root, 0);
  return spans;
}
