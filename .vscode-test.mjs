// @vscode/test-cli configuration (`npx vscode-test`) for machines that can download VS Code: the same
// suite and the same fixture workspace as `npm run test:e2e` (scripts/e2e/run.mjs), which runs them in an
// offline host instead. Loading this file builds the extension and the suite, and copies the fixture
// workspace afresh to .vscode-test/e2e-workspace (git-ignored; the tests edit and save files there).
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension, bundleSuite, FIXTURE_WORKSPACE_DIR, SUITE_OUT_DIR } from './scripts/e2e/build.mjs';

const repoRoot = dirname(fileURLToPath(import.meta.url));
buildExtension(repoRoot);
await bundleSuite(repoRoot);
const workspaceFolder = join(repoRoot, '.vscode-test', 'e2e-workspace');
rmSync(workspaceFolder, { recursive: true, force: true });
cpSync(join(repoRoot, FIXTURE_WORKSPACE_DIR), workspaceFolder, { recursive: true });

export default {
  label: 'e2e',
  files: `${SUITE_OUT_DIR}/*.test.js`,
  workspaceFolder,
  // The oldest VS Code that package.json's engines.vscode accepts, as in the offline run.
  version: '1.100.3',
  mocha: { ui: 'tdd', timeout: 30000, slow: 5000 },
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
};
