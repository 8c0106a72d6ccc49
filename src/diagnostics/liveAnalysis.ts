import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { documentRefOf, fileRefOf, openDocumentState } from './documentRefs';
import { CANDIDATE_GLOB, isAnalysable, unitOf, type AnalysisUnit } from './documentSelection';
import { analyzeUnit, describeUnit, hasOpenMember, isOutcomeCurrent } from './unitAnalysis';
import { UnitScheduler, type RunTicket } from './unitScheduler';

/** Long enough to skip most keystrokes, short enough to feel live. */
const TYPING_DEBOUNCE_MS = 300;

/**
 * Keeps diagnostics current with the editor: analyses a document's unit when it opens, while it is
 * edited (or when saved, if `analyzeOnType` is off), when a sibling changes on disk and when settings
 * change. Results for text that has changed since are dropped.
 */
export function registerLiveAnalysis(ctx: Ctx): void {
  const scheduler: UnitScheduler<AnalysisUnit> = new UnitScheduler<AnalysisUnit>(
    (unit, ticket) => refresh(ctx, scheduler, unit, ticket),
    (unit, error) => ctx.logFailure(`Analysis of ${describeUnit(unit)} failed`, error),
  );
  ctx.push({ dispose: () => scheduler.dispose() });

  const guarded =
    <A extends unknown[]>(what: string, handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        ctx.logFailure(what, error);
      }
    };

  const scheduleDocument = (document: vscode.TextDocument, delayMs: number) => {
    const ref = documentRefOf(document);
    if (isAnalysable(ref, ctx.config.excludeGlobs)) scheduler.schedule(unitOf(ref), delayMs);
  };

  ctx.push(vscode.workspace.onDidOpenTextDocument(guarded('Document open', (document) => scheduleDocument(document, 0))));
  ctx.push(
    vscode.workspace.onDidChangeTextDocument(
      guarded('Document change', (event) => {
        if (event.contentChanges.length === 0 || !ctx.config.analyzeOnType) return;
        scheduleDocument(event.document, TYPING_DEBOUNCE_MS);
      }),
    ),
  );
  ctx.push(
    vscode.workspace.onDidSaveTextDocument(
      guarded('Document save', (document) => {
        if (!ctx.config.analyzeOnType) scheduleDocument(document, 0);
      }),
    ),
  );
  ctx.push(
    vscode.workspace.onDidCloseTextDocument(
      guarded('Document close', (document) => {
        // The run decides: scanned units fall back to the disk text, the others lose their results.
        const unit = unitOf(documentRefOf(document));
        if (ctx.findings.has(unit.key) || scheduler.isPending(unit.key)) scheduler.schedule(unit, 0);
      }),
    ),
  );

  const watcher = ctx.push(vscode.workspace.createFileSystemWatcher(CANDIDATE_GLOB));
  const fileChangedOnDisk = guarded('File watcher', (uri: vscode.Uri) => {
    // An open document's own events already cover it.
    if (openDocumentState(uri.toString())) return;
    const unit = unitOf(fileRefOf(uri));
    if (ctx.findings.has(unit.key)) scheduler.schedule(unit, TYPING_DEBOUNCE_MS);
  });
  ctx.push(watcher.onDidChange(fileChangedOnDisk));
  ctx.push(watcher.onDidCreate(fileChangedOnDisk));
  ctx.push(watcher.onDidDelete(fileChangedOnDisk));

  ctx.push(
    ctx.config.onDidChange(
      guarded('Settings change', () => {
        const units = new Map(ctx.findings.allUnits().map((unit) => [unit.key, unit]));
        for (const document of vscode.workspace.textDocuments) {
          const ref = documentRefOf(document);
          if (!document.isClosed && isAnalysable(ref, ctx.config.excludeGlobs)) units.set(unitOf(ref).key, unitOf(ref));
        }
        for (const unit of units.values()) scheduler.schedule(unit, 0);
      }),
    ),
  );

  for (const document of vscode.workspace.textDocuments) {
    if (!document.isClosed) scheduleDocument(document, 0);
  }
}

async function refresh(ctx: Ctx, scheduler: UnitScheduler<AnalysisUnit>, unit: AnalysisUnit, ticket: RunTicket): Promise<void> {
  if (!hasOpenMember(unit, ctx) && !ctx.findings.isScanned(unit.key)) {
    ctx.log.debug(`no open file of ${describeUnit(unit)}: clearing its results`);
    ctx.diagnostics.publish(ctx.findings.delete(unit.key));
    return;
  }
  const outcome = await analyzeUnit(ctx, unit);
  if (!scheduler.isCurrent(ticket) || !isOutcomeCurrent(outcome)) {
    ctx.log.debug(`dropped stale results for ${describeUnit(unit)}`);
    return;
  }
  ctx.diagnostics.publish(ctx.findings.set(unit, outcome.files, ctx.findings.isScanned(unit.key)));
}
