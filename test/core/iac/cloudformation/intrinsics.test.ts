import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import type { LUnknown, LValue } from '../../../../src/core/model/value';
import { at, bucketByAddress, textAt } from './testSupport';

/** Resolves `expressions` (YAML, one per line as `Name: <expression>`) inside a policy document of a small template. */
function resolveAll(expressions: string, extra = ''): { values: LValue; text: string } {
  const text = `Parameters:
  NoDefault: { Type: String }
  Env: { Type: String, Default: prod }
  Port: { Type: Number, Default: 8080 }
  Names: { Type: CommaDelimitedList, Default: 'a, b,c' }
  Latest: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /config/version }
Mappings:
  Regions:
    prod: { Name: live }
Resources:
  Named:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: named-bucket
  Unnamed:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
${extra}  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Named
      PolicyDocument:
        Values:
${expressions
  .trim()
  .split('\n')
  .map((line) => `          ${line}`)
  .join('\n')}
`;
  const set = parseCloudFormation({ path: 'intrinsics.yaml', text });
  assert.deepEqual(set.parseProblems, []);
  return { values: at(bucketByAddress(set, 'Named').policies[0].document, 'Values'), text };
}

function unknownAt(values: LValue, key: string): LUnknown {
  const value = at(values, key);
  assert.equal(value.kind, 'unknown', `${key} should be unknown`);
  return value as LUnknown;
}

function stringAt(values: LValue, key: string): string {
  const value = at(values, key);
  assert.equal(value.kind, 'string', `${key} should be a string, is ${value.kind}`);
  return (value as { value: string }).value;
}

