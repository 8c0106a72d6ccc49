#!/usr/bin/env node
// `npm run test:e2e`: the extension's end-to-end tests inside a real VS Code host.
//
// 1. installs the host once into .e2e/host/ (see host.mjs), 2. builds the extension and packages the
// .vsix, installs it into a staging folder (so the run loads exactly what ships), 3. copies the fixture
// workspace to a fresh temp folder, 4. starts the VS Code server and opens the workbench in headless
// Chromium with the payload extensionDevelopmentPath/extensionTestsPath (the @vscode/test-electron
// contract): the Node extension host loads the extension, requires out/e2e/index.js and awaits run(),
// 5. exits with the suite's result, after a final line `N passed, N failed`.
//
// Options: --dev         load the extension from the repository (dist/) instead of the packaged .vsix
//          --grep REGEX  run only the tests whose full title matches REGEX
//          --keep        keep the temp run folder (workspace copy, user data, logs)
//          --untrusted   open the folder untrusted (workspace trust on) and run the "Untrusted workspace" suite
//          --install-only  install the host and stop
// Env:     E2E_TIMEOUT_MS  bound of one run after the host is installed (default 360000 = 6 min)
//          E2E_HOST_CACHE  where the host is installed (default .e2e/host; outside the clone, fresh clones reuse it)
//          E2E_VERBOSE=1   also print the workbench page's own console
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { launchBrowser, openWorkbench, VIEWPORT, workbenchUrl } from './browser.mjs';
import { buildExtension, bundleSuite, FIXTURE_WORKSPACE_DIR, packageVsix } from './build.mjs';
import { ensureHost } from './host.mjs';
import { elapsedSeconds, log } from './log.mjs';
import { exitAfterCleanup, installExitHandlers, isExiting, onAfterProcessesEnded, onBeforeExit } from './processes.mjs';
import { installVsix, startServer } from './server.mjs';

const { values: options } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'install-only': { type: 'boolean', default: false },
    untrusted: { type: 'boolean', default: false },
  },
});
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(repoRoot, '.e2e');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
const runTimeoutMs = Number(process.env.E2E_TIMEOUT_MS || 360000);

installExitHandlers();

/** Everything a failed run leaves for a person to look at. */
const evidence = { page: undefined, server: undefined, runDir: undefined, transcript: [], hostLogs: [], saved: false };

async function main() {
  const installStarted = Date.now();
  const host = await ensureHost(cacheDir);
  log(`host ready in ${elapsedSeconds(installStarted)} s: VS Code ${host.vscodeVersion} (code-server ${host.version}), browser ${host.chromium}`);
  if (options['install-only']) return 0;

  const runStarted = Date.now();
  // Last resort for a step that hangs outside the bounded waits below (those throw RunTimeout first).
  const watchdog = setTimeout(() => {
    console.error(`[e2e] the run is stuck ${runTimeoutMs / 1000 + 60} s after its start: stopping it`);
    void saveEvidence('stuck').finally(() => exitAfterCleanup(124));
  }, runTimeoutMs + 60000);
  watchdog.unref();

  buildExtension(repoRoot);
  const { testsPath, hostProbesPath } = await bundleSuite(repoRoot);
  log(`built the extension and the suite in ${elapsedSeconds(runStarted)} s`);

  // Short, fresh and private to this run: tests may edit and save workspace files; the server puts unix
  // sockets under it (108-byte path limit).
  const runDir = mkdtempSync(join(tmpdir(), 's3e2e-'));
  evidence.runDir = runDir;
  onAfterProcessesEnded(() => {
    if (!options.keep) rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  });
  const workspaceDir = join(runDir, 'ws');
  cpSync(join(repoRoot, FIXTURE_WORKSPACE_DIR), workspaceDir, { recursive: true });

  let extensionPath = repoRoot;
  if (!options.dev) {
    const vsix = join(runDir, `${manifest.name}.vsix`);
    packageVsix(repoRoot, vsix);
    extensionPath = installVsix(host, vsix, join(runDir, 'staged-ext'), extensionId);
    log(`packaged and unpacked the .vsix: ${extensionPath}`);
  }

  const resultFile = join(runDir, 'result.json');
  const server = await startServer({
    host,
    runDir,
    workspaceTrust: options.untrusted,
    // The extension host inherits the server's environment: this is how the suite learns where to
    // report and what to run (the web client ignores a payload `extensionEnvironment`).
    env: {
      E2E_RESULT_FILE: resultFile,
      E2E_GREP: options.grep ?? (options.untrusted ? 'Untrusted workspace' : ''),
      E2E_UNTRUSTED: options.untrusted ? '1' : '',
      E2E_EXTENSION_ID: extensionId,
      E2E_LOGS_DIR: join(runDir, 'ud', 'logs'),
      // Every Node process of the server records its outbound connections (and the extension's activation
      // time) from its start; the suite asserts on the extension host's record: activation may happen
      // before the suite loads.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(hostProbesPath)}`.trim(),
      E2E_EXTENSION_MAIN: join(extensionPath, manifest.main ?? 'extension.js').replace(/(\.js)?$/, '.js'),
    },
  });
  evidence.server = server;
  onBeforeExit(() => server.stop());
  log(`VS Code server up in ${server.startMs} ms on ${server.url}`);

  const browser = await launchBrowser(host.chromium);
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  evidence.page = page;
  const exitCode = await runSuiteInWorkbench(page, workbenchUrl(server, workspaceDir, { extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath }), runStarted);
  clearTimeout(watchdog);

  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  log(`E2E_RUN_SECONDS=${elapsedSeconds(runStarted)} (build, package, server, browser, tests, excluding the host install)`);
  if (exitCode !== 0) await saveEvidence('failed');
  if (!result) {
    console.log('the suite reported no result (it did not load, or the extension host died)');
    return exitCode === 0 ? 1 : exitCode;
  }
  console.log(`${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return exitCode === 0 && result.failed === 0 && result.passed > 0 ? 0 : 1;
}

/** Opens the workbench and resolves with the code the extension host hands to codeAutomationExit. */
async function runSuiteInWorkbench(page, url, runStarted) {
  let resolveExit;
  const exited = new Promise((resolveFn) => { resolveExit = resolveFn; });
  // The same hooks @vscode/test-web and VS Code's own browser integration tests use: the workbench
  // forwards the extension host's console to codeAutomationLog and, when run() settles, calls
  // codeAutomationExit(code, logs).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    evidence.transcript.push(`[${type}] ${text}`);
    if (isWorkbenchNoise(text)) return;
    console.log(type === 'log' || type === 'info' ? text : `[host ${type}] ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (Array.isArray(logs)) evidence.hostLogs = logs;
    resolveExit(code);
  });
  if (process.env.E2E_VERBOSE) page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => evidence.transcript.push(`[pageerror] ${String(error)}`));
  const remaining = () => Math.max(1000, runTimeoutMs - (Date.now() - runStarted));
  await openWorkbench(page, url, remaining());
  log('workbench rendered; the suite runs in the extension host');
  const code = await Promise.race([
    exited,
    new Promise((_, reject) => setTimeout(() => reject(new RunTimeout(`no result from the extension host within the run's bound of ${runTimeoutMs / 1000} s (E2E_TIMEOUT_MS)`)), remaining()).unref()),
  ]);
  return typeof code === 'number' ? code : 1;
}

