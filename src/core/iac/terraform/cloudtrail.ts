import type { DeclaredResource, TrailDeclaration } from '../../model/bucket';
import type { Resolvable } from '../../model/value';
import type { Evaluator } from './evaluate';
import { resolveString } from './lvalues';
import { referencedAddress, traversalsIn } from './references';
import { attributeOf, blocksOf, type HclBlock, type HclExpression, type HclFile } from './syntaxTree';

type Selector = TrailDeclaration['s3DataSelectors'][number];

const S3_OBJECT = 'AWS::S3::Object';

/** `arn:aws:s3` and `arn:aws:s3:::` select the data events of every bucket (CloudTrail DataResource docs). */
function selectsAllBuckets(value: string): boolean {
  return /^arn:[^:]+:s3(?::::?)?$/.test(value);
}

/** S3 data-event coverage of an aws_cloudtrail: basic `event_selector` and `advanced_event_selector` blocks. */
export function readTrail(evaluator: Evaluator, resource: DeclaredResource, block: HclBlock, file: HclFile): TrailDeclaration {
  const nameAttribute = attributeOf(block.body, 'name');
  const name = resolveString(nameAttribute ? evaluator.lower(nameAttribute.value, file) : undefined, 'no name is written');
  const s3DataSelectors: Selector[] = [];
  for (const selector of blocksOf(block.body, 'event_selector')) {
    const readWriteAttribute = attributeOf(selector.body, 'read_write_type');
    const readWrite = readWriteAttribute ? asReadWrite(resolveString(evaluator.lower(readWriteAttribute.value, file))) : 'All';
    for (const dataResource of blocksOf(selector.body, 'data_resource')) {
      const type = attributeOf(dataResource.body, 'type');
      const typeValue = type ? resolveString(evaluator.lower(type.value, file)) : undefined;
      if (!typeValue?.known || typeValue.value !== S3_OBJECT) continue;
      const values = attributeOf(dataResource.body, 'values');
      s3DataSelectors.push({
        ...bucketsOf(evaluator, values?.value, file, false),
        readWrite,
        loc: file.lines.location(file.path, dataResource.span.start, dataResource.span.end),
      });
    }
  }
  for (const advanced of blocksOf(block.body, 'advanced_event_selector')) {
    const selector = readAdvancedSelector(evaluator, advanced, file);
    if (selector) s3DataSelectors.push(selector);
  }
  return { resource, name, s3DataSelectors };
}

function readAdvancedSelector(evaluator: Evaluator, block: HclBlock, file: HclFile): Selector | undefined {
  const fields = new Map<string, HclBlock>();
  for (const fieldSelector of blocksOf(block.body, 'field_selector')) {
    const field = attributeOf(fieldSelector.body, 'field');
    const fieldName = field ? resolveString(evaluator.lower(field.value, file)) : undefined;
    if (fieldName?.known) fields.set(fieldName.value, fieldSelector);
  }
  const listOf = (field: string, operator: string): string[] | 'unknown' | undefined => {
    const selector = fields.get(field);
    const attribute = selector ? attributeOf(selector.body, operator) : undefined;
    if (!attribute) return undefined;
    const value = evaluator.lower(attribute.value, file);
    if (value.kind !== 'array') return 'unknown';
    const strings = value.items.map((item) => resolveString(item));
    return strings.every((item) => item.known) ? strings.map((item) => (item.known ? item.value : '')) : 'unknown';
  };
  const category = listOf('eventCategory', 'equals');
  if (Array.isArray(category) && !category.includes('Data')) return undefined;
  const types = listOf('resources.type', 'equals');
  if (!Array.isArray(types) || !types.includes(S3_OBJECT)) return undefined;

  const loc = file.lines.location(file.path, block.span.start, block.span.end);
  const readOnly = listOf('readOnly', 'equals');
  const readWrite: Selector['readWrite'] =
    readOnly === undefined ? 'All' : readOnly === 'unknown' || readOnly.length !== 1 ? 'unknown' : readOnly[0] === 'true' ? 'ReadOnly' : readOnly[0] === 'false' ? 'WriteOnly' : 'unknown';

  const arnSelector = fields.get('resources.ARN');
  if (!arnSelector) return { buckets: 'all', bucketAddresses: [], readWrite, loc };
  const excluding = ['not_equals', 'not_starts_with', 'not_ends_with', 'ends_with'].find((operator) => attributeOf(arnSelector.body, operator));
  const including = attributeOf(arnSelector.body, 'starts_with') ?? attributeOf(arnSelector.body, 'equals');
  const selected = bucketsOf(evaluator, including?.value, file, true);
  if (excluding) {
    // Exclusions cannot be written as a list of prefixes: which buckets remain is not known here.
    const buckets: Selector['buckets'] = [{ known: false, reason: `the selector narrows resources.ARN with ${excluding}` }];
    return { buckets, bucketAddresses: selected.bucketAddresses, readWrite, loc };
  }
  return { ...selected, readWrite, loc };
}

function bucketsOf(
  evaluator: Evaluator,
  expression: HclExpression | undefined,
  file: HclFile,
  prefixesMayBeAll: boolean,
): Pick<Selector, 'buckets' | 'bucketAddresses'> {
  const bucketAddresses = expression
    ? [...new Set(traversalsIn(expression).map(referencedAddress).filter((address): address is string => address?.startsWith('aws_s3_bucket.') ?? false))]
    : [];
  if (!expression) return { buckets: [], bucketAddresses };
  const value = evaluator.lower(expression, file);
  if (value.kind !== 'array') return { buckets: [{ known: false, reason: value.kind === 'unknown' ? value.reason : 'values is not a list' }], bucketAddresses };
  const buckets: Array<Resolvable<string>> = value.items.map((item) => resolveString(item));
  if (buckets.some((bucket) => bucket.known && (selectsAllBuckets(bucket.value) || (prefixesMayBeAll && bucket.value === 'arn:aws:s3:::')))) {
    return { buckets: 'all', bucketAddresses };
  }
  return { buckets, bucketAddresses };
}

function asReadWrite(value: Resolvable<string>): Selector['readWrite'] {
  if (!value.known) return 'unknown';
  return value.value === 'All' || value.value === 'ReadOnly' || value.value === 'WriteOnly' ? value.value : 'unknown';
}
