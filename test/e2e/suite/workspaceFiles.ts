import * as vscode from 'vscode';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export function openWorkspaceFile(relativePath: string): Thenable<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(workspaceUri(relativePath));
}

export async function showWorkspaceFile(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await openWorkspaceFile(relativePath));
}

let scratchCount = 0;

/**
 * Copies a fixture file or folder (a Terraform module is a folder) to a new folder under `scratch/`, so a
 * test can edit and save it without touching what other tests read. Returns the copy's URI.
 */
export async function scratchCopy(relativePath: string, label: string): Promise<vscode.Uri> {
  scratchCount += 1;
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  const name = relativePath.split('/').pop() ?? 'copy';
  const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${String(scratchCount).padStart(3, '0')}-${safeLabel}`, name);
  await vscode.workspace.fs.copy(workspaceUri(relativePath), target, { overwrite: false });
  return target;
}

/** Saves what the test changed (scratch copies only) and closes every editor, so no test inherits one. */
export async function saveAndCloseAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
