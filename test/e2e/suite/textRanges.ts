import * as vscode from 'vscode';

/** The range of the `occurrence`-th (0-based) appearance of `text` in the document; throws when absent. */
export function rangeOfText(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const content = document.getText();
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = content.indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`"${text}" (occurrence ${occurrence}) is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

export function describeRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
