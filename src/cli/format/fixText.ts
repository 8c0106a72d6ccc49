import type { Fix, TextEdit } from '../../core/model/finding';
import { expandSnippet } from '../../core/analysis/snippetText';

/** The edits of a fix as plain text: snippet placeholders filled with their default text. */
export function plainEdits(fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => (fix.snippet ? { ...edit, newText: expandSnippet(edit.newText) } : edit));
}
