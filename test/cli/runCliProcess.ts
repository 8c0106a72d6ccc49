import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
const CLI_SOURCE = path.join(REPO_ROOT, 'src', 'cli', 'main.ts');

/**
 * The CLI bundled once per test process (esbuild, a fraction of a second) into the git-ignored out/
 * folder, so each spawn starts plain node instead of compiling TypeScript through tsx again.
 */
let bundledCli: string | undefined;
function cliBundle(): string {
  if (bundledCli) return bundledCli;
  const outfile = path.join(REPO_ROOT, 'out', 'test-cli', `cli-${process.pid}.js`);
  const webTreeSitterDir = path.dirname(require.resolve('web-tree-sitter/tree-sitter.wasm'));
  esbuild.buildSync({
    entryPoints: [CLI_SOURCE],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    alias: { 'web-tree-sitter': path.join(webTreeSitterDir, 'tree-sitter.cjs') },
    logLevel: 'error',
  });
  bundledCli = outfile;
  process.on('exit', () => rmSync(outfile, { force: true }));
  return outfile;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the bundled CLI (`node cli.js …`) the way CI runs dist/cli.js. */
export function runCliProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  if (options.env?.NO_COLOR !== undefined) env.NO_COLOR = options.env.NO_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle(), ...args], {
      cwd: options.cwd ?? FIXTURES,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** 1-based line and column of the first occurrence of `needle` in a fixture, for asserting reported positions. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found in fixture`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}
