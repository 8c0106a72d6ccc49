import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import { toPlainJson, type LUnknown } from '../../../../src/core/model/value';
import { at, bucketByAddress, readFixture, statements, textAt } from './testSupport';

describe('parseCloudFormation: static website (YAML, AWS docs example)', () => {
  const file = readFixture('cloudformation/static-website.yaml');
  const set = parseCloudFormation(file);

  test('declares one bucket with its policy linked through !Ref', () => {
    assert.equal(set.format, 'cloudformation');
    assert.deepEqual(set.parseProblems, []);
    assert.equal(set.buckets.length, 1);
    const bucket = bucketByAddress(set, 'S3Bucket');
    assert.equal(bucket.partial, false);
    assert.equal(bucket.resource.type, 'AWS::S3::Bucket');
    assert.equal(bucket.resource.format, 'cloudformation');
    assert.equal(textAt(file, bucket.resource.headerLoc), 'S3Bucket');
    assert.deepEqual(bucket.resource.headerLoc.range.start, { line: 8, character: 2 });
    assert.ok(textAt(file, bucket.resource.loc).startsWith('S3Bucket:\n    Type: '));
    assert.ok(textAt(file, bucket.resource.loc).endsWith('UpdateReplacePolicy: Retain'));
    assert.equal(bucket.policies.length, 1);
    assert.equal(bucket.policies[0].resource.address, 'BucketPolicy');
    assert.deepEqual(bucket.policies[0].resource.dependsOn, ['S3Bucket']);
    assert.equal(bucket.policies[0].inlineOnBucket, false);
    assert.ok(textAt(file, bucket.policies[0].loc).startsWith('PolicyDocument:\n        Id: MyPolicy'));
  });

  test('the bucket name comes from the parameter default', () => {
    assert.deepEqual(bucketByAddress(set, 'S3Bucket').bucketName, { known: true, value: 'example-website-bucket' });
  });

  test('Block Public Access flags: written ones as written, omitted ones false', () => {
    const block = bucketByAddress(set, 'S3Bucket').publicAccessBlock;
    assert.ok(block);
    assert.equal(block.scope, 'bucket');
    assert.deepEqual(block.flags, {
      blockPublicAcls: { known: true, value: false },
      ignorePublicAcls: { known: true, value: false },
      blockPublicPolicy: { known: true, value: false },
      restrictPublicBuckets: { known: true, value: false },
    });
    assert.deepEqual(Object.keys(block.flagLocs).sort(), ['blockPublicAcls', 'blockPublicPolicy']);
    assert.equal(textAt(file, block.flagLocs.blockPublicAcls!), 'BlockPublicAcls: false');
    assert.equal(textAt(file, block.flagLocs.blockPublicPolicy!), 'BlockPublicPolicy: false');
    assert.ok(textAt(file, block.loc).startsWith('PublicAccessBlockConfiguration:'));
  });

  test('statements resolve !Join, !GetAtt and !Sub over the bucket to exact ARNs, located at the expression', () => {
    const [publicRead, denyInsecure] = statements(bucketByAddress(set, 'S3Bucket').policies[0].document);
    const principal = at(publicRead, 'Principal');
    assert.equal(textAt(file, principal.loc), "'*'");
    assert.deepEqual(principal.loc.range.start, { line: 29, character: 23 });
    const resource = at(publicRead, 'Resource');
    assert.deepEqual(toPlainJson(resource), 'arn:aws:s3:::example-website-bucket/*');
    assert.ok(textAt(file, resource.loc).startsWith('!Join'));
    assert.ok(textAt(file, resource.loc).endsWith('- /*'));
    assert.deepEqual(toPlainJson(at(denyInsecure, 'Resource')), ['arn:aws:s3:::example-website-bucket', 'arn:aws:s3:::example-website-bucket/*']);
    assert.equal(textAt(file, at(denyInsecure, 'Resource', 1).loc), "!Sub '${S3Bucket.Arn}/*'");
    assert.deepEqual(toPlainJson(at(denyInsecure, 'Condition')), { Bool: { 'aws:SecureTransport': false } });
    assert.equal(textAt(file, publicRead.loc).split('\n')[0], 'Sid: PublicReadForGetBucketObjects');
  });

  test('nothing else: no ACL, ownership, logging, trails or suppressions', () => {
    const bucket = bucketByAddress(set, 'S3Bucket');
    assert.deepEqual(bucket.acls, []);
    assert.equal(bucket.ownership, undefined);
    assert.equal(bucket.logging, undefined);
    assert.deepEqual(set.trails, []);
    assert.deepEqual(set.suppressions, []);
  });

  test('with Windows line endings every location still covers the same text', () => {
    const crlf = { path: file.path, text: file.text.replace(/\n/g, '\r\n') };
    const crlfSet = parseCloudFormation(crlf);
    const bucket = bucketByAddress(crlfSet, 'S3Bucket');
    assert.equal(textAt(crlf, bucket.resource.headerLoc), 'S3Bucket');
    assert.equal(textAt(crlf, bucket.publicAccessBlock!.flagLocs.blockPublicAcls!), 'BlockPublicAcls: false');
    const principal = at(statements(bucket.policies[0].document)[0], 'Principal');
    assert.equal(textAt(crlf, principal.loc), "'*'");
    assert.deepEqual(principal.loc.range.start, { line: 29, character: 23 });
  });
});

