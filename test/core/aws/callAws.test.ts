import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GetBucketEncryptionCommand, GetBucketLoggingCommand, GetBucketOwnershipControlsCommand, GetBucketPolicyCommand, GetPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { classifyAwsError, redactSecrets } from '../../../src/core/aws/awsResult';
import { callAws } from '../../../src/core/aws/callAws';
import { createAwsClients } from '../../../src/core/aws/clientFactory';
import { withFakeAws } from '../../fakeAws/harness';
import { fakeAccount } from '../../fakeAws/scenario';
import { FAKE_CREDENTIALS } from '../../fakeAws/server';

describe('callAws with real SDK clients against the fake', () => {
  const account = () =>
    fakeAccount({
      buckets: [{ name: 'b', region: 'us-east-1', encryption: null }],
      trails: [{ name: 't', homeRegion: 'us-east-1', isLogging: true }],
    });

  test('documented "nothing configured" answers are values, not errors', async () => {
    await withFakeAws(account(), async (_fake, clients) => {
      const s3 = clients.s3('us-east-1');
      const policy = await callAws('s3:GetBucketPolicy', () => s3.send(new GetBucketPolicyCommand({ Bucket: 'b' })));
      const block = await callAws('s3:GetBucketPublicAccessBlock', () => s3.send(new GetPublicAccessBlockCommand({ Bucket: 'b' })));
      const ownership = await callAws('s3:GetBucketOwnershipControls', () => s3.send(new GetBucketOwnershipControlsCommand({ Bucket: 'b' })));
      const encryption = await callAws('s3:GetEncryptionConfiguration', () => s3.send(new GetBucketEncryptionCommand({ Bucket: 'b' })));
      assert.deepEqual(
        [policy, block, ownership, encryption].map((result) => (result.ok ? result.absent : `failed: ${result.kind}`)),
        ['NoSuchBucketPolicy', 'NoSuchPublicAccessBlockConfiguration', 'OwnershipControlsNotFoundError', 'ServerSideEncryptionConfigurationNotFoundError'],
      );
    });
  });

  test('AccessDenied → denied naming the permission', async () => {
    const denied = { ...account(), faults: [{ operation: 'GetBucketLogging' as const, error: 'AccessDenied' as const }] };
    await withFakeAws(denied, async (_fake, clients) => {
      const result = await callAws('s3:GetBucketLogging', () => clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'b' })));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.kind, 'denied');
      assert.equal(result.needs, 's3:GetBucketLogging');
      assert.match(result.message, /s3:GetBucketLogging/);
    });
  });

  test('AllAccessDisabled → denied', async () => {
    const disabled = { ...account(), faults: [{ operation: 'GetBucketLogging' as const, error: 'AllAccessDisabled' as const }] };
    await withFakeAws(disabled, async (_fake, clients) => {
      const result = await callAws('s3:GetBucketLogging', () => clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'b' })));
      assert.equal(!result.ok && result.kind, 'denied');
    });
  });

  test('ExpiredToken (query protocol) and ExpiredTokenException (JSON) → expired, with the sso login hint for the profile', async () => {
    const expired = { ...account(), faults: [{ operation: '*' as const, error: 'ExpiredToken' as const }] };
    await withFakeAws(expired, async (_fake, clients) => {
      const sts = await clients.sts();
      const identity = await callAws('sts:GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})), { profile: 'dev' });
      const status = await callAws('cloudtrail:GetTrailStatus', () => clients.cloudTrail('us-east-1').send(new GetTrailStatusCommand({ Name: 't' })), { profile: 'dev' });
      const logging = await callAws('s3:GetBucketLogging', () => clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'b' })), { profile: 'dev' });
      for (const result of [identity, status, logging]) {
        assert.equal(!result.ok && result.kind, 'expired', JSON.stringify(result));
        assert.match(!result.ok ? result.message : '', /aws sso login --profile dev/);
      }
    });
  });

  test('ThrottlingException from CloudTrail after the SDK’s retries → throttled', async () => {
    const throttled = { ...account(), faults: [{ operation: 'GetTrailStatus' as const, error: 'Throttling' as const }] };
    await withFakeAws(
      throttled,
      async (fake, clients) => {
        const result = await callAws('cloudtrail:GetTrailStatus', () => clients.cloudTrail('us-east-1').send(new GetTrailStatusCommand({ Name: 't' })));
        assert.equal(!result.ok && result.kind, 'throttled');
        assert.equal(fake.calls('GetTrailStatus').length, 2);
      },
      { maxAttempts: 2 },
    );
  });

  test('NoSuchBucket → not-found', async () => {
    await withFakeAws(account(), async (_fake, clients) => {
      const result = await callAws('s3:GetBucketLogging', () => clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'missing' })));
      assert.equal(!result.ok && result.kind, 'not-found');
    });
  });

  test('an endpoint nobody listens on → network', async () => {
    const clients = createAwsClients({ endpoint: 'http://127.0.0.1:9', forcePathStyle: true, credentials: { ...FAKE_CREDENTIALS }, region: 'us-east-1', maxAttempts: 1 });
    try {
      const result = await callAws('s3:GetBucketLogging', () => clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'b' })));
      assert.equal(!result.ok && result.kind, 'network', JSON.stringify(result));
    } finally {
      clients.destroy();
    }
  });
});

describe('classifyAwsError', () => {
  const context = { action: 's3:GetBucketAcl', profile: 'corp' };

  test('an expired SSO session from the credential chain → expired with the login hint', () => {
    const error = Object.assign(new Error('The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' });
    const failure = classifyAwsError(error, context);
    assert.equal(failure.kind, 'expired');
    assert.match(failure.message, /aws sso login --profile corp/);
  });

  test('no credentials at all → credentials, not expired', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    assert.equal(classifyAwsError(error, context).kind, 'credentials');
  });

  test('TokenRefreshRequired → expired', () => {
    assert.equal(classifyAwsError(Object.assign(new Error('x'), { name: 'TokenRefreshRequired' }), context).kind, 'expired');
  });

  test('a bare 403 without a code is still a denial naming the permission', () => {
    const failure = classifyAwsError(Object.assign(new Error('UnknownError'), { name: 'Unknown', $metadata: { httpStatusCode: 403 } }), context);
    assert.equal(failure.kind, 'denied');
    assert.equal(failure.needs, 's3:GetBucketAcl');
  });

  test('PermanentRedirect names the bucket’s region from x-amz-bucket-region', () => {
    const failure = classifyAwsError(Object.assign(new Error('moved'), { name: 'PermanentRedirect', $response: { headers: { 'x-amz-bucket-region': 'ap-south-1' } } }), context);
    assert.equal(failure.kind, 'region');
    assert.equal(failure.region, 'ap-south-1');
  });

  test('whatever is thrown, a failure comes back (strings, null, odd objects)', () => {
    for (const thrown of ['boom', null, undefined, 42, { weird: true }]) {
      const failure = classifyAwsError(thrown, context);
      assert.equal(failure.ok, false);
      assert.equal(failure.kind, 'error');
    }
  });

  test('key ids and secrets never reach a message', () => {
    const text = redactSecrets('signed with AKIAABCDEFGHIJKLMNOP and SecretAccessKey=abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD');
    assert.doesNotMatch(text, /AKIAABCDEFGHIJKLMNOP/);
    assert.doesNotMatch(text, /abcdEFGHijklMNOP/);
    const failure = classifyAwsError(new Error('bad key ASIAABCDEFGHIJKLMNOP'), context);
    assert.doesNotMatch(failure.message, /ASIAABCDEFGHIJKLMNOP/);
  });
});
