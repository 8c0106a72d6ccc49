import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LiveAnswer, LiveFlags } from '../../../src/core/posture/liveModel';
import { judgeLivePublicAccess, type LivePublicAccessInputs } from '../../../src/core/posture/publicAccess';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const OWNER = '123456789012';

function inputs(overrides: Partial<LivePublicAccessInputs> = {}): LivePublicAccessInputs {
  return {
    bucket: 'b',
    accountId: OWNER,
    policyText: { state: 'absent' },
    policyIsPublic: { state: 'absent' },
    aclGrants: { state: 'value', value: [{ type: 'CanonicalUser', id: 'owner', permission: 'FULL_CONTROL' }] },
    bucketBlockPublicAccess: { state: 'absent' },
    accountBlockPublicAccess: { state: 'absent' },
    ownership: { state: 'absent' },
    needs: [],
    ...overrides,
  };
}

const flags = (on: Partial<LiveFlags>): LiveAnswer<LiveFlags> => ({
  state: 'value',
  value: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false, ...on },
});

function policy(statement: Record<string, unknown>): LiveAnswer<string> {
  return { state: 'value', value: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }) };
}

const publicWrite = policy({ Sid: 'Upload', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' });

describe('judgeLivePublicAccess (the file engine on live settings)', () => {
  test('nothing configured and a private ACL: not public', () => {
    const result = judgeLivePublicAccess(inputs(), [OWNER]);
    assert.equal(result.state, 'not-public');
    assert.deepEqual(result.evidence, []);
  });

  test('a public write policy is public for write, with the statement as evidence', () => {
    const result = judgeLivePublicAccess(inputs({ policyText: publicWrite, policyIsPublic: { state: 'value', value: true } }), [OWNER]);
    assert.equal(result.state, 'public');
    assert.equal(result.write, 'public');
    assert.equal(result.read, 'not-public');
    assert.ok(result.evidence.some((item) => item.sid === 'Upload' && item.range));
  });

  test('bucket RestrictPublicBuckets blocks a public policy and names itself', () => {
    const result = judgeLivePublicAccess(
      inputs({ policyText: publicWrite, policyIsPublic: { state: 'value', value: true }, bucketBlockPublicAccess: flags({ restrictPublicBuckets: true }) }),
      [OWNER],
    );
    assert.equal(result.state, 'not-public');
    assert.deepEqual(result.blockedBy, ['RestrictPublicBuckets (bucket)']);
  });

  test('BlockPublicPolicy alone does not remove a policy already in place', () => {
    const result = judgeLivePublicAccess(
      inputs({ policyText: publicWrite, policyIsPublic: { state: 'value', value: true }, bucketBlockPublicAccess: flags({ blockPublicPolicy: true }) }),
      [OWNER],
    );
    assert.equal(result.state, 'public');
    assert.ok(result.evidence.some((item) => item.source === 'block-public-access' && /already in place/.test(item.text)));
  });

  test('IgnorePublicAcls on the account neutralises a public ACL grant', () => {
    const result = judgeLivePublicAccess(
      inputs({
        aclGrants: { state: 'value', value: [{ type: 'Group', uri: ALL_USERS, permission: 'READ' }] },
        accountBlockPublicAccess: flags({ ignorePublicAcls: true }),
      }),
      [OWNER],
    );
    assert.equal(result.state, 'not-public');
    assert.deepEqual(result.blockedBy, ['IgnorePublicAcls (account)']);
  });

  test('a public ACL with Object Ownership unreadable is undecided (BucketOwnerEnforced would disable it)', () => {
    const result = judgeLivePublicAccess(
      inputs({
        aclGrants: { state: 'value', value: [{ type: 'Group', uri: ALL_USERS, permission: 'READ' }] },
        ownership: { state: 'unreadable', reason: 'Access denied: the credentials lack s3:GetBucketOwnershipControls' },
        needs: ['s3:GetBucketOwnershipControls'],
      }),
      [OWNER],
    );
    assert.equal(result.state, 'unknown');
    assert.equal(result.read, 'unknown');
    assert.deepEqual(result.needs, ['s3:GetBucketOwnershipControls']);
    assert.match(result.reason ?? '', /BucketOwnerEnforced/);
  });

  test('AWS says the policy is not public: its verdict stands over a statement this tool reads as public', () => {
    const result = judgeLivePublicAccess(inputs({ policyText: publicWrite, policyIsPublic: { state: 'value', value: false } }), [OWNER]);
    assert.equal(result.state, 'not-public');
    assert.ok(result.evidence.some((item) => item.source === 'policy-status' && /taken over/.test(item.text)));
  });

  test('AWS says public but the text is unreadable: public, with which access left unknown', () => {
    const result = judgeLivePublicAccess(
      inputs({ policyText: { state: 'unreadable', reason: 'Access denied' }, policyIsPublic: { state: 'value', value: true }, needs: ['s3:GetBucketPolicy'] }),
      [OWNER],
    );
    assert.equal(result.state, 'public');
    assert.equal(result.read, 'unknown');
    assert.equal(result.write, 'unknown');
  });

  test('the ACL unreadable and nothing blocking ACLs: undecided, naming the ACL', () => {
    const result = judgeLivePublicAccess(inputs({ aclGrants: { state: 'unreadable', reason: 'Access denied' }, needs: ['s3:GetBucketAcl'] }), [OWNER]);
    assert.equal(result.state, 'unknown');
    assert.match(result.reason ?? '', /bucket ACL could not be read/);
  });

  test('the ACL unreadable but IgnorePublicAcls on: not public (it cannot matter)', () => {
    const result = judgeLivePublicAccess(
      inputs({ aclGrants: { state: 'unreadable', reason: 'Access denied' }, bucketBlockPublicAccess: flags({ ignorePublicAcls: true }), needs: ['s3:GetBucketAcl'] }),
      [OWNER],
    );
    assert.equal(result.state, 'not-public');
  });

  test('a grant to another account is reported as shared, not public', () => {
    const shared = policy({ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const result = judgeLivePublicAccess(inputs({ policyText: shared, policyIsPublic: { state: 'value', value: false } }), [OWNER]);
    assert.equal(result.state, 'not-public');
    assert.deepEqual(result.sharedWith?.map((grant) => grant.accounts), [['210987654321']]);
  });

  test('garbage policy text from an S3-compatible store is undecided, never a crash', () => {
    const result = judgeLivePublicAccess(inputs({ policyText: { state: 'value', value: '{"Statement": [' } }), [OWNER]);
    assert.equal(result.state, 'unknown');
    assert.match(result.reason ?? '', /not valid JSON/);
  });
});
