import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { toVsRange } from '../diagnostics/diagnosticPublisher';
import { openDocumentState } from '../diagnostics/documentRefs';
import { isSourceCurrent, type PlainRange } from '../diagnostics/unitResults';

/** Internal (not in the palette): what a snippet quick fix passes. */
export interface SnippetFixArguments {
  fileKey: string;
  range: PlainRange;
  snippet: string;
  /** The document version the fix was computed on; undefined when computed on the disk text. */
  version: number | undefined;
}

/**
 * Applies a one-edit snippet fix in the editor, so the user lands in its placeholders (an account id,
 * a reason) instead of on literal defaults.
 */
export function applySnippetFix(ctx: Ctx): (args: unknown) => Promise<boolean> {
  return async (args: unknown) => {
    if (!isSnippetFixArguments(args)) return false;
    if (!isSourceCurrent(args.version, openDocumentState(args.fileKey))) {
      void vscode.window.showWarningMessage('S3 Security Review: the file changed after this fix was computed; try the quick fix again.');
      return false;
    }
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.fileKey));
    const editor = await vscode.window.showTextDocument(document);
    // Core computed the indentation already; VS Code would otherwise re-indent every line of the snippet.
    const applied = await editor.insertSnippet(new vscode.SnippetString(args.snippet), toVsRange(args.range), {
      undoStopBefore: true,
      undoStopAfter: true,
      keepWhitespace: true,
    });
    if (!applied) ctx.log.warn(`snippet fix was not applied to ${args.fileKey}`);
    return applied;
  };
}

function isSnippetFixArguments(value: unknown): value is SnippetFixArguments {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SnippetFixArguments>;
  return (
    typeof candidate.fileKey === 'string' &&
    typeof candidate.snippet === 'string' &&
    typeof candidate.range === 'object' &&
    candidate.range !== null &&
    (candidate.version === undefined || typeof candidate.version === 'number')
  );
}
