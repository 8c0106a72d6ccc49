import type { Parser, Tree } from 'web-tree-sitter';
import { LineIndex } from '../../model/location';
import { HclTextParser } from './hclParser';
import { HclReadError } from './hclScanner';
import { SyntaxReader } from './readSyntax';
import { snapshotTree, type Snapshot } from './syntaxSnapshot';
import type { HclBodyItem, HclFile, Span } from './syntaxTree';

/** A top-level block starts at column 0 with one of Terraform's block keywords. */
const TOP_LEVEL_BLOCK = /^(?:resource|data|variable|locals|output|module|provider|terraform|moved|import|check|removed)\b/;

export interface ParseOptions {
  /**
   * Read valid files with HclTextParser instead of walking tree-sitter's tree (the default: the walk
   * crosses into wasm several times per node and costs more than the parse). Tests turn it off to
   * compare both readings.
   */
  textReader?: boolean;
}

/**
 * Reads one file. tree-sitter decides whether the file is valid. When tree-sitter's error recovery
 * swallows the blocks after a syntax error, each top-level block is re-read on its own, so one broken
 * block does not hide the rest of the file.
 */
export function parseHclFile(parser: Parser, path: string, text: string, options: ParseOptions = {}): HclFile {
  const lines = new LineIndex(text);
  const tree = parser.parse(text);
  if (!tree) return { path, text, lines, items: [], comments: [], firstError: { span: { start: 0, end: 0 } } };
  let whole: Snapshot;
  try {
    if (options.textReader !== false && !tree.rootNode.hasError) {
      const direct = readText(text);
      if (direct) return { path, text, lines, ...direct };
    }
    whole = snapshotTree(tree, 0);
  } finally {
    tree.delete();
  }
  const reader = new SyntaxReader(text);
  if (!whole.firstError) return { path, text, lines, items: reader.readConfigFile(whole.root), comments: whole.comments };
  const items: HclBodyItem[] = [];
  const comments: Span[] = [];
  let chunkError: HclFile['firstError'];
  for (const chunk of topLevelChunks(text)) {
    const part = parseSnapshot(parser, text.slice(chunk.start, chunk.end), chunk.start);
    if (!part) continue;
    items.push(...reader.readConfigFile(part.root));
    comments.push(...part.comments);
    chunkError ??= part.firstError;
  }
  // An unclosed string or brace makes the whole-file parse fail far below the mistake; the error of the
  // first broken block alone is nearer to what the author has to fix.
  return { path, text, lines, items, comments, firstError: chunkError ?? whole.firstError };
}

function readText(text: string): Pick<HclFile, 'items' | 'comments'> | undefined {
  const parser = new HclTextParser(text);
  try {
    const items = parser.readFile();
    return { items, comments: parser.comments.sort((a, b) => a.start - b.start) };
  } catch (error) {
    if (error instanceof HclReadError) return undefined;
    throw error;
  }
}

function parseSnapshot(parser: Parser, text: string, base: number): Snapshot | undefined {
  const tree: Tree | null = parser.parse(text);
  if (!tree) return undefined;
  try {
    return snapshotTree(tree, base);
  } finally {
    tree.delete();
  }
}

function topLevelChunks(text: string): Span[] {
  const starts: number[] = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (lineStart > 0 && TOP_LEVEL_BLOCK.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 16)))) starts.push(lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
}
