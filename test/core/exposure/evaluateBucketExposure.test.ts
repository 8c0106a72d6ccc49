import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateBucketExposure } from '../../../src/core/exposure/evaluateBucketExposure';
import type { BucketModel, DeclarationSet } from '../../../src/core/model/bucket';
import type { BucketExposure } from '../../../src/core/model/exposure';
import {
  ALL_ON,
  PUBLIC_READ_POLICY,
  bucketModel,
  cannedAcl,
  declarations,
  declared,
  known,
  ownership,
  policy,
  publicAccessBlock,
} from './exposureTestHelpers';

const OWN = { ownAccountIds: ['111111111111'] };

function judge(bucket: BucketModel, set: DeclarationSet = declarations([bucket])): BucketExposure {
  return evaluateBucketExposure(bucket, set, OWN);
}

function states(exposure: BucketExposure): [string, string, string] {
  return [exposure.read, exposure.write, exposure.permissions];
}

/** Terraform: bucket, a separate policy resource and a separate BPA resource, both referring to the bucket. */
function terraformBucket(options: { policyDependsOn?: string[]; bpaDependsOn?: string[]; flags?: Parameters<typeof publicAccessBlock>[1] } = {}) {
  const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
  const policyResource = declared('aws_s3_bucket_policy.site', 'aws_s3_bucket_policy', ['aws_s3_bucket.site', ...(options.policyDependsOn ?? [])]);
  const bpaResource = declared('aws_s3_bucket_public_access_block.site', 'aws_s3_bucket_public_access_block', [
    'aws_s3_bucket.site',
    ...(options.bpaDependsOn ?? []),
  ]);
  const block = options.flags ? publicAccessBlock(bpaResource, options.flags) : undefined;
  return bucketModel({ resource: bucketResource, policies: [policy(policyResource, PUBLIC_READ_POLICY)], publicAccessBlock: block });
}

