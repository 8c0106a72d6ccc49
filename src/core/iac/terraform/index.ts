import type { DeclarationSet } from '../../model/bucket';
import type { FormatFixer } from '../../model/fixer';
import type { SourceFile } from '../../model/sourceFile';
import { TerraformFixer } from './fixer/terraformFixer';
import { loadTerraformParser, terraformParserIfLoaded } from './grammar';
import { problemForEveryFile, readModule, type ParsedModule } from './parseModule';

/** The fixer methods whose edits are VS Code snippets (`${1:…}` placeholders, literal `$` written `\$`): set `Fix.snippet`. */
export const TERRAFORM_SNIPPET_FIXES: ReadonlyArray<keyof FormatFixer> = ['restrictPrincipalToAccount', 'addRestrictingCondition', 'addAccessLogging', 'suppress'];

/** The syntax behind each set this module returned, so the fixer edits what was analysed. */
const parsedModules = new WeakMap<DeclarationSet, ParsedModule>();

/**
 * Reads all .tf files of ONE module directory (plus its .tfvars, and any other file `file()` may read)
 * and returns what they declare. Never throws: syntax errors become ParseProblems, and what the valid
 * blocks declare is still returned.
 */
export async function parseTerraformModule(files: SourceFile[]): Promise<DeclarationSet> {
  const empty: DeclarationSet = { format: 'terraform', buckets: [], accountPublicAccessBlocks: [], trails: [], suppressions: [], parseProblems: [] };
  let parser;
  try {
    parser = await loadTerraformParser();
  } catch (error) {
    return { ...empty, parseProblems: problemForEveryFile(files, `The Terraform parser could not be loaded: ${describe(error)}`) };
  }
  try {
    const { set, parsed } = readModule(parser, files);
    parsedModules.set(set, parsed);
    return set;
  } catch (error) {
    return { ...empty, parseProblems: problemForEveryFile(files, `Terraform files could not be analysed: ${describe(error)}`) };
  }
}

/**
 * HCL text edits for the rules' fixes. `restrictPrincipalToAccount`, `addRestrictingCondition`,
 * `addAccessLogging` and `suppress` return VS Code snippets (`${1:placeholder}`, literal `$` as `\$`);
 * `addPublicAccessBlock`, `makeAclPrivate` and `removeStatement` return plain text.
 */
export function createTerraformFixer(set: DeclarationSet, files: SourceFile[]): FormatFixer {
  return new TerraformFixer(set, files, () => parsedFor(set, files));
}

/** For tests of fixes: true when the text has no syntax ERROR or MISSING node. */
export async function terraformParses(text: string): Promise<boolean> {
  try {
    const parser = await loadTerraformParser();
    const tree = parser.parse(text);
    if (!tree) return false;
    try {
      return !tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
  } catch {
    return false;
  }
}

function parsedFor(set: DeclarationSet, files: SourceFile[]): ParsedModule | undefined {
  const cached = parsedModules.get(set);
  if (cached && files.every((file) => cached.files.every((parsed) => parsed.path !== file.path || parsed.text === file.text))) return cached;
  const parser = terraformParserIfLoaded();
  if (!parser) return undefined;
  try {
    const { parsed } = readModule(parser, files);
    parsedModules.set(set, parsed);
    return parsed;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
