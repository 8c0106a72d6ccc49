import { createAwsClients, type AwsClientOptions, type AwsClients } from '../../src/core/aws/clientFactory';
import { collectPosture, type CollectPostureOptions } from '../../src/core/posture/collectPosture';
import type { AccountPosture, BucketPosture } from '../../src/core/posture/types';
import type { FakeAccount } from './scenario';
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from './server';

/** Real SDK clients pointed at the fake: loopback endpoint, path style, fixed fake keys, no retries. */
export function clientsFor(fake: FakeAws, overrides: AwsClientOptions = {}): AwsClients {
  return createAwsClients({
    endpoint: fake.endpoint,
    forcePathStyle: true,
    credentials: { ...FAKE_CREDENTIALS },
    region: 'us-east-1',
    maxAttempts: 1,
    ...overrides,
  });
}

/** Starts the fake, hands it and its clients to `run`, and always closes both; fails on any unrouted request. */
export async function withFakeAws<T>(account: FakeAccount, run: (fake: FakeAws, clients: AwsClients) => Promise<T>, overrides: AwsClientOptions = {}): Promise<T> {
  const fake = await startFakeAws(account);
  const clients = clientsFor(fake, overrides);
  try {
    const result = await run(fake, clients);
    fake.assertAllRouted();
    return result;
  } finally {
    clients.destroy();
    await fake.close();
  }
}

/** Collects the fake account's posture with real clients. */
export async function postureOf(
  account: FakeAccount,
  options: Omit<CollectPostureOptions, 'clients'> = {},
  overrides: AwsClientOptions = {},
): Promise<{ posture: AccountPosture; fake: FakeAws }> {
  let captured: FakeAws | undefined;
  const posture = await withFakeAws(
    account,
    async (fake, clients) => {
      captured = fake;
      return collectPosture({ ...options, clients });
    },
    overrides,
  );
  return { posture, fake: captured as FakeAws };
}

export function bucketNamed(posture: AccountPosture, name: string): BucketPosture {
  const bucket = posture.buckets.find((candidate) => candidate.name === name);
  if (!bucket) throw new Error(`no bucket ${name} in posture (have ${posture.buckets.map((b) => b.name).join(', ')})`);
  return bucket;
}
