import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { scanWorkspaceFiles } from '../diagnostics/workspaceScan';
import { scanSummary } from './scanSummary';

/** What the command resolves to once the scan is done (plain data, for callers of `executeCommand`). */
export interface ScanReport {
  summary: string;
  filesFound: number;
  filesAnalysed: number;
  filesSkipped: number;
  findings: number;
  filesWithFindings: number;
  cancelled: boolean;
}

const SHOW_PROBLEMS = 'Show Problems';

/** `S3: Scan workspace for public buckets`. A second call while a scan runs joins that scan. */
export function scanWorkspace(ctx: Ctx): () => Promise<ScanReport | undefined> {
  let running: Promise<ScanReport | undefined> | undefined;
  return () => {
    running ??= runScan(ctx).finally(() => {
      running = undefined;
    });
    return running;
  };
}

async function runScan(ctx: Ctx): Promise<ScanReport | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('S3 Security Review: open a folder or workspace to scan it for public buckets.');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'S3 Security Review: scanning workspace', cancellable: true },
    (progress, token) => scanWorkspaceFiles(ctx, progress, token),
  );
  const summary = scanSummary(result);
  // Not awaited: the command resolves when the scan is done, not when the message is dismissed.
  const shown =
    result.findings.length > 0
      ? vscode.window.showWarningMessage(summary, SHOW_PROBLEMS)
      : vscode.window.showInformationMessage(summary, SHOW_PROBLEMS);
  void shown.then((choice) => {
    if (choice === SHOW_PROBLEMS) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return {
    summary,
    filesFound: result.filesFound,
    filesAnalysed: result.filesAnalysed,
    filesSkipped: result.filesSkipped,
    findings: result.findings.length,
    filesWithFindings: new Set(result.findings.map((finding) => finding.fileKey)).size,
    cancelled: result.cancelled,
  };
}
