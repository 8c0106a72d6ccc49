/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fakeAccount, FULL_BPA } from '../../fakeAws/scenario';
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from '../../fakeAws/server';
import { describeDiagnostics, ourDiagnostics, waitForRule } from './findings';
import { waitFor } from './waitFor';

/** What `s3SecurityReview.refreshBuckets` resolves to (src/commands/bucketRefresh.ts). */
interface PostureRefreshReport {
  accounts: Array<{ account: string | null; buckets: number; problems: string[] }>;
  buckets: number;
  publicBuckets: number;
}

const publicPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::open-bucket/*' }],
});

const account = fakeAccount({
  aliases: ['e2e-account'],
  accountPublicAccessBlock: {},
  buckets: [
    { name: 'closed-bucket', region: 'eu-west-1', publicAccessBlock: FULL_BPA, logging: { targetBucket: 'logs', targetPrefix: 'closed/' } },
    { name: 'open-bucket', region: 'us-east-1', policy: publicPolicy, policyIsPublic: true },
  ],
});

/**
 * The extension runs in this very process: the fake AWS server listens on loopback here, and the
 * standard endpoint and credential variables point the extension's SDK clients at it. They are set
 * before the view is first opened, which is when the extension first reads an account.
 */
const AWS_ENV: Record<string, string> = {
  AWS_ENDPOINT_URL: '',
  AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

suite('Bucket tree (live account through a local AWS-format server)', () => {
  let fake: FakeAws;
  const saved = new Map<string, string | undefined>();

  suiteSetup(async () => {
    fake = await startFakeAws(account);
    for (const [name, value] of Object.entries({ ...AWS_ENV, AWS_ENDPOINT_URL: fake.endpoint })) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    saved.set('AWS_PROFILE', process.env.AWS_PROFILE);
    delete process.env.AWS_PROFILE;
  });

  suiteTeardown(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  });

  test('no AWS call before the view opens; opening it reads the account', async function () {
    this.timeout(60_000);
    assert.equal(fake.requests.length, 0, 'AWS was called before the view was opened');
    await vscode.commands.executeCommand('workbench.view.extension.s3SecurityReview');
    await waitFor(() => fake.calls('ListBuckets').length > 0, 'ListBuckets after the view opened', 30_000);
    await waitFor(() => fake.calls('GetBucketPolicy', 'open-bucket').length > 0, 'the open bucket’s policy read', 30_000);
  });

  test('refresh resolves with every bucket and the public one', async function () {
    this.timeout(60_000);
    const report = await vscode.commands.executeCommand<PostureRefreshReport | undefined>('s3SecurityReview.refreshBuckets');
    assert.ok(report, 'refresh returned no report');
    assert.equal(report.buckets, 2, JSON.stringify(report));
    assert.equal(report.publicBuckets, 1, JSON.stringify(report));
    assert.equal(report.accounts[0]?.account, account.accountId);
    assert.deepEqual(fake.unrouted, []);
  });

  test('copy ARN from a bucket node', async () => {
    const node = { kind: 'bucket', id: 'account//bucket/open-bucket', profileKey: '', bucket: 'open-bucket' };
    const arn = await vscode.commands.executeCommand<string | undefined>('s3SecurityReview.copyBucketArn', node);
    assert.equal(arn, 'arn:aws:s3:::open-bucket');
    assert.equal(await vscode.env.clipboard.readText(), 'arn:aws:s3:::open-bucket');
  });

  test('the live bucket policy opens as a JSON document the diagnostics judge', async function () {
    this.timeout(60_000);
    const node = { kind: 'bucket', id: 'account//bucket/open-bucket', profileKey: '', bucket: 'open-bucket' };
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('s3SecurityReview.openBucketPolicy', node);
    assert.ok(document, 'no document opened');
    assert.equal(document.languageId, 'json');
    assert.equal(document.uri.scheme, 'untitled');
    await waitForRule(document.uri, 'S3-PUBLIC-READ').catch((error: unknown) => {
      throw new Error(`${String(error)}\n${describeDiagnostics(ourDiagnostics(document.uri))}`);
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
