import type { AnalysisUnit } from './documentSelection';
import { sameRange, type FileResult, type PlainRange, type StoredFinding } from './unitResults';

interface UnitEntry {
  unit: AnalysisUnit;
  /** Set when the workspace scan covered the unit: its results then outlive the closing of its files. */
  scanned: boolean;
  files: Map<string, FileResult>;
}

/**
 * The latest results per analysis unit, whether they came from an open document or the workspace scan.
 * Each file belongs to one unit, so a file always shows its unit's freshest analysis. Methods that
 * change results return the keys of the files whose diagnostics must be republished.
 */
export class FindingStore {
  private readonly units = new Map<string, UnitEntry>();
  private readonly unitOfFile = new Map<string, string>();

  set(unit: AnalysisUnit, files: Map<string, FileResult>, scanned: boolean): string[] {
    const changed = this.delete(unit.key);
    if (files.size === 0) return changed;
    this.units.set(unit.key, { unit, scanned, files });
    for (const fileKey of files.keys()) {
      this.unitOfFile.set(fileKey, unit.key);
      changed.push(fileKey);
    }
    return [...new Set(changed)];
  }

  delete(unitKey: string): string[] {
    const entry = this.units.get(unitKey);
    if (!entry) return [];
    this.units.delete(unitKey);
    const keys = [...entry.files.keys()];
    for (const fileKey of keys) {
      if (this.unitOfFile.get(fileKey) === unitKey) this.unitOfFile.delete(fileKey);
    }
    return keys;
  }

  clear(): string[] {
    const keys = [...this.unitOfFile.keys()];
    this.units.clear();
    this.unitOfFile.clear();
    return keys;
  }

  has(unitKey: string): boolean {
    return this.units.has(unitKey);
  }

  isScanned(unitKey: string): boolean {
    return this.units.get(unitKey)?.scanned === true;
  }

  allUnits(): AnalysisUnit[] {
    return [...this.units.values()].map((entry) => entry.unit);
  }

  fileResult(fileKey: string): FileResult | undefined {
    const unitKey = this.unitOfFile.get(fileKey);
    return unitKey === undefined ? undefined : this.units.get(unitKey)?.files.get(fileKey);
  }

  /**
   * The findings a diagnostic was made from: same file, range, rule and message. The editor hands code
   * actions copies of its diagnostics, so they are matched by value, not identity.
   */
  findingsAt(fileKey: string, range: PlainRange, ruleId: string, message: string): StoredFinding[] {
    const result = this.fileResult(fileKey);
    if (!result) return [];
    return result.findings.filter(
      (finding) => finding.ruleId === ruleId && finding.message === message && sameRange(finding.range, range),
    );
  }

  /**
   * After a complete scan: a unit the previous scan covered but this one did not (deleted, now excluded)
   * loses its results, unless a document of it is open, which keeps them as editor results.
   */
  endScan(visitedUnitKeys: ReadonlySet<string>, hasOpenDocument: (unit: AnalysisUnit) => boolean): string[] {
    const changed: string[] = [];
    for (const [key, entry] of [...this.units]) {
      if (!entry.scanned || visitedUnitKeys.has(key)) continue;
      if (hasOpenDocument(entry.unit)) entry.scanned = false;
      else changed.push(...this.delete(key));
    }
    return changed;
  }
}
