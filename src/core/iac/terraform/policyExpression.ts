import type { SourceLocation } from '../../model/location';
import type { LValue } from '../../model/value';
import type { Evaluator } from './evaluate';
import { readModuleFile } from './functions';
import { parseLocatedJson, type LocatedJsonInput } from './locatedJson';
import { resolveBoolean, sameValue, unknownValue } from './lvalues';
import { recordJsonOrigins } from './origins';
import type { HclExpression, HclFile, HclTemplate } from './syntaxTree';
import { decodeTemplateText } from './templateText';

const HOLE = '\uFFFF';

/**
 * The JSON document a string expression holds (a bucket policy), located where it is written:
 * `jsonencode({...})` in HCL, JSON in a heredoc or quoted string (with `${...}` interpolations),
 * a `file()` JSON, `data.aws_iam_policy_document.x.json`, or a variable/local holding one of those.
 */
export function lowerJsonDocument(evaluator: Evaluator, expression: HclExpression, file: HclFile): LValue {
  const loc = evaluator.locate(file, expression.span);
  switch (expression.kind) {
    case 'call':
      if (expression.name === 'file') {
        const read = readModuleFile(evaluator, expression, file, loc);
        if ('unknown' in read) return read.unknown;
        const source = evaluator.index.readFile(read.path);
        if (!source) return unknownValue(`file "${read.path}" could not be read`, loc);
        return parsedOrUnknown({ text: source.text, path: source.path, lines: source.lines }, loc, 'file');
      }
      if (expression.name === 'templatefile') return unknownValue('templatefile() is not evaluated by this analysis', loc);
      break;
    case 'template':
      return jsonFromTemplate(evaluator, expression, file, loc);
    case 'traversal': {
      const definition = evaluator.definitionOf(expression);
      if (!definition) break;
      if (!definition.known) return unknownValue(definition.reason, loc);
      const key = evaluator.sourceText(file, expression.span);
      return evaluator.withCycleGuard(key, loc, () => evaluator.jsonDocument(definition.expression, definition.file));
    }
    case 'conditional': {
      const condition = resolveBoolean(evaluator.lower(expression.condition, file));
      if (condition.known) return evaluator.jsonDocument(condition.value ? expression.whenTrue : expression.whenFalse, file);
      const whenTrue = evaluator.jsonDocument(expression.whenTrue, file);
      if (sameValue(whenTrue, evaluator.jsonDocument(expression.whenFalse, file))) return whenTrue;
      return unknownValue(`the policy depends on the condition \`${evaluator.sourceText(file, expression.condition.span)}\``, loc);
    }
    case 'parens':
      return evaluator.jsonDocument(expression.inner, file);
    default:
      break;
  }
  const value = evaluator.lower(expression, file);
  if (value.kind === 'string') return fromJsonText(value.value, value.loc, 'the policy text is not valid JSON');
  if (value.kind === 'unknown' || value.kind === 'object' || value.kind === 'array') return value;
  return unknownValue('the policy is not a JSON document', loc);
}

function jsonFromTemplate(evaluator: Evaluator, template: HclTemplate, file: HclFile, loc: SourceLocation): LValue {
  let text = '';
  const offsets: number[] = [];
  const holes = new Map<number, HclExpression | undefined>();
  let end = template.heredoc ? template.heredoc.bodySpan.start : template.span.start + 1;
  for (const part of template.parts) {
    if (part.kind === 'directive') return unknownValue('a template directive (%{ }) in the policy is not evaluated', loc);
    if (part.kind === 'text') {
      const decoded = decodeTemplateText(part.raw, part.span.start, part.quoted);
      text += decoded.value;
      for (let i = 0; i < decoded.value.length; i++) offsets.push(decoded.offsets[i]);
    } else {
      holes.set(text.length, part.expression);
      offsets.push(part.span.start);
      text += HOLE;
    }
    end = part.span.end;
  }
  offsets.push(end);
  const holeValue = (index: number, inString: boolean): LValue => {
    const expression = holes.get(index);
    const holeLoc = file.lines.location(file.path, offsets[index], offsets[index + 1]);
    if (!expression) return unknownValue('empty interpolation', holeLoc);
    const value = evaluator.lower(expression, file);
    // Outside a JSON string the interpolated text is itself JSON: `"Principal": ${jsonencode(...)}`.
    if (!inString && value.kind === 'string') return fromJsonText(value.value, holeLoc, 'the interpolated text is not a JSON value');
    return value;
  };
  const input: LocatedJsonInput = { text, offsets, path: file.path, lines: file.lines, holes: new Set(holes.keys()), holeValue };
  return parsedOrUnknown(input, loc, template.heredoc ? 'heredoc' : 'quoted');
}

function parsedOrUnknown(input: LocatedJsonInput, loc: SourceLocation, container: 'heredoc' | 'file' | 'quoted'): LValue {
  const result = parseLocatedJson(input);
  if (!result.ok) {
    const line = input.lines.positionAt(result.offset).line + 1;
    return unknownValue(`the policy is not valid JSON: ${result.message} (line ${line})`, loc);
  }
  recordJsonOrigins(result.value, { syntax: 'json', path: input.path, container });
  return result.value;
}

function fromJsonText(text: string, loc: SourceLocation, invalid: string): LValue {
  try {
    return fromPlain(JSON.parse(text), loc, 0);
  } catch {
    return unknownValue(invalid, loc);
  }
}

function fromPlain(value: unknown, loc: SourceLocation, depth: number): LValue {
  if (depth > 200) return unknownValue('JSON nested too deeply', loc);
  if (value === null) return { kind: 'null', loc };
  if (typeof value === 'string') return { kind: 'string', value, loc };
  if (typeof value === 'number') return { kind: 'number', value, loc };
  if (typeof value === 'boolean') return { kind: 'boolean', value, loc };
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item) => fromPlain(item, loc, depth + 1)), loc };
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => ({ key, keyLoc: loc, value: fromPlain(item, loc, depth + 1) }));
    return { kind: 'object', entries, loc };
  }
  return unknownValue('not a JSON value', loc);
}
