import type { SourceLocation } from '../../model/location';
import { getEntry, UNKNOWN_PLACEHOLDER, type LEntry, type LValue, type Resolvable } from '../../model/value';
import { bucketAttribute, resolveBucketName } from './bucketNames';
import { lowerFunctionCall } from './functions';
import { isFullyKnown, relocated, resolveBoolean, resolveString, sameValue, unknownValue } from './lvalues';
import type { ModuleIndex, ResourceEntry } from './moduleIndex';
import { recordOrigin } from './origins';
import { lowerJsonDocument } from './policyExpression';
import { lowerPolicyDocument } from './policyDocument';
import { stripHeredocIndent } from './templateText';
import { attributeOf, type HclExpression, type HclFile, type HclObject, type HclOperation, type HclTemplate, type HclTraversal, type Span, type TraversalStep } from './syntaxTree';

export const ACCOUNT_ID_AT_APPLY = 'account id known at apply';

/** A bucket name and, when it is not known, the shape it will have (`logs-${?}`). */
export interface BucketNameResolution {
  name: Resolvable<string>;
  partial?: string;
}

type Choice = { known: true; expression: HclExpression; file: HclFile } | { known: false; reason: string };

const MAX_EVALUATION_DEPTH = 400;

/**
 * Lowers HCL expressions of one module to located values, resolving variables (defaults and tfvars),
 * locals, bucket attributes and policy-document data sources. Anything without a literal value is an
 * LUnknown with a reason; nothing is guessed.
 */
export class Evaluator {
  private depth = 0;
  private readonly active = new Set<string>();
  private readonly locals = new Map<string, LValue>();
  private readonly variableChoices = new Map<string, Choice>();
  private readonly bucketNames = new Map<string, BucketNameResolution>();
  private readonly documents = new Map<string, LValue>();

  constructor(readonly index: ModuleIndex) {}

  locate(file: { path: string; lines: HclFile['lines'] }, span: Span): SourceLocation {
    return file.lines.location(file.path, span.start, span.end);
  }

  lower(expression: HclExpression, file: HclFile): LValue {
    return this.guarded(expression, file, () => this.lowerExpression(expression, file));
  }

  /** The JSON document a string-valued expression holds (policy text), with locations inside that text. */
  jsonDocument(expression: HclExpression, file: HclFile): LValue {
    return this.guarded(expression, file, () => lowerJsonDocument(this, expression, file));
  }

  /** Follows `var.x` / `local.x` to the expression that gives their value (for policy text, which needs the source). */
  definitionOf(traversal: HclTraversal): Choice | undefined {
    const first = traversal.steps[0];
    if (traversal.steps.length !== 1 || first.kind !== 'attr') return undefined;
    if (traversal.root === 'var') return this.variableChoice(first.name);
    if (traversal.root === 'local') {
      const local = this.index.locals.get(first.name);
      return local ? { known: true, expression: local.attribute.value, file: local.file } : { known: false, reason: `local.${first.name} is not declared` };
    }
    return undefined;
  }

  /** Runs `work` unless `key` is already being evaluated (a reference cycle), which yields unknown. */
  withCycleGuard(key: string, loc: SourceLocation, work: () => LValue): LValue {
    if (this.active.has(key)) return unknownValue(`${key} refers to itself`, loc);
    this.active.add(key);
    try {
      return work();
    } finally {
      this.active.delete(key);
    }
  }

  bucketName(entry: ResourceEntry): BucketNameResolution {
    const cached = this.bucketNames.get(entry.address);
    if (cached) return cached;
    const placeholder: BucketNameResolution = { name: { known: false, reason: `the name of ${entry.address} refers to itself` } };
    this.bucketNames.set(entry.address, placeholder);
    const resolved = resolveBucketName(this, entry);
    this.bucketNames.set(entry.address, resolved);
    return resolved;
  }

  policyDocument(entry: ResourceEntry, loc: SourceLocation): LValue {
    const cached = this.documents.get(entry.address);
    if (cached) return cached;
    const document = this.withCycleGuard(entry.address, loc, () => lowerPolicyDocument(this, entry));
    this.documents.set(entry.address, document);
    return document;
  }

  private guarded(expression: HclExpression, file: HclFile, work: () => LValue): LValue {
    if (this.depth > MAX_EVALUATION_DEPTH) return unknownValue('the expression is nested too deeply to evaluate', this.locate(file, expression.span));
    this.depth++;
    try {
      return work();
    } finally {
      this.depth--;
    }
  }

