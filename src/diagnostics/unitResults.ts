import type { AnalysisResult } from '../core/analyze';
import type { Finding, Fix, Severity } from '../core/model/finding';
import { LineIndex, type Position } from '../core/model/location';

/** One file's text as it was analysed. */
export interface UnitSource {
  /** `Uri.toString()` of the file. */
  key: string;
  /** The path given to the analyzer; findings name their file by it. */
  path: string;
  text: string;
  /** The editor's document version when the text came from an open document; undefined when read from disk. */
  version?: number;
}

/** Per file of a unit, the version its analysed text had (undefined: read from disk). */
export type SourceVersions = ReadonlyMap<string, number | undefined>;

export interface PlainRange {
  start: Position;
  end: Position;
}

export interface ResolvedEdit {
  fileKey: string;
  range: PlainRange;
  newText: string;
}

/** A core fix with its offsets turned into positions while the analysed text was at hand. */
export interface ResolvedFix {
  title: string;
  isPreferred: boolean;
  snippet: boolean;
  edits: ResolvedEdit[];
}

export interface RelatedPlace {
  fileKey: string;
  range: PlainRange;
  message: string;
}

export interface StoredFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: PlainRange;
  related: RelatedPlace[];
  fixes: ResolvedFix[];
  /** The texts the fixes were computed on; a fix is offered only while they are still current. */
  sources: SourceVersions;
  publicAccess?: Finding['publicAccess'];
}

export interface FileResult {
  findings: StoredFinding[];
  /** Information shown at the top of the file, e.g. that it was skipped. */
  notes: string[];
}

export interface UnitResults {
  files: Map<string, FileResult>;
  /** Findings or fix edits naming a file that was not in the unit (an analyzer bug); logged, not shown. */
  unmapped: number;
}

/**
 * Files of a unit → what each shows. Every source gets an entry, even an empty one, so publishing it
 * replaces what that file showed before. Suppressed findings are not shown.
 */
export function toUnitResults(sources: readonly UnitSource[], result: AnalysisResult): UnitResults {
  const keyOfPath = new Map(sources.map((source) => [source.path, source.key]));
  const textOfKey = new Map(sources.map((source) => [source.key, source.text]));
  const versions: SourceVersions = new Map(sources.map((source) => [source.key, source.version]));
  const lineIndexes = new Map<string, LineIndex>();
  const files = new Map<string, FileResult>(sources.map((source) => [source.key, { findings: [], notes: [] }]));
  let unmapped = 0;

  const positionsOf = (fileKey: string, startOffset: number, endOffset: number): PlainRange | undefined => {
    const text = textOfKey.get(fileKey);
    if (text === undefined) return undefined;
    let index = lineIndexes.get(fileKey);
    if (!index) {
      index = new LineIndex(text);
      lineIndexes.set(fileKey, index);
    }
    return { start: index.positionAt(startOffset), end: index.positionAt(endOffset) };
  };

  const resolveFix = (fix: Fix): ResolvedFix | undefined => {
    const edits: ResolvedEdit[] = [];
    for (const edit of fix.edits) {
      const fileKey = keyOfPath.get(edit.file);
      const range = fileKey === undefined ? undefined : positionsOf(fileKey, edit.startOffset, edit.endOffset);
      if (fileKey === undefined || range === undefined) return undefined;
      edits.push({ fileKey, range, newText: edit.newText });
    }
    return { title: fix.title, isPreferred: fix.isPreferred, snippet: fix.snippet === true, edits };
  };

  for (const finding of result.findings) {
    if (finding.suppressed) continue;
    const fileKey = keyOfPath.get(finding.loc.file);
    const file = fileKey === undefined ? undefined : files.get(fileKey);
    if (!file) {
      unmapped++;
      continue;
    }
    const related: RelatedPlace[] = [];
    for (const place of finding.related) {
      const relatedKey = keyOfPath.get(place.loc.file);
      if (relatedKey === undefined) unmapped++;
      else related.push({ fileKey: relatedKey, range: plainRange(place.loc.range), message: place.message });
    }
    const fixes: ResolvedFix[] = [];
    for (const fix of finding.fixes) {
      const resolved = resolveFix(fix);
      if (resolved) fixes.push(resolved);
      else unmapped++;
    }
    file.findings.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      range: plainRange(finding.loc.range),
      related,
      fixes,
      sources: versions,
      publicAccess: finding.publicAccess,
    });
  }
  return { files, unmapped };
}

function plainRange(range: PlainRange): PlainRange {
  return { start: { ...range.start }, end: { ...range.end } };
}

export function sameRange(a: PlainRange, b: PlainRange): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** An open document's state now, as far as staleness goes. */
export interface OpenDocumentState {
  version: number;
  isDirty: boolean;
}

/**
 * Whether a file still has the text a result was computed on. Text from an open document is current
 * while its version is unchanged; text read from disk is current unless the file is now open with
 * unsaved edits.
 */
export function isSourceCurrent(recordedVersion: number | undefined, now: OpenDocumentState | undefined): boolean {
  if (recordedVersion === undefined) return now === undefined || !now.isDirty;
  return now !== undefined && now.version === recordedVersion;
}
