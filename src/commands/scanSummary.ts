/** How the summary names each rule's findings, most severe first. */
const RULE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['S3-PUBLIC-WRITE', 'public write'],
  ['S3-PUBLIC-PERMISSIONS', 'public ACL/policy control'],
  ['S3-PUBLIC-READ', 'public read'],
  ['S3-PUBLIC-UNKNOWN', 'possibly public'],
  ['S3-CROSS-ACCOUNT', 'cross-account'],
  ['S3-BPA-MISSING', 'without Block Public Access'],
  ['S3-LOGGING-MISSING', 'without access logging'],
  ['S3-LOGGING-TO-SELF', 'logging to itself'],
  ['S3-PARSE-ERROR', 'unparseable'],
];

export interface ScanTotals {
  /** Shown findings (suppressed ones excluded), each with the file it is in. */
  findings: ReadonlyArray<{ ruleId: string; fileKey: string }>;
  filesAnalysed: number;
  filesSkipped: number;
  cancelled: boolean;
}

/** "N findings in M files: X public write, Y public read…", the line the scan ends with. */
export function scanSummary(totals: ScanTotals): string {
  const prefix = totals.cancelled ? 'Scan cancelled. ' : '';
  const skipped = totals.filesSkipped > 0 ? ` ${count(totals.filesSkipped, 'file')} skipped (too large).` : '';
  if (totals.findings.length === 0) {
    return `${prefix}No findings in ${count(totals.filesAnalysed, 'file')} analysed.${skipped}`;
  }
  const byRule = new Map<string, number>();
  for (const finding of totals.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  const known = new Set(RULE_LABELS.map(([ruleId]) => ruleId));
  const parts = [
    ...RULE_LABELS.filter(([ruleId]) => byRule.has(ruleId)).map(([ruleId, label]) => `${byRule.get(ruleId)} ${label}`),
    ...[...byRule]
      .filter(([ruleId]) => !known.has(ruleId))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, n]) => `${n} ${ruleId}`),
  ];
  const files = new Set(totals.findings.map((finding) => finding.fileKey)).size;
  return `${prefix}${count(totals.findings.length, 'finding')} in ${count(files, 'file')}: ${parts.join(', ')}.${skipped}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
