/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fakeAccount } from '../../fakeAws/scenario';
import { FAKE_CREDENTIALS, startFakeAws, type FakeAws } from '../../fakeAws/server';
import { ourDiagnostics, waitForDiagnostics } from './findings';
import { showWorkspaceFile, workspaceUri } from './workspaceFiles';

/**
 * Runs only in the pass that opens the folder untrusted (`npm run test:e2e -- --untrusted`): file
 * analysis is local and stays on; no AWS call may happen, even when the S3 Security view is opened.
 */
suite('Untrusted workspace', function () {
  let fake: FakeAws | undefined;
  const saved = new Map<string, string | undefined>();

  suiteSetup(async function () {
    if (process.env.E2E_UNTRUSTED !== '1') this.skip();
    fake = await startFakeAws(fakeAccount({ buckets: [{ name: 'any-bucket', region: 'us-east-1' }] }));
    const env: Record<string, string> = {
      AWS_ENDPOINT_URL: fake.endpoint,
      AWS_ACCESS_KEY_ID: FAKE_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: FAKE_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    for (const [name, value] of Object.entries(env)) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });

  suiteTeardown(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  });

  test('the folder is untrusted in this pass', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('files are still analysed: a public policy is flagged', async () => {
    await showWorkspaceFile('terraform/public-site/main.tf');
    const uri = workspaceUri('terraform/public-site/main.tf');
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.some((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'S3-PUBLIC-READ'), 'S3-PUBLIC-READ in an untrusted folder');
    assert.ok(ourDiagnostics(uri).length > 0);
  });

  test('opening the S3 Security view and asking for a refresh sends nothing to AWS', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.s3SecurityReview');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('s3SecurityReview.refreshBuckets').then(
      () => undefined,
      () => undefined,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(fake?.requests.length, 0, `requests reached the AWS endpoint: ${JSON.stringify(fake?.requests.slice(0, 3))}`);
  });
});
