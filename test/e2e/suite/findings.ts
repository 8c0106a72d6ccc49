// The extension's diagnostics, as the tests look at them.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './extensionUnderTest';
import { waitFor } from './waitFor';

export const RULE_IDS = [
  'S3-PUBLIC-WRITE', 'S3-PUBLIC-READ', 'S3-PUBLIC-PERMISSIONS', 'S3-PUBLIC-UNKNOWN', 'S3-CROSS-ACCOUNT',
  'S3-BPA-MISSING', 'S3-LOGGING-MISSING', 'S3-LOGGING-TO-SELF', 'S3-PARSE-ERROR',
] as const;

/** Analysis runs after a short debounce; this bounds "the diagnostics follow" everywhere. */
export const DIAGNOSTICS_TIMEOUT_MS = 15_000;

export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

export function diagnosticsOfRule(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return ourDiagnostics(uri).filter((diagnostic) => ruleIdOf(diagnostic) === ruleId);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${ruleIdOf(d) ?? '-'} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`)
    .join('\n');
}

export function waitForRule(uri: vscode.Uri, ruleId: string, timeoutMs = DIAGNOSTICS_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const found = diagnosticsOfRule(uri, ruleId);
    return found.length > 0 ? found : undefined;
  }, `${ruleId} on ${vscode.workspace.asRelativePath(uri)} (has: ${describeDiagnostics(ourDiagnostics(uri))})`, timeoutMs);
}

/** Waits until `predicate` holds for the file's diagnostics; the message names what it had instead. */
export function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = DIAGNOSTICS_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const diagnostics = ourDiagnostics(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  }, what, timeoutMs).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n  diagnostics of ${vscode.workspace.asRelativePath(uri)}:\n${describeDiagnostics(ourDiagnostics(uri)).replace(/^/gm, '    ')}`);
  });
}

/** Resolves at the next publication of diagnostics for `uri` (create it before the change that triggers it). */
export function nextDiagnosticsChange(uri: vscode.Uri, timeoutMs = DIAGNOSTICS_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no new diagnostics for ${vscode.workspace.asRelativePath(uri)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(ourDiagnostics(uri));
    });
  });
}
