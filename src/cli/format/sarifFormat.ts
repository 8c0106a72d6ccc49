import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, TextEdit } from '../../core/model/finding';
import type { LineIndex, SourceLocation, SourceRange } from '../../core/model/location';
import { oneBased, rangeOfOffsets, textAt } from '../oneBased';
import type { RuleDescription, ScanReport } from '../scanReport';
import { plainEdits } from './fixText';
import { placeholderRule, SARIF_LEVEL, sarifRule } from './sarifRules';
import type { SarifArtifactLocation, SarifLocation, SarifLog, SarifRegion, SarifResult, SarifRule } from './sarifTypes';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_NAME = 'S3 Security Review';
export const TOOL_INFORMATION_URI = 'https://github.com/s3-security-review/s3-security-review';
/** Key of our own fingerprint; bump the suffix if the recipe changes, so old and new never collide. */
export const FINGERPRINT_KEY = 's3SecurityReview/v1';
const SOURCE_ROOT = '%SRCROOT%';
const MAX_FINGERPRINT_SNIPPET = 2000;

export interface SarifFormatOptions {
  version: string;
  rules: readonly RuleDescription[];
  ruleDocsUrl: (ruleId: string) => string;
  /** Artifact URIs are relative to this folder (the repository root in CI). */
  cwd: string;
}

export function formatSarif(report: ScanReport, options: SarifFormatOptions): string {
  return `${JSON.stringify(toSarifLog(report, options), null, 2)}\n`;
}

export function toSarifLog(report: ScanReport, options: SarifFormatOptions): SarifLog {
  const rules: SarifRule[] = options.rules.map((rule) => sarifRule(rule, options.ruleDocsUrl(rule.id)));
  const ruleIndexes = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const finding of report.findings) {
    if (!ruleIndexes.has(finding.ruleId)) {
      ruleIndexes.set(finding.ruleId, rules.length);
      rules.push(placeholderRule(finding.ruleId, options.ruleDocsUrl(finding.ruleId)));
    }
  }
  const writer = new SarifResultWriter(report, options.cwd);
  const results = report.findings.map((finding) => writer.result(finding, ruleIndexes.get(finding.ruleId) ?? 0));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            semanticVersion: options.version,
            version: options.version,
            rules,
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { uri: folderUri(options.cwd), description: { text: 'The folder the scan ran in.' } },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.map((skipped) => ({
              level: 'note' as const,
              message: { text: `Skipped ${skipped.path}: ${skipped.reason}` },
              locations: [{ physicalLocation: { artifactLocation: writer.artifact(skipped.path) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

class SarifResultWriter {
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly fingerprintOccurrences = new Map<string, number>();

  constructor(
    private readonly report: ScanReport,
    private readonly cwd: string,
  ) {}

  result(finding: Finding, ruleIndex: number): SarifResult {
    const result: SarifResult = {
      ruleId: finding.ruleId,
      ruleIndex,
      level: SARIF_LEVEL[finding.severity] ?? 'warning',
      message: { text: finding.message || finding.ruleId },
      locations: [
        {
          ...this.location(finding.loc),
          logicalLocations: [{ fullyQualifiedName: finding.resource, kind: 'resource' }],
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: this.fingerprint(finding) },
      suppressions: finding.suppressed
        ? [{ kind: 'inSource', status: 'accepted', justification: finding.suppressed.reason, location: this.location(finding.suppressed.loc) }]
        : [],
      properties: { resource: finding.resource },
    };
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((related, index) => ({
        id: index + 1,
        ...this.location(related.loc),
        message: { text: related.message || 'Related location' },
      }));
    }
    const fixes = finding.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: this.artifactChanges(plainEdits(fix)),
    }));
    if (fixes.length > 0) result.fixes = fixes;
    const publicAccess = publicAccessOf(finding);
    if (publicAccess) result.properties.publicAccess = publicAccess;
    if (finding.bucketName !== undefined) result.properties.bucketName = finding.bucketName;
    if (finding.access && finding.access.length > 0) result.properties.access = [...finding.access];
    return result;
  }

  artifact(file: string): SarifArtifactLocation {
    const absolute = path.resolve(this.cwd, file);
    const relative = path.relative(this.cwd, absolute);
    if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
    }
    return { uri: pathToFileURL(absolute).href };
  }

  private location(loc: SourceLocation): SarifLocation {
    return { physicalLocation: { artifactLocation: this.artifact(loc.file), region: region(loc.range) } };
  }

  private artifactChanges(edits: TextEdit[]) {
    const byFile = new Map<string, TextEdit[]>();
    for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    return [...byFile].map(([file, fileEdits]) => ({
      artifactLocation: this.artifact(file),
      replacements: [...fileEdits]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map((edit) => {
          const range = rangeOfOffsets(this.report.texts, this.lineIndexes, file, edit.startOffset, edit.endOffset);
          const deletedRegion: SarifRegion = range
            ? region(range)
            : { charOffset: nonNegative(edit.startOffset), charLength: nonNegative(edit.endOffset - edit.startOffset) };
          return { deletedRegion, insertedContent: { text: edit.newText } };
        }),
    }));
  }

  /**
   * Stable across unrelated edits: rule, resource, file and the element's own text with whitespace
   * collapsed, never line numbers, so inserting lines above keeps the alert identity. Identical elements
   * in one file and resource are told apart by their order.
   */
  private fingerprint(finding: Finding): string {
    const relativeFile = this.artifact(finding.loc.file).uri;
    const snippet = (textAt(this.report.texts, finding.loc) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_FINGERPRINT_SNIPPET);
    const hash = createHash('sha256')
      .update([finding.ruleId, finding.resource, relativeFile, snippet].join('\u0000'))
      .digest('hex')
      .slice(0, 32);
    const occurrence = (this.fingerprintOccurrences.get(hash) ?? 0) + 1;
    this.fingerprintOccurrences.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  }
}

function region(range: SourceRange): SarifRegion {
  const { startLine, startColumn, endLine, endColumn } = oneBased(range);
  const ordered = endLine > startLine || (endLine === startLine && endColumn >= startColumn);
  return {
    startLine,
    startColumn,
    endLine: ordered ? endLine : startLine,
    endColumn: ordered ? endColumn : startColumn,
    charOffset: nonNegative(range.startOffset),
    charLength: nonNegative(range.endOffset - range.startOffset),
  };
}

function nonNegative(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0;
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

const ACCESS_OF_RULE: Record<string, 'read' | 'write'> = { 'S3-PUBLIC-READ': 'read', 'S3-PUBLIC-WRITE': 'write', 'S3-PUBLIC-PERMISSIONS': 'write' };

/** What the public can do; taken from the finding, else from its access kinds, else from the rule that raised it. */
function publicAccessOf(finding: Finding): 'read' | 'write' | 'read-write' | undefined {
  if (finding.publicAccess) return finding.publicAccess;
  if (!(finding.ruleId in ACCESS_OF_RULE)) return undefined;
  const access = finding.access ?? [];
  const reads = access.includes('read');
  const writes = access.includes('write') || access.includes('permissions');
  if (reads && writes) return 'read-write';
  if (reads) return 'read';
  if (writes) return 'write';
  return ACCESS_OF_RULE[finding.ruleId];
}
