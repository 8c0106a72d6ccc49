#!/usr/bin/env node
// `npm run screenshots`: pictures of the extension at work in a real VS Code, for the README.
//
// Installs the packaged .vsix into a fresh VS Code server (as a user would), opens the fixture workspace
// in headless Chromium (1400x900, quiet settings), opens a Terraform file with a public-read bucket
// policy, runs the workspace scan, and saves to docs/images/:
//   problems-panel.png   the file with its squiggles and its findings in the Problems panel
//   diagnostic-hover.png the hover on the public principal: what and why
//   quick-fixes.png      the quick fixes offered for it (Ctrl+.)
//   workspace-scan.png   "S3: Scan workspace for public buckets": its summary and the full Problems panel
// Options: --out DIR (default docs/images), --keep (keep the temp run folder)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser, openWorkbench, VIEWPORT, workbenchUrl } from './browser.mjs';
import { buildExtension, FIXTURE_WORKSPACE_DIR, packageVsix } from './build.mjs';
import { ensureHost } from './host.mjs';
import { log } from './log.mjs';
import { exitAfterCleanup, installExitHandlers, onAfterProcessesEnded, onBeforeExit } from './processes.mjs';
import { installVsix, startServer } from './server.mjs';

const { values: options } = parseArgs({
  options: { out: { type: 'string', default: join('docs', 'images') }, keep: { type: 'boolean', default: false } },
});
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = resolve(repoRoot, options.out);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const TERRAFORM_FILE = 'terraform/public-site/main.tf';
/** The element the hover and quick-fix pictures point at: the value of the public principal. */
const PUBLIC_ELEMENT = { line: 'Principal = "*"', text: '"*"' };
const STEP_TIMEOUT_MS = 30000;

installExitHandlers();
async function main() {
  const host = await ensureHost(join(repoRoot, '.e2e'));
  buildExtension(repoRoot);
  const runDir = mkdtempSync(join(tmpdir(), 's3shots-'));
  onAfterProcessesEnded(() => {
    if (!options.keep) rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  });
  // The folder name shows in the Explorer and the title bar.
  const workspaceDir = join(runDir, 'example-infra');
  cpSync(join(repoRoot, FIXTURE_WORKSPACE_DIR), workspaceDir, { recursive: true });
  const vsix = join(runDir, `${manifest.name}.vsix`);
  packageVsix(repoRoot, vsix);
  installVsix(host, vsix, join(runDir, 'ext'), extensionId);

  const server = await startServer({
    host,
    runDir,
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.minimap.enabled': false,
      'editor.hover.delay': 200,
      'editor.lightbulb.enabled': 'onCode',
      'window.title': '${rootName}',
      'workbench.editor.enablePreview': false,
      'problems.showCurrentInStatus': false,
    },
  });
  onBeforeExit(() => server.stop());
  const browser = await launchBrowser(host.chromium);
  page = await (await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })).newPage();
  await openWorkbench(page, workbenchUrl(server, workspaceDir), 60000);
  log('workbench rendered');
  mkdirSync(outDir, { recursive: true });

  await openFile(TERRAFORM_FILE);
  const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  log(`findings shown in ${TERRAFORM_FILE}`);

  // 1. The opened module's findings (main.tf and its sibling uploads.tf) in the Problems panel.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'S3-PUBLIC-READ' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await focusEditorAwayFrom(PUBLIC_ELEMENT);
  await dismissNotifications();
  await settle();
  await save('problems-panel.png');

  // 2. The hover on the public principal.
  const element = await elementBox(PUBLIC_ELEMENT);
  const centre = { x: element.x + element.width / 2, y: element.y + element.height / 2 };
  await page.mouse.move(centre.x - 20, centre.y);
  await page.mouse.move(centre.x, centre.y, { steps: 5 });
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'S3-PUBLIC-READ' }).first();
  await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle();
  await save('diagnostic-hover.png');

  // 3. The quick fixes for it, as Ctrl+. shows them.
  await page.mouse.move(centre.x + 400, centre.y + 250);
  await page.keyboard.press('Escape');
  await page.mouse.click(centre.x, centre.y);
  await page.mouse.move(centre.x + 400, centre.y + 250);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: 'Block Public Access' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle();
  await save('quick-fixes.png');
  await page.keyboard.press('Escape');

  // 4. The workspace scan: its summary and everything it found.
  await runCommand('S3: Scan workspace for public buckets');
  const summary = page.locator('.notifications-toasts .notification-toast', { hasText: /findings? in \d+ files?/ }).first();
  await summary.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS * 2 });
  await clearOtherNotifications();
  await focusEditorAwayFrom(PUBLIC_ELEMENT);
  await settle();
  await save('workspace-scan.png');
}

