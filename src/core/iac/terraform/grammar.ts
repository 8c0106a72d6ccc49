import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
// `require`, not `import`: bundlers then take the package's CommonJS build, whose wasm loading works in a
// CommonJS bundle (the ES module build relies on import.meta.url).
import TreeSitter = require('web-tree-sitter');

/**
 * Loads web-tree-sitter and the Terraform grammar once. The bundle (dist/extension.js, dist/cli.js) has
 * both wasm files copied next to it; from source (tests through tsx) they are found in node_modules.
 */
let ready: Promise<Parser> | undefined;
let readyParser: Parser | undefined;

export function loadTerraformParser(): Promise<Parser> {
  ready ??= initialise().then(
    (parser) => {
      readyParser = parser;
      return parser;
    },
    (error: unknown) => {
      ready = undefined; // let a later call try again rather than caching the failure forever
      throw error;
    },
  );
  return ready;
}

/** The parser when a previous `loadTerraformParser()` has finished; synchronous callers (fixers) use it. */
export function terraformParserIfLoaded(): Parser | undefined {
  return readyParser;
}

async function initialise(): Promise<Parser> {
  const runtimeWasm = firstExisting([path.join(__dirname, 'tree-sitter.wasm'), resolveFromPackage('web-tree-sitter/tree-sitter.wasm')]);
  await TreeSitter.Parser.init({
    locateFile: (scriptName: string, scriptDirectory: string) =>
      scriptName === 'tree-sitter.wasm' && runtimeWasm ? runtimeWasm : path.join(scriptDirectory, scriptName),
  });
  const grammarWasm = firstExisting([path.join(__dirname, 'tree-sitter-terraform.wasm'), grammarFromPackage()]);
  if (!grammarWasm) throw new Error('tree-sitter-terraform.wasm not found next to the bundle nor in node_modules');
  const language = await TreeSitter.Language.load(new Uint8Array(readFileSync(grammarWasm)));
  const parser = new TreeSitter.Parser();
  parser.setLanguage(language);
  return parser;
}

function grammarFromPackage(): string | undefined {
  const manifest = resolveFromPackage('@tree-sitter-grammars/tree-sitter-hcl/package.json');
  return manifest ? path.join(path.dirname(manifest), 'tree-sitter-terraform.wasm') : undefined;
}

function resolveFromPackage(request: string): string | undefined {
  try {
    return require.resolve(request);
  } catch {
    return undefined;
  }
}

function firstExisting(candidates: Array<string | undefined>): string | undefined {
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate));
}
