import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { advancedSelectorCoverage, basicSelectorCoverage, trailSelectorCoverage } from '../../../src/core/posture/trailSelectors';

const objects = { Type: 'AWS::S3::Object' };

describe('basic event selectors', () => {
  const cases: Array<[string[], string, 'all' | 'some' | 'none']> = [
    [['arn:aws:s3'], 'any-bucket', 'all'],
    [['arn:aws:s3:::'], 'any-bucket', 'all'],
    [['arn:aws:s3:::logs/'], 'logs', 'all'],
    [['arn:aws:s3:::logs/'], 'logs-archive', 'none'],
    [['arn:aws:s3:::logs/uploads/'], 'logs', 'some'],
    [['arn:aws:s3:::other/'], 'logs', 'none'],
    [['arn:aws:s3:::other/', 'arn:aws:s3:::logs/x'], 'logs', 'some'],
  ];
  for (const [values, bucket, expected] of cases) {
    test(`${values.join(', ')} covers ${expected} of ${bucket}`, () => {
      const coverage = basicSelectorCoverage({ ReadWriteType: 'All', DataResources: [{ ...objects, Values: values }] }, bucket);
      assert.equal(coverage.read, expected);
      assert.equal(coverage.write, expected);
    });
  }

  test('ReadWriteType narrows to reads or writes; the default is All', () => {
    const resources = [{ ...objects, Values: ['arn:aws:s3'] }];
    assert.deepEqual(pick(basicSelectorCoverage({ ReadWriteType: 'ReadOnly', DataResources: resources }, 'b')), ['all', 'none']);
    assert.deepEqual(pick(basicSelectorCoverage({ ReadWriteType: 'WriteOnly', DataResources: resources }, 'b')), ['none', 'all']);
    assert.deepEqual(pick(basicSelectorCoverage({ DataResources: resources }, 'b')), ['all', 'all']);
  });

  test('other resource types (Lambda, DynamoDB) do not cover S3', () => {
    const coverage = basicSelectorCoverage({ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }, 'b');
    assert.deepEqual(pick(coverage), ['none', 'none']);
  });

  test('other partitions are matched by their own ARN prefix', () => {
    const coverage = basicSelectorCoverage({ ReadWriteType: 'All', DataResources: [{ ...objects, Values: ['arn:aws-cn:s3:::b/'] }] }, 'b', 'aws-cn');
    assert.deepEqual(pick(coverage), ['all', 'all']);
    assert.deepEqual(pick(basicSelectorCoverage({ ReadWriteType: 'All', DataResources: [{ ...objects, Values: ['arn:aws-cn:s3:::b/'] }] }, 'b')), ['none', 'none']);
  });
});

describe('advanced event selectors', () => {
  const s3Data = [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
  ];

  test('every S3 object event', () => {
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: s3Data }, 'b')), ['all', 'all']);
  });

  test('resources.ARN StartsWith a bucket, a prefix inside it, or another bucket', () => {
    const arn = (operator: string, value: string) => advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'resources.ARN', [operator]: [value] }] }, 'audited');
    assert.deepEqual(pick(arn('StartsWith', 'arn:aws:s3:::audited/')), ['all', 'all']);
    assert.deepEqual(pick(arn('StartsWith', 'arn:aws:s3:::audited/secret/')), ['some', 'some']);
    assert.deepEqual(pick(arn('StartsWith', 'arn:aws:s3:::other/')), ['none', 'none']);
    assert.deepEqual(pick(arn('Equals', 'arn:aws:s3:::audited/one.txt')), ['some', 'some']);
    assert.deepEqual(pick(arn('NotStartsWith', 'arn:aws:s3:::audited/')), ['none', 'none']);
    assert.deepEqual(pick(arn('NotStartsWith', 'arn:aws:s3:::other/')), ['all', 'all']);
    assert.deepEqual(pick(arn('NotStartsWith', 'arn:aws:s3:::audited/tmp/')), ['some', 'some']);
    assert.deepEqual(pick(arn('NotEquals', 'arn:aws:s3:::other/x')), ['all', 'all']);
    assert.deepEqual(pick(arn('EndsWith', '.pdf')), ['some', 'some']);
  });

  test('readOnly Equals true / false', () => {
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'readOnly', Equals: ['true'] }] }, 'b')), ['all', 'none']);
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'readOnly', Equals: ['false'] }] }, 'b')), ['none', 'all']);
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'readOnly', NotEquals: ['true'] }] }, 'b')), ['none', 'all']);
  });

  test('management events, or other resource types, record no S3 data events', () => {
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }, 'b')), ['none', 'none']);
    const lambda = [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }];
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: lambda }, 'b')), ['none', 'none']);
  });

  test('narrowing by event name or caller records only some events; an unknown field is undecided', () => {
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'eventName', Equals: ['GetObject'] }] }, 'b')), ['some', 'some']);
    assert.deepEqual(pick(advancedSelectorCoverage({ FieldSelectors: [...s3Data, { Field: 'someFutureField', Equals: ['x'] }] }, 'b')), ['unknown', 'unknown']);
  });

  test('a trail’s selectors are OR-ed; advanced ones replace basic ones', () => {
    const coverage = trailSelectorCoverage(
      {
        advanced: [
          { Name: 'reads of a', FieldSelectors: [...s3Data, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::a/'] }, { Field: 'readOnly', Equals: ['true'] }] },
          { Name: 'writes of a prefix', FieldSelectors: [...s3Data, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::a/in/'] }, { Field: 'readOnly', Equals: ['false'] }] },
          { Name: 'lambda', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] }] },
        ],
      },
      'a',
    );
    assert.equal(coverage.read, 'all');
    assert.equal(coverage.write, 'some');
    assert.match(coverage.description, /reads of a/);
    assert.doesNotMatch(coverage.description, /lambda/);
  });
});

function pick(coverage: { read: string; write: string }): [string, string] {
  return [coverage.read, coverage.write];
}
