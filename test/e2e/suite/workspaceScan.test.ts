/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './extensionUnderTest';
import { ourDiagnostics, ruleIdOf, waitForRule } from './findings';
import { workspaceUri } from './workspaceFiles';

/** What the command resolves to (src/commands/scanWorkspace.ts). */
interface ScanReport {
  summary: string;
  filesFound: number;
  filesAnalysed: number;
  filesSkipped: number;
  findings: number;
  filesWithFindings: number;
  cancelled: boolean;
}

/** Never opened by any test: only the scan can report them. */
const SCAN_ONLY = [
  { file: 'scan-only/terraform/main.tf', ruleId: 'S3-PUBLIC-READ' },
  { file: 'scan-only/policies/archive-policy.json', ruleId: 'S3-PUBLIC-WRITE' },
];

suite('Workspace scan', () => {
  test('S3: Scan workspace fills the Problems panel, also with files never opened', async function () {
    this.timeout(120_000);
    for (const { file } of SCAN_ONLY) assert.equal(ourDiagnostics(workspaceUri(file)).length, 0, `${file} has findings before the scan`);

    const report = await vscode.commands.executeCommand<ScanReport | undefined>('s3SecurityReview.scanWorkspace');
    assert.ok(report, 'the scan returned no report');
    assert.equal(report.cancelled, false);
    console.log(`      ${report.summary}`);
    for (const { file, ruleId } of SCAN_ONLY) await waitForRule(workspaceUri(file), ruleId);

    // The Problems panel shows what languages.getDiagnostics() holds.
    const problems = vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) =>
      diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && ruleIdOf(d) !== undefined).map((d) => ({ uri, d })),
    );
    const files = new Set(problems.map(({ uri }) => vscode.workspace.asRelativePath(uri)));
    for (const expected of ['terraform/public-site/main.tf', 'terraform/public-site/uploads.tf', 'cloudformation/public-assets.yaml', 'cloudformation/public-dropbox.json', 'policies/public-reports-policy.json', ...SCAN_ONLY.map((s) => s.file)]) {
      assert.ok(files.has(expected), `${expected} is not in the Problems panel; it has: ${[...files].sort().join(', ')}`);
    }
    assert.equal(report.findings, problems.length, 'the scan summary counts what the Problems panel shows');
    assert.ok(report.filesAnalysed >= 9, `files analysed: ${report.filesAnalysed}`);
  });

  test('S3: Clear findings empties the Problems panel of the extension\'s findings', async () => {
    await vscode.commands.executeCommand('s3SecurityReview.clearDiagnostics');
    const left = vscode.languages.getDiagnostics().filter(([, diagnostics]) => diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE));
    assert.equal(left.length, 0, `still listed: ${left.map(([uri]) => vscode.workspace.asRelativePath(uri)).join(', ')}`);
  });
});
