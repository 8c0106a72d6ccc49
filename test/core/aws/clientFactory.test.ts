import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GetBucketLoggingCommand } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { createAwsClients } from '../../../src/core/aws/clientFactory';
import { customEndpointFor } from '../../../src/core/aws/endpointConfig';
import { fakeAccount } from '../../fakeAws/scenario';
import { FAKE_CREDENTIALS, startFakeAws } from '../../fakeAws/server';

/** Sets env variables for the duration of `run`, then restores them exactly. */
async function withEnv<T>(values: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(values)) {
    saved[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('createAwsClients', () => {
  test('one S3 client per region, reused', () => {
    const clients = createAwsClients({ credentials: { ...FAKE_CREDENTIALS }, region: 'us-east-1' });
    try {
      assert.equal(clients.s3('eu-west-1'), clients.s3('eu-west-1'));
      assert.notEqual(clients.s3('eu-west-1'), clients.s3('us-east-1'));
      assert.equal(clients.cloudTrail('eu-west-1'), clients.cloudTrail('eu-west-1'));
    } finally {
      clients.destroy();
    }
  });

  test('S3 and S3 Control reach an endpoint given only through AWS_ENDPOINT_URL_S3 / _S3_CONTROL', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'b', region: 'eu-west-1', logging: { targetBucket: 'logs' } }], accountPublicAccessBlock: { ignorePublicAcls: true } }));
    try {
      await withEnv({ AWS_ENDPOINT_URL_S3: fake.endpoint, AWS_ENDPOINT_URL_S3_CONTROL: fake.endpoint, AWS_ENDPOINT_URL: undefined, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined }, async () => {
        const clients = createAwsClients({ credentials: { ...FAKE_CREDENTIALS }, region: 'us-east-1', maxAttempts: 1 });
        try {
          const logging = await clients.s3('eu-west-1').send(new GetBucketLoggingCommand({ Bucket: 'b' }));
          assert.equal(logging.LoggingEnabled?.TargetBucket, 'logs');
          const block = await clients.s3Control('us-east-1').send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' }));
          assert.equal(block.PublicAccessBlockConfiguration?.IgnorePublicAcls, true);
        } finally {
          clients.destroy();
        }
      });
      fake.assertAllRouted();
      // Path style on the custom host (the bucket in the path), the account in the header.
      assert.equal(fake.calls('GetBucketLogging')[0]?.url, '/b/?logging=');
      assert.equal(fake.calls('GetAccountPublicAccessBlock').length, 1);
    } finally {
      await fake.close();
    }
  });

  test('the general AWS_ENDPOINT_URL counts for every service unless endpoints are ignored', () => {
    assert.equal(customEndpointFor('S3_CONTROL', { AWS_ENDPOINT_URL: 'http://localhost:4566' }), 'http://localhost:4566');
    assert.equal(customEndpointFor('S3', { AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_S3: 'http://b' }), 'http://b');
    assert.equal(customEndpointFor('S3', { AWS_ENDPOINT_URL_S3: 'http://b', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }), undefined);
    assert.equal(customEndpointFor('S3', {}), undefined);
  });

  test('a malformed endpoint does not throw when the clients are made', () => {
    const clients = createAwsClients({ endpoint: 'not a url', credentials: { ...FAKE_CREDENTIALS }, region: 'us-east-1' });
    try {
      assert.ok(clients.s3Control('us-east-1'));
    } finally {
      clients.destroy();
    }
  });

  test('the home region falls back to us-east-1 when nothing sets one', async () => {
    await withEnv({ AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials', AWS_PROFILE: undefined }, async () => {
      const clients = createAwsClients({ credentials: { ...FAKE_CREDENTIALS } });
      try {
        assert.equal(await clients.homeRegion(), 'us-east-1');
      } finally {
        clients.destroy();
      }
    });
    await withEnv({ AWS_REGION: 'ap-southeast-2' }, async () => {
      const clients = createAwsClients({ credentials: { ...FAKE_CREDENTIALS } });
      try {
        assert.equal(await clients.homeRegion(), 'ap-southeast-2');
      } finally {
        clients.destroy();
      }
    });
  });
});
