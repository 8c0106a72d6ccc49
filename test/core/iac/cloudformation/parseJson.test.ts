import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import { toPlainJson, type LUnknown } from '../../../../src/core/model/value';
import { at, bucketByAddress, readFixture, statements, textAt } from './testSupport';

describe('parseCloudFormation: JSON template with ACL, logging to itself, trails and Metadata suppressions', () => {
  const file = readFixture('cloudformation/downloads-and-trails.json');
  const set = parseCloudFormation(file);
  const downloads = bucketByAddress(set, 'DownloadsBucket');

  test('AccessControl PublicRead is the canned public-read ACL, inline on the bucket', () => {
    assert.deepEqual(set.parseProblems, []);
    assert.equal(downloads.acls.length, 1);
    const acl = downloads.acls[0];
    assert.deepEqual(acl.canned?.value, { known: true, value: 'public-read' });
    assert.equal(textAt(file, acl.canned!.loc), '"AccessControl": "PublicRead"');
    assert.equal(acl.inlineOnBucket, true);
    assert.deepEqual(acl.grants, []);
    assert.equal(acl.resource.address, 'DownloadsBucket');
    assert.deepEqual(bucketByAddress(set, 'TrailBucket').acls[0].canned?.value, { known: true, value: 'log-delivery-write' });
  });

  test('a name from a parameter without default is unknown', () => {
    assert.deepEqual(downloads.bucketName, { known: false, reason: 'parameter Env has no default' });
    assert.equal(textAt(file, downloads.resource.headerLoc), '"DownloadsBucket"');
  });

  test('ObjectWriter ownership is located at its entry', () => {
    assert.deepEqual(downloads.ownership?.value, { known: true, value: 'ObjectWriter' });
    assert.equal(textAt(file, downloads.ownership!.loc), '"ObjectOwnership": "ObjectWriter"');
  });

  test('LoggingConfiguration without a destination logs to the bucket itself', () => {
    assert.ok(downloads.logging);
    assert.equal(downloads.logging.targetBucketAddress, 'DownloadsBucket');
    assert.deepEqual(downloads.logging.targetBucket, downloads.bucketName);
    assert.equal(textAt(file, downloads.logging.loc), '"LoggingConfiguration": {}');
  });

  test('Metadata suppressions cover the whole resource; one without a reason keeps an empty reason', () => {
    assert.equal(set.suppressions.length, 2);
    const [read, self] = set.suppressions;
    assert.deepEqual([read.ruleId, read.reason], ['S3-PUBLIC-READ', 'Public downloads by design']);
    assert.deepEqual([self.ruleId, self.reason], ['S3-LOGGING-TO-SELF', '']);
    assert.deepEqual(read.appliesTo, downloads.resource.loc);
    assert.equal(textAt(file, read.loc), '{"rule": "S3-PUBLIC-READ", "reason": "Public downloads by design"}');
  });

  test('the trail bucket policy: literal, partial and conditional values', () => {
    const trailBucket = bucketByAddress(set, 'TrailBucket');
    assert.deepEqual(trailBucket.bucketName, { known: true, value: 'audit-trail-logs-111122223333' });
    const [aclCheck, write, partner] = statements(trailBucket.policies[0].document);
    assert.deepEqual(toPlainJson(at(aclCheck, 'Resource')), 'arn:aws:s3:::audit-trail-logs-111122223333');
    const writeResource = at(write, 'Resource') as LUnknown;
    assert.equal(writeResource.kind, 'unknown');
    assert.equal(writeResource.partial, 'arn:${?}:s3:::audit-trail-logs-111122223333/AWSLogs/${?}/*');
    assert.match(writeResource.reason, /partition known at deploy/);
    assert.match(writeResource.reason, /account id known at deploy/);
    const partnerPrincipal = at(partner, 'Principal', 'AWS') as LUnknown;
    assert.equal(partnerPrincipal.kind, 'unknown');
    assert.match(partnerPrincipal.reason, /condition IsProd/);
    assert.equal(textAt(file, partnerPrincipal.loc), '{"Fn::If": ["IsProd", "arn:aws:iam::444455556666:root", "*"]}');
    // Fn::Select over a CommaDelimitedList parameter default.
    assert.deepEqual(toPlainJson(at(partner, 'Resource')), 'arn:aws:s3:::audit-trail-logs-111122223333/public/*');
  });

  test('trails: basic selectors, advanced selectors, a trail that is not logging', () => {
    assert.deepEqual(set.trails.map((trail) => trail.resource.address), ['DownloadsTrail', 'AllBucketsTrail', 'StoppedTrail']);
    const [downloadsTrail, allBuckets, stopped] = set.trails;
    assert.deepEqual(downloadsTrail.name, { known: true, value: 'downloads-audit' });
    assert.equal(downloadsTrail.s3DataSelectors.length, 1);
    const selector = downloadsTrail.s3DataSelectors[0];
    assert.equal(selector.readWrite, 'WriteOnly');
    assert.deepEqual(selector.bucketAddresses, ['DownloadsBucket']);
    assert.ok(Array.isArray(selector.buckets) && selector.buckets.length === 1 && !selector.buckets[0].known);
    assert.ok(textAt(file, selector.loc).startsWith('{\n            "ReadWriteType": "WriteOnly"'));
    assert.deepEqual(downloadsTrail.resource.dependsOn, ['TrailBucketPolicy', 'TrailBucket', 'DownloadsBucket']);

    assert.deepEqual(allBuckets.name, { known: false, reason: 'generated at deploy' });
    assert.deepEqual(allBuckets.resource.dependsOn, ['TrailBucketPolicy', 'TrailBucket']);
    assert.equal(allBuckets.s3DataSelectors.length, 2);
    assert.equal(allBuckets.s3DataSelectors[0].buckets, 'all');
    assert.equal(allBuckets.s3DataSelectors[0].readWrite, 'WriteOnly');
    assert.equal(allBuckets.s3DataSelectors[1].readWrite, 'ReadOnly');
    assert.deepEqual(allBuckets.s3DataSelectors[1].bucketAddresses, ['TrailBucket']);
    assert.ok(Array.isArray(allBuckets.s3DataSelectors[1].buckets));

    assert.deepEqual(stopped.s3DataSelectors, []);
  });
});

