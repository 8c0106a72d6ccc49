// Starts the plain VS Code server that code-server bundles (lib/vscode/out/server-main.js) for one run.
//
// Not code-server's own CLI: the web workbench honours extensionDevelopmentPath / extensionTestsPath from
// the URL payload only in a built product started with --enable-smoke-test-driver, a flag code-server's
// CLI rejects. The plain server accepts it, and serves the same workbench and Node extension host.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnGroup, stopGroup } from './processes.mjs';

const LISTENING = /Extension host agent listening on (\d+)/;

/**
 * Settings for a quiet, offline workbench: no welcome page or walkthrough, no git prompt (the run folder
 * may sit inside a repository), no telemetry, update check, recommendations or AI side bar.
 */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'json.schemaDownload.enable': false,
  'window.commandCenter': false,
};

/**
 * @param {object} options
 * @param {import('./host.mjs').Host} options.host
 * @param {string} options.runDir          short path (the server puts unix sockets under it: 108-byte limit)
 * @param {Record<string,string>} [options.env]  extra environment; the extension host inherits it
 * @param {Record<string,unknown>} [options.settings] user settings on top of the quiet defaults
 * @param {number} [options.timeoutMs]
 * @param {boolean} [options.workspaceTrust]  keep workspace trust on: the folder opens untrusted
 */
export async function startServer({ host, runDir, env = {}, settings = {}, timeoutMs = 30000, workspaceTrust = false }) {
  const userDataDir = join(runDir, 'ud');
  const serverDataDir = join(runDir, 'sd');
  const extensionsDir = join(runDir, 'ext');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(serverDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // The web client of this server reads the user settings from the server's user-data-dir.
  // With workspaceTrust the folder opens untrusted (restricted mode), as a user's first visit would.
  const trustSettings = workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeJson(join(userDataDir, 'User', 'settings.json'), { ...USER_SETTINGS, ...trustSettings, ...settings });

  const logFile = join(runDir, 'server.log');
  const out = openSync(logFile, 'a');
  const started = Date.now();
  const child = spawnGroup('vscode-server', host.nodeBin, [
    host.serverMain,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', userDataDir,
    '--server-data-dir', serverDataDir,
    '--extensions-dir', extensionsDir,
  ], {
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      ...env,
      // No extension gallery: its default is unreachable here and only adds ENOTFOUND noise.
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
    },
  });
  closeSync(out);
  let exited = false;
  child.on('exit', () => { exited = true; });

  let port;
  while (!port) {
    const match = LISTENING.exec(readFileSync(logFile, 'utf8'));
    if (match) port = Number(match[1]);
    else if (exited) throw new Error(`the VS Code server exited at start:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    else if (Date.now() - started > timeoutMs) throw new Error(`the VS Code server did not listen within ${timeoutMs} ms (log: ${logFile})`);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const authority = `127.0.0.1:${port}`;
  return {
    authority,
    url: `http://${authority}`,
    pgid: child.pid,
    startMs: Date.now() - started,
    logFile,
    userDataDir,
    serverDataDir,
    extensionsDir,
    /** vscode-remote URI of a path on this machine, as the web client resolves it on this server */
    remoteUri: (absolutePath) => `vscode-remote://${authority}${absolutePath}`,
    stop: () => stopGroup(child.pid),
  };
}

/** Installs a .vsix into `extensionsDir` with the server's own CLI (offline) and returns the extension's folder. */
export function installVsix(host, vsixPath, extensionsDir, extensionId) {
  mkdirSync(extensionsDir, { recursive: true });
  const result = spawnSync(host.nodeBin, [host.serverMain, '--accept-server-license-terms', '--extensions-dir', extensionsDir, '--install-extension', vsixPath, '--force'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120000,
    env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' },
  });
  if (result.status !== 0) throw new Error(`installing ${vsixPath} failed: ${result.stdout}${result.stderr}`);
  const listed = spawnSync(host.nodeBin, [host.serverMain, '--accept-server-license-terms', '--extensions-dir', extensionsDir, '--list-extensions', '--show-versions'], { encoding: 'utf8' });
  const line = listed.stdout.split('\n').find((entry) => entry.toLowerCase().startsWith(`${extensionId.toLowerCase()}@`));
  if (!line) throw new Error(`${extensionId} is not listed after installing ${vsixPath}: ${listed.stdout}${listed.stderr}`);
  const version = line.split('@')[1].trim();
  return join(extensionsDir, `${extensionId.toLowerCase()}-${version}`);
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