describe('intrinsic resolution', () => {
  test('pseudo parameters are unknown with a reason; AWS::Partition is not assumed to be aws', () => {
    const { values } = resolveAll(`
Account: !Ref AWS::AccountId
Region: !Ref AWS::Region
Partition: !Ref AWS::Partition
Stack: !Ref AWS::StackName`);
    assert.equal(unknownAt(values, 'Account').reason, 'account id known at deploy');
    assert.equal(unknownAt(values, 'Account').partial, '${?}');
    assert.match(unknownAt(values, 'Region').reason, /region/);
    assert.match(unknownAt(values, 'Partition').reason, /partition/);
    assert.match(unknownAt(values, 'Stack').reason, /stack name/);
  });

  test('own-account ARNs keep their shape and say the account id is known at deploy', () => {
    const { values } = resolveAll(`Root: !Sub 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root'`);
    const root = unknownAt(values, 'Root');
    assert.equal(root.partial, 'arn:${?}:iam::${?}:root');
    assert.match(root.reason, /account id known at deploy/);
  });

  test('parameters: default, none, number, list, SSM', () => {
    const { values, text } = resolveAll(`
Env: !Ref Env
NoDefault: !Ref NoDefault
Port: !Ref Port
Names: !Ref Names
Latest: !Ref Latest`);
    assert.equal(stringAt(values, 'Env'), 'prod');
    assert.equal(textAt(text, at(values, 'Env').loc), '!Ref Env');
    assert.equal(unknownAt(values, 'NoDefault').reason, 'parameter NoDefault has no default');
    assert.equal(stringAt(values, 'Port'), '8080');
    const names = at(values, 'Names');
    assert.equal(names.kind, 'array');
    assert.deepEqual((names as { items: Array<{ value: string }> }).items.map((item) => item.value), ['a', 'b', 'c']);
    assert.match(unknownAt(values, 'Latest').reason, /SSM/);
  });

  test('resources: a bucket Ref is its name when it has a literal one; other resources are unknown', () => {
    const { values } = resolveAll(`
Named: !Ref Named
NamedArn: !GetAtt Named.Arn
Unnamed: !Ref Unnamed
UnnamedArn: !GetAtt [Unnamed, Arn]
Domain: !GetAtt Named.DomainName
Queue: !Ref Queue
QueueArn: !GetAtt Queue.Arn
Missing: !Ref Nowhere
MissingAtt: !GetAtt Nowhere.Arn`);
    assert.equal(stringAt(values, 'Named'), 'named-bucket');
    assert.equal(stringAt(values, 'NamedArn'), 'arn:aws:s3:::named-bucket');
    assert.match(unknownAt(values, 'Unnamed').reason, /Unnamed generated at deploy/);
    assert.equal(unknownAt(values, 'UnnamedArn').partial, 'arn:aws:s3:::${?}');
    assert.match(unknownAt(values, 'Domain').reason, /Fn::GetAtt Named\.DomainName/);
    assert.match(unknownAt(values, 'Queue').reason, /Ref Queue/);
    assert.equal(unknownAt(values, 'QueueArn').partial, '${?}');
    assert.match(unknownAt(values, 'Missing').reason, /declares no such/);
    assert.match(unknownAt(values, 'MissingAtt').reason, /declares no such/);
  });

  test('Fn::Sub and Fn::Join splice partial values and fail on non-strings', () => {
    const { values } = resolveAll(`
Sub: !Sub 'arn:aws:s3:::\${Unnamed}/\${Env}/*'
SubVars: !Sub ['\${A}-\${B}', { A: !Ref Env, B: literal }]
Join: !Join ['', ['arn:aws:s3:::', !GetAtt Unnamed.Arn, '/x']]
JoinObject: !Join ['', [a, { b: c }]]
JoinUnknownList: !Join [',', !GetAZs '']
Escaped: !Sub '\${!NotAVariable}'`);
    assert.equal(unknownAt(values, 'Sub').partial, 'arn:aws:s3:::${?}/prod/*');
    assert.equal(stringAt(values, 'SubVars'), 'prod-literal');
    assert.equal(unknownAt(values, 'Join').partial, 'arn:aws:s3:::arn:aws:s3:::${?}/x');
    assert.match(unknownAt(values, 'JoinObject').reason, /mapping/);
    assert.match(unknownAt(values, 'JoinUnknownList').reason, /Fn::GetAZs/);
    assert.equal(stringAt(values, 'Escaped'), '${NotAVariable}');
  });

  test('Fn::Select, Fn::Split, Fn::FindInMap with literal arguments; unknown otherwise', () => {
    const { values } = resolveAll(`
Select: !Select [1, [x, y, z]]
SelectPast: !Select [5, [x]]
Split: !Select [2, !Split ['/', 'a/b/c']]
Find: !FindInMap [Regions, !Ref Env, Name]
FindMissing: !FindInMap [Regions, dev, Name]
FindUnknown: !FindInMap [Regions, !Ref NoDefault, Name]`);
    assert.equal(stringAt(values, 'Select'), 'y');
    assert.match(unknownAt(values, 'SelectPast').reason, /past the end/);
    assert.equal(stringAt(values, 'Split'), 'c');
    assert.equal(stringAt(values, 'Find'), 'live');
    assert.match(unknownAt(values, 'FindMissing').reason, /not in Mappings/);
    assert.match(unknownAt(values, 'FindUnknown').reason, /NoDefault/);
  });

  test('functions evaluated only at deploy are unknown and named', () => {
    const { values } = resolveAll(`
Base64: !Base64 abc
Import: !ImportValue Shared
Azs: !GetAZs ''
Cidr: !Cidr ['10.0.0.0/16', 2, 8]
Transform: !Transform { Name: 'AWS::Include', Parameters: { Location: s3://b/k } }
Length: !Length [a, b]`);
    for (const [key, name] of [
      ['Base64', 'Fn::Base64'],
      ['Import', 'Fn::ImportValue'],
      ['Azs', 'Fn::GetAZs'],
      ['Cidr', 'Fn::Cidr'],
      ['Transform', 'Fn::Transform'],
      ['Length', 'Fn::Length'],
    ]) {
      assert.ok(unknownAt(values, key).reason.includes(name), `${key}: ${unknownAt(values, key).reason}`);
    }
  });

  test('AWS::NoValue removes the entry or the list item', () => {
    const { values } = resolveAll(`
Gone: !Ref AWS::NoValue
List: [a, !Ref AWS::NoValue, b]`);
    assert.equal(values.kind === 'object' && values.entries.some((entry) => entry.key === 'Gone'), false);
    assert.deepEqual((at(values, 'List') as { items: Array<{ value: string }> }).items.map((item) => item.value), ['a', 'b']);
  });

  test('bucket names that refer to each other are unknown, not an endless loop', () => {
    const text = `Resources:
  First:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub '\${Second}-a'
  Second:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Join ['-', [!Ref First, b]]
`;
    const set = parseCloudFormation({ path: 'cycle.yaml', text });
    assert.equal(set.buckets.length, 2);
    for (const bucket of set.buckets) assert.equal(bucket.bucketName.known, false);
    assert.deepEqual(bucketByAddress(set, 'First').resource.dependsOn, ['Second']);
  });

  test('deeply nested intrinsics do not overflow: too deep to evaluate, or too deep to parse', () => {
    const template = (depth: number): string =>
      `{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": ${'{ "Fn::Join": ["", ['.repeat(depth)}"x"${']]}'.repeat(depth)}}}}}`;
    const evaluable = parseCloudFormation({ path: 'deep.json', text: template(20) });
    assert.deepEqual(evaluable.buckets[0].bucketName, { known: true, value: 'x' });
    const tooDeepToEvaluate = parseCloudFormation({ path: 'deep.json', text: template(150) });
    assert.deepEqual(tooDeepToEvaluate.buckets[0].bucketName, { known: false, reason: 'nested too deeply to evaluate' });
    const tooDeepToParse = parseCloudFormation({ path: 'deep.json', text: template(300) });
    assert.equal(tooDeepToParse.parseProblems.length, 1);
    assert.match(tooDeepToParse.parseProblems[0].message, /Nesting deeper/);
  });
});