  private lowerExpression(expression: HclExpression, file: HclFile): LValue {
    const loc = this.locate(file, expression.span);
    switch (expression.kind) {
      case 'literal':
        if (expression.value === null) return { kind: 'null', loc };
        if (typeof expression.value === 'number') return { kind: 'number', value: expression.value, loc };
        return { kind: 'boolean', value: expression.value, loc };
      case 'template':
        return this.lowerTemplate(expression, file, loc);
      case 'tuple':
        return { kind: 'array', items: expression.items.map((item) => this.lower(item, file)), loc };
      case 'object':
        return this.lowerObject(expression, file, loc);
      case 'traversal':
        return this.lowerTraversal(expression, file, loc);
      case 'postfix':
        return this.applySteps(this.lower(expression.target, file), expression.steps, file, loc);
      case 'call':
        return lowerFunctionCall(this, expression, file, loc);
      case 'conditional': {
        const condition = resolveBoolean(this.lower(expression.condition, file));
        if (condition.known) return this.lower(condition.value ? expression.whenTrue : expression.whenFalse, file);
        const whenTrue = this.lower(expression.whenTrue, file);
        const whenFalse = this.lower(expression.whenFalse, file);
        if (sameValue(whenTrue, whenFalse)) return whenTrue;
        return unknownValue(`depends on the condition \`${this.sourceText(file, expression.condition.span)}\` (${condition.reason})`, loc);
      }
      case 'parens':
        return this.lower(expression.inner, file);
      case 'operation':
        return this.lowerOperation(expression, file, loc);
      case 'opaque':
        return unknownValue(OPAQUE_REASONS[expression.what], loc);
    }
  }

  /** Logic and equality only: enough for `var.env == "prod" ? ... : ...`; arithmetic stays unknown. */
  private lowerOperation(operation: HclOperation, file: HclFile, loc: SourceLocation): LValue {
    const values = operation.operands.map((operand) => this.lower(operand, file));
    const [left, right] = values;
    const unknown = values.find((value) => value.kind === 'unknown');
    switch (operation.operator) {
      case '!': {
        const operand = resolveBoolean(left);
        return operand.known ? { kind: 'boolean', value: !operand.value, loc } : unknownValue(operand.reason, loc);
      }
      case '==':
      case '!=':
        if (unknown?.kind === 'unknown') return unknownValue(unknown.reason, loc);
        return { kind: 'boolean', value: sameValue(left, right) === (operation.operator === '=='), loc };
      case '&&':
      case '||': {
        const a = resolveBoolean(left);
        const b = resolveBoolean(right);
        const isAnd = operation.operator === '&&';
        // A known false (for &&) or true (for ||) decides whatever the other side is.
        if ((a.known && a.value !== isAnd) || (b.known && b.value !== isAnd)) return { kind: 'boolean', value: !isAnd, loc };
        if (a.known && b.known) return { kind: 'boolean', value: isAnd, loc };
        return unknownValue(!a.known ? a.reason : !b.known ? b.reason : '', loc);
      }
      default:
        return unknownValue(`the ${operation.operator} operator is not evaluated`, loc);
    }
  }

  private lowerTemplate(template: HclTemplate, file: HclFile, loc: SourceLocation): LValue {
    const parts = template.parts;
    // HCL: a template that is exactly one interpolation yields that value unchanged, not its string form.
    if (!template.heredoc && parts.length === 1 && parts[0].kind === 'interpolation') {
      const only = parts[0];
      return only.expression ? this.lower(only.expression, file) : unknownValue('empty interpolation', loc);
    }
    let text = '';
    let reason: string | undefined;
    for (const part of parts) {
      if (part.kind === 'text') {
        text += part.value;
        continue;
      }
      const piece = part.kind === 'interpolation' && part.expression ? this.lower(part.expression, file) : undefined;
      if (piece && (piece.kind === 'string' || piece.kind === 'number' || piece.kind === 'boolean')) {
        text += String(piece.value);
      } else {
        if (part.kind === 'directive') reason ??= 'a template directive (%{ }) is not evaluated';
        else if (piece?.kind === 'unknown') reason ??= piece.reason;
        else reason ??= 'an interpolated value is not a string';
        text += piece?.kind === 'unknown' && piece.partial !== undefined ? piece.partial : UNKNOWN_PLACEHOLDER;
      }
    }
    if (template.heredoc?.strip) text = stripHeredocIndent(text);
    return reason === undefined ? { kind: 'string', value: text, loc } : unknownValue(reason, loc, text);
  }