describe('evaluateBucketExposure: policies and Block Public Access', () => {
  test('a public policy with no Block Public Access is public read, with the April-2023 note', () => {
    const exposure = judge(terraformBucket());
    assert.deepEqual(states(exposure), ['public', 'not-public', 'not-public']);
    assert.equal(exposure.causes.length, 1);
    assert.equal(exposure.causes[0].neutralizedBy, undefined);
    assert.ok(exposure.notes.some((note) => /April 2023/.test(note)));
  });

  test('a partial model (a raw policy file) gets no note about missing settings', () => {
    const bucket = { ...terraformBucket(), partial: true };
    const exposure = judge(bucket);
    assert.equal(exposure.read, 'public');
    assert.deepEqual(exposure.notes, []);
  });

  test('RestrictPublicBuckets neutralizes public policy grants, pointing at the flag', () => {
    const bucket = terraformBucket({ flags: { restrictPublicBuckets: true } });
    const exposure = judge(bucket);
    assert.deepEqual(states(exposure), ['not-public', 'not-public', 'not-public']);
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'RestrictPublicBuckets');
    assert.equal(exposure.causes[0].neutralizedBy?.loc, bucket.publicAccessBlock?.flagLocs.restrictPublicBuckets);
    assert.deepEqual(exposure.notes, []);
  });

  test('an unresolved RestrictPublicBuckets makes it unknown', () => {
    const exposure = judge(terraformBucket({ flags: { restrictPublicBuckets: 'unknown' } }));
    assert.equal(exposure.read, 'unknown');
    assert.equal(exposure.causes[0].mayBeNeutralizedBy?.setting, 'RestrictPublicBuckets');
  });

  test('BlockPublicPolicy applied before the policy rejects it (and says the apply would fail)', () => {
    const exposure = judge(terraformBucket({ policyDependsOn: ['aws_s3_bucket_public_access_block.site'], flags: { blockPublicPolicy: true } }));
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BlockPublicPolicy');
    assert.ok(exposure.notes.some((note) => /apply would fail/.test(note)));
  });

  test('BlockPublicPolicy reached through a chain of dependencies still orders them', () => {
    const bucket = terraformBucket({ policyDependsOn: ['aws_s3_bucket_ownership_controls.site'], flags: { blockPublicPolicy: true } });
    const between = declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket_public_access_block.site']);
    const exposure = judge({ ...bucket, ownership: ownership(between, 'BucketOwnerEnforced') });
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BlockPublicPolicy');
  });

  test('BlockPublicPolicy with nothing ordering it and the policy is unknown (order dependence)', () => {
    const exposure = judge(terraformBucket({ flags: { blockPublicPolicy: true } }));
    assert.equal(exposure.read, 'unknown');
    assert.equal(exposure.causes[0].mayBeNeutralizedBy?.setting, 'BlockPublicPolicy');
    assert.match(exposure.causes[0].mayBeNeutralizedBy?.why ?? '', /apply order/);
  });

  test('BlockPublicPolicy applied after the policy does not remove it', () => {
    const exposure = judge(terraformBucket({ bpaDependsOn: ['aws_s3_bucket_policy.site'], flags: { blockPublicPolicy: true } }));
    assert.equal(exposure.read, 'public');
    assert.ok(exposure.notes.some((note) => /does not remove a public policy/.test(note)));
    assert.ok(!exposure.notes.some((note) => /April 2023/.test(note)), 'a BPA is declared, so no defaults note');
  });

  test('an unresolved BlockPublicPolicy applied first makes it unknown', () => {
    const exposure = judge(terraformBucket({ policyDependsOn: ['aws_s3_bucket_public_access_block.site'], flags: { blockPublicPolicy: 'unknown' } }));
    assert.equal(exposure.read, 'unknown');
  });

  test('CloudFormation: a BucketPolicy referring to a bucket with PublicAccessBlockConfiguration is rejected', () => {
    const bucketResource = declared('SiteBucket', 'AWS::S3::Bucket', [], 'cloudformation');
    const policyResource = declared('SitePolicy', 'AWS::S3::BucketPolicy', ['SiteBucket'], 'cloudformation');
    const bucket = bucketModel({
      resource: bucketResource,
      policies: [policy(policyResource, PUBLIC_READ_POLICY)],
      publicAccessBlock: publicAccessBlock(bucketResource, { blockPublicPolicy: true }),
    });
    const exposure = judge(bucket);
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BlockPublicPolicy');
  });

  test('account-wide RestrictPublicBuckets neutralizes too', () => {
    const bucket = terraformBucket();
    const account = publicAccessBlock(declared('aws_s3_account_public_access_block.this', 'aws_s3_account_public_access_block'), ALL_ON, 'account');
    const exposure = judge(bucket, declarations([bucket], [account]));
    assert.equal(exposure.read, 'not-public');
    assert.match(exposure.causes[0].neutralizedBy?.why ?? '', /account-wide/);
  });

  test('flags written false do not neutralize', () => {
    const exposure = judge(terraformBucket({ flags: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false } }));
    assert.equal(exposure.read, 'public');
    assert.equal(exposure.causes[0].mayBeNeutralizedBy, undefined);
  });

  test('an unresolved policy document is unknown, unless RestrictPublicBuckets makes it moot', () => {
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const policyResource = declared('aws_s3_bucket_policy.site', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']);
    const unresolvedPolicy = { resource: policyResource, document: { kind: 'unknown' as const, reason: 'var.policy', loc: policyResource.loc }, loc: policyResource.loc, inlineOnBucket: false };
    const open = judge(bucketModel({ resource: bucketResource, policies: [unresolvedPolicy] }));
    assert.deepEqual(states(open), ['unknown', 'unknown', 'unknown']);
    assert.equal(open.unknowns.length, 1);
    const restricted = judge(
      bucketModel({
        resource: bucketResource,
        policies: [unresolvedPolicy],
        publicAccessBlock: publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { restrictPublicBuckets: true }),
      }),
    );
    assert.deepEqual(states(restricted), ['not-public', 'not-public', 'not-public']);
    assert.deepEqual(restricted.unknowns, []);
  });

  test('of two policies, the one applied last replaces the other', () => {
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const first = policy(declared('aws_s3_bucket_policy.a', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), PUBLIC_READ_POLICY);
    const second = policy(declared('aws_s3_bucket_policy.b', 'aws_s3_bucket_policy', ['aws_s3_bucket_policy.a']), '{"Statement": []}');
    const exposure = judge(bucketModel({ resource: bucketResource, policies: [first, second] }));
    assert.equal(exposure.read, 'not-public');
    assert.match(exposure.causes[0].neutralizedBy?.setting ?? '', /Replaced by aws_s3_bucket_policy\.b/);
    const unordered = policy(declared('aws_s3_bucket_policy.c', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), '{"Statement": []}');
    assert.equal(judge(bucketModel({ resource: bucketResource, policies: [first, unordered] })).read, 'unknown');
  });

  test('write and permissions states follow the causes', () => {
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const text = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:PutObject', 's3:PutBucketPolicy'], Resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'] }] });
    const exposure = judge(bucketModel({ resource: bucketResource, policies: [policy(declared('p', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), text)] }));
    assert.deepEqual(states(exposure), ['not-public', 'public', 'public']);
  });

  test('the bucket name decides which resources count', () => {
    const bucket = { ...terraformBucket(), bucketName: known('another-bucket') };
    assert.equal(judge(bucket).read, 'not-public');
  });
});

