import type { SourceLocation } from '../../model/location';
import { getEntry, isFullyKnown, UNKNOWN_PLACEHOLDER, type LEntry, type LObject, type LUnknown, type LValue, type Resolvable } from '../../model/value';
import { BUCKET_TYPE, type TemplateIndex } from './templateIndex';

/** The reason on the marker `Ref: AWS::NoValue` resolves to; objects and lists drop such values, as CloudFormation does. */
export const NO_VALUE_REASON = 'AWS::NoValue removes this value';
export const ACCOUNT_ID_REASON = 'account id known at deploy';
export const GENERATED_NAME_REASON = 'generated at deploy';

const PSEUDO_PARAMETER_REASONS: Record<string, string> = {
  'AWS::AccountId': ACCOUNT_ID_REASON,
  'AWS::Region': 'region known at deploy',
  // Not `aws`: the same template deploys to aws-cn and aws-us-gov.
  'AWS::Partition': 'partition known at deploy',
  'AWS::URLSuffix': 'URL suffix known at deploy',
  'AWS::StackName': 'stack name known at deploy',
  'AWS::StackId': 'stack id known at deploy',
  'AWS::NotificationARNs': 'notification ARNs known at deploy',
};

const MAX_RESOLVE_DEPTH = 200;

/**
 * ARN shapes of IAM principals a template creates (CloudFormation return values): an ARN of one
 * role or user in the stack's account, never `*`, whatever partition, account and name it gets.
 */
const IAM_ARN_SHAPES: Record<string, string> = {
  'AWS::IAM::Role': `arn:${UNKNOWN_PLACEHOLDER}:iam::${UNKNOWN_PLACEHOLDER}:role/${UNKNOWN_PLACEHOLDER}`,
  'AWS::IAM::User': `arn:${UNKNOWN_PLACEHOLDER}:iam::${UNKNOWN_PLACEHOLDER}:user/${UNKNOWN_PLACEHOLDER}`,
};

/** A single-entry mapping whose key is `Ref` or `Fn::…`: CloudFormation's long form of an intrinsic function. */
export function intrinsicOf(value: LValue): { name: string; argument: LValue; entry: LEntry } | undefined {
  if (value.kind !== 'object' || value.entries.length !== 1) return undefined;
  const entry = value.entries[0];
  if (entry.key !== 'Ref' && !entry.key.startsWith('Fn::')) return undefined;
  return { name: entry.key, argument: entry.value, entry };
}

export function isNoValue(value: LValue | undefined): boolean {
  return value?.kind === 'unknown' && value.reason === NO_VALUE_REASON;
}

export function containsUnknown(value: LValue): boolean {
  return !isFullyKnown(value);
}

/** A resolved value as a `Resolvable` string (numbers and booleans as CloudFormation stringifies them). */
export function asResolvableString(value: LValue | undefined, absentReason: string): Resolvable<string> {
  if (!value || isNoValue(value)) return { known: false, reason: absentReason };
  switch (value.kind) {
    case 'string':
      return { known: true, value: value.value };
    case 'number':
    case 'boolean':
      return { known: true, value: String(value.value) };
    case 'unknown':
      return { known: false, reason: value.reason };
    default:
      return { known: false, reason: `expected a string, found ${value.kind === 'object' ? 'a mapping' : value.kind === 'array' ? 'a list' : 'null'}` };
  }
}

type Piece = { text: string } | { unknown: string; partial?: string };

/**
 * Evaluates what a template can know before deploy: parameter defaults, literal `Fn::Sub`/`Fn::Join`,
 * bucket names and ARNs. Anything that depends on deploy-time input becomes `unknown` with a reason
 * (and a `partial` string with `${?}` holes when the shape is still visible). Resolved values keep the
 * location of the expression that produced them; plain values keep their own.
 */
export class IntrinsicResolver {
  private readonly bucketNames = new Map<string, Resolvable<string>>();
  private readonly resolvingBuckets = new Set<string>();
  private readonly conditions = new Map<string, Resolvable<boolean>>();
  private readonly resolvingConditions = new Set<string>();

  constructor(private readonly index: TemplateIndex) {}

