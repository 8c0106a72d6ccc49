import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BucketModel, DeclarationSet } from '../../../../src/core/model/bucket';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { SourceLocation } from '../../../../src/core/model/location';
import type { SourceFile } from '../../../../src/core/model/sourceFile';

export const FIXTURES = path.join(__dirname, '..', '..', '..', 'fixtures', 'terraform');

/** Every file of one fixture module, with its absolute path. */
export function fixtureModule(name: string): SourceFile[] {
  const directory = path.join(FIXTURES, name);
  return readdirSync(directory)
    .sort()
    .map((file) => ({ path: path.join(directory, file), text: readFileSync(path.join(directory, file), 'utf8') }));
}

export function fixturePath(module: string, file: string): string {
  return path.join(FIXTURES, module, file);
}

export function bucketAt(set: DeclarationSet, address: string): BucketModel {
  const bucket = set.buckets.find((candidate) => candidate.resource.address === address);
  if (!bucket) throw new Error(`no bucket ${address}; have ${set.buckets.map((b) => b.resource.address).join(', ')}`);
  return bucket;
}

/** The source text a location covers. */
export function textAt(files: SourceFile[], loc: SourceLocation): string {
  const file = files.find((candidate) => candidate.path === loc.file);
  if (!file) throw new Error(`no file ${loc.file}`);
  return file.text.slice(loc.range.startOffset, loc.range.endOffset);
}

/** `[startLine, startCharacter, endLine, endCharacter]`, 0-based, for compact range assertions. */
export function rangeOf(loc: SourceLocation): [number, number, number, number] {
  const { start, end } = loc.range;
  return [start.line, start.character, end.line, end.character];
}

/**
 * What VS Code inserts for a snippet when every placeholder keeps its default: `${1:text}` → text,
 * `$1` / `${1}` → '', and `\$`, `\}`, `\\` → the character.
 */
export function expandSnippet(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    let inner = '';
    while (i < snippet.length && snippet[i] !== '}') {
      if (snippet[i] === '\\' && i + 1 < snippet.length) {
        inner += snippet[i + 1];
        i += 2;
      } else if (snippet[i] === '$' && snippet[i + 1] === '{') {
        inner += readPlaceholder();
      } else {
        inner += snippet[i++];
      }
    }
    i++; // the closing }
    return inner;
  };
  const readPlaceholder = (): string => {
    i += 2;
    while (/[0-9]/.test(snippet[i] ?? '')) i++;
    if (snippet[i] === ':') {
      i++;
      return readUntilClose();
    }
    if (snippet[i] === '}') i++;
    return '';
  };
  while (i < snippet.length) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
    } else if (ch === '$' && snippet[i + 1] === '{' && /[0-9]/.test(snippet[i + 2] ?? '')) {
      out += readPlaceholder();
    } else if (ch === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/[0-9]/.test(snippet[i] ?? '')) i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Applies edits (snippets expanded when `snippet`) and returns the module's files with the new text. */
export function applyEdits(files: SourceFile[], edits: TextEdit[], snippet: boolean): SourceFile[] {
  return files.map((file) => {
    const mine = edits.filter((edit) => edit.file === file.path).sort((a, b) => b.startOffset - a.startOffset);
    let text = file.text;
    let previousStart = Infinity;
    for (const edit of mine) {
      if (edit.endOffset > previousStart) throw new Error('overlapping edits');
      text = text.slice(0, edit.startOffset) + (snippet ? expandSnippet(edit.newText) : edit.newText) + text.slice(edit.endOffset);
      previousStart = edit.startOffset;
    }
    return { path: file.path, text };
  });
}