/**
 * Clicks the empty editor area below the text (the cursor goes to the last, empty line), so no list row,
 * bracket pair or text carries a focus mark.
 */
async function focusEditorAwayFrom(element) {
  const box = await elementBox(element);
  await page.mouse.click(box.x + 500, box.y + 200);
  await page.mouse.move(box.x + 700, box.y + 220);
}

async function openFile(relativePath) {
  await page.locator('.part.editor').click({ position: { x: 300, y: 300 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: relativePath.split('/').pop() }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container .tab', { hasText: relativePath.split('/').pop() }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

async function runCommand(title) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^[^:]+:\s*/, '') }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** Toasts that are not the extension's own (e.g. a workbench tip) do not belong in the pictures. */
async function clearOtherNotifications() {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (let index = (await toasts.count()) - 1; index >= 0; index--) {
    const toast = toasts.nth(index);
    if (/S3 Security Review/.test(await toast.innerText())) continue;
    await toast.hover();
    await toast.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => {});
  }
}

async function dismissNotifications() {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (let index = (await toasts.count()) - 1; index >= 0; index--) {
    const toast = toasts.nth(index);
    await toast.hover().catch(() => {});
    await toast.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => {});
  }
}

/* global document, NodeFilter -- elementBox's callback runs in the page */
/** Screen box of `element.text` on the first visible editor line that shows `element.line`. */
async function elementBox(element) {
  const line = page.locator('.monaco-editor .view-line', { hasText: element.line }).first();
  await line.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const box = await line.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    let joined = '';
    const parts = [];
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      parts.push({ node: current, start: joined.length });
      joined += current.textContent;
    }
    // The editor renders spaces as non-breaking spaces.
    const lineText = joined.replace(/\u00a0/g, ' ');
    const start = lineText.indexOf(wanted.text, lineText.indexOf(wanted.line));
    if (start < 0) return undefined;
    const range = document.createRange();
    const locate = (offset) => {
      const part = [...parts].reverse().find((candidate) => candidate.start <= offset);
      return [part.node, offset - part.start];
    };
    range.setStart(...locate(start));
    range.setEnd(...locate(start + wanted.text.length));
    const rect = range.getBoundingClientRect();
    return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }, element);
  if (!box) throw new Error(`"${element.text}" of "${element.line}" is not visible in the editor`);
  return box;
}

/** Lets fades and decorations finish painting. */
function settle() {
  return page.waitForTimeout(700);
}

async function save(name) {
  const path = join(outDir, name);
  await page.screenshot({ path });
  log(`saved ${path}`);
}

// Last, after every declaration above: top-level await would otherwise run into uninitialised constants.
let page;
try {
  await main();
  await exitAfterCleanup(0);
} catch (error) {
  console.error(`[screenshots] ${error instanceof Error ? error.message : String(error)}`);
  if (page) {
    const failure = join(repoRoot, '.e2e', 'screenshots-failure.png');
    await page.screenshot({ path: failure }).then(() => console.error(`[screenshots] what the page showed: ${failure}`), () => {});
  }
  await exitAfterCleanup(1);
}