  resolve(value: LValue, depth = 0): LValue {
    if (depth > MAX_RESOLVE_DEPTH) return unknown(value.loc, 'nested too deeply to evaluate');
    const intrinsic = intrinsicOf(value);
    if (intrinsic) return this.resolveIntrinsic(intrinsic.name, intrinsic.argument, value.loc, depth + 1);
    if (value.kind === 'object') {
      const entries: LEntry[] = [];
      for (const entry of value.entries) {
        const resolved = this.resolve(entry.value, depth + 1);
        if (!isNoValue(resolved)) entries.push(resolved === entry.value ? entry : { ...entry, value: resolved });
      }
      return { kind: 'object', entries, loc: value.loc };
    }
    if (value.kind === 'array') {
      const items = value.items.map((item) => this.resolve(item, depth + 1)).filter((item) => !isNoValue(item));
      return { kind: 'array', items, loc: value.loc };
    }
    return value;
  }

  /** The name a template bucket gets: its literal (or resolvable) `BucketName`, else unknown — CloudFormation generates one. */
  bucketName(logicalId: string): Resolvable<string> {
    const cached = this.bucketNames.get(logicalId);
    if (cached) return cached;
    if (this.resolvingBuckets.has(logicalId)) return { known: false, reason: `name of ${logicalId} refers to itself` };
    this.resolvingBuckets.add(logicalId);
    const properties = this.index.resources.get(logicalId)?.properties;
    const written = getEntry(properties, 'BucketName')?.value;
    const name = written ? asResolvableString(this.resolve(written), GENERATED_NAME_REASON) : ({ known: false, reason: GENERATED_NAME_REASON } as const);
    this.resolvingBuckets.delete(logicalId);
    this.bucketNames.set(logicalId, name);
    return name;
  }

  private resolveIntrinsic(name: string, argument: LValue, loc: SourceLocation, depth: number): LValue {
    switch (name) {
      case 'Ref':
        return argument.kind === 'string' ? this.resolveRef(argument.value, loc) : unknown(loc, 'Ref needs a literal name');
      case 'Fn::Sub':
        return this.resolveSub(argument, loc, depth);
      case 'Fn::Join':
        return this.resolveJoin(argument, loc, depth);
      case 'Fn::GetAtt':
        return this.resolveGetAtt(argument, loc, depth);
      case 'Fn::If':
        return this.resolveIf(argument, loc, depth);
      case 'Fn::Select':
        return this.resolveSelect(argument, loc, depth);
      case 'Fn::Split':
        return this.resolveSplit(argument, loc, depth);
      case 'Fn::FindInMap':
        return this.resolveFindInMap(argument, loc, depth);
      default:
        return unknown(loc, `${name} is evaluated at deploy`);
    }
  }

  private resolveRef(target: string, loc: SourceLocation): LValue {
    if (target === 'AWS::NoValue') return unknown(loc, NO_VALUE_REASON);
    const pseudoReason = PSEUDO_PARAMETER_REASONS[target];
    if (pseudoReason) return unknown(loc, pseudoReason, UNKNOWN_PLACEHOLDER);
    const parameter = this.index.parameters.get(target);
    if (parameter) return this.resolveParameter(target, parameter, loc);
    const resource = this.index.resources.get(target);
    if (resource) {
      // Ref of a bucket is its name (CloudFormation docs, AWS::S3::Bucket return values).
      if (resource.type === BUCKET_TYPE) {
        const bucketName = this.bucketName(target);
        return bucketName.known ? { kind: 'string', value: bucketName.value, loc } : unknown(loc, `name of bucket ${target} ${bucketName.reason}`, UNKNOWN_PLACEHOLDER);
      }
      return unknown(loc, `Ref ${target} is known at deploy`, UNKNOWN_PLACEHOLDER);
    }
    return unknown(loc, `Ref ${target}: the template declares no such parameter or resource`);
  }

