import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { collectPosture } from '../../../src/core/posture/collectPosture';
import { fakeAccount } from '../../fakeAws/scenario';
import { startFakeAws } from '../../fakeAws/server';

/**
 * Named profiles resolve through the SDK's own chain (static keys, credential_process, SSO), read
 * from a throw-away HOME and config files, against the fake; nothing here reaches a network.
 */
async function withAwsHome<T>(files: { config: string; credentials?: string; extra?: Record<string, string> }, run: (home: string) => Promise<T>): Promise<T> {
  const home = mkdtempSync(path.join(tmpdir(), 's3sr-aws-home-'));
  const aws = path.join(home, '.aws');
  mkdirSync(aws, { recursive: true });
  writeFileSync(path.join(aws, 'config'), files.config);
  writeFileSync(path.join(aws, 'credentials'), files.credentials ?? '');
  for (const [relative, text] of Object.entries(files.extra ?? {})) {
    mkdirSync(path.dirname(path.join(home, relative)), { recursive: true });
    writeFileSync(path.join(home, relative), text);
  }
  const keys = ['HOME', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];
  const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
  for (const key of keys) delete process.env[key];
  process.env.HOME = home;
  process.env.AWS_CONFIG_FILE = path.join(aws, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(aws, 'credentials');
  try {
    return await run(home);
  } finally {
    for (const key of keys) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    rmSync(home, { recursive: true, force: true });
  }
}

describe('profiles through the SDK credential chain', () => {
  test('a static-keys profile signs every call with its key, in the profile’s region', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'b', region: 'eu-west-1' }] }));
    try {
      const posture = await withAwsHome(
        {
          config: '[profile auditor]\nregion = eu-west-1\n',
          credentials: '[auditor]\naws_access_key_id = AKIDPROFILEAUDITOR1\naws_secret_access_key = not-a-secret\n',
        },
        () => collectPosture({ profile: 'auditor', clientOptions: { endpoint: fake.endpoint, maxAttempts: 1 } }),
      );
      fake.assertAllRouted();
      assert.equal(posture.profile, 'auditor');
      assert.equal(posture.account, '123456789012');
      assert.deepEqual([...new Set(fake.requests.map((request) => request.accessKeyId))], ['AKIDPROFILEAUDITOR1']);
      // Account-wide calls go to the profile's region.
      assert.equal(fake.calls('GetCallerIdentity')[0]?.region, 'eu-west-1');
      assert.equal(posture.buckets[0]?.logging.state, 'off');
    } finally {
      await fake.close();
    }
  });

  test('a credential_process profile is used as the SDK runs it', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [] }));
    try {
      await withAwsHome(
        {
          config: '[profile tool]\nregion = us-east-1\ncredential_process = node ./creds.js\n',
          extra: {
            'creds.js': `console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDFROMPROCESS0001', SecretAccessKey: 'not-a-secret' }));\n`,
          },
        },
        async (home) => {
          const cwd = process.cwd();
          process.chdir(home);
          try {
            await collectPosture({ profile: 'tool', clientOptions: { endpoint: fake.endpoint, maxAttempts: 1 } });
          } finally {
            process.chdir(cwd);
          }
        },
      );
      fake.assertAllRouted();
      assert.ok(fake.requests.length > 0);
      assert.ok(fake.requests.every((request) => request.accessKeyId === 'AKIDFROMPROCESS0001'));
    } finally {
      await fake.close();
    }
  });

  test('an expired SSO session: one clear "sign in again" problem naming the profile, no call made', async () => {
    const fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'b', region: 'us-east-1' }] }));
    const startUrl = 'https://example.awsapps.com/start';
    const cacheFile = `.aws/sso/cache/${createHash('sha1').update(startUrl).digest('hex')}.json`;
    try {
      const posture = await withAwsHome(
        {
          config: `[profile sso-dev]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Auditor\nregion = us-east-1\n`,
          extra: { [cacheFile]: JSON.stringify({ accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl }) },
        },
        () => collectPosture({ profile: 'sso-dev', clientOptions: { endpoint: fake.endpoint, maxAttempts: 1 } }),
      );
      assert.equal(posture.account, null);
      assert.equal(posture.problems[0]?.kind, 'expired', JSON.stringify(posture.problems));
      assert.match(posture.problems[0]?.message ?? '', /aws sso login --profile sso-dev/);
      assert.equal(fake.requests.length, 0);
      assert.doesNotMatch(JSON.stringify(posture), /expired-token/);
    } finally {
      await fake.close();
    }
  });
});
