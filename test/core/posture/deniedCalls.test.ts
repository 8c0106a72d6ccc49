import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bucketNamed, postureOf } from '../../fakeAws/harness';
import { ALL_USERS, fakeAccount, type FakeOperation, type FakeTrail } from '../../fakeAws/scenario';

function publicReadPolicy(bucket: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });
}

const allBucketsTrail: FakeTrail = {
  name: 'everything',
  homeRegion: 'us-east-1',
  multiRegion: true,
  isLogging: true,
  eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
};

describe('each read denied: the aspect it feeds names the permission and is never "off"', () => {
  const deniedCases: Array<{ operation: FakeOperation; permission: string; expected: 'unknown' | 'public'; aspect: (posture: Awaited<ReturnType<typeof postureOf>>['posture']) => { state: string; needs?: string | string[] } }> = [
    { operation: 'GetBucketLogging', permission: 's3:GetBucketLogging', expected: 'unknown', aspect: (p) => bucketNamed(p, 'target').logging },
    { operation: 'GetBucketEncryption', permission: 's3:GetEncryptionConfiguration', expected: 'unknown', aspect: (p) => bucketNamed(p, 'target').encryption },
    { operation: 'ListBucketMetricsConfigurations', permission: 's3:GetMetricsConfiguration', expected: 'unknown', aspect: (p) => bucketNamed(p, 'target').requestMetrics },
    { operation: 'GetBucketPolicy', permission: 's3:GetBucketPolicy', expected: 'public', aspect: (p) => bucketNamed(p, 'target').publicAccess },
    { operation: 'GetBucketAcl', permission: 's3:GetBucketAcl', expected: 'public', aspect: (p) => bucketNamed(p, 'target').publicAccess },
    { operation: 'GetBucketPolicyStatus', permission: 's3:GetBucketPolicyStatus', expected: 'public', aspect: (p) => bucketNamed(p, 'target').publicAccess },
    { operation: 'GetBucketOwnershipControls', permission: 's3:GetBucketOwnershipControls', expected: 'public', aspect: (p) => bucketNamed(p, 'target').publicAccess },
    { operation: 'GetPublicAccessBlock', permission: 's3:GetBucketPublicAccessBlock', expected: 'unknown', aspect: (p) => bucketNamed(p, 'target').publicAccess.settings.bucketBlockPublicAccess },
    { operation: 'GetAccountPublicAccessBlock', permission: 's3:GetAccountPublicAccessBlock', expected: 'unknown', aspect: (p) => p.accountBlockPublicAccess },
    { operation: 'DescribeTrails', permission: 'cloudtrail:DescribeTrails', expected: 'unknown', aspect: (p) => asAspect(bucketNamed(p, 'target').dataEvents) },
    { operation: 'GetTrailStatus', permission: 'cloudtrail:GetTrailStatus', expected: 'unknown', aspect: (p) => asAspect(bucketNamed(p, 'target').dataEvents) },
    { operation: 'GetEventSelectors', permission: 'cloudtrail:GetEventSelectors', expected: 'unknown', aspect: (p) => asAspect(bucketNamed(p, 'target').dataEvents) },
  ];

  function asAspect(dataEvents: { read: string; write: string; needs?: string[] }): { state: string; needs?: string[] } {
    return { state: dataEvents.read === 'unknown' && dataEvents.write === 'unknown' ? 'unknown' : `${dataEvents.read}/${dataEvents.write}`, needs: dataEvents.needs };
  }

  function denyOne(operation: FakeOperation) {
    // A bucket whose policy is public, so a denied policy/ACL/BPA read really leaves the answer open.
    return fakeAccount({
      buckets: [{ name: 'target', region: 'us-east-1', policy: publicReadPolicy('target'), policyIsPublic: true, aclGrants: [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' }] }],
      trails: [allBucketsTrail],
      faults: [{ operation, error: 'AccessDenied' }],
    });
  }

  for (const denied of deniedCases) {
    test(`${denied.operation} denied → ${denied.expected}, naming ${denied.permission}, never off`, async () => {
      const { posture } = await postureOf(denyOne(denied.operation), {});
      const aspect = denied.aspect(posture);
      const needs = Array.isArray(aspect.needs) ? aspect.needs : aspect.needs ? [aspect.needs] : [];
      assert.ok(needs.includes(denied.permission), `needs ${JSON.stringify(aspect.needs)} should name ${denied.permission}`);
      // The bucket's public ACL and policy keep it public whatever one unread setting says; any
      // other unread setting leaves its aspect unknown.
      assert.equal(aspect.state, denied.expected);
    });
  }

  test('policy and policy status denied on a bucket with a private ACL → public access unknown, naming both', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'closed', region: 'us-east-1', policy: publicReadPolicy('closed'), policyIsPublic: true }],
      faults: [
        { operation: 'GetBucketPolicy', error: 'AccessDenied' },
        { operation: 'GetBucketPolicyStatus', error: 'AccessDenied' },
      ],
    });
    const { posture } = await postureOf(account);
    const access = bucketNamed(posture, 'closed').publicAccess;
    assert.equal(access.state, 'unknown');
    assert.deepEqual([...(access.needs ?? [])].sort(), ['s3:GetBucketPolicy', 's3:GetBucketPolicyStatus']);
    assert.match(access.reason ?? '', /policy could not be read/);
  });

});
