import type { Suppression } from '../../model/bucket';
import type { HclBodyItem, HclExpression, HclFile, Span } from './syntaxTree';

const DIRECTIVE = /^(?:#|\/\/|\/\*)\s*s3-security-review:ignore(?:\s+([^\s*]+))?(?:\s+([\s\S]*?))?\s*(?:\*\/)?\s*$/;

/**
 * `# s3-security-review:ignore RULE-ID reason` (or `//`): on its own line it covers the element that
 * follows (block, attribute, object element or list item, with all its content); after code, its line.
 * Several rules may be given as `RULE-A,RULE-B`. A missing reason is kept as '' so the engine can report it.
 */
export function readSuppressions(file: HclFile): Suppression[] {
  const suppressions: Suppression[] = [];
  let elements: Span[] | undefined;
  for (const comment of file.comments) {
    const match = DIRECTIVE.exec(file.text.slice(comment.start, comment.end));
    if (!match) continue;
    const loc = file.lines.location(file.path, comment.start, comment.end);
    const lineStart = file.text.lastIndexOf('\n', comment.start - 1) + 1;
    const ownLine = file.text.slice(lineStart, comment.start).trim() === '';
    let appliesTo;
    if (ownLine) {
      elements ??= elementSpans(file);
      const next = nextElement(elements, comment.end);
      appliesTo = next ? file.lines.location(file.path, next.start, next.end) : file.lines.location(file.path, lineStart, comment.end);
    } else {
      appliesTo = file.lines.location(file.path, lineStart, comment.end);
    }
    const reason = (match[2] ?? '').trim();
    const ruleIds = (match[1] ?? '').split(',').filter((id) => id !== '');
    for (const ruleId of ruleIds.length > 0 ? ruleIds : ['']) suppressions.push({ ruleId, reason, loc, appliesTo });
  }
  return suppressions;
}

/** Spans of every element a suppression comment can precede, sorted by start (longest first on ties). */
export function elementSpans(file: HclFile): Span[] {
  const spans: Span[] = [];
  const pendingExpressions: HclExpression[] = [];
  const visitBody = (items: HclBodyItem[]) => {
    for (const item of items) {
      spans.push(item.span);
      if (item.kind === 'block') visitBody(item.body);
      else pendingExpressions.push(item.value);
    }
  };
  visitBody(file.items);
  while (pendingExpressions.length > 0) {
    const expression = pendingExpressions.pop()!;
    if (expression.kind === 'object') {
      for (const element of expression.elements) {
        spans.push(element.span);
        pendingExpressions.push(element.value);
      }
    } else if (expression.kind === 'tuple') {
      for (const item of expression.items) {
        spans.push(item.span);
        pendingExpressions.push(item);
      }
    } else if (expression.kind === 'call') {
      pendingExpressions.push(...expression.args);
    } else if (expression.kind === 'parens') {
      pendingExpressions.push(expression.inner);
    }
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

function nextElement(sorted: Span[], after: number): Span | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].start < after) low = mid + 1;
    else high = mid;
  }
  return sorted[low];
}