describe('evaluateBucketExposure: cross-account grants', () => {
  const sharedAndPublic = JSON.stringify({
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::site' },
    ],
  });

  test('a named outside account is reported', () => {
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const exposure = judge(bucketModel({ resource: bucketResource, policies: [policy(declared('p', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), sharedAndPublic)] }));
    assert.deepEqual(exposure.crossAccount.map((grant) => grant.accounts), [['222222222222']]);
  });

  test('RestrictPublicBuckets on a public policy also blocks its cross-account grants', () => {
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const exposure = judge(
      bucketModel({
        resource: bucketResource,
        policies: [policy(declared('p', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), sharedAndPublic)],
        publicAccessBlock: publicAccessBlock(declared('b', 'aws_s3_bucket_public_access_block', ['aws_s3_bucket.site']), { restrictPublicBuckets: true }),
      }),
    );
    assert.deepEqual(exposure.crossAccount, []);
    assert.ok(exposure.notes.some((note) => /cross-account/.test(note)));
  });

  test('RestrictPublicBuckets leaves a non-public policy’s cross-account grants alone', () => {
    const onlyShared = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' }],
    });
    const bucketResource = declared('aws_s3_bucket.site', 'aws_s3_bucket');
    const exposure = judge(
      bucketModel({
        resource: bucketResource,
        policies: [policy(declared('p', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), onlyShared)],
        publicAccessBlock: publicAccessBlock(declared('b', 'aws_s3_bucket_public_access_block', ['aws_s3_bucket.site']), { restrictPublicBuckets: true }),
      }),
    );
    assert.equal(exposure.crossAccount.length, 1);
  });
});

