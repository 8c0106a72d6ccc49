import type { Finding, Severity } from '../../core/model/finding';
import { oneBased } from '../oneBased';
import { summarize, type ReportSummary, type ScanReport } from '../scanReport';

export interface TextFormatOptions {
  color: boolean;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', cyan: '\u001b[36m' };

const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.cyan };

/**
 * One line per finding, `path:line:col  severity  RULE-ID  message` (1-based, so terminals and editors
 * can jump to it), files separated by a blank line, then related places, available fixes, skipped-file
 * notes and a summary. Suppressed findings are only counted: they were reviewed and silenced on purpose.
 */
export function formatText(report: ScanReport, options: TextFormatOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of report.findings) {
    if (finding.suppressed) continue;
    if (currentFile !== undefined && finding.loc.file !== currentFile) lines.push('');
    currentFile = finding.loc.file;
    lines.push(...findingLines(finding, paint));
  }
  if (lines.length > 0) lines.push('');
  const notes = skippedNotes(report);
  lines.push(...notes.map((note) => paint(ANSI.dim, note)));
  if (notes.length > 0) lines.push('');
  lines.push(summaryLine(summarize(report)));
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding, paint: (code: string, text: string) => string): string[] {
  const start = oneBased(finding.loc.range);
  const severity = paint(SEVERITY_COLOR[finding.severity] ?? '', finding.severity.padEnd(7));
  const [firstLine, ...moreLines] = singleSpaced(finding.message).split('\n');
  const out = [
    `${paint(ANSI.bold, `${finding.loc.file}:${start.startLine}:${start.startColumn}`)}  ${severity}  ${paint(ANSI.dim, finding.ruleId)}  ${firstLine}`,
    ...moreLines.map((line) => `    ${line}`),
  ];
  for (const related of finding.related) {
    const at = oneBased(related.loc.range);
    out.push(`    ${paint(ANSI.dim, 'related')} ${related.loc.file}:${at.startLine}:${at.startColumn}  ${singleSpaced(related.message)}`);
  }
  for (const fix of finding.fixes) {
    out.push(`    ${paint(ANSI.dim, 'fix')} ${fix.title}${fix.isPreferred ? ' (preferred)' : ''}`);
  }
  return out;
}

/** Unreadable, binary and oversized files one by one; files that are simply not IaC counted per reason. */
function skippedNotes(report: ScanReport): string[] {
  const notes: string[] = [];
  const notRecognised = new Map<string, string[]>();
  for (const skipped of report.skipped) {
    if (skipped.notRecognised) notRecognised.set(skipped.reason, [...(notRecognised.get(skipped.reason) ?? []), skipped.path]);
    else notes.push(`note: skipped ${skipped.path}: ${skipped.reason}`);
  }
  for (const [reason, paths] of notRecognised) {
    notes.push(paths.length === 1 ? `note: skipped ${paths[0]}: ${reason}` : `note: skipped ${paths.length} files: ${reason}`);
  }
  return notes;
}

function singleSpaced(message: string): string {
  return message.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function summaryLine(summary: ReportSummary): string {
  const bySeverity = `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')}, ${summary.info} info`;
  return `${plural(summary.findings, 'finding')} (${bySeverity}) in ${plural(summary.filesAnalyzed, 'file')}; ${summary.suppressed} suppressed`;
}
