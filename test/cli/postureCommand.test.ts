import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { AccountPosture } from '../../src/core/posture/types';
import { parsePostureArguments } from '../../src/cli/postureCommand';
import { UsageError } from '../../src/cli/cliArguments';
import { fakeAccount, FULL_BPA, type FakeAccount } from '../fakeAws/scenario';
import { FAKE_CREDENTIALS, startFakeAws } from '../fakeAws/server';
import { runCliProcess, type CliRun } from './runCliProcess';

/** Settings that keep the spawned CLI away from the developer's own AWS files, profiles and instance role. */
const ISOLATED_ENV = {
  AWS_CONFIG_FILE: path.join(tmpdir(), 'no-such-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(tmpdir(), 'no-such-aws-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PROFILE: '',
  AWS_REGION: 'us-east-1',
  AWS_MAX_ATTEMPTS: '1',
};

async function postureCli(account: FakeAccount, args: string[], credentials = true): Promise<CliRun> {
  const fake = await startFakeAws(account);
  try {
    return await runCliProcess(['posture', ...args], {
      env: {
        ...ISOLATED_ENV,
        AWS_ENDPOINT_URL: fake.endpoint,
        AWS_ACCESS_KEY_ID: credentials ? FAKE_CREDENTIALS.accessKeyId : '',
        AWS_SECRET_ACCESS_KEY: credentials ? FAKE_CREDENTIALS.secretAccessKey : '',
      },
    });
  } finally {
    await fake.close();
  }
}

const publicPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::open-bucket/*' }],
});

const account = fakeAccount({
  aliases: ['acme'],
  buckets: [
    { name: 'closed-bucket', region: 'eu-west-1', publicAccessBlock: FULL_BPA, logging: { targetBucket: 'logs', targetPrefix: 'closed/' } },
    { name: 'open-bucket', region: 'us-east-1', policy: publicPolicy, policyIsPublic: true },
  ],
});

describe('posture command (built CLI against the local AWS-format server)', () => {
  test('prints the account posture as JSON, with each bucket’s states', async () => {
    const run = await postureCli(account, []);
    assert.equal(run.code, 0, run.stderr);
    const posture = JSON.parse(run.stdout) as AccountPosture;
    assert.equal(posture.account, '123456789012');
    assert.equal(posture.alias, 'acme');
    const byName = new Map(posture.buckets.map((bucket) => [bucket.name, bucket]));
    assert.equal(byName.get('closed-bucket')?.logging.state, 'on');
    assert.equal(byName.get('closed-bucket')?.publicAccess.state, 'not-public');
    assert.equal(byName.get('open-bucket')?.publicAccess.state, 'public');
    assert.equal(byName.get('open-bucket')?.logging.state, 'off');
  });

  test('--region limits what is examined but still lists every bucket', async () => {
    const run = await postureCli(account, ['--region', 'eu-west-1', '--format', 'csv']);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.trimEnd().split('\r\n');
    assert.equal(rows.length, 3);
    const open = rows.find((row) => row.includes(',open-bucket,'));
    assert.ok(open && open.includes(',unknown,'), open);
  });

  test('--format md --output FILE writes the Markdown report and says where', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'posture-'));
    try {
      const file = path.join(folder, 'posture.md');
      const run = await postureCli(account, ['--format', 'md', '--output', file]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /2 bucket\(s\) in 1 account\(s\); posture written to/);
      assert.match(readFileSync(file, 'utf8'), /open-bucket/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('several --profile: one account posture each, as a JSON array', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'posture-profiles-'));
    try {
      const credentialsFile = path.join(folder, 'credentials');
      const keys = `aws_access_key_id = ${FAKE_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${FAKE_CREDENTIALS.secretAccessKey}\n`;
      writeFileSync(credentialsFile, `[team-a]\n${keys}[team-b]\n${keys}`);
      const fake = await startFakeAws(account);
      let run: CliRun;
      try {
        run = await runCliProcess(['posture', '--profile', 'team-a', '--profile', 'team-b'], {
          env: { ...ISOLATED_ENV, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_ENDPOINT_URL: fake.endpoint, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
        });
      } finally {
        await fake.close();
      }
      assert.equal(run.code, 0, run.stderr);
      const postures = JSON.parse(run.stdout) as AccountPosture[];
      assert.deepEqual(postures.map((posture) => [posture.profile, posture.buckets.length]), [
        ['team-a', 2],
        ['team-b', 2],
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('expired credentials: exit 3 with one line saying to sign in again', async () => {
    const run = await postureCli({ ...account, faults: [{ operation: '*', error: 'ExpiredToken' }] }, []);
    assert.equal(run.code, 3, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /expired.*aws sso login/);
  });

  test('no credentials at all: exit 3 with one line', async () => {
    const run = await postureCli(account, [], false);
    assert.equal(run.code, 3, run.stderr);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /credentials could not be used/);
  });

  test('usage errors exit 2', async () => {
    for (const args of [['--format', 'xml'], ['--bogus'], ['--region', 'Mars'], ['extra']]) {
      const run = await runCliProcess(['posture', ...args], { env: ISOLATED_ENV });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^s3-security-review: /);
    }
  });
});

describe('parsePostureArguments', () => {
  test('repeatable and comma-separated profiles and regions, defaults', () => {
    assert.deepEqual(parsePostureArguments(['--profile', 'a,b', '-p', 'a', '--region', 'eu-west-1', '-f', 'md', '-o', 'x.md', '--concurrency', '8']), {
      profiles: ['a', 'b'],
      regions: ['eu-west-1'],
      format: 'md',
      output: 'x.md',
      concurrency: 8,
    });
    assert.deepEqual(parsePostureArguments([]), { profiles: [], regions: [], format: 'json' });
    assert.equal(parsePostureArguments(['--help']), 'help');
    assert.throws(() => parsePostureArguments(['--concurrency', '0']), UsageError);
    assert.throws(() => parsePostureArguments(['--output', '']), UsageError);
  });
});
