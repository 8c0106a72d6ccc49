import type { LineIndex, SourceLocation } from '../../core/model/location';
import type { Finding } from '../../core/model/finding';
import { oneBased, rangeOfOffsets, type OneBasedRange } from '../oneBased';
import { summarize, type ReportSummary, type ScanReport } from '../scanReport';
import { plainEdits } from './fixText';

export interface JsonPosition extends OneBasedRange {
  startOffset: number;
  endOffset: number;
}

export interface JsonFinding {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  file: string;
  location: JsonPosition;
  resource: string;
  bucketName?: string;
  publicAccess?: Finding['publicAccess'];
  access?: Finding['access'];
  related: Array<{ file: string; location: JsonPosition; message: string }>;
  fixes: Array<{
    title: string;
    isPreferred: boolean;
    edits: Array<{ file: string; startOffset: number; endOffset: number; startLine?: number; startColumn?: number; endLine?: number; endColumn?: number; newText: string }>;
  }>;
  suppressed?: { reason: string; file: string; location: JsonPosition };
}

export interface JsonReport {
  version: string;
  findings: JsonFinding[];
  summary: ReportSummary & { skipped: Array<{ path: string; reason: string }> };
}

/** Machine-readable report: 1-based lines/columns plus the 0-based UTF-16 offsets the analyzer works in. */
export function toJsonReport(report: ScanReport, version: string): JsonReport {
  const lineIndexes = new Map<string, LineIndex>();
  return {
    version,
    findings: report.findings.map((finding) => toJsonFinding(finding, report, lineIndexes)),
    summary: { ...summarize(report), skipped: report.skipped.map((skipped) => ({ ...skipped })) },
  };
}

export function formatJson(report: ScanReport, version: string): string {
  return `${JSON.stringify(toJsonReport(report, version), null, 2)}\n`;
}

function position(loc: SourceLocation): JsonPosition {
  return { ...oneBased(loc.range), startOffset: loc.range.startOffset, endOffset: loc.range.endOffset };
}

function toJsonFinding(finding: Finding, report: ScanReport, lineIndexes: Map<string, LineIndex>): JsonFinding {
  const out: JsonFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.loc.file,
    location: position(finding.loc),
    resource: finding.resource,
    related: finding.related.map((related) => ({ file: related.loc.file, location: position(related.loc), message: related.message })),
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      isPreferred: fix.isPreferred,
      edits: plainEdits(fix).map((edit) => {
        const range = rangeOfOffsets(report.texts, lineIndexes, edit.file, edit.startOffset, edit.endOffset);
        return {
          file: edit.file,
          startOffset: edit.startOffset,
          endOffset: edit.endOffset,
          ...(range ? oneBased(range) : {}),
          newText: edit.newText,
        };
      }),
    })),
  };
  if (finding.bucketName !== undefined) out.bucketName = finding.bucketName;
  if (finding.publicAccess !== undefined) out.publicAccess = finding.publicAccess;
  if (finding.access !== undefined) out.access = [...finding.access];
  if (finding.suppressed) {
    out.suppressed = { reason: finding.suppressed.reason, file: finding.suppressed.loc.file, location: position(finding.suppressed.loc) };
  }
  return out;
}
