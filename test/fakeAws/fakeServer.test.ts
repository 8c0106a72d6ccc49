import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { GetBucketLoggingCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { clientsFor } from './harness';
import { fakeAccount } from './scenario';
import { startFakeAws } from './server';

describe('fake AWS server, checked with the installed SDK clients', () => {
  test('routes CloudTrail by the X-Amz-Target the installed client sends', async () => {
    const fake = await startFakeAws(fakeAccount({ trails: [{ name: 't', homeRegion: 'us-east-1', isLogging: true }] }));
    const clients = clientsFor(fake);
    try {
      const output = await clients.cloudTrail('us-east-1').send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      assert.deepEqual(output.trailList?.map((trail) => trail.TrailARN), ['arn:aws:cloudtrail:us-east-1:123456789012:trail/t']);
      assert.equal(fake.calls('DescribeTrails').length, 1);
      fake.assertAllRouted();
    } finally {
      clients.destroy();
      await fake.close();
    }
  });

  test('a request without a route fails loudly: 500 to the client and recorded', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'b', region: 'us-east-1' }] }));
    const clients = clientsFor(fake);
    try {
      await assert.rejects(
        clients.s3('us-east-1').send(new PutBucketVersioningCommand({ Bucket: 'b', VersioningConfiguration: { Status: 'Enabled' } })),
        (error: Error) => error.name === 'FakeAwsNoRoute',
      );
      assert.equal(fake.unrouted.length, 1);
      assert.throws(() => fake.assertAllRouted(), /no route for: PUT \/b\/\?versioning/);
    } finally {
      clients.destroy();
      await fake.close();
    }
  });

  test('S3 Control reaches a loopback endpoint, with the account in x-amz-account-id, signed for s3', async () => {
    const fake = await startFakeAws(fakeAccount({ accountPublicAccessBlock: { blockPublicAcls: true } }));
    const clients = clientsFor(fake);
    try {
      const output = await clients.s3Control('eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: '123456789012' }));
      assert.equal(output.PublicAccessBlockConfiguration?.BlockPublicAcls, true);
      assert.equal(output.PublicAccessBlockConfiguration?.RestrictPublicBuckets, false);
      await assert.rejects(
        clients.s3Control('eu-west-1').send(new GetPublicAccessBlockCommand({ AccountId: '210987654321' })),
        (error: Error) => error.name === 'AccessDenied',
      );
      assert.deepEqual(fake.calls('GetAccountPublicAccessBlock').map((request) => [request.service, request.region]), [
        ['s3', 'eu-west-1'],
        ['s3', 'eu-west-1'],
      ]);
    } finally {
      clients.destroy();
      await fake.close();
    }
  });

  test('a bucket asked for in the wrong region answers 301 with its region, and the SDK follows it', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'eu-bucket', region: 'eu-west-1', logging: { targetBucket: 'logs' } }] }));
    const clients = clientsFor(fake);
    try {
      const output = await clients.s3('us-east-1').send(new GetBucketLoggingCommand({ Bucket: 'eu-bucket' }));
      assert.equal(output.LoggingEnabled?.TargetBucket, 'logs');
      assert.deepEqual(fake.calls('GetBucketLogging').map((request) => [request.region, request.status]), [
        ['us-east-1', 301],
        ['eu-west-1', 200],
      ]);
    } finally {
      clients.destroy();
      await fake.close();
    }
  });
});
