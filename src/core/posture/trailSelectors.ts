/**
 * Which of a bucket's S3 data events a trail's selectors record. CloudTrail matches S3 object
 * events by the object ARN `arn:<partition>:s3:::<bucket>/<key>`:
 * - basic selectors: DataResources of type AWS::S3::Object whose values are ARN prefixes
 *   (`arn:aws:s3` or `arn:aws:s3:::` for every bucket, `arn:aws:s3:::bucket/` for one bucket,
 *   `arn:aws:s3:::bucket/prefix` for part of it), with ReadWriteType ReadOnly / WriteOnly / All;
 * - advanced selectors: field selectors AND-ed (eventCategory = Data, resources.type =
 *   AWS::S3::Object, resources.ARN, readOnly, …); within one field, positive operators
 *   (Equals / StartsWith / EndsWith) are OR-ed and negative ones (Not…) AND-ed. Selectors are OR-ed.
 */

/** How much of a bucket a selector reaches: every object, some objects, none, or cannot tell. */
export type Coverage = 'all' | 'some' | 'none' | 'unknown';

export interface SelectorCoverage {
  read: Coverage;
  write: Coverage;
  /** The selector as AWS shows it, for the user. */
  description: string;
}

export interface BasicEventSelector {
  ReadWriteType?: string;
  DataResources?: Array<{ Type?: string; Values?: string[] }>;
}

export interface AdvancedFieldSelector {
  Field?: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors?: AdvancedFieldSelector[];
}

const S3_OBJECT = 'AWS::S3::Object';

/** The prefix every object ARN of the bucket starts with. */
export function objectArnPrefix(bucket: string, partition = 'aws'): string {
  return `arn:${partition}:s3:::${bucket}/`;
}

/** A basic DataResources value (an ARN prefix) against the bucket's objects. */
function prefixCoverage(value: string, bucketPrefix: string): Coverage {
  if (bucketPrefix.startsWith(value)) return 'all';
  if (value.startsWith(bucketPrefix)) return 'some';
  return 'none';
}

export function basicSelectorCoverage(selector: BasicEventSelector, bucket: string, partition = 'aws'): SelectorCoverage {
  const bucketPrefix = objectArnPrefix(bucket, partition);
  const readWrite = selector.ReadWriteType ?? 'All';
  const matched: string[] = [];
  let coverage: Coverage = 'none';
  for (const resource of selector.DataResources ?? []) {
    if (resource.Type !== S3_OBJECT) continue;
    for (const value of resource.Values ?? []) {
      const one = prefixCoverage(value, bucketPrefix);
      if (one !== 'none') matched.push(value);
      coverage = best(coverage, one);
    }
  }
  const reads = readWrite === 'All' || readWrite === 'ReadOnly';
  const writes = readWrite === 'All' || readWrite === 'WriteOnly';
  const known = readWrite === 'All' || readWrite === 'ReadOnly' || readWrite === 'WriteOnly';
  const description = `basic: ${S3_OBJECT} ${matched.length > 0 ? matched.join(', ') : '(other buckets)'}, ${readWrite}`;
  if (!known) return { read: coverage === 'none' ? 'none' : 'unknown', write: coverage === 'none' ? 'none' : 'unknown', description };
  return { read: reads ? coverage : 'none', write: writes ? coverage : 'none', description };
}

type Operator = 'Equals' | 'StartsWith' | 'EndsWith' | 'NotEquals' | 'NotStartsWith' | 'NotEndsWith';
const POSITIVE: Operator[] = ['Equals', 'StartsWith', 'EndsWith'];
const NEGATIVE: Operator[] = ['NotEquals', 'NotStartsWith', 'NotEndsWith'];

/** Does a field selector admit this exact value? */
function admitsValue(field: AdvancedFieldSelector, value: string): boolean {
  const tests: Record<Operator, (candidate: string) => boolean> = {
    Equals: (candidate) => value === candidate,
    StartsWith: (candidate) => value.startsWith(candidate),
    EndsWith: (candidate) => value.endsWith(candidate),
    NotEquals: (candidate) => value !== candidate,
    NotStartsWith: (candidate) => !value.startsWith(candidate),
    NotEndsWith: (candidate) => !value.endsWith(candidate),
  };
  const positives = POSITIVE.filter((operator) => field[operator] !== undefined);
  const positiveOk = positives.length === 0 || positives.some((operator) => (field[operator] ?? []).some(tests[operator]));
  const negativeOk = NEGATIVE.every((operator) => (field[operator] ?? []).every(tests[operator]));
  return positiveOk && negativeOk;
}

