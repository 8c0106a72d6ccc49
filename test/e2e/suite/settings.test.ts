/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOfRule, waitForDiagnostics, waitForRule } from './findings';
import { openWorkspaceFile, saveAndCloseAllEditors } from './workspaceFiles';

const SECTION = 's3SecurityReview';

/** Workspace settings (the run's copy of the fixture workspace gets a .vscode/settings.json). */
function updateSetting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Settings', () => {
  teardown(async () => {
    for (const key of ['rules.disabled', 'rules.severity', 'ownAccountIds']) await updateSetting(key, undefined);
    await saveAndCloseAllEditors();
  });

  test('rules.disabled hides a rule\'s findings; re-enabled, they come back', async () => {
    const document = await openWorkspaceFile('terraform/public-site/main.tf');
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-LOGGING-MISSING');
    await updateSetting('rules.disabled', ['S3-LOGGING-MISSING']);
    await waitForDiagnostics(document.uri, () => diagnosticsOfRule(document.uri, 'S3-LOGGING-MISSING').length === 0, 'S3-LOGGING-MISSING to go once disabled');
    assert.equal(diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length, 1, 'disabling one rule hid another');
    await updateSetting('rules.disabled', undefined);
    await waitForRule(document.uri, 'S3-LOGGING-MISSING');
  });

  test('rules.severity overrides the severity a rule is shown with', async () => {
    const document = await openWorkspaceFile('terraform/public-site/main.tf');
    await vscode.window.showTextDocument(document);
    const [before] = await waitForRule(document.uri, 'S3-PUBLIC-READ');
    assert.equal(before.severity, vscode.DiagnosticSeverity.Warning);
    await updateSetting('rules.severity', { 'S3-PUBLIC-READ': 'error' });
    await waitForDiagnostics(
      document.uri,
      () => diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'S3-PUBLIC-READ shown as an error',
    );
  });

  test('ownAccountIds: a grant to one of your own accounts is not reported as cross-account', async () => {
    const document = await openWorkspaceFile('terraform/private-data/main.tf');
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-CROSS-ACCOUNT');
    await updateSetting('ownAccountIds', ['111122223333']);
    await waitForDiagnostics(document.uri, () => diagnosticsOfRule(document.uri, 'S3-CROSS-ACCOUNT').length === 0, 'S3-CROSS-ACCOUNT to go for an own account');
  });
});