  private resolveParameter(name: string, parameter: LObject, loc: SourceLocation): LValue {
    const typeValue = getEntry(parameter, 'Type')?.value;
    const type = typeValue?.kind === 'string' ? typeValue.value : '';
    // For SSM parameter types the Default is the parameter's path, not its value.
    if (type.startsWith('AWS::SSM::Parameter::Value')) return unknown(loc, `parameter ${name} is read from SSM Parameter Store at deploy`, UNKNOWN_PLACEHOLDER);
    const defaultValue = getEntry(parameter, 'Default')?.value;
    if (!defaultValue) return unknown(loc, `parameter ${name} has no default`, UNKNOWN_PLACEHOLDER);
    const text = scalarText(defaultValue);
    if (text === undefined) return unknown(loc, `parameter ${name} has a default that is not a literal`);
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      return { kind: 'array', items: text.split(',').map((item) => ({ kind: 'string', value: item.trim(), loc })), loc };
    }
    return { kind: 'string', value: text, loc };
  }

  private resolveSub(argument: LValue, loc: SourceLocation, depth: number): LValue {
    let template: LValue = argument;
    const variables = new Map<string, LValue>();
    if (argument.kind === 'array') {
      template = argument.items[0] ?? argument;
      const variableMap = argument.items[1];
      if (variableMap?.kind === 'object') {
        for (const entry of variableMap.entries) variables.set(entry.key, this.resolve(entry.value, depth + 1));
      }
    }
    if (template.kind !== 'string') return unknown(loc, 'Fn::Sub needs a literal template string');
    const pieces: Piece[] = [];
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let match = pattern.exec(template.value); match; match = pattern.exec(template.value)) {
      pieces.push({ text: template.value.slice(last, match.index) });
      last = match.index + match[0].length;
      const variable = match[1].trim();
      if (variable.startsWith('!')) {
        pieces.push({ text: `\${${variable.slice(1)}}` });
        continue;
      }
      const bound = variables.get(variable);
      if (bound) pieces.push(pieceOf(bound, 'Fn::Sub'));
      else if (variable.includes('.') && !variable.startsWith('AWS::')) {
        const dot = variable.indexOf('.');
        pieces.push(pieceOf(this.getAtt(variable.slice(0, dot), variable.slice(dot + 1), loc), 'Fn::Sub'));
      } else pieces.push(pieceOf(this.resolveRef(variable, loc), 'Fn::Sub'));
    }
    pieces.push({ text: template.value.slice(last) });
    return compose(pieces, loc);
  }

  private resolveJoin(argument: LValue, loc: SourceLocation, depth: number): LValue {
    if (argument.kind !== 'array' || argument.items.length !== 2) return unknown(loc, 'Fn::Join needs [delimiter, list]');
    const delimiter = this.resolve(argument.items[0], depth + 1);
    if (delimiter.kind !== 'string') return unknown(loc, 'Fn::Join delimiter is not a literal string');
    const list = this.resolve(argument.items[1], depth + 1);
    if (list.kind === 'unknown') return unknown(loc, `Fn::Join over a list that is not known: ${list.reason}`);
    if (list.kind !== 'array') return unknown(loc, 'Fn::Join needs a list');
    const pieces: Piece[] = [];
    list.items.forEach((item, position) => {
      if (position > 0) pieces.push({ text: delimiter.value });
      pieces.push(pieceOf(item, 'Fn::Join'));
    });
    return compose(pieces, loc);
  }

  private resolveGetAtt(argument: LValue, loc: SourceLocation, depth: number): LValue {
    let logicalId: string | undefined;
    let attribute: string | undefined;
    if (argument.kind === 'string') {
      const dot = argument.value.indexOf('.');
      if (dot > 0) {
        logicalId = argument.value.slice(0, dot);
        attribute = argument.value.slice(dot + 1);
      }
    } else if (argument.kind === 'array' && argument.items.length === 2 && argument.items[0].kind === 'string') {
      logicalId = argument.items[0].value;
      const attributeValue = this.resolve(argument.items[1], depth + 1);
      if (attributeValue.kind === 'string') attribute = attributeValue.value;
    }
    if (!logicalId || !attribute) return unknown(loc, 'Fn::GetAtt needs a literal resource and attribute');
    return this.getAtt(logicalId, attribute, loc);
  }

  private getAtt(logicalId: string, attribute: string, loc: SourceLocation): LValue {
    const resource = this.index.resources.get(logicalId);
    if (!resource) return unknown(loc, `Fn::GetAtt ${logicalId}.${attribute}: the template declares no such resource`);
    if (resource.type === BUCKET_TYPE && attribute === 'Arn') {
      const bucketName = this.bucketName(logicalId);
      return bucketName.known
        ? { kind: 'string', value: `arn:aws:s3:::${bucketName.value}`, loc }
        : unknown(loc, `name of bucket ${logicalId} ${bucketName.reason}`, `arn:aws:s3:::${UNKNOWN_PLACEHOLDER}`);
    }
    const arnShape = attribute === 'Arn' && resource.type ? IAM_ARN_SHAPES[resource.type] : undefined;
    if (arnShape) return unknown(loc, `ARN of ${logicalId} (in the stack's own account) known at deploy`, arnShape);
    return unknown(loc, `Fn::GetAtt ${logicalId}.${attribute} is known at deploy`, UNKNOWN_PLACEHOLDER);
  }

  private resolveIf(argument: LValue, loc: SourceLocation, depth: number): LValue {
    if (argument.kind !== 'array' || argument.items.length !== 3) return unknown(loc, 'Fn::If needs [condition, value if true, value if false]');
    const condition = argument.items[0].kind === 'string' ? argument.items[0].value : 'an unnamed condition';
    const decided = this.condition(condition);
    if (decided.known) return this.resolve(argument.items[decided.value ? 1 : 2], depth + 1);
    const whenTrue = this.resolve(argument.items[1], depth + 1);
    const whenFalse = this.resolve(argument.items[2], depth + 1);
    if (!containsUnknown(whenTrue) && !containsUnknown(whenFalse) && sameValue(whenTrue, whenFalse)) return whenTrue;
    return unknown(loc, `Fn::If: depends on condition ${condition} (${decided.reason})`);
  }

  /** A named entry of `Conditions`, decided when every value it compares has a literal (or default) value. */
  condition(name: string, depth = 0): Resolvable<boolean> {
    const cached = this.conditions.get(name);
    if (cached) return cached;
    if (depth > MAX_RESOLVE_DEPTH || this.resolvingConditions.has(name)) return { known: false, reason: `condition ${name} refers to itself` };
    const written = getEntry(getEntry(this.index.root, 'Conditions')?.value, name)?.value;
    if (!written) return { known: false, reason: `the template declares no condition ${name}` };
    this.resolvingConditions.add(name);
    const decided = this.conditionValue(written, name, depth + 1);
    this.resolvingConditions.delete(name);
    this.conditions.set(name, decided);
    return decided;
  }

  private conditionValue(value: LValue, name: string, depth: number): Resolvable<boolean> {
    const intrinsic = intrinsicOf(value);
    const undecided = (why: string): Resolvable<boolean> => ({ known: false, reason: `condition ${name} ${why}` });
    if (!intrinsic) return value.kind === 'boolean' ? { known: true, value: value.value } : undecided('is not a condition function');
    const items = intrinsic.argument.kind === 'array' ? intrinsic.argument.items : [intrinsic.argument];
    switch (intrinsic.name) {
      case 'Fn::Equals': {
        if (items.length !== 2) return undecided('has an Fn::Equals without two values');
        const [left, right] = items.map((item) => this.resolve(item, depth + 1));
        const leftText = scalarText(left);
        const rightText = scalarText(right);
        if (leftText === undefined || rightText === undefined) {
          const why = [left, right].find((side) => side.kind === 'unknown');
          return undecided(`compares a value known only at deploy${why?.kind === 'unknown' ? ` (${why.reason})` : ''}`);
        }
        return { known: true, value: leftText === rightText };
      }
      case 'Fn::Not': {
        const inner = items[0] ? this.conditionValue(items[0], name, depth + 1) : undecided('has an empty Fn::Not');
        return inner.known ? { known: true, value: !inner.value } : inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const wantAll = intrinsic.name === 'Fn::And';
        let firstUnknown: Resolvable<boolean> | undefined;
        for (const item of items) {
          const part = this.conditionValue(item, name, depth + 1);
          if (!part.known) firstUnknown ??= part;
          else if (part.value !== wantAll) return { known: true, value: !wantAll };
        }
        return firstUnknown ?? { known: true, value: wantAll };
      }
      case 'Condition':
        return intrinsic.argument.kind === 'string' ? this.condition(intrinsic.argument.value, depth + 1) : undecided('names no condition');
      default:
        return undecided(`uses ${intrinsic.name}, evaluated at deploy`);
    }
  }

  private resolveSelect(argument: LValue, loc: SourceLocation, depth: number): LValue {
    if (argument.kind !== 'array' || argument.items.length !== 2) return unknown(loc, 'Fn::Select needs [index, list]');
    const indexValue = this.resolve(argument.items[0], depth + 1);
    const position = indexValue.kind === 'number' ? indexValue.value : indexValue.kind === 'string' && /^\d+$/.test(indexValue.value) ? Number(indexValue.value) : undefined;
    const list = this.resolve(argument.items[1], depth + 1);
    if (position === undefined || list.kind !== 'array') {
      const reason = list.kind === 'unknown' ? list.reason : indexValue.kind === 'unknown' ? indexValue.reason : 'arguments are not literal';
      return unknown(loc, `Fn::Select: ${reason}`);
    }
    return list.items[position] ?? unknown(loc, `Fn::Select: index ${position} is past the end of the list`);
  }

  private resolveSplit(argument: LValue, loc: SourceLocation, depth: number): LValue {
    if (argument.kind !== 'array' || argument.items.length !== 2) return unknown(loc, 'Fn::Split needs [delimiter, string]');
    const delimiter = this.resolve(argument.items[0], depth + 1);
    const source = this.resolve(argument.items[1], depth + 1);
    if (delimiter.kind !== 'string' || delimiter.value === '' || source.kind !== 'string') {
      return unknown(loc, `Fn::Split: ${source.kind === 'unknown' ? source.reason : 'arguments are not literal'}`);
    }
    return { kind: 'array', items: source.value.split(delimiter.value).map((part) => ({ kind: 'string', value: part, loc })), loc };
  }

  private resolveFindInMap(argument: LValue, loc: SourceLocation, depth: number): LValue {
    if (argument.kind !== 'array' || argument.items.length < 3) return unknown(loc, 'Fn::FindInMap needs [map, top-level key, second-level key]');
    const keys = argument.items.slice(0, 3).map((item) => this.resolve(item, depth + 1));
    const names = keys.map((key) => scalarText(key));
    if (names.some((name) => name === undefined)) {
      const reason = keys.find((key) => key.kind === 'unknown');
      return unknown(loc, `Fn::FindInMap: ${reason?.kind === 'unknown' ? reason.reason : 'keys are not literal'}`);
    }
    const found = getEntry(getEntry(getEntry(this.index.mappings, names[0] as string)?.value, names[1] as string)?.value, names[2] as string)?.value;
    return found ? this.resolve(found, depth + 1) : unknown(loc, `Fn::FindInMap: ${names.join('.')} is not in Mappings`);
  }
}