/** A resources.ARN field selector against every object ARN of the bucket. */
function arnFieldCoverage(field: AdvancedFieldSelector, bucketPrefix: string): Coverage {
  const positive: Coverage[] = [];
  for (const value of field.Equals ?? []) positive.push(value.startsWith(bucketPrefix) ? 'some' : 'none');
  for (const value of field.StartsWith ?? []) positive.push(prefixCoverage(value, bucketPrefix));
  for (const value of field.EndsWith ?? []) positive.push(value === '' ? 'all' : 'some');
  const negative: Coverage[] = [];
  for (const value of field.NotEquals ?? []) negative.push(value.startsWith(bucketPrefix) ? 'some' : 'all');
  for (const value of field.NotStartsWith ?? []) {
    const excluded = prefixCoverage(value, bucketPrefix);
    negative.push(excluded === 'all' ? 'none' : excluded === 'some' ? 'some' : 'all');
  }
  for (const value of field.NotEndsWith ?? []) negative.push(value === '' ? 'none' : 'some');
  const anyPositive = positive.length === 0 ? 'all' : positive.reduce(best, 'none');
  return negative.reduce(worst, anyPositive);
}

/** Fields that only narrow which events of a bucket are recorded (some callers, some event names…). */
const NARROWING_FIELDS = new Set([
  'eventName',
  'eventSource',
  'eventType',
  'userIdentity.arn',
  'errorCode',
  'sessionCredentialFromConsole',
  'vpcEndpointId',
  'eventTypeName',
]);

export function advancedSelectorCoverage(selector: AdvancedEventSelector, bucket: string, partition = 'aws'): SelectorCoverage {
  const bucketPrefix = objectArnPrefix(bucket, partition);
  const fields = selector.FieldSelectors ?? [];
  const description = `advanced${selector.Name ? ` "${selector.Name}"` : ''}: ${fields.map(describeField).join('; ')}`;
  const none = { read: 'none' as Coverage, write: 'none' as Coverage, description };
  const byName = (name: string): AdvancedFieldSelector[] => fields.filter((field) => field.Field === name);

  const category = byName('eventCategory');
  if (category.length === 0 || !category.every((field) => admitsValue(field, 'Data'))) return none;
  const type = byName('resources.type');
  if (type.length === 0) return { read: 'unknown', write: 'unknown', description };
  if (!type.every((field) => admitsValue(field, S3_OBJECT))) return none;

  let coverage: Coverage = byName('resources.ARN').reduce<Coverage>((sum, field) => worst(sum, arnFieldCoverage(field, bucketPrefix)), 'all');
  for (const field of fields) {
    const name = field.Field ?? '';
    if (name === 'eventCategory' || name === 'resources.type' || name === 'resources.ARN' || name === 'readOnly') continue;
    if (name === 'eventSource') {
      if (!admitsValue(field, 's3.amazonaws.com')) return none;
      continue;
    }
    // A field whose meaning is not known here could exclude anything: say so rather than guess.
    coverage = NARROWING_FIELDS.has(name) ? worst(coverage, 'some') : coverage === 'none' ? 'none' : 'unknown';
  }
  const readOnly = byName('readOnly');
  const reads = readOnly.every((field) => admitsValue(field, 'true'));
  const writes = readOnly.every((field) => admitsValue(field, 'false'));
  return { read: reads ? coverage : 'none', write: writes ? coverage : 'none', description };
}

function describeField(field: AdvancedFieldSelector): string {
  const parts: string[] = [];
  for (const operator of [...POSITIVE, ...NEGATIVE]) {
    const values = field[operator];
    if (values !== undefined) parts.push(`${operator} ${values.join(', ')}`);
  }
  return `${field.Field ?? '?'} ${parts.join(' and ')}`;
}

const RANK: Record<Coverage, number> = { none: 0, unknown: 1, some: 2, all: 3 };

/** OR of two coverages: the wider one (an unknown beats nothing, loses to any known coverage). */
export function best(a: Coverage, b: Coverage): Coverage {
  return RANK[a] >= RANK[b] ? a : b;
}

/** AND of two coverages: the narrower one; unknown stays unknown unless one side is none. */
export function worst(a: Coverage, b: Coverage): Coverage {
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return a === 'some' || b === 'some' ? 'some' : 'all';
}

export interface TrailSelectors {
  basic?: BasicEventSelector[];
  advanced?: AdvancedEventSelector[];
}

/** A trail's coverage of one bucket: its selectors OR-ed, with the ones that match described. */
export function trailSelectorCoverage(selectors: TrailSelectors, bucket: string, partition = 'aws'): SelectorCoverage {
  const each = selectors.advanced && selectors.advanced.length > 0
    ? selectors.advanced.map((selector) => advancedSelectorCoverage(selector, bucket, partition))
    : (selectors.basic ?? []).map((selector) => basicSelectorCoverage(selector, bucket, partition));
  const matching = each.filter((coverage) => coverage.read !== 'none' || coverage.write !== 'none');
  return {
    read: each.reduce<Coverage>((sum, coverage) => best(sum, coverage.read), 'none'),
    write: each.reduce<Coverage>((sum, coverage) => best(sum, coverage.write), 'none'),
    description: matching.map((coverage) => coverage.description).join(' | '),
  };
}
