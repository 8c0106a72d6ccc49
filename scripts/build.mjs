// Bundles the extension and the CLI into one file each, and copies the Terraform grammar next to them.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

mkdirSync('dist', { recursive: true });
const grammarDir = dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
copyFileSync(join(grammarDir, 'tree-sitter-terraform.wasm'), 'dist/tree-sitter-terraform.wasm');
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), 'dist/tree-sitter.wasm');

// web-tree-sitter's ESM entry reads import.meta.url, which is empty in a CJS bundle; its CJS entry is not
// listed in the package's exports, so point at the file itself.
const webTreeSitterDir = dirname(require.resolve('web-tree-sitter/tree-sitter.wasm'));

const common = {
  bundle: true,
  alias: { 'web-tree-sitter': join(webTreeSitterDir, 'tree-sitter.cjs') },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.context({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