describe('parseCloudFormation: SAM template', () => {
  const file = readFixture('cloudformation/sam-thumbnails.yaml');
  const set = parseCloudFormation(file);

  test('reads the plain AWS::S3::Bucket resources and ignores serverless ones', () => {
    assert.deepEqual(set.parseProblems, []);
    assert.deepEqual(set.buckets.map((b) => b.resource.address), ['SourceBucket', 'AccessLogsBucket']);
  });

  test('a name built from the account id is unknown, saying why', () => {
    const source = bucketByAddress(set, 'SourceBucket');
    assert.equal(source.bucketName.known, false);
    assert.match((source.bucketName as { reason: string }).reason, /account id known at deploy/);
    assert.deepEqual(bucketByAddress(set, 'AccessLogsBucket').bucketName, { known: false, reason: 'generated at deploy' });
  });

  test('logging, ownership and the reference to the log bucket', () => {
    const source = bucketByAddress(set, 'SourceBucket');
    assert.ok(source.logging);
    assert.equal(source.logging.targetBucketAddress, 'AccessLogsBucket');
    assert.equal(source.logging.targetBucket.known, false);
    assert.deepEqual(source.logging.targetPrefix, { known: true, value: 'source/' });
    assert.equal(source.logging.inlineOnBucket, true);
    assert.ok(textAt(file, source.logging.loc).startsWith('LoggingConfiguration:'));
    assert.deepEqual(source.resource.dependsOn, ['AccessLogsBucket']);
    assert.deepEqual(source.ownership?.value, { known: true, value: 'BucketOwnerEnforced' });
    assert.equal(textAt(file, source.ownership!.loc), 'ObjectOwnership: BucketOwnerEnforced');
    assert.deepEqual(bucketByAddress(set, 'AccessLogsBucket').ownership?.value, { known: true, value: 'BucketOwnerPreferred' });
    assert.equal(bucketByAddress(set, 'AccessLogsBucket').logging, undefined);
  });
});

