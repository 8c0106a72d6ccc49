import type { DeclaredResource, TrailDeclaration } from '../../model/bucket';
import { getEntry, type LValue, type Resolvable } from '../../model/value';
import { resolvableBoolean } from './bucketSettings';
import { asResolvableString, GENERATED_NAME_REASON, type IntrinsicResolver } from './intrinsics';
import { referencedBuckets } from './references';
import type { TemplateIndex, TemplateResource } from './templateIndex';

type S3DataSelector = TrailDeclaration['s3DataSelectors'][number];
type ReadWrite = S3DataSelector['readWrite'];

const S3_OBJECT_TYPE = 'AWS::S3::Object';

/** `AWS::CloudTrail::Trail`: which buckets' object-level (data) events it records. */
export function readTrail(trail: TemplateResource, resource: DeclaredResource, resolver: IntrinsicResolver, index: TemplateIndex): TrailDeclaration {
  const property = (name: string): LValue | undefined => {
    const written = getEntry(trail.properties, name)?.value;
    return written ? resolver.resolve(written) : undefined;
  };
  const trailName = property('TrailName');
  const declaration: TrailDeclaration = {
    resource,
    name: trailName ? asResolvableString(trailName, GENERATED_NAME_REASON) : { known: false, reason: GENERATED_NAME_REASON },
    s3DataSelectors: [],
  };
  const isLogging = property('IsLogging');
  const logging = isLogging ? resolvableBoolean(isLogging) : undefined;
  // A trail with IsLogging false records nothing.
  if (logging?.known && !logging.value) return declaration;

  const rawSelectors = getEntry(trail.properties, 'EventSelectors')?.value;
  const selectors = property('EventSelectors');
  if (selectors?.kind === 'array') {
    selectors.items.forEach((selector, position) => {
      const raw = rawSelectors?.kind === 'array' ? rawSelectors.items[position] : undefined;
      declaration.s3DataSelectors.push(...readBasicSelector(selector, referencedBuckets(raw ?? selector, index)));
    });
  }
  const rawAdvanced = getEntry(trail.properties, 'AdvancedEventSelectors')?.value;
  const advanced = property('AdvancedEventSelectors');
  if (advanced?.kind === 'array') {
    advanced.items.forEach((selector, position) => {
      const raw = rawAdvanced?.kind === 'array' ? rawAdvanced.items[position] : undefined;
      const read = readAdvancedSelector(selector, referencedBuckets(raw ?? selector, index));
      if (read) declaration.s3DataSelectors.push(read);
    });
  }
  return declaration;
}

function readBasicSelector(selector: LValue, bucketAddresses: string[]): S3DataSelector[] {
  if (selector.kind === 'unknown') return [{ buckets: [{ known: false, reason: selector.reason }], bucketAddresses, readWrite: 'unknown', loc: selector.loc }];
  const readWriteValue = getEntry(selector, 'ReadWriteType')?.value;
  let readWrite: ReadWrite = 'All';
  if (readWriteValue) {
    readWrite = readWriteValue.kind === 'string' && ['All', 'ReadOnly', 'WriteOnly'].includes(readWriteValue.value) ? (readWriteValue.value as ReadWrite) : 'unknown';
  }
  const dataResources = getEntry(selector, 'DataResources')?.value;
  if (dataResources?.kind !== 'array') return [];
  const found: S3DataSelector[] = [];
  for (const dataResource of dataResources.items) {
    const type = getEntry(dataResource, 'Type')?.value;
    if (type?.kind !== 'string' || type.value !== S3_OBJECT_TYPE) continue;
    const values = getEntry(dataResource, 'Values')?.value;
    const items = values?.kind === 'array' ? values.items : values ? [values] : [];
    found.push({ buckets: bucketsOf(items), bucketAddresses, readWrite, loc: selector.loc });
  }
  return found;
}

function readAdvancedSelector(selector: LValue, bucketAddresses: string[]): S3DataSelector | undefined {
  const fieldSelectors = getEntry(selector, 'FieldSelectors')?.value;
  if (fieldSelectors?.kind !== 'array') return undefined;
  const fields = new Map<string, LValue>();
  for (const field of fieldSelectors.items) {
    const name = getEntry(field, 'Field')?.value;
    if (name?.kind === 'string') fields.set(name.value, field);
  }
  const equals = (field: string): string[] | undefined => {
    const values = getEntry(fields.get(field), 'Equals')?.value;
    if (values?.kind !== 'array') return undefined;
    return values.items.flatMap((item) => (item.kind === 'string' ? [item.value] : []));
  };
  if (!equals('eventCategory')?.includes('Data') || !equals('resources.type')?.includes(S3_OBJECT_TYPE)) return undefined;

  let buckets: S3DataSelector['buckets'] = 'all';
  const arnField = fields.get('resources.ARN');
  if (arnField && arnField.kind === 'object') {
    const narrowing = arnField.entries.filter((entry) => entry.key !== 'Field');
    if (narrowing.some((entry) => !['Equals', 'StartsWith'].includes(entry.key))) {
      buckets = [{ known: false, reason: 'the selector excludes ARNs or matches them by suffix' }];
    } else {
      const values = narrowing.flatMap((entry) => (entry.value.kind === 'array' ? entry.value.items : [entry.value]));
      buckets = bucketsOf(values);
    }
  }

  let readWrite: ReadWrite = 'All';
  const readOnly = equals('readOnly');
  if (readOnly) readWrite = readOnly.length === 1 && readOnly[0] === 'true' ? 'ReadOnly' : readOnly.length === 1 && readOnly[0] === 'false' ? 'WriteOnly' : 'unknown';
  if (fields.has('readOnly') && !readOnly) readWrite = 'unknown';
  // Filters on event names or sources cover only some S3 events; which ones is not a read/write split.
  if (fields.has('eventName') || fields.has('eventSource') || fields.has('eventType')) readWrite = 'unknown';
  return { buckets, bucketAddresses, readWrite, loc: selector.loc };
}

/** `arn:aws:s3` or `arn:aws:s3:::` alone selects every bucket (CloudTrail DataResource docs). */
function bucketsOf(values: LValue[]): S3DataSelector['buckets'] {
  const resolved: Array<Resolvable<string>> = [];
  for (const value of values) {
    const text = value.kind === 'string' ? value.value : value.kind === 'unknown' ? value.partial : undefined;
    if (text !== undefined && /^arn:(aws[a-z-]*|\$\{\?\}):s3(:::)?$/.test(text)) return 'all';
    resolved.push(asResolvableString(value, 'selector value has no literal'));
  }
  return resolved;
}
