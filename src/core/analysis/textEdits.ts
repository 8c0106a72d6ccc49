import type { TextEdit } from '../model/finding';
import { expandSnippet } from './snippetText';

/** Applies non-overlapping edits of one file to its text. */
export function applyTextEdits(text: string, edits: TextEdit[], asSnippet = false): string {
  const sorted = [...edits].sort((a, b) => b.startOffset - a.startOffset || b.endOffset - a.endOffset);
  let result = text;
  for (const edit of sorted) {
    const newText = asSnippet ? expandSnippet(edit.newText) : edit.newText;
    result = result.slice(0, edit.startOffset) + newText + result.slice(edit.endOffset);
  }
  return result;
}
