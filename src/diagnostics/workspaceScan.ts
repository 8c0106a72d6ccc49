import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { documentRefOf, fileRefOf, openDocumentsByKey } from './documentRefs';
import { CANDIDATE_GLOB, groupIntoUnits, isAnalysable, searchExcludePattern } from './documentSelection';
import { analyzeUnit, describeUnit, hasOpenMember, isOutcomeCurrent } from './unitAnalysis';

export interface WorkspaceScanResult {
  /** Candidate files found (by name, after the exclude globs). */
  filesFound: number;
  filesAnalysed: number;
  /** Files over the size limit. */
  filesSkipped: number;
  /** Shown findings, each with its file. */
  findings: Array<{ ruleId: string; fileKey: string }>;
  cancelled: boolean;
}

/**
 * Finds every candidate file, analyses it unit by unit (a Terraform folder at a time) and puts the
 * results in the Problems panel as they come. The results stay after their files close.
 */
export async function scanWorkspaceFiles(
  ctx: Ctx,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<WorkspaceScanResult> {
  const started = performance.now();
  const uris = await vscode.workspace.findFiles(CANDIDATE_GLOB, searchExcludePattern(ctx.config.exclude), undefined, token);
  const open = openDocumentsByKey();
  const files = uris
    .map((uri) => {
      const document = open.get(uri.toString());
      return document ? documentRefOf(document) : fileRefOf(uri);
    })
    .filter((file) => isAnalysable(file, ctx.config.excludeGlobs));
  const groups = groupIntoUnits(files);

  const totals: WorkspaceScanResult = { findings: [], filesAnalysed: 0, filesSkipped: 0, cancelled: false, filesFound: files.length };
  const visited = new Set<string>();
  let done = 0;
  for (const { unit, files: unitFiles } of groups) {
    if (token.isCancellationRequested) break;
    try {
      const outcome = await analyzeUnit(ctx, unit);
      // Text edited during the scan is analysed again by the editor; these results would be stale.
      if (isOutcomeCurrent(outcome)) ctx.diagnostics.publish(ctx.findings.set(unit, outcome.files, true));
      visited.add(unit.key);
      totals.filesAnalysed += outcome.filesAnalysed;
      totals.filesSkipped += outcome.filesSkipped;
      for (const [fileKey, result] of outcome.files) {
        for (const finding of result.findings) totals.findings.push({ ruleId: finding.ruleId, fileKey });
      }
    } catch (error) {
      ctx.logFailure(`Scan of ${describeUnit(unit)} failed`, error);
    }
    done += unitFiles.length;
    progress.report({ increment: (unitFiles.length / files.length) * 100, message: `${done} of ${files.length} files` });
  }

  totals.cancelled = token.isCancellationRequested;
  if (!totals.cancelled) {
    ctx.diagnostics.publish(ctx.findings.endScan(visited, (unit) => hasOpenMember(unit, ctx)));
  }
  ctx.log.info(
    `Workspace scan${totals.cancelled ? ' (cancelled)' : ''}: ${files.length} candidate files, ${totals.filesAnalysed} analysed, ` +
      `${totals.findings.length} findings in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return totals;
}
