import type { DeclarationSet } from './model/bucket';
import type { Finding, Severity } from './model/finding';
import type { FormatFixer } from './model/fixer';
import type { SourceFile } from './model/sourceFile';
import { directoryOf, isTerraformPath, skipReason } from './analysis/fileSelection';
import { runRules, type RuleSelection } from './analysis/runRules';
import { createCloudFormationFixer, looksLikeCloudFormation, parseCloudFormation } from './iac/cloudformation';
import { createRawJsonFixer, detectRawJsonKind, parseRawJson } from './iac/policyJson';
import { createTerraformFixer, parseTerraformModule } from './iac/terraform';

export { isCandidatePath, MAX_FILE_BYTES } from './analysis/fileSelection';

export interface AnalyzeOptions {
  /** Grants to these accounts are not "outside the account". */
  ownAccountIds?: string[];
  disabledRules?: string[];
  severityOverrides?: Record<string, Severity>;
}

export interface AnalysisResult {
  /** Sorted by file, then position; suppressed findings are included with `suppressed` set. */
  findings: Finding[];
  filesAnalyzed: number;
  filesSkipped: Array<{ path: string; reason: string }>;
}

interface AnalysisUnit {
  set: DeclarationSet;
  fixer: FormatFixer;
}

/** Terraform files are grouped by directory (one module each); other files are analysed one by one. */
export async function analyzeFiles(files: SourceFile[], options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const selection: RuleSelection = {
    disabledRules: new Set(options.disabledRules ?? []),
    severityOverrides: options.severityOverrides ?? {},
    options: { ownAccountIds: options.ownAccountIds ?? [] },
  };
  const filesSkipped: AnalysisResult['filesSkipped'] = [];
  const terraformModules = new Map<string, SourceFile[]>();
  const units: AnalysisUnit[] = [];
  let filesAnalyzed = 0;

  const otherFiles: SourceFile[] = [];
  for (const file of files) {
    const reason = skipReason(file);
    if (reason) {
      filesSkipped.push({ path: file.path, reason });
      continue;
    }
    if (isTerraformPath(file.path)) {
      const directory = directoryOf(file.path);
      const module = terraformModules.get(directory) ?? [];
      module.push(file);
      terraformModules.set(directory, module);
      filesAnalyzed++;
    } else {
      otherFiles.push(file);
    }
  }

  // A module may read any other file with file() (a policy JSON next to it); what it reads is judged
  // as part of the module, with the module's Block Public Access, not again on its own.
  const readByModules = new Set<string>();
  for (const moduleFiles of terraformModules.values()) {
    if (!moduleFiles.some((file) => file.path.toLowerCase().endsWith('.tf'))) continue;
    const moduleInputs = [...moduleFiles, ...otherFiles];
    const set = await parseTerraformModule(moduleInputs);
    units.push({ set, fixer: createTerraformFixer(set, moduleInputs) });
    for (const path of filesReadBy(set)) readByModules.add(path);
  }

  for (const file of otherFiles) {
    if (readByModules.has(file.path)) {
      filesAnalyzed++;
      continue;
    }
    const unit = analysisUnitOf(file);
    if (unit) {
      units.push(unit);
      filesAnalyzed++;
    } else {
      filesSkipped.push({ path: file.path, reason: 'not a Terraform, CloudFormation or S3 policy/ACL file' });
    }
  }

  const findings = units.flatMap((unit) => runRules(unit.set, unit.fixer, selection));
  return { findings: sortFindings(findings), filesAnalyzed, filesSkipped };
}

function filesReadBy(set: DeclarationSet): string[] {
  const paths = new Set<string>();
  for (const bucket of set.buckets) {
    for (const policy of bucket.policies) {
      if (!isTerraformPath(policy.document.loc.file)) paths.add(policy.document.loc.file);
    }
  }
  return [...paths];
}

function analysisUnitOf(file: SourceFile): AnalysisUnit | undefined {
  if (looksLikeCloudFormation(file.path, file.text)) {
    const set = parseCloudFormation(file);
    return { set, fixer: createCloudFormationFixer(set, file) };
  }
  if (file.path.toLowerCase().endsWith('.json') && detectRawJsonKind(file.text)) {
    const set = parseRawJson(file);
    if (set) return { set, fixer: createRawJsonFixer(set, file) };
  }
  return undefined;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareText(a.loc.file, b.loc.file) || a.loc.range.startOffset - b.loc.range.startOffset || compareText(a.ruleId, b.ruleId),
  );
}

/** localeCompare, skipped for the common case of equal strings (most findings share their file). */
function compareText(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}
