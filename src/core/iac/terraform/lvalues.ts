import type { SourceLocation } from '../../model/location';
import { isFullyKnown, toPlainJson, type LUnknown, type LValue, type Resolvable } from '../../model/value';

export { isFullyKnown };

export function unknownValue(reason: string, loc: SourceLocation, partial?: string): LUnknown {
  return partial === undefined ? { kind: 'unknown', reason, loc } : { kind: 'unknown', reason, partial, loc };
}

/** Both values are fully known and equal as JSON. */
export function sameValue(a: LValue, b: LValue): boolean {
  return isFullyKnown(a) && isFullyKnown(b) && JSON.stringify(toPlainJson(a)) === JSON.stringify(toPlainJson(b));
}

/** A string, as Terraform converts it (numbers and bools become strings). */
export function resolveString(value: LValue | undefined, missing = 'not set'): Resolvable<string> {
  if (!value) return { known: false, reason: missing };
  switch (value.kind) {
    case 'string':
      return { known: true, value: value.value };
    case 'number':
    case 'boolean':
      return { known: true, value: String(value.value) };
    case 'unknown':
      return { known: false, reason: value.reason };
    case 'null':
      return { known: false, reason: 'the value is null' };
    default:
      return { known: false, reason: `expected a string, found ${value.kind === 'object' ? 'an object' : 'a list'}` };
  }
}

/** A bool, as Terraform converts it (`"true"` / `"false"` strings are accepted). */
export function resolveBoolean(value: LValue | undefined, missing = 'not set'): Resolvable<boolean> {
  if (!value) return { known: false, reason: missing };
  if (value.kind === 'boolean') return { known: true, value: value.value };
  if (value.kind === 'string' && (value.value === 'true' || value.value === 'false')) return { known: true, value: value.value === 'true' };
  if (value.kind === 'unknown') return { known: false, reason: value.reason };
  return { known: false, reason: `expected true or false, found ${value.kind}` };
}

/** The string to judge ARN shapes with: the value, or the partial template with `${?}` holes. */
export function partialString(value: LValue): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  if (value.kind === 'unknown') return value.partial;
  return undefined;
}

/**
 * The same value with every location moved to `loc`: a variable's value (a default in variables.tf or a
 * .tfvars entry) is reported where the configuration uses it, so findings, suppressions and fixes land
 * on that use.
 */
export function relocated(value: LValue, loc: SourceLocation): LValue {
  switch (value.kind) {
    case 'array':
      return { kind: 'array', items: value.items.map((item) => relocated(item, loc)), loc };
    case 'object':
      return { kind: 'object', entries: value.entries.map((entry) => ({ key: entry.key, keyLoc: loc, value: relocated(entry.value, loc) })), loc };
    default:
      return { ...value, loc };
  }
}
