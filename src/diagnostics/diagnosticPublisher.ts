import * as vscode from 'vscode';
import type { Severity } from '../core/model/finding';
import { ruleDocsUrl } from '../core/rules/registry';
import type { FindingStore } from './findingStore';
import type { FileResult, PlainRange, StoredFinding } from './unitResults';

export const DIAGNOSTIC_SOURCE = 'S3 Security Review';

const DIAGNOSTIC_SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The one diagnostic collection, kept equal to what the finding store holds for each file. */
export class DiagnosticPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('s3SecurityReview');

  constructor(private readonly store: FindingStore) {}

  publish(fileKeys: Iterable<string>): void {
    for (const fileKey of new Set(fileKeys)) {
      const uri = vscode.Uri.parse(fileKey);
      const result = this.store.fileResult(fileKey);
      if (result && (result.findings.length > 0 || result.notes.length > 0)) this.collection.set(uri, toDiagnostics(result));
      else this.collection.delete(uri);
    }
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

export function toVsRange(range: PlainRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toDiagnostics(result: FileResult): vscode.Diagnostic[] {
  return [...result.notes.map(noteDiagnostic), ...result.findings.map(findingDiagnostic)];
}

function findingDiagnostic(finding: StoredFinding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toVsRange(finding.range),
    finding.message,
    DIAGNOSTIC_SEVERITY[finding.severity] ?? vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId)) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (place) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(vscode.Uri.parse(place.fileKey), toVsRange(place.range)),
          place.message,
        ),
    );
  }
  return diagnostic;
}

function noteDiagnostic(note: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), note, vscode.DiagnosticSeverity.Information);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}
