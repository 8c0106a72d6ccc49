import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { S3_BUCKET_ACTIONS } from '../../../src/core/policy/s3ActionCatalog';
import { allowStatement, judge, publicAccess } from './policyTestHelpers';

const BOTH = ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'];

function grantedBy(action: unknown, resource: unknown = BOTH): string[] {
  const judged = judge(allowStatement({ action, resource }));
  return judged.causes.flatMap((cause) => cause.grantedBy);
}

describe('evaluateBucketPolicy: actions', () => {
  test('the catalog classifies S3 actions by IAM access level', () => {
    const byName = new Map(S3_BUCKET_ACTIONS.map((action) => [action.name, action]));
    assert.equal(byName.get('s3:GetObject')?.access, 'read');
    assert.equal(byName.get('s3:ListBucket')?.access, 'read');
    assert.equal(byName.get('s3:PutObject')?.access, 'write');
    assert.equal(byName.get('s3:PutObjectTagging')?.access, 'write');
    assert.equal(byName.get('s3:PutBucketPolicy')?.access, 'permissions');
    assert.equal(byName.get('s3:PutBucketAcl')?.access, 'permissions');
    assert.equal(byName.get('s3:PutObjectAcl')?.access, 'permissions');
    assert.equal(byName.get('s3:GetObject')?.onObject, true);
    assert.equal(byName.get('s3:ListBucket')?.onBucket, true);
    // Account-level actions cannot be granted on a bucket.
    assert.equal(byName.has('s3:ListAllMyBuckets'), false);
  });

  test('s3:* grants read, write and permissions', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:*', resource: BOTH }))), ['permissions', 'read', 'write']);
  });

  test('"*" grants everything S3 offers on the bucket', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: '*', resource: BOTH }))), ['permissions', 'read', 'write']);
  });

  test('s3:Get* is read only', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:Get*', resource: BOTH }))), ['read']);
  });

  test('s3:*Object* reaches read, write and object ACLs', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:*Object*', resource: BOTH }))), ['permissions', 'read', 'write']);
  });

  test('action names are case-insensitive', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 'S3:getobject' }))), ['read']);
    assert.deepEqual(grantedBy('S3:getobject'), ['S3:getobject']);
  });

  test('grantedBy lists the patterns as written that grant the actions', () => {
    assert.deepEqual(grantedBy(['s3:GetObject', 's3:ListBucket', 'ec2:*']), ['s3:GetObject', 's3:ListBucket']);
  });

  test('actions of other services grant nothing on the bucket', () => {
    assert.deepEqual(judge(allowStatement({ action: ['ec2:*', 'sqs:SendMessage'], resource: '*' })).causes, []);
  });

  test('NotAction grants everything except the listed actions', () => {
    // On objects, every read action is a Get* or List* action.
    const text = allowStatement({ resource: 'arn:aws:s3:::site/*' }).replace('"Action"', '"NotAction"').replace('"s3:GetObject"', '["s3:Get*", "s3:List*"]');
    const judged = judge(text);
    assert.deepEqual(publicAccess(judged), ['permissions', 'write']);
    assert.match(judged.causes[0].grantedBy[0], /every action except s3:Get\*, s3:List\*/);
  });

  test('NotAction s3:* leaves nothing', () => {
    const text = allowStatement({ resource: BOTH }).replace('"Action"', '"NotAction"').replace('"s3:GetObject"', '"s3:*"');
    assert.deepEqual(judge(text).causes, []);
  });
});

describe('evaluateBucketPolicy: resources', () => {
  test('object actions need an object resource: GetObject on the bucket ARN grants nothing', () => {
    assert.deepEqual(judge(allowStatement({ action: 's3:GetObject', resource: 'arn:aws:s3:::site' })).causes, []);
  });

  test('bucket actions need the bucket ARN: ListBucket on objects grants nothing', () => {
    assert.deepEqual(judge(allowStatement({ action: 's3:ListBucket', resource: 'arn:aws:s3:::site/*' })).causes, []);
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:ListBucket', resource: 'arn:aws:s3:::site' }))), ['read']);
  });

  test('s3:* on objects only grants object actions', () => {
    const judged = judge(allowStatement({ action: 's3:*', resource: 'arn:aws:s3:::site/*' }));
    assert.deepEqual(publicAccess(judged), ['permissions', 'read', 'write']);
    const bucketOnly = judge(allowStatement({ action: ['s3:ListBucket', 's3:PutBucketPolicy'], resource: 'arn:aws:s3:::site/*' }));
    assert.deepEqual(bucketOnly.causes, []);
  });

  test('Resource "*" covers the bucket and its objects', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ action: ['s3:ListBucket', 's3:PutObject'], resource: '*' }))), ['read', 'write']);
  });

  test('a prefix of objects, a single object, and bucket-name wildcards count', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::site/public/*' }))), ['read']);
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::site/index.html' }))), ['read']);
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::site/img*' }))), ['read']);
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:ListBucket', resource: 'arn:aws:s3:::si*' }))), ['read']);
  });

  test('resources naming another bucket do not count when the bucket name is known', () => {
    assert.deepEqual(judge(allowStatement({ resource: 'arn:aws:s3:::other-bucket/*' })).causes, []);
  });

  test('with an unknown bucket name, the resource shape decides', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::other-bucket/*' }), { bucketName: null })), ['read']);
    assert.deepEqual(judge(allowStatement({ resource: 'arn:aws:s3:::other-bucket' }), { bucketName: null }).causes, []);
  });

  test('other partitions are read from the policy’s own ARNs', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws-cn:s3:::site/*' }))), ['read']);
  });

  test('NotResource excluding the objects still grants bucket actions', () => {
    const text = allowStatement({ action: ['s3:GetObject', 's3:ListBucket'] }).replace('"Resource"', '"NotResource"');
    const judged = judge(text);
    assert.deepEqual(publicAccess(judged), ['read']);
    assert.deepEqual(judged.causes[0].grantedBy, ['s3:ListBucket']);
  });

  test('NotResource of another bucket grants on this one', () => {
    const text = allowStatement({ resource: 'arn:aws:s3:::other/*' }).replace('"Resource"', '"NotResource"');
    assert.deepEqual(publicAccess(judge(text)), ['read']);
  });

  test('template shapes with unresolved pieces: ${?}/* is objects, arn:aws:s3:::${?} the bucket', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: '${?}/*' }))), ['read']);
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::${?}/*' }))), ['read']);
    assert.deepEqual(judge(allowStatement({ resource: 'arn:aws:s3:::${?}' })).causes, []);
    assert.deepEqual(publicAccess(judge(allowStatement({ action: 's3:ListBucket', resource: 'arn:aws:s3:::${?}' }))), ['read']);
  });

  test('a resource with no literal value and no shape leaves the grant undecided', () => {
    const judged = judge(allowStatement({ resource: '${?}' }));
    assert.deepEqual(publicAccess(judged), []);
    assert.equal(judged.causes.length, 1);
    assert.equal(judged.causes[0].certainty, 'unknown');
    assert.match(judged.causes[0].why, /Resource has no literal value/);
  });

  test('IAM policy variables in a resource stand for one segment', () => {
    assert.deepEqual(publicAccess(judge(allowStatement({ resource: 'arn:aws:s3:::site/${aws:username}/*' }))), ['read']);
  });
});
