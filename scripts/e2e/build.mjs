// Builds what the end-to-end run loads: the extension (scripts/build.mjs → dist/), its .vsix, and the
// mocha suite (test/e2e/suite/*.ts → out/e2e/*.js, one bundle per file, `vscode` and `mocha` left to
// the extension host's require).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export const SUITE_SOURCE_DIR = join('test', 'e2e', 'suite');
export const SUITE_OUT_DIR = join('out', 'e2e');
export const FIXTURE_WORKSPACE_DIR = join('test', 'e2e', 'workspace');

export function buildExtension(repoRoot) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Bundles the suite; returns the absolute paths of its entry module (the extensionTestsPath) and of the
 * probes (outbound connections, activation time) the runner preloads into the host.
 */
export async function bundleSuite(repoRoot) {
  const sourceDir = join(repoRoot, SUITE_SOURCE_DIR);
  const outDir = join(repoRoot, SUITE_OUT_DIR);
  // A test file deleted from the sources must not keep running from a stale bundle.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entryPoints = readdirSync(sourceDir)
    .filter((name) => name === 'index.ts' || name === 'hostProbesPreload.ts' || name.endsWith('.test.ts'))
    .map((name) => join(sourceDir, name));
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // No source maps: the extension host installs its own stack formatting, and unminified bundles read fine.
    sourcemap: false,
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { testsPath: join(outDir, 'index.js'), hostProbesPath: join(outDir, 'hostProbesPreload.js') };
}

/**
 * vsce package, offline and without prompts (stdin closed). Relative README links are left as they are:
 * rewriting them needs a `repository` in package.json, which is `npm run package`'s concern, not the
 * behaviour under test.
 */
export function packageVsix(repoRoot, vsixPath) {
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsixPath], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120000,
  });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
}