  private lowerObject(object: HclObject, file: HclFile, loc: SourceLocation): LValue {
    const entries: LEntry[] = [];
    const valueSpans: Span[] = [];
    for (const element of object.elements) {
      const key = this.objectKey(element.key, file);
      if (!key.known) return unknownValue(`an object key is not known: ${key.reason}`, loc);
      entries.push({ key: key.value, keyLoc: this.locate(file, element.key.span), value: this.lower(element.value, file) });
      valueSpans.push(element.value.span);
    }
    const value: LValue = { kind: 'object', entries, loc };
    recordOrigin(value, { syntax: 'hcl', file, object, valueSpans });
    return value;
  }

  /** A bare identifier key is the literal name (`{ Effect = "Allow" }`); other keys are expressions. */
  private objectKey(key: HclExpression, file: HclFile): Resolvable<string> {
    if (key.kind === 'traversal' && key.steps.length === 0) return { known: true, value: key.root };
    return resolveString(this.lower(key, file));
  }

  private lowerTraversal(traversal: HclTraversal, file: HclFile, loc: SourceLocation): LValue {
    const [first, ...rest] = traversal.steps;
    const firstName = first?.kind === 'attr' ? first.name : undefined;
    switch (traversal.root) {
      case 'var':
      case 'local': {
        if (!firstName) return unknownValue(`\`${traversal.root}\` needs a name`, loc);
        if (traversal.root === 'var') return relocated(this.applySteps(this.variableValue(firstName, loc), rest, file, loc), loc);
        return this.applySteps(this.localValue(firstName, loc), rest, file, loc);
      }
      case 'each':
      case 'count':
        return unknownValue(`${traversal.root}.${firstName ?? ''} differs per instance`, loc);
      case 'self':
        return unknownValue('self is known only at apply', loc);
      case 'path':
        if (firstName === 'module' || firstName === 'root') return { kind: 'string', value: '.', loc };
        return unknownValue(`path.${firstName ?? ''} depends on where Terraform runs`, loc);
      case 'terraform':
        return unknownValue('terraform.workspace is chosen at run time', loc);
      case 'module':
        return unknownValue(`an output of module.${firstName ?? ''} is not analysed here`, loc);
      case 'data':
        return this.lowerDataReference(traversal, file, loc);
      default:
        return this.lowerResourceReference(traversal, file, loc);
    }
  }

  private lowerResourceReference(traversal: HclTraversal, file: HclFile, loc: SourceLocation): LValue {
    const nameStep = traversal.steps[0];
    if (nameStep?.kind !== 'attr') return unknownValue(`\`${traversal.root}\` is not a value this module defines`, loc);
    const address = `${traversal.root}.${nameStep.name}`;
    const entry = this.index.resources.get(address);
    if (!entry) return unknownValue(`${address} is not declared in this module`, loc);
    return this.lowerResourceAttribute(entry, traversal.steps.slice(1), file, loc);
  }

  private lowerDataReference(traversal: HclTraversal, file: HclFile, loc: SourceLocation): LValue {
    const [typeStep, nameStep] = traversal.steps;
    if (typeStep?.kind !== 'attr' || nameStep?.kind !== 'attr') return unknownValue('incomplete data source reference', loc);
    const address = `data.${typeStep.name}.${nameStep.name}`;
    const entry = this.index.dataSources.get(address);
    if (!entry) return unknownValue(`${address} is not declared in this module`, loc);
    return this.lowerResourceAttribute(entry, traversal.steps.slice(2), file, loc);
  }

  /** `steps` start after the resource name: instance keys (`[0]`, `["a"]`), then the attribute. */
  private lowerResourceAttribute(entry: ResourceEntry, steps: TraversalStep[], file: HclFile, loc: SourceLocation): LValue {
    let at = 0;
    while (steps[at]?.kind === 'index') at++;
    const attribute = steps[at];
    if (!attribute || attribute.kind !== 'attr') return unknownValue(`${entry.address} is a whole resource, not a value`, loc);
    const rest = steps.slice(at + 1);
    const name = attribute.name;
    const isData = entry.address.startsWith('data.');
    if (isData && entry.type === 'aws_iam_policy_document' && (name === 'json' || name === 'minified_json')) {
      return this.applySteps(this.policyDocument(entry, loc), rest, file, loc);
    }
    if (isData && entry.type === 'aws_caller_identity') return unknownValue(ACCOUNT_ID_AT_APPLY, loc);
    if (entry.type === 'aws_s3_bucket') {
      const bucket = bucketAttribute(this.bucketName(entry), name, loc);
      if (bucket) return this.applySteps(bucket, rest, file, loc);
    }
    // Arguments echo their configured value; computed attributes (id, arn, ...) exist only after apply.
    const written = attributeOf(entry.block.body, name);
    if (written && name !== 'id') return this.applySteps(this.lower(written.value, entry.file), rest, file, loc);
    return unknownValue(`${entry.address}.${name} is known only after apply`, loc);
  }

