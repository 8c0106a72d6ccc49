import type { SourceLocation } from './location';

/**
 * A JSON-shaped value that remembers where each part was written. Every format (Terraform
 * `jsonencode`, heredoc JSON, `aws_iam_policy_document`, CloudFormation YAML/JSON, raw policy
 * files) is lowered to this tree, so one policy engine judges them all and every finding can
 * point at the exact element.
 */
export type LValue = LString | LNumber | LBoolean | LNull | LArray | LObject | LUnknown;

export interface LString {
  kind: 'string';
  value: string;
  loc: SourceLocation;
}
export interface LNumber {
  kind: 'number';
  value: number;
  loc: SourceLocation;
}
export interface LBoolean {
  kind: 'boolean';
  value: boolean;
  loc: SourceLocation;
}
export interface LNull {
  kind: 'null';
  loc: SourceLocation;
}
export interface LArray {
  kind: 'array';
  items: LValue[];
  loc: SourceLocation;
}
export interface LEntry {
  key: string;
  keyLoc: SourceLocation;
  value: LValue;
}
export interface LObject {
  kind: 'object';
  entries: LEntry[];
  loc: SourceLocation;
}

/**
 * An expression with no literal value here (a variable without default, a resource attribute
 * known only after apply, an intrinsic function that depends on deploy-time input).
 * `partial` is the string with each unresolved piece written as `${?}` when the expression
 * is a template (e.g. `arn:aws:s3:::${?}/*`), so ARN shapes can still be judged.
 */
export interface LUnknown {
  kind: 'unknown';
  reason: string;
  partial?: string;
  loc: SourceLocation;
}

/** A value the files may or may not pin down. */
export type Resolvable<T> = { known: true; value: T } | { known: false; reason: string };

export const UNKNOWN_PLACEHOLDER = '${?}';

export function getEntry(object: LValue | undefined, key: string, caseInsensitive = false): LEntry | undefined {
  if (!object || object.kind !== 'object') return undefined;
  const wanted = caseInsensitive ? key.toLowerCase() : key;
  for (let i = object.entries.length - 1; i >= 0; i--) {
    const entry = object.entries[i];
    if ((caseInsensitive ? entry.key.toLowerCase() : entry.key) === wanted) return entry;
  }
  return undefined;
}

/** True when no part of the tree is unresolved. */
export function isFullyKnown(value: LValue): boolean {
  switch (value.kind) {
    case 'unknown':
      return false;
    case 'array':
      return value.items.every(isFullyKnown);
    case 'object':
      return value.entries.every((entry) => isFullyKnown(entry.value));
    default:
      return true;
  }
}

/** Plain JSON of a located tree; unknown parts become undefined. For display and tests. */
export function toPlainJson(value: LValue): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array':
      return value.items.map(toPlainJson);
    case 'object': {
      const out: Record<string, unknown> = {};
      // defineProperty keeps a `__proto__` key an own property, as JSON.parse does.
      for (const entry of value.entries) {
        Object.defineProperty(out, entry.key, { value: toPlainJson(entry.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'unknown':
      return undefined;
  }
}
