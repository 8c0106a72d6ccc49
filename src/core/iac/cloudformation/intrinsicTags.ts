import type { CollectionTag, ScalarTag } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!Sub '…'`, `!GetAtt A.Arn`, …). Each is registered
 * for scalars, sequences and mappings so the document parses whatever shape the argument has;
 * the lowering then rewrites `!Name arg` to the long form `{ "Fn::Name": arg }` (`Ref`/`Condition`
 * keep their bare names), so one resolver handles YAML and JSON templates alike.
 */
const SHORT_FORM_NAMES = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Equals',
  'Not',
  'And',
  'Or',
  'Base64',
  'Cidr',
  'GetAZs',
  'Transform',
  'Length',
  'ToJsonString',
] as const;

/** `!Sub` → `Fn::Sub`, `!Ref` → `Ref`. */
export function longFormOfTag(tag: string | undefined): string | undefined {
  if (!tag || !tag.startsWith('!')) return undefined;
  const name = tag.slice(1);
  if (!(SHORT_FORM_NAMES as readonly string[]).includes(name)) return undefined;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function keepAsParsed<T>(value: T): T {
  return value;
}

export const intrinsicTags: Array<ScalarTag | CollectionTag> = SHORT_FORM_NAMES.flatMap((name): Array<ScalarTag | CollectionTag> => [
  { tag: `!${name}`, resolve: keepAsParsed },
  { tag: `!${name}`, collection: 'seq', resolve: keepAsParsed },
  { tag: `!${name}`, collection: 'map', resolve: keepAsParsed },
]);
