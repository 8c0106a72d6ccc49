// Quick fixes as the editor offers them (vscode.executeCodeActionProvider) and applies them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleIdOf } from './findings';

/** The same finding in two analyses of the same text: same rule, same words, same place. */
export function isSameFinding(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  return ruleIdOf(a) === ruleIdOf(b) && a.message === b.message && a.range.isEqual(b.range);
}

function isCodeAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
  return typeof (item as vscode.Command).command !== 'string';
}

/**
 * The quick fixes the editor offers on `range` (Ctrl+. there), without the "Show documentation" actions,
 * which change nothing. They serve every diagnostic that touches the range: the API command does not say
 * which action belongs to which diagnostic.
 */
export async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const offered = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value,
  );
  return (offered ?? []).filter(isCodeAction).filter((action) => !/^Show documentation/i.test(action.title));
}

/** What a person types into the placeholder a snippet fix selects. */
function valueForPlaceholder(fixTitle: string): string | undefined {
  if (/suppress/i.test(fixTitle)) return 'static assets are public on purpose, reviewed in the e2e suite';
  if (/organi[sz]ation|PrincipalOrgID/i.test(fixTitle)) return 'o-a1b2c3d4e5';
  if (/account/i.test(fixTitle)) return '111122223333';
  return undefined;
}

/**
 * Applies a quick fix the way the editor does: its WorkspaceEdit, and/or its command (snippet fixes run a
 * command that inserts the snippet in the editor). When a snippet leaves a placeholder selected, types
 * what a person would (`placeholderText` overrides it; '' deletes it).
 */
export async function applyQuickFix(action: vscode.CodeAction, placeholderText?: string): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}": the edit was not applied`);
  if (action.command) {
    const result = await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    assert.notEqual(result, false, `"${action.title}": its command reported that it did not apply`);
    const editor = vscode.window.activeTextEditor;
    const typed = placeholderText ?? valueForPlaceholder(action.title);
    if (editor && !editor.selection.isEmpty && typed !== undefined) {
      const selection = editor.selection;
      assert.ok(await editor.edit((builder) => builder.replace(selection, typed)), `"${action.title}": typing into the placeholder failed`);
    }
    await vscode.commands.executeCommand('leaveSnippet');
  }
}
