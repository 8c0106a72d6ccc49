import type { TextEdit } from '../model/finding';

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:reason}` → `reason`,
 * `${2}` / `$2` → empty, `\$` → `$`. Used by the CLI (SARIF fixes) and by tests that apply fixes.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i++;
      continue;
    }
    if (ch === '$') {
      const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{(\d+)(?::|\})/.exec(snippet.slice(i));
      if (placeholder) {
        const end = findPlaceholderEnd(snippet, i + 2);
        const body = snippet.slice(i + 2, end);
        const colon = body.indexOf(':');
        out += colon >= 0 ? snippetToPlainText(body.slice(colon + 1)) : '';
        i = end;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

function findPlaceholderEnd(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length - 1;
}

/** Applies non-overlapping edits of one file to its text. */
export function applyTextEdits(text: string, edits: TextEdit[], asSnippet = false): string {
  const sorted = [...edits].sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset);
  let result = text;
  for (const edit of sorted) {
    const newText = asSnippet ? snippetToPlainText(edit.newText) : edit.newText;
    result = result.slice(0, edit.startOffset) + newText + result.slice(edit.endOffset);
  }
  return result;
}
