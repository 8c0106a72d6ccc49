import type { SourceLocation } from '../../model/location';
import { getEntry, UNKNOWN_PLACEHOLDER, type LEntry, type LValue } from '../../model/value';
import type { Evaluator } from './evaluate';
import { partialString, resolveString, unknownValue } from './lvalues';
import { directoryOf, joinModulePath } from './modulePaths';
import type { HclCall, HclFile } from './syntaxTree';

type FunctionImplementation = (evaluator: Evaluator, call: HclCall, file: HclFile, loc: SourceLocation) => LValue;

/** The few Terraform functions policies and bucket names are built with; any other call is unknown. */
const FUNCTIONS: Record<string, FunctionImplementation> = {
  // jsonencode keeps the structure: a policy is judged on its located tree, not on the encoded string.
  jsonencode: (evaluator, call, file, loc) => (call.args[0] ? evaluator.lower(call.args[0], file) : unknownValue('jsonencode() without argument', loc)),
  jsondecode: (evaluator, call, file, loc) => (call.args[0] ? evaluator.jsonDocument(call.args[0], file) : unknownValue('jsondecode() without argument', loc)),
  file: (evaluator, call, file, loc) => {
    const read = readModuleFile(evaluator, call, file, loc);
    return 'text' in read ? { kind: 'string', value: read.text, loc } : read.unknown;
  },
  tostring: identity,
  tolist: identity,
  toset: identity,
  tomap: identity,
  concat: (evaluator, call, file, loc) => {
    const items: LValue[] = [];
    for (const arg of argumentValues(evaluator, call, file)) {
      if (arg.kind === 'unknown') return arg;
      if (arg.kind !== 'array') return unknownValue('concat() of something that is not a list', loc);
      items.push(...arg.items);
    }
    return { kind: 'array', items, loc };
  },
  merge: (evaluator, call, file, loc) => {
    const entries: LEntry[] = [];
    for (const arg of argumentValues(evaluator, call, file)) {
      if (arg.kind === 'null') continue;
      if (arg.kind === 'unknown') return arg;
      if (arg.kind !== 'object') return unknownValue('merge() of something that is not an object', loc);
      for (const entry of arg.entries) {
        const existing = entries.findIndex((candidate) => candidate.key === entry.key);
        if (existing >= 0) entries.splice(existing, 1);
        entries.push(entry);
      }
    }
    return { kind: 'object', entries, loc };
  },
  lower: stringFunction((text) => text.toLowerCase()),
  upper: stringFunction((text) => text.toUpperCase()),
  trimspace: stringFunction((text) => text.trim()),
  format: formatCall,
  join: (evaluator, call, file, loc) => {
    const [separator, ...lists] = argumentValues(evaluator, call, file);
    const glue = resolveString(separator);
    if (!glue.known) return unknownValue(glue.reason, loc);
    const pieces: string[] = [];
    for (const list of lists) {
      if (list.kind !== 'array') return unknownValue(list.kind === 'unknown' ? list.reason : 'join() of something that is not a list', loc);
      for (const item of list.items) {
        const piece = resolveString(item);
        if (!piece.known) return unknownValue(piece.reason, loc);
        pieces.push(piece.value);
      }
    }
    return { kind: 'string', value: pieces.join(glue.value), loc };
  },
  coalesce: (evaluator, call, file, loc) => {
    for (const arg of argumentValues(evaluator, call, file)) {
      if (arg.kind === 'unknown') return arg;
      if (arg.kind === 'null' || (arg.kind === 'string' && arg.value === '')) continue;
      return arg;
    }
    return unknownValue('coalesce() found no value', loc);
  },
  lookup: (evaluator, call, file, loc) => {
    const [map, key, fallback] = argumentValues(evaluator, call, file);
    const name = resolveString(key);
    if (!map || map.kind === 'unknown') return map ?? unknownValue('lookup() without a map', loc);
    if (!name.known) return unknownValue(name.reason, loc);
    const entry = getEntry(map, name.value);
    if (entry) return entry.value;
    return fallback ?? unknownValue(`lookup() found no key "${name.value}"`, loc);
  },
};

export function lowerFunctionCall(evaluator: Evaluator, call: HclCall, file: HclFile, loc: SourceLocation): LValue {
  const implementation = Object.prototype.hasOwnProperty.call(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  if (!implementation) return unknownValue(`${call.name}() is not evaluated by this analysis`, loc);
  if (call.expandsFinal) return unknownValue(`${call.name}(...) with an expanded argument is not evaluated`, loc);
  return implementation(evaluator, call, file, loc);
}

/** `file()` paths are relative to the module directory (`${path.module}` resolves to "."). */
export function readModuleFile(
  evaluator: Evaluator,
  call: HclCall,
  file: HclFile,
  loc: SourceLocation,
): { text: string; path: string } | { unknown: LValue } {
  const argument = call.args[0];
  const path = resolveString(argument ? evaluator.lower(argument, file) : undefined, 'file() without a path');
  if (!path.known) return { unknown: unknownValue(`the file path is not known: ${path.reason}`, loc) };
  const read = evaluator.index.readFile(joinModulePath(directoryOf(file.path), path.value));
  if (!read) return { unknown: unknownValue(`file("${path.value}") was not part of the analysed files`, loc) };
  return { text: read.text, path: read.path };
}

function identity(evaluator: Evaluator, call: HclCall, file: HclFile, loc: SourceLocation): LValue {
  return call.args[0] ? evaluator.lower(call.args[0], file) : unknownValue(`${call.name}() without argument`, loc);
}

function argumentValues(evaluator: Evaluator, call: HclCall, file: HclFile): LValue[] {
  return call.args.map((arg) => evaluator.lower(arg, file));
}

function stringFunction(transform: (text: string) => string): FunctionImplementation {
  return (evaluator, call, file, loc) => {
    const value = call.args[0] ? evaluator.lower(call.args[0], file) : undefined;
    const text = resolveString(value, `${call.name}() without argument`);
    return text.known ? { kind: 'string', value: transform(text.value), loc } : unknownValue(text.reason, loc);
  };
}

/** `format("arn:aws:s3:::%s/*", var.bucket)`: only %s, %d, %v and %%; unknown arguments leave `${?}` in the partial. */
function formatCall(evaluator: Evaluator, call: HclCall, file: HclFile, loc: SourceLocation): LValue {
  const [pattern, ...args] = argumentValues(evaluator, call, file);
  const spec = resolveString(pattern, 'format() without a pattern');
  if (!spec.known) return unknownValue(spec.reason, loc);
  let out = '';
  let reason: string | undefined;
  let next = 0;
  for (let i = 0; i < spec.value.length; i++) {
    const ch = spec.value[i];
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const verb = spec.value[++i];
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (verb !== 's' && verb !== 'd' && verb !== 'v') return unknownValue(`format verb %${verb ?? ''} is not evaluated`, loc);
    const arg = args[next++];
    const piece = arg ? partialString(arg) : undefined;
    if (arg && arg.kind !== 'unknown' && piece !== undefined) {
      out += piece;
    } else {
      reason ??= arg?.kind === 'unknown' ? arg.reason : 'format() argument is missing or not a string';
      out += piece ?? UNKNOWN_PLACEHOLDER;
    }
  }
  return reason === undefined ? { kind: 'string', value: out, loc } : unknownValue(reason, loc, out);
}
