import type { HclBlock, HclFile, HclObject, Span } from './syntaxTree';
import type { LValue } from '../../model/value';

/**
 * Where a located value came from, so fixers know which syntax to write: HCL (`jsonencode({...})`),
 * JSON text (heredoc, `file()`, quoted string), or an `aws_iam_policy_document` statement block.
 */
export type LValueOrigin =
  | { syntax: 'hcl'; file: HclFile; object: HclObject; valueSpans: Span[] }
  | { syntax: 'json'; path: string; container: 'heredoc' | 'file' | 'quoted' }
  | { syntax: 'policy-document'; file: HclFile; block: HclBlock; document: HclBlock };

const origins = new WeakMap<object, LValueOrigin>();

export function recordOrigin(value: LValue, origin: LValueOrigin): void {
  origins.set(value, origin);
}

export function originOf(value: LValue | undefined): LValueOrigin | undefined {
  return value ? origins.get(value) : undefined;
}

/** Marks every object and array of a parsed JSON tree that has no origin yet (holes keep theirs). */
export function recordJsonOrigins(value: LValue, origin: Extract<LValueOrigin, { syntax: 'json' }>): void {
  const pending: LValue[] = [value];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.kind !== 'object' && current.kind !== 'array') continue;
    if (origins.has(current)) continue;
    origins.set(current, origin);
    if (current.kind === 'object') for (const entry of current.entries) pending.push(entry.value);
    else pending.push(...current.items);
  }
}