describe('parseCloudFormation: CDK synthesized template', () => {
  const file = readFixture('cloudformation/cdk.out/WebsiteStack.template.json');
  const set = parseCloudFormation(file);
  const bucket = bucketByAddress(set, 'SiteBucket397A1860');

  test('one generated-name bucket with its policy, BPA half on', () => {
    assert.deepEqual(set.parseProblems, []);
    assert.equal(set.buckets.length, 1);
    assert.deepEqual(bucket.bucketName, { known: false, reason: 'generated at deploy' });
    assert.equal(bucket.policies.length, 1);
    assert.equal(bucket.policies[0].resource.address, 'SiteBucketPolicy3AC1D0F8');
    assert.deepEqual(bucket.policies[0].resource.dependsOn, ['SiteBucket397A1860', 'CustomS3AutoDeleteObjectsCustomResourceProviderRole3B1BD092']);
    const flags = bucket.publicAccessBlock!.flags;
    assert.deepEqual([flags.blockPublicAcls, flags.ignorePublicAcls, flags.blockPublicPolicy, flags.restrictPublicBuckets].map((f) => f.known && f.value), [true, true, false, false]);
  });

  test('Fn::Join ARNs keep their shape with holes for what is known only at deploy', () => {
    const [autoDelete, publicRead] = statements(bucket.policies[0].document);
    assert.deepEqual(
      (at(autoDelete, 'Resource') as { items: LUnknown[] }).items.map((item) => item.partial),
      ['arn:aws:s3:::${?}', 'arn:aws:s3:::${?}/*'],
    );
    const joined = at(publicRead, 'Resource') as LUnknown;
    assert.equal(joined.kind, 'unknown');
    assert.equal(joined.partial, 'arn:${?}:s3:::${?}/*');
    assert.match(joined.reason, /partition known at deploy/);
    assert.match(joined.reason, /SiteBucket397A1860/);
    assert.ok(textAt(file, joined.loc).startsWith('{\n        "Fn::Join"'));
    const principal = at(publicRead, 'Principal', 'AWS');
    assert.equal(textAt(file, principal.loc), '"*"');
    assert.deepEqual(principal.loc.range.start, { line: 76, character: 15 });
  });

  test('aws:cdk:path metadata is not a suppression', () => {
    assert.deepEqual(set.suppressions, []);
  });
});