describe('parseCloudFormation: every short-form tag', () => {
  const file = readFixture('cloudformation/all-short-forms.yaml');
  const set = parseCloudFormation(file);
  const bucket = bucketByAddress(set, 'Bucket');
  const [partner, roleUploads, sameEitherWay] = statements(bucket.policies[0].document);

  test('parses without problems', () => {
    assert.deepEqual(set.parseProblems, []);
    assert.equal(set.buckets.length, 1);
  });

  test('!Join over !FindInMap keyed by a parameter default resolves the name', () => {
    assert.deepEqual(bucket.bucketName, { known: true, value: 'assets-live' });
  });

  test('!If on a condition decided by parameter defaults takes that branch (IsProd: Env defaults to prod)', () => {
    const aws = at(partner, 'Principal', 'AWS');
    assert.equal(aws.kind, 'unknown');
    assert.match((aws as { reason: string }).reason, /Partner has no default/);
    assert.equal(textAt(file, aws.loc), "!Sub 'arn:${AWS::Partition}:iam::${Partner}:root'");
  });

  test('!Sub with a variable map, ${!Literal} and ${X.Arn}', () => {
    assert.deepEqual(toPlainJson(at(partner, 'Resource')), 'arn:aws:s3:::assets-live/*');
    assert.deepEqual(toPlainJson(at(roleUploads, 'Resource')), 'arn:aws:s3:::assets-live/uploads/${literal}');
  });

  test('!GetAtt of a role is unknown with the shape of a role ARN; of a bucket it is its ARN', () => {
    const role = at(roleUploads, 'Principal', 'AWS') as LUnknown;
    assert.equal(role.kind, 'unknown');
    assert.equal(role.partial, 'arn:${?}:iam::${?}:role/${?}');
    assert.match(role.reason, /ARN of Role/);
    assert.equal(textAt(file, role.loc), '!GetAtt [Role, Arn]');
    assert.deepEqual(toPlainJson(at(sameEitherWay, 'Resource')), 'arn:aws:s3:::assets-live');
  });

  test('!If whose branches are equal is that value', () => {
    assert.deepEqual(toPlainJson(at(sameEitherWay, 'Effect')), 'Deny');
  });

  test('the policy depends on the bucket and on the role it names', () => {
    assert.deepEqual(bucket.policies[0].resource.dependsOn, ['Bucket', 'Role']);
  });
});

describe('parseCloudFormation: malformed YAML', () => {
  test('yields one parse problem with the line and column, and nothing else', () => {
    const file = readFixture('cloudformation/malformed.yaml');
    const set = parseCloudFormation(file);
    assert.equal(set.parseProblems.length, 1);
    assert.match(set.parseProblems[0].message, /line \d+, column \d+/);
    assert.equal(set.parseProblems[0].loc.file, file.path);
    assert.equal(set.parseProblems[0].loc.range.start.line, 6);
    assert.deepEqual(set.buckets, []);
  });

  test('a template that is not a mapping is a parse problem', () => {
    const set = parseCloudFormation({ path: 't.yaml', text: '- just\n- a list\n' });
    assert.equal(set.parseProblems.length, 1);
    assert.deepEqual(set.buckets, []);
  });

  test('several YAML documents in one file are a parse problem', () => {
    const set = parseCloudFormation({ path: 't.yaml', text: 'Resources: {}\n---\nResources: {}\n' });
    assert.equal(set.parseProblems.length, 1);
  });
});

describe('parseCloudFormation: YAML comment suppressions', () => {
  const file = readFixture('cloudformation/comment-suppressions.yaml');
  const set = parseCloudFormation(file);

  test('an own-line comment covers the element that follows, with all its content', () => {
    const [logging, read] = set.suppressions;
    assert.equal(logging.ruleId, 'S3-LOGGING-MISSING');
    assert.equal(logging.reason, 'Logs for this bucket are not needed');
    assert.equal(textAt(file, logging.loc), '# s3-security-review:ignore S3-LOGGING-MISSING Logs for this bucket are not needed');
    assert.equal(textAt(file, logging.appliesTo), 'ScratchBucket:\n    Type: AWS::S3::Bucket');
    assert.equal(read.ruleId, 'S3-PUBLIC-READ');
    assert.equal(read.reason, 'Static assets are public on purpose');
    const statement = statements(bucketByAddress(set, 'ScratchBucket').policies[0].document)[0];
    assert.equal(read.appliesTo.range.startOffset, statement.loc.range.startOffset);
    assert.equal(read.appliesTo.range.endOffset, statement.loc.range.endOffset);
  });

  test('a trailing comment covers its line; without a reason it is kept with an empty reason', () => {
    const trailing = set.suppressions[2];
    assert.equal(trailing.ruleId, 'S3-PUBLIC-WRITE');
    assert.equal(trailing.reason, '');
    assert.equal(textAt(file, trailing.appliesTo), "            Principal: '*' # s3-security-review:ignore S3-PUBLIC-WRITE");
  });

  test('the marker inside a string is not a comment', () => {
    assert.equal(set.suppressions.length, 3);
  });
});
