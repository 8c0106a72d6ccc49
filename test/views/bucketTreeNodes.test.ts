import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AccountEntry } from '../../src/views/bucketTreeModel';
import { accountDescription, accountLabel, noCredentialsAnywhere, problemMessages, profileLabel } from '../../src/views/bucketTreeNodes';
import { accountPosture, goodBucket } from './postureFixtures';

function entry(overrides: Partial<AccountEntry>): AccountEntry {
  return { profileKey: 'prod', slots: [], stale: false, loading: false, ...overrides };
}

const noCredentials = accountPosture([], { account: null, alias: undefined, problems: [{ kind: 'credentials', message: 'The AWS credentials could not be used (CredentialsProviderError): Could not load credentials from any providers' }] });

describe('account nodes', () => {
  test('labelled by account id and alias once STS answered, by the credentials before', () => {
    assert.equal(accountLabel(entry({})), 'profile prod');
    assert.equal(accountLabel(entry({ profileKey: '' }), {}), 'default credentials');
    assert.equal(accountLabel(entry({ profileKey: '' }), { AWS_PROFILE: 'sso-dev' }), 'AWS_PROFILE sso-dev');
    assert.equal(accountLabel(entry({ posture: accountPosture([]) })), '123456789012 (prod)');
    assert.equal(accountLabel(entry({ posture: accountPosture([], { alias: undefined }) })), '123456789012');
  });

  test('description says loading, cached, bucket count or sign-in trouble', () => {
    const slots = [{ name: 'a', source: 'listed' as const, posture: goodBucket('a') }];
    assert.equal(accountDescription(entry({ posture: accountPosture([goodBucket('a')]), slots })), 'profile prod · 1 bucket');
    assert.equal(accountDescription(entry({ posture: accountPosture([]), loading: true, stale: true })), 'profile prod · reading…');
    assert.equal(accountDescription(entry({ posture: accountPosture([]), stale: true })), 'profile prod · 0 buckets · (cached)');
    assert.equal(accountDescription(entry({ posture: noCredentials })), 'sign-in needed');
  });

  test('an expired SSO session is a problem node with the sign-in command', () => {
    const expired = accountPosture([], {
      account: null,
      problems: [{ kind: 'expired', message: 'The credentials of profile "prod" have expired. Sign in again (for SSO: `aws sso login --profile prod`) and refresh.' }],
    });
    const problems = problemMessages(entry({ posture: expired }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0].expired, true);
    assert.match(problems[0].message, /aws sso login --profile prod/);
  });

  test('a denied listing points at "Add bucket…" and names the permission', () => {
    const denied = accountPosture([], { listing: { complete: false, reason: 'Access denied', needs: 's3:ListAllMyBuckets' }, problems: [{ kind: 'denied', message: 'Access denied: the credentials lack s3:ListAllMyBuckets.', needs: 's3:ListAllMyBuckets' }] });
    const messages = problemMessages(entry({ posture: denied })).map((problem) => problem.message);
    assert.deepEqual(messages, ['Access denied: the credentials lack s3:ListAllMyBuckets.', 'No buckets could be listed. Use "Add bucket…" to add buckets by name or s3:// URI.']);
  });

  test('the welcome text replaces the tree only when no profile has credentials', () => {
    assert.equal(noCredentialsAnywhere([entry({ posture: noCredentials })]), true);
    assert.equal(noCredentialsAnywhere([entry({ posture: noCredentials }), entry({ posture: accountPosture([]) })]), false);
    assert.equal(noCredentialsAnywhere([entry({ posture: noCredentials, loading: true })]), false);
    assert.equal(noCredentialsAnywhere([]), false);
    assert.equal(profileLabel('x'), 'profile x');
  });
});
