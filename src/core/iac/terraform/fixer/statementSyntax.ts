import type { ExposureCause } from '../../../model/exposure';
import type { LEntry, LObject, LValue } from '../../../model/value';
import { originOf, type LValueOrigin } from '../origins';
import type { Span } from '../syntaxTree';

export interface StatementTarget {
  statement: LObject;
  origin: LValueOrigin;
}

/** The statement behind a cause and the syntax it is written in, when a fixer can edit it. */
export function statementTarget(cause: ExposureCause): StatementTarget | undefined {
  const statement = cause.statement;
  const origin = originOf(statement);
  if (!statement || !origin) return undefined;
  // JSON inside a quoted HCL string would need every quote escaped: not edited.
  if (origin.syntax === 'json' && origin.container === 'quoted') return undefined;
  return { statement, origin };
}

export function lastEntryIndex(object: LObject, key: string): number {
  for (let i = object.entries.length - 1; i >= 0; i--) if (object.entries[i].key === key) return i;
  return -1;
}

/** The entry's value as written inside `container` (not a value that a variable brought in from elsewhere). */
export function writtenValueSpan(container: LObject, index: number): Span | undefined {
  const origin = originOf(container);
  const entry: LEntry | undefined = container.entries[index];
  if (!entry) return undefined;
  if (origin?.syntax === 'hcl') return origin.valueSpans[index];
  return within(entry.value, container) ? { start: entry.value.loc.range.startOffset, end: entry.value.loc.range.endOffset } : undefined;
}

export function within(inner: LValue, outer: LValue): boolean {
  return (
    inner.loc.file === outer.loc.file &&
    inner.loc.range.startOffset >= outer.loc.range.startOffset &&
    inner.loc.range.endOffset <= outer.loc.range.endOffset
  );
}

/** An object value written in place whose own syntax matches its container's (so it can be edited in place). */
export function writtenObject(container: LObject, index: number): LObject | undefined {
  const value = container.entries[index]?.value;
  const span = writtenValueSpan(container, index);
  if (!value || value.kind !== 'object' || !span) return undefined;
  if (value.loc.range.startOffset !== span.start || value.loc.range.endOffset !== span.end) return undefined;
  return value;
}
