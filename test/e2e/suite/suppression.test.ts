/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticsOfRule, nextDiagnosticsChange, waitForDiagnostics, waitForRule } from './findings';
import { applyQuickFix, quickFixesAt } from './quickFixes';
import { rangeOfText } from './textRanges';
import { openWorkspaceFile, saveAndCloseAllEditors, scratchCopy } from './workspaceFiles';

const REASON = 'public documentation site, reviewed by security 2026-12';

async function suppressQuickFix(uri: vscode.Uri, ruleId: string): Promise<vscode.CodeAction> {
  const [finding] = await waitForRule(uri, ruleId);
  const fix = (await quickFixesAt(uri, finding.range)).find((action) => action.title.includes(`Suppress ${ruleId}`));
  assert.ok(fix, `no suppress quick fix for ${ruleId}`);
  return fix;
}

suite('Suppression', () => {
  teardown(saveAndCloseAllEditors);

  test('a Terraform suppression comment with a reason silences the finding it covers', async () => {
    const document = await openWorkspaceFile('terraform/reviewed-site/main.tf');
    await vscode.window.showTextDocument(document);
    // Other findings of the file show the analysis ran; the suppressed one is not among them.
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the analysis of reviewed-site/main.tf');
    assert.equal(diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length, 0, `suppressed finding still shown:\n${describeDiagnostics(diagnostics)}`);
  });

  test('the same comment without a reason is not honoured', async () => {
    const folder = await scratchCopy('terraform/reviewed-site', 'suppression without reason');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'main.tf'));
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the analysis of the copy');
    assert.equal(diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length, 0);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, rangeOfText(document, ` ${REASON}`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [finding] = await waitForRule(document.uri, 'S3-PUBLIC-READ');
    assert.equal(finding.range.start.line, rangeOfText(document, 'Principal = "*"').start.line);
  });

  test('the suppress quick fix, given a reason, silences the finding and writes the reason into the file', async () => {
    const folder = await scratchCopy('terraform/public-site', 'suppress quick fix');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'main.tf'));
    await vscode.window.showTextDocument(document);
    await applyQuickFix(await suppressQuickFix(document.uri, 'S3-PUBLIC-READ'), REASON);
    await waitForDiagnostics(document.uri, (d) => d.length > 0 && diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length === 0, 'S3-PUBLIC-READ to be suppressed');
    assert.match(document.getText(), new RegExp(`s3-security-review:ignore S3-PUBLIC-READ ${REASON}`));
  });

  test('the suppress quick fix with its reason deleted leaves the finding reported', async () => {
    const folder = await scratchCopy('terraform/public-site', 'suppress without reason');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'main.tf'));
    await vscode.window.showTextDocument(document);
    await applyQuickFix(await suppressQuickFix(document.uri, 'S3-PUBLIC-READ'), '');
    // Subscribed once the text is final: an analysis of the intermediate text (with the snippet's default
    // reason) is dropped by the extension as stale, so the next publication is of this text.
    const republished = nextDiagnosticsChange(document.uri);
    assert.match(document.getText(), /s3-security-review:ignore S3-PUBLIC-READ\s*\n/);
    await republished;
    assert.equal(diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length, 1, 'a suppression without a reason was honoured');
  });

  test('CloudFormation Metadata suppression with a reason silences the finding of its resource', async () => {
    const file = await scratchCopy('cloudformation/public-assets.yaml', 'cloudformation metadata suppression');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-PUBLIC-READ');
    const edit = new vscode.WorkspaceEdit();
    const metadata = [
      '    Metadata:',
      '      s3-security-review:',
      '        ignore:',
      '          - rule: S3-PUBLIC-READ',
      `            reason: ${REASON}`,
      '',
    ].join('\n');
    edit.insert(document.uri, rangeOfText(document, '    Properties:').start, metadata);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(document.uri, () => diagnosticsOfRule(document.uri, 'S3-PUBLIC-READ').length === 0, 'S3-PUBLIC-READ to be suppressed by Metadata');
  });
});
