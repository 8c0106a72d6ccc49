import fc from 'fast-check';
import type { SourceLocation } from '../../../src/core/model/location';
import type { LValue } from '../../../src/core/model/value';

/** Random located trees, biased towards policy-shaped corners, for never-throws properties. */
export const LOC: SourceLocation = { file: 'g.json', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, startOffset: 0, endOffset: 1 } };

/** Words that steer random trees into policy-shaped corners. */
const WORDS = [
  'Statement', 'Effect', 'Allow', 'Deny', 'Principal', 'NotPrincipal', 'AWS', 'Service', 'Federated', 'CanonicalUser',
  'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Sid', '*', '?', 's3:*', 's3:Get*', 's3:GetObject',
  's3:PutBucketPolicy', 'arn:aws:s3:::site', 'arn:aws:s3:::site/*', 'arn:aws:s3:::${?}/*', '${?}', '${aws:username}',
  'arn:aws:iam::222222222222:root', '222222222222', 'arn:aws:iam::*:root', 'StringEquals', 'StringNotEquals',
  'StringLike', 'ForAllValues:StringEquals', 'ForAnyValue:StringLike', 'IpAddress', 'NotIpAddress', 'ArnLike',
  'StringEqualsIfExists', 'Null', 'Bool', 'aws:SourceVpce', 'aws:SourceIp', 'aws:PrincipalOrgID', 'aws:Referer',
  'aws:userid', 's3:DataAccessPointArn', '0.0.0.0/0', '10.0.0.0/8', '::/0', 'vpce-1', 'o-abc/*', '',
];

export const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }));

export const located = fc.letrec<{ value: LValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word.map((value): LValue => ({ kind: 'string', value, loc: LOC })),
    fc.double().map((value): LValue => ({ kind: 'number', value, loc: LOC })),
    fc.boolean().map((value): LValue => ({ kind: 'boolean', value, loc: LOC })),
    fc.constant<LValue>({ kind: 'null', loc: LOC }),
    fc.option(word, { nil: undefined }).map((partial): LValue => ({ kind: 'unknown', reason: 'r', partial, loc: LOC })),
    fc.array(tie('value'), { maxLength: 4 }).map((items): LValue => ({ kind: 'array', items, loc: LOC })),
    fc
      .array(fc.tuple(word, tie('value')), { maxLength: 5 })
      .map((pairs): LValue => ({ kind: 'object', entries: pairs.map(([key, value]) => ({ key, keyLoc: LOC, value })), loc: LOC })),
  ),
})).value;

/** A document with a Statement list of random statements, so the deep paths are reached often. */
export const policyShaped = fc
  .array(
    fc.array(fc.tuple(fc.constantFrom(...WORDS), located), { maxLength: 7 }).map(
      (pairs): LValue => ({ kind: 'object', entries: pairs.map(([key, value]) => ({ key, keyLoc: LOC, value })), loc: LOC }),
    ),
    { maxLength: 4 },
  )
  .map((statements): LValue => ({
    kind: 'object',
    entries: [{ key: 'Statement', keyLoc: LOC, value: { kind: 'array', items: statements, loc: LOC } }],
    loc: LOC,
  }));

