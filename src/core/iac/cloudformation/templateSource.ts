import { parseDocument } from 'yaml';
import { LineIndex } from '../../model/location';
import type { ParseProblem } from '../../model/bucket';
import type { SourceFile } from '../../model/sourceFile';
import type { LValue } from '../../model/value';
import { describeOffset, parseLocatedJson } from '../jsonLocated';
import { intrinsicTags } from './intrinsicTags';
import { findYamlComments, type YamlComment } from './yamlComments';
import { lowerYamlDocument } from './yamlLower';

export type TemplateSyntax = 'json' | 'yaml';

/** A template read into the located tree (intrinsics in long form), or why it could not be. */
export interface TemplateSource {
  file: string;
  text: string;
  lines: LineIndex;
  syntax: TemplateSyntax;
  root?: LValue;
  problem?: ParseProblem;
  /** YAML comments (empty for JSON), for `# s3-security-review:ignore` suppressions. */
  comments: YamlComment[];
}

const SUPPRESSION_MARKER = 's3-security-review:ignore';

/** Templates already read for a declaration set, so the fixer does not parse the same text again. */
const readForSet = new WeakMap<object, TemplateSource>();

export function rememberTemplate(set: object, source: TemplateSource): void {
  readForSet.set(set, source);
}

/** The template read for `set` when it is of this very text, else a fresh read. */
export function templateFor(set: object, file: SourceFile): TemplateSource {
  const known = readForSet.get(set);
  return known && known.text === file.text && known.file === file.path ? known : readTemplate(file);
}

export function readTemplate(file: SourceFile): TemplateSource {
  const text = file.text;
  const lines = new LineIndex(text);
  const base = { file: file.path, text, lines, comments: [] as YamlComment[] };
  try {
    const jsonPath = file.path.toLowerCase().endsWith('.json');
    if (jsonPath || startsLikeJson(text)) {
      const json = parseLocatedJson(text, file.path);
      if ('value' in json) return { ...base, syntax: 'json', root: json.value };
      // A .yaml/.template file that starts with `{` may be YAML flow style with short-form tags.
      const yaml = jsonPath ? undefined : readYaml(file.path, text, lines);
      if (yaml?.root) return { ...base, ...yaml, syntax: 'yaml' };
      const offset = json.error.offset;
      return {
        ...base,
        syntax: 'json',
        problem: { message: `${json.error.message} at ${describeOffset(text, offset)}`, loc: lines.location(file.path, offset, Math.min(text.length, offset + 1)) },
      };
    }
    return { ...base, ...readYaml(file.path, text, lines), syntax: 'yaml' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, syntax: 'yaml', problem: { message: `Template could not be read: ${message}`, loc: lines.location(file.path, 0, 0) } };
  }
}

/** True when the text parses as a template (JSON or YAML with CloudFormation tags) without errors. */
export function templateParses(text: string, path: string): boolean {
  const source = readTemplate({ path, text });
  return source.root !== undefined && source.problem === undefined;
}

function startsLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return first?.[0] === '{';
}

function readYaml(path: string, text: string, lines: LineIndex): Pick<TemplateSource, 'root' | 'problem' | 'comments'> {
  const doc = parseDocument(text, { customTags: intrinsicTags, uniqueKeys: false, prettyErrors: true, strict: false });
  const error = doc.errors[0];
  if (error) {
    const start = Math.min(error.pos[0], text.length);
    const end = Math.min(Math.max(start, error.pos[1]), text.length);
    const firstLine = error.message.split('\n')[0].replace(/:$/, '');
    return { problem: { message: firstLine, loc: lines.location(path, start, end) }, comments: [] };
  }
  const root = lowerYamlDocument(doc, text, path, lines);
  const comments = text.includes(SUPPRESSION_MARKER) ? findYamlComments(text) : [];
  return { root, comments };
}
