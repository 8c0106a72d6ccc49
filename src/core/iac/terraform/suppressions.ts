import type { Suppression } from '../../model/bucket';
import type { HclBodyItem, HclExpression, HclFile, HclObjectElement, Span } from './syntaxTree';

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
  // A pre-order walk in source order yields the spans already sorted (an element starts at or after its
  // parent and ends within it), which spares sorting tens of thousands of spans of a large module.
  const spans: Span[] = [];
  const pending: Array<HclBodyItem | HclExpression | HclObjectElement> = [];
  const isElement = new Set<unknown>();
  for (let i = file.items.length - 1; i >= 0; i--) pending.push(file.items[i]);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if ('kind' in node && (node.kind === 'block' || node.kind === 'attribute')) {
      spans.push(node.span);
      if (node.kind === 'block') for (let i = node.body.length - 1; i >= 0; i--) pending.push(node.body[i]);
      else pending.push(node.value);
      continue;
    }
    if (!('kind' in node)) {
      spans.push(node.span);
      pending.push(node.value);
      continue;
    }
    if (isElement.has(node)) spans.push(node.span);
    if (node.kind === 'object') {
      for (let i = node.elements.length - 1; i >= 0; i--) pending.push(node.elements[i]);
    } else if (node.kind === 'tuple') {
      for (let i = node.items.length - 1; i >= 0; i--) {
        isElement.add(node.items[i]);
        pending.push(node.items[i]);
      }
    } else if (node.kind === 'call') {
      for (let i = node.args.length - 1; i >= 0; i--) pending.push(node.args[i]);
    } else if (node.kind === 'parens') {
      pending.push(node.inner);
    }
  }
  return isSorted(spans) ? spans : spans.sort(byStartLongestFirst);
}

function byStartLongestFirst(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

function isSorted(spans: Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (byStartLongestFirst(spans[i - 1], spans[i]) > 0) return false;
  return true;
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