  private variableValue(name: string, loc: SourceLocation): LValue {
    const choice = this.variableChoice(name);
    if (!choice.known) return unknownValue(choice.reason, loc);
    return this.withCycleGuard(`var.${name}`, loc, () => this.lower(choice.expression, choice.file));
  }

  private localValue(name: string, loc: SourceLocation): LValue {
    const cached = this.locals.get(name);
    if (cached) return cached;
    const local = this.index.locals.get(name);
    if (!local) return unknownValue(`local.${name} is not declared in this module`, loc);
    const value = this.withCycleGuard(`local.${name}`, loc, () => this.lower(local.attribute.value, local.file));
    if (!(value.kind === 'unknown' && value.reason.endsWith('refers to itself'))) this.locals.set(name, value);
    return value;
  }

  /**
   * A variable's value is its default, overridden by terraform.tfvars and *.auto.tfvars. A -var-file
   * (any other .tfvars) may replace it; when one of those says something else, the value is unknown.
   */
  private variableChoice(name: string): Choice {
    const cached = this.variableChoices.get(name);
    if (cached) return cached;
    const choice = this.chooseVariable(name);
    this.variableChoices.set(name, choice);
    return choice;
  }

  private chooseVariable(name: string): Choice {
    const declaration = this.index.variables.get(name);
    if (!declaration) return { known: false, reason: `var.${name} is not declared in this module` };
    const candidates: Array<{ expression: HclExpression; file: HclFile; label: string }> = [];
    const fallback = attributeOf(declaration.block.body, 'default');
    let effective = fallback ? { expression: fallback.value, file: declaration.file, label: 'its default' } : undefined;
    for (const settings of this.index.settings) {
      const value = settings.values.get(name);
      if (value && settings.autoLoaded) effective = { expression: value.value, file: settings.file, label: baseName(settings.file.path) };
    }
    if (effective) candidates.push(effective);
    for (const settings of this.index.settings) {
      const value = settings.values.get(name);
      if (value && !settings.autoLoaded) candidates.push({ expression: value.value, file: settings.file, label: baseName(settings.file.path) });
    }
    if (candidates.length === 0) return { known: false, reason: `var.${name} has no default and no .tfvars value; it is set when Terraform runs` };
    const [first, ...others] = candidates;
    if (others.length > 0) {
      const loc = this.locate(first.file, first.expression.span);
      const values = candidates.map((candidate) =>
        this.withCycleGuard(`var.${name}`, loc, () => this.lower(candidate.expression, candidate.file)),
      );
      const agree = values.every((value) => sameValue(value, values[0]));
      if (!agree || !isFullyKnown(values[0])) {
        return { known: false, reason: `var.${name} is set differently by ${candidates.map((candidate) => candidate.label).join(' and ')}` };
      }
    }
    return { known: true, expression: first.expression, file: first.file };
  }

  private applySteps(value: LValue, steps: TraversalStep[], file: HclFile, loc: SourceLocation): LValue {
    let current = value;
    for (const step of steps) {
      if (current.kind === 'unknown') return current;
      if (step.kind === 'splat') return unknownValue('a splat expression is not evaluated', loc);
      const key = step.kind === 'attr' ? { kind: 'string' as const, value: step.name } : this.lower(step.index, file);
      if (current.kind === 'array' && key.kind === 'number') {
        const item = current.items[key.value];
        if (!item) return unknownValue(`index ${key.value} is out of range`, loc);
        current = item;
      } else if (current.kind === 'object' && (key.kind === 'string' || key.kind === 'number')) {
        const entry = getEntry(current, String(key.value));
        if (!entry) return unknownValue(`no attribute "${String(key.value)}"`, loc);
        current = entry.value;
      } else if (key.kind === 'unknown') {
        return unknownValue(key.reason, loc);
      } else {
        return unknownValue('cannot look up a value here', loc);
      }
    }
    return current;
  }

  sourceText(file: HclFile, span: Span): string {
    const text = file.text.slice(span.start, span.end).replace(/\s+/g, ' ');
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
}

const OPAQUE_REASONS = {
  for: 'a `for` expression is not evaluated',
  invalid: 'the expression could not be read',
} as const;

function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? path;
}
