import type { Finding, Severity } from '../core/model/finding';
import type { SkippedFile } from './collectFiles';

/** What the formatters print: the analyzer's result plus what the CLI itself skipped, and the texts it read. */
export interface ScanReport {
  findings: Finding[];
  filesAnalyzed: number;
  skipped: SkippedFile[];
  /** File path (as handed to the analyzer) → text, for snippets, fingerprints and line/column of fix edits. */
  texts: ReadonlyMap<string, string>;
}

/** The part of a rule the reports describe (the registry's `Rule` without its check). */
export interface RuleDescription {
  id: string;
  title: string;
  severity: Severity;
  summary: string;
  docs: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ReportSummary extends SeverityCounts {
  /** Findings not silenced by a suppression. */
  findings: number;
  suppressed: number;
  filesAnalyzed: number;
  filesSkipped: number;
  /** Files holding at least one unsuppressed finding. */
  filesWithFindings: number;
}

export function summarize(report: ScanReport): ReportSummary {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  const filesWithFindings = new Set<string>();
  for (const finding of report.findings) {
    if (finding.suppressed) {
      suppressed++;
      continue;
    }
    counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
    filesWithFindings.add(finding.loc.file);
  }
  return {
    findings: counts.error + counts.warning + counts.info,
    ...counts,
    suppressed,
    filesAnalyzed: report.filesAnalyzed,
    filesSkipped: report.skipped.length,
    filesWithFindings: filesWithFindings.size,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export type FailOn = Severity | 'never';

/** True when an unsuppressed finding is at or above the threshold. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((finding) => !finding.suppressed && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
}