describe('evaluateBucketExposure: ACLs, Block Public Access and Object Ownership', () => {
  const bucketResource = () => declared('aws_s3_bucket.site', 'aws_s3_bucket');

  test('a public-read-write ACL is public read and write, with both April-2023 notes', () => {
    const resource = bucketResource();
    const exposure = judge(bucketModel({ resource, acls: [cannedAcl(resource, 'public-read-write', true)] }));
    assert.deepEqual(states(exposure), ['public', 'public', 'not-public']);
    assert.ok(exposure.notes.some((note) => /ACLs disabled/.test(note)));
  });

  test('an inline ACL is applied with the bucket, before a separate BPA resource: BlockPublicAcls does not remove it', () => {
    const resource = bucketResource();
    const bpa = publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { blockPublicAcls: true });
    const exposure = judge(bucketModel({ resource, acls: [cannedAcl(resource, 'public-read', true)], publicAccessBlock: bpa }));
    assert.equal(exposure.read, 'public');
    assert.ok(exposure.notes.some((note) => /does not remove one already in place/.test(note)));
  });

  test('a separate ACL resource applied after BlockPublicAcls is rejected', () => {
    const resource = bucketResource();
    const bpa = publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { blockPublicAcls: true });
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket.site', 'aws_s3_bucket_public_access_block.site']), 'public-read');
    const exposure = judge(bucketModel({ resource, acls: [acl], publicAccessBlock: bpa }));
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BlockPublicAcls');
  });

  test('a separate ACL resource with nothing ordering it and BlockPublicAcls is unknown', () => {
    const resource = bucketResource();
    const bpa = publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { blockPublicAcls: true });
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket.site']), 'public-read');
    assert.equal(judge(bucketModel({ resource, acls: [acl], publicAccessBlock: bpa })).read, 'unknown');
  });

  test('IgnorePublicAcls neutralizes public ACLs whatever the order', () => {
    const resource = bucketResource();
    const bpa = publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { ignorePublicAcls: true });
    const exposure = judge(bucketModel({ resource, acls: [cannedAcl(resource, 'public-read-write', true)], publicAccessBlock: bpa }));
    assert.deepEqual(states(exposure), ['not-public', 'not-public', 'not-public']);
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'IgnorePublicAcls');
    assert.equal(exposure.causes[0].neutralizedBy?.loc, bpa.flagLocs.ignorePublicAcls);
  });

  test('BucketOwnerEnforced applied before the ACL makes S3 refuse it', () => {
    const resource = bucketResource();
    const owner = ownership(declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket.site']), 'BucketOwnerEnforced');
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket_ownership_controls.site']), 'public-read');
    const exposure = judge(bucketModel({ resource, acls: [acl], ownership: owner }));
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BucketOwnerEnforced');
    assert.ok(exposure.notes.some((note) => /AccessControlListNotSupported|apply would fail/.test(note)));
  });

  test('BucketOwnerEnforced with nothing ordering it and a separate ACL is unknown', () => {
    const resource = bucketResource();
    const owner = ownership(declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket.site']), 'BucketOwnerEnforced');
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket.site']), 'public-read');
    const exposure = judge(bucketModel({ resource, acls: [acl], ownership: owner }));
    assert.equal(exposure.read, 'unknown');
    assert.equal(exposure.causes[0].mayBeNeutralizedBy?.setting, 'BucketOwnerEnforced');
  });

  test('BucketOwnerEnforced applied after an inline public ACL fails, and the ACL stays public', () => {
    const resource = bucketResource();
    const owner = ownership(declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket.site']), 'BucketOwnerEnforced');
    const exposure = judge(bucketModel({ resource, acls: [cannedAcl(resource, 'public-read', true)], ownership: owner }));
    assert.equal(exposure.read, 'public');
    assert.ok(exposure.notes.some((note) => /InvalidBucketAclWithObjectOwnership/.test(note)));
  });

  test('BucketOwnerPreferred keeps ACLs working', () => {
    const resource = bucketResource();
    const owner = ownership(declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket.site']), 'BucketOwnerPreferred');
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket_ownership_controls.site']), 'public-read');
    assert.equal(judge(bucketModel({ resource, acls: [acl], ownership: owner })).read, 'public');
  });

  test('an unresolved Object Ownership makes a public ACL unknown', () => {
    const resource = bucketResource();
    const owner = ownership(declared('aws_s3_bucket_ownership_controls.site', 'x', ['aws_s3_bucket.site']), 'unresolved');
    const acl = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket_ownership_controls.site']), 'public-read');
    assert.equal(judge(bucketModel({ resource, acls: [acl], ownership: owner })).read, 'unknown');
  });

  test('CloudFormation: AccessControl and BucketOwnerEnforced on the same bucket is rejected at create', () => {
    const resource = declared('SiteBucket', 'AWS::S3::Bucket', [], 'cloudformation');
    const exposure = judge(
      bucketModel({ resource, acls: [cannedAcl(resource, 'public-read', true)], ownership: ownership(resource, 'BucketOwnerEnforced') }),
    );
    assert.equal(exposure.read, 'not-public');
    assert.equal(exposure.causes[0].neutralizedBy?.setting, 'BucketOwnerEnforced');
    assert.ok(exposure.notes.some((note) => /InvalidBucketAclWithObjectOwnership/.test(note)));
  });

  test('CloudFormation: AccessControl and BlockPublicAcls on the same bucket is unknown (undocumented order)', () => {
    const resource = declared('SiteBucket', 'AWS::S3::Bucket', [], 'cloudformation');
    const exposure = judge(
      bucketModel({ resource, acls: [cannedAcl(resource, 'public-read', true)], publicAccessBlock: publicAccessBlock(resource, { blockPublicAcls: true }) }),
    );
    assert.equal(exposure.read, 'unknown');
    assert.equal(exposure.causes[0].mayBeNeutralizedBy?.setting, 'BlockPublicAcls');
  });

  test('a later ACL resource replaces the inline one', () => {
    const resource = bucketResource();
    const inline = cannedAcl(resource, 'public-read', true);
    const later = cannedAcl(declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket.site']), 'private');
    const exposure = judge(bucketModel({ resource, acls: [inline, later] }));
    assert.equal(exposure.read, 'not-public');
    assert.match(exposure.causes[0].neutralizedBy?.setting ?? '', /Replaced by aws_s3_bucket_acl\.site/);
  });

  test('policy and ACL causes combine: any standing public cause makes the access public', () => {
    const resource = bucketResource();
    const bpa = publicAccessBlock(declared('aws_s3_bucket_public_access_block.site', 'x', ['aws_s3_bucket.site']), { restrictPublicBuckets: true });
    const exposure = judge(
      bucketModel({
        resource,
        acls: [cannedAcl(resource, 'public-read', true)],
        policies: [policy(declared('p', 'aws_s3_bucket_policy', ['aws_s3_bucket.site']), PUBLIC_READ_POLICY)],
        publicAccessBlock: bpa,
      }),
    );
    assert.equal(exposure.read, 'public');
    assert.deepEqual(
      exposure.causes.map((cause) => [cause.source, cause.neutralizedBy?.setting]),
      [
        ['policy', 'RestrictPublicBuckets'],
        ['acl', undefined],
      ],
    );
  });
});
