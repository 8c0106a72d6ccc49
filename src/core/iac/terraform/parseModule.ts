import type { DeclarationSet, ParseProblem } from '../../model/bucket';
import type { SourceFile } from '../../model/sourceFile';
import type { Parser } from 'web-tree-sitter';
import { LineIndex } from '../../model/location';
import { buildDeclarations } from './buildDeclarations';
import { Evaluator } from './evaluate';
import { buildModuleIndex, isTfvarsPath, type ModuleIndex } from './moduleIndex';
import { parseHclFile } from './parseFile';
import { readSuppressions } from './suppressions';
import type { HclFile } from './syntaxTree';

/** What the fixer needs from a parse: the syntax of every file and the module's name index. */
export interface ParsedModule {
  files: HclFile[];
  index: ModuleIndex;
  evaluator: Evaluator;
}

export function isTerraformSourcePath(path: string): boolean {
  return /\.tf$/i.test(path);
}

export function readModule(parser: Parser, files: SourceFile[]): { set: DeclarationSet; parsed: ParsedModule } {
  const tfFiles = files.filter((file) => isTerraformSourcePath(file.path)).map((file) => parseHclFile(parser, file.path, file.text));
  const tfvarsFiles = files.filter((file) => isTfvarsPath(file.path)).map((file) => parseHclFile(parser, file.path, file.text));
  const index = buildModuleIndex(tfFiles, tfvarsFiles, files);
  const evaluator = new Evaluator(index);
  const declarations = buildDeclarations(evaluator);
  const set: DeclarationSet = {
    format: 'terraform',
    ...declarations,
    suppressions: tfFiles.flatMap(readSuppressions),
    parseProblems: [...tfFiles, ...tfvarsFiles].flatMap(parseProblemOf),
  };
  return { set, parsed: { files: [...tfFiles, ...tfvarsFiles], index, evaluator } };
}

/** What a MISSING node closes, in the author's words. */
const MISSING_TOKENS: Record<string, { token: string; construct: string }> = {
  block_end: { token: '}', construct: 'block' },
  object_end: { token: '}', construct: 'object' },
  tuple_end: { token: ']', construct: 'list' },
  quoted_template_end: { token: '"', construct: 'string' },
  template_interpolation_end: { token: '}', construct: 'interpolation' },
  heredoc_identifier: { token: 'end marker', construct: 'heredoc' },
  ')': { token: ')', construct: 'expression' },
};

function parseProblemOf(file: HclFile): ParseProblem[] {
  if (!file.firstError) return [];
  const { span, missing, opened } = file.firstError;
  const where = (offset: number) => {
    const position = file.lines.positionAt(offset);
    return `line ${position.line + 1}, column ${position.character + 1}`;
  };
  if (missing && opened) {
    // Point at what was left open: the parser notices only where the file (or the block) ends.
    const known = MISSING_TOKENS[missing] ?? { token: missing, construct: 'element' };
    const lineEnd = file.text.indexOf('\n', opened.start);
    const end = Math.min(opened.end, lineEnd < 0 ? file.text.length : lineEnd);
    return [
      {
        message: `Terraform syntax error: the ${known.construct} that starts at ${where(opened.start)} is not closed (missing \`${known.token}\`)`,
        loc: file.lines.location(file.path, opened.start, Math.max(end, opened.start)),
      },
    ];
  }
  const message = missing
    ? `Terraform syntax error: missing ${JSON.stringify(MISSING_TOKENS[missing]?.token ?? missing)} at ${where(span.start)}`
    : `Terraform syntax error at ${where(span.start)}`;
  return [{ message, loc: file.lines.location(file.path, span.start, span.end) }];
}

export function problemForEveryFile(files: SourceFile[], message: string): ParseProblem[] {
  return files
    .filter((file) => isTerraformSourcePath(file.path) || isTfvarsPath(file.path))
    .map((file) => ({ message, loc: new LineIndex(file.text).location(file.path, 0, 0) }));
}