describe('parseCloudFormation: policy documents written as JSON strings', () => {
  const file = readFixture('cloudformation/policy-as-string.yaml');
  const set = parseCloudFormation(file);

  test('a literal block is parsed and located character by character; the literal bucket name links it', () => {
    const assets = bucketByAddress(set, 'Assets');
    assert.equal(assets.policies.length, 1);
    const [statement] = statements(assets.policies[0].document);
    assert.equal(textAt(file, at(statement, 'Principal').loc), '"*"');
    assert.equal(textAt(file, at(statement, 'Resource').loc), '"arn:aws:s3:::legacy-assets-bucket/*"');
    assert.deepEqual(at(statement, 'Principal').loc.range.start, { line: 14, character: 45 });
  });

  test('a quoted string on a bucket outside the template: a partial bucket at the policy', () => {
    const quoted = bucketByAddress(set, 'QuotedPolicy');
    assert.equal(quoted.partial, true);
    assert.equal(quoted.resource.type, 'AWS::S3::BucketPolicy');
    assert.equal(quoted.bucketName.known, false);
    assert.match((quoted.bucketName as { reason: string }).reason, /Fn::ImportValue/);
    const [statement] = statements(quoted.policies[0].document);
    assert.equal(textAt(file, at(statement, 'Principal', 'AWS').loc), '"*"');
  });

  test('a string that is not JSON becomes an unknown document; its literal bucket name is kept', () => {
    const broken = bucketByAddress(set, 'BrokenPolicy');
    assert.equal(broken.partial, true);
    assert.deepEqual(broken.bucketName, { known: true, value: 'another-team-bucket' });
    assert.equal(broken.policies[0].document.kind, 'unknown');
    assert.match((broken.policies[0].document as LUnknown).reason, /not valid JSON/);
    assert.deepEqual(set.parseProblems, []);
  });

  test('in a JSON template, a string policy with escapes maps back through them', () => {
    const text = JSON.stringify(
      {
        Resources: {
          P: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: { Bucket: 'outside', PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::outside/*' }] }) },
          },
        },
      },
      null,
      2,
    );
    const template = { path: 'string-policy.json', text };
    const jsonSet = parseCloudFormation(template);
    const [statement] = statements(jsonSet.buckets[0].policies[0].document);
    assert.equal(textAt(template, at(statement, 'Principal').loc), '\\"*\\"');
    assert.equal(textAt(template, at(statement, 'Resource').loc), '\\"arn:aws:s3:::outside/*\\"');
    assert.deepEqual(jsonSet.buckets[0].bucketName, { known: true, value: 'outside' });
  });

  test('two policies on the same outside bucket describe one partial bucket', () => {
    const text = [
      'Resources:',
      '  A:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties: { Bucket: shared-bucket, PolicyDocument: { Statement: [] } }',
      '  B:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties: { Bucket: shared-bucket, PolicyDocument: { Statement: [] } }',
      '',
    ].join('\n');
    const shared = parseCloudFormation({ path: 't.yaml', text });
    assert.equal(shared.buckets.length, 1);
    assert.equal(shared.buckets[0].policies.length, 2);
    assert.equal(shared.buckets[0].resource.address, 'A');
  });
});

describe('parseCloudFormation: malformed JSON template', () => {
  test('one parse problem with line and column', () => {
    const text = '{\n  "Resources": {\n    "B": {"Type": "AWS::S3::Bucket",}\n  }\n}\n';
    const set = parseCloudFormation({ path: 'bad.json', text });
    assert.equal(set.parseProblems.length, 1);
    assert.match(set.parseProblems[0].message, /line 3, column 37/);
    assert.deepEqual(set.parseProblems[0].loc.range.start, { line: 2, character: 36 });
  });

  test('a byte-order mark is tolerated', () => {
    const set = parseCloudFormation({ path: 'bom.json', text: '\uFEFF{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}' });
    assert.deepEqual(set.parseProblems, []);
    assert.equal(set.buckets.length, 1);
  });
});
