#!/usr/bin/env node
// Pictures of the live bucket tree for the README, against the product's own local AWS-format server
// (test/fakeAws) with a small demo account: a public website bucket, a log bucket, a bucket with CloudTrail
// data events, and one whose GetBucketLogging is denied (an "unknown" that names the permission).
// Saves docs/images/bucket-tree.png and docs/images/bucket-tooltip.png.
import { fork } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openWorkbench, VIEWPORT, workbenchUrl } from './browser.mjs';
import { buildExtension, FIXTURE_WORKSPACE_DIR } from './build.mjs';
import { ensureHost } from './host.mjs';
import { exitAfterCleanup, installExitHandlers, onAfterProcessesEnded, onBeforeExit } from './processes.mjs';
import { startServer } from './server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(repoRoot, 'docs', 'images');
const FULL_BLOCK = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
const websitePolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::website-assets/*' }],
});
const demoAccount = {
  accountId: '123456789012',
  canonicalUserId: 'c0ffee00'.repeat(8),
  aliases: ['acme-prod'],
  buckets: [
    { name: 'website-assets', region: 'us-east-1', policy: websitePolicy, policyIsPublic: true, logging: { targetBucket: 'central-logs', targetPrefix: 'web/' } },
    { name: 'central-logs', region: 'eu-west-1', publicAccessBlock: FULL_BLOCK },
    { name: 'customer-data', region: 'eu-west-1', publicAccessBlock: FULL_BLOCK, logging: { targetBucket: 'central-logs', targetPrefix: 'cust/' } },
    { name: 'billing-reports', region: 'eu-central-1', publicAccessBlock: FULL_BLOCK },
  ],
  accountPublicAccessBlock: {},
  trails: [
    {
      name: 'org-trail',
      homeRegion: 'eu-west-1',
      multiRegion: true,
      isLogging: true,
      eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::customer-data/'] }] }],
    },
  ],
  faults: [{ operation: 'GetBucketLogging', bucket: 'billing-reports', error: 'AccessDenied' }],
};

installExitHandlers();
async function main() {
  const fakeAws = fork(join(repoRoot, 'test', 'fakeAws', 'serverProcess.ts'), [], { execArgv: ['--import', 'tsx'], cwd: repoRoot });
  onBeforeExit(() => fakeAws.kill());
  const endpoint = await new Promise((resolveEndpoint) => {
    fakeAws.on('message', (message) => message.type === 'ready' && resolveEndpoint(message.endpoint));
    fakeAws.send({ type: 'start', account: demoAccount });
  });
  const host = await ensureHost(join(repoRoot, '.e2e'));
  buildExtension(repoRoot);
  const runDir = mkdtempSync(join(tmpdir(), 's3tree-'));
  onAfterProcessesEnded(() => rmSync(runDir, { recursive: true, force: true, maxRetries: 3 }));
  const workspaceDir = join(runDir, 'example-infra');
  cpSync(join(repoRoot, FIXTURE_WORKSPACE_DIR), workspaceDir, { recursive: true });
  // Only the VS Code server sees the demo endpoint and fake keys; nothing of ~/.aws is read.
  const server = await startServer({
    host,
    runDir,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLEDEMOONLY0',
      AWS_SECRET_ACCESS_KEY: 'demo-secret-not-a-real-key',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PROFILE: '',
      AWS_CONFIG_FILE: join(runDir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(runDir, 'no-aws-credentials'),
    },
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  });
  onBeforeExit(() => server.stop());
  const browser = await launchBrowser(host.chromium);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  await openWorkbench(page, workbenchUrl(server, workspaceDir, { extensionDevelopmentPath: repoRoot }), 60000);
  await page.locator('.activitybar .action-item a[aria-label*="S3 Security"]').first().click();
  await page.locator('.monaco-list-row', { hasText: 'customer-data' }).first().waitFor({ timeout: 60000 });
  // A wider side bar, so descriptions and badges are readable.
  const sidebar = await page.locator('.part.sidebar').first().boundingBox();
  if (sidebar) {
    const edge = { x: sidebar.x + sidebar.width - 1, y: sidebar.y + sidebar.height - 40 };
    await page.mouse.move(edge.x, edge.y);
    await page.waitForTimeout(400);
    await page.mouse.down();
    await page.mouse.move(edge.x + 260, edge.y, { steps: 10 });
    await page.mouse.up();
  }
  await page.waitForTimeout(2500);
  await page.locator('.monaco-list-row', { hasText: 'website-assets' }).first().click();
  await page.waitForTimeout(300);
  await page.locator('.monaco-list-row', { hasText: 'billing-reports' }).first().click();
  await page.waitForTimeout(800);
  mkdirSync(outDir, { recursive: true });
  await page.mouse.move(VIEWPORT.width - 50, VIEWPORT.height - 100);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(outDir, 'bucket-tree.png') });
  await page.locator('.monaco-list-row', { hasText: 'Public access' }).nth(1).hover();
  await page.waitForTimeout(1800);
  await page.screenshot({ path: join(outDir, 'bucket-tooltip.png') });
  console.log(`saved bucket-tree.png and bucket-tooltip.png to ${outDir}`);
}

main().then(
  () => exitAfterCleanup(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : String(error));
    return exitAfterCleanup(1);
  },
);