/** Lines the workbench itself forwards (not the suite's or the extension's) that say nothing about the run. */
function isWorkbenchNoise(text) {
  return /Service Worker|builtin extensions cache|Ignoring fetching additional builtin|ChatSessionStore|Creating a socket|Resolving connection token|Resolved connection token|Creation of workbench contribution/.test(text);
}

/** Failed runs whose evidence is kept under .e2e/runs/ (the oldest go first). */
const KEPT_EVIDENCE_RUNS = 10;

function pruneOldEvidence(runsDir, keep) {
  if (!existsSync(runsDir)) return;
  const runs = readdirSync(runsDir).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - keep))) rmSync(join(runsDir, old), { recursive: true, force: true });
}

async function saveEvidence(reason) {
  // Interrupted (Ctrl-C, SIGTERM): what follows the interruption is no evidence of anything.
  if (evidence.saved || isExiting()) return;
  evidence.saved = true;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const runsDir = join(cacheDir, 'runs');
  const dir = join(runsDir, stamp);
  pruneOldEvidence(runsDir, KEPT_EVIDENCE_RUNS - 1);
  mkdirSync(dir, { recursive: true });
  const saved = [];
  if (evidence.page) {
    const screenshot = join(dir, 'screenshot.png');
    try {
      await evidence.page.screenshot({ path: screenshot, timeout: 10000 });
      saved.push(screenshot);
    } catch {
      // the page is gone: the logs below still say what happened
    }
  }
  writeFileSync(join(dir, 'transcript.log'), `${evidence.transcript.join('\n')}\n`);
  saved.push(join(dir, 'transcript.log'));
  for (const hostLog of evidence.hostLogs) {
    const target = join(dir, 'host-logs', hostLog.relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, hostLog.contents);
  }
  if (evidence.hostLogs.length > 0) saved.push(join(dir, 'host-logs'));
  if (evidence.runDir) {
    for (const [from, to] of [['server.log', 'server.log'], ['ud/logs', 'logs'], ['sd/logs', 'server-data-logs']]) {
      const source = join(evidence.runDir, from);
      if (!existsSync(source)) continue;
      cpSync(source, join(dir, to), { recursive: true });
      saved.push(join(dir, to));
    }
  }
  console.error(`[e2e] run ${reason}; evidence saved:\n${saved.map((path) => `  ${path}`).join('\n')}`);
}

// Last, after every declaration above: top-level await would otherwise run into uninitialised constants.
class RunTimeout extends Error {}

try {
  const code = await main();
  await exitAfterCleanup(code);
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  await saveEvidence(error instanceof RunTimeout ? 'timed out' : 'failed with an error');
  await exitAfterCleanup(error instanceof RunTimeout ? 124 : 1);
}