function unknown(loc: SourceLocation, reason: string, partial?: string): LUnknown {
  return partial === undefined ? { kind: 'unknown', reason, loc } : { kind: 'unknown', reason, partial, loc };
}

function scalarText(value: LValue): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
  return undefined;
}

function pieceOf(value: LValue, functionName: string): Piece {
  const text = scalarText(value);
  if (text !== undefined) return { text };
  if (value.kind === 'unknown') return { unknown: value.reason, partial: value.partial };
  return { unknown: `${functionName} part is ${value.kind === 'array' ? 'a list' : value.kind === 'object' ? 'a mapping' : 'null'}, not a string` };
}

function compose(pieces: Piece[], loc: SourceLocation): LValue {
  if (pieces.every((piece) => 'text' in piece)) return { kind: 'string', value: pieces.map((piece) => (piece as { text: string }).text).join(''), loc };
  const reasons: string[] = [];
  let partial = '';
  for (const piece of pieces) {
    if ('text' in piece) partial += piece.text;
    else {
      partial += piece.partial ?? UNKNOWN_PLACEHOLDER;
      if (!reasons.includes(piece.unknown)) reasons.push(piece.unknown);
    }
  }
  return unknown(loc, reasons.join('; '), partial);
}

function sameValue(a: LValue, b: LValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'array': {
      const other = b as typeof a;
      return a.items.length === other.items.length && a.items.every((item, i) => sameValue(item, other.items[i]));
    }
    case 'object': {
      const other = b as typeof a;
      return a.entries.length === other.entries.length && a.entries.every((entry, i) => entry.key === other.entries[i].key && sameValue(entry.value, other.entries[i].value));
    }
    case 'unknown':
      return false;
  }
}
