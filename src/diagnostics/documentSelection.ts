import type { GlobMatcher } from '../core/analysis/pathGlob';
// From the defining module rather than analyze.ts, which would load every parser at activation.
import { isCandidatePath, isTerraformPath } from '../core/analysis/fileSelection';

/** Candidate file names as one search glob; `isCandidatePath` has the final say on each hit. */
export const CANDIDATE_GLOB = '**/*.{tf,tfvars,json,yaml,yml,template}';

/** Real files and new ones; not diff views (`git:`), output panes or settings editors. */
const ANALYSED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-vfs']);

/** An untitled document has no name to judge by, so its language stands in for the extension. */
const EXTENSION_OF_LANGUAGE: Readonly<Record<string, string>> = {
  terraform: '.tf',
  'terraform-vars': '.tfvars',
  yaml: '.yaml',
  json: '.json',
  jsonc: '.json',
};

/** A file as the adapters see it, in plain strings. */
export interface FileRef {
  /** `Uri.toString()`: the key for diagnostics, results and fixes. */
  uri: string;
  scheme: string;
  /** The path handed to the analyzer: the file-system path, or for an untitled document a name with its language's extension. */
  analysisPath: string;
  /** Forward-slash path relative to its workspace folder, when inside one. */
  workspacePath?: string;
  /** `Uri.toString()` of the containing folder; undefined for untitled documents. */
  folderUri?: string;
}

/**
 * What is analysed together. A Terraform module is every .tf/.tfvars file of one folder (a reference in
 * one file changes a verdict in another); every other file stands alone.
 */
export type AnalysisUnit =
  | { kind: 'terraform-module'; key: string; folderUri: string }
  | { kind: 'single-file'; key: string; fileUri: string };

export function untitledAnalysisPath(name: string, languageId: string): string {
  const extension = EXTENSION_OF_LANGUAGE[languageId];
  return extension === undefined || name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

export function isExcluded(file: FileRef, excludes: readonly GlobMatcher[]): boolean {
  const absolute = file.analysisPath.replace(/\\/g, '/');
  return excludes.some(
    (glob) => (file.workspacePath !== undefined && glob.matches(file.workspacePath)) || glob.matches(absolute),
  );
}

export function isAnalysable(file: FileRef, excludes: readonly GlobMatcher[]): boolean {
  return ANALYSED_SCHEMES.has(file.scheme) && isCandidatePath(file.analysisPath) && !isExcluded(file, excludes);
}

export function isModuleMemberName(name: string): boolean {
  return isTerraformPath(name);
}

export function unitOf(file: FileRef): AnalysisUnit {
  if (file.folderUri !== undefined && isTerraformPath(file.analysisPath)) {
    return { kind: 'terraform-module', key: `module ${file.folderUri}`, folderUri: file.folderUri };
  }
  return { kind: 'single-file', key: `file ${file.uri}`, fileUri: file.uri };
}

/** Units in first-seen order, each with the given files that belong to it. */
export function groupIntoUnits(files: readonly FileRef[]): Array<{ unit: AnalysisUnit; files: FileRef[] }> {
  const groups = new Map<string, { unit: AnalysisUnit; files: FileRef[] }>();
  for (const file of files) {
    const unit = unitOf(file);
    const group = groups.get(unit.key);
    if (group) group.files.push(file);
    else groups.set(unit.key, { unit, files: [file] });
  }
  return [...groups.values()];
}

/** Exclude globs `workspace.findFiles` can take as one `{a,b}` pattern; the rest are applied afterwards. */
export function searchExcludePattern(excludes: readonly string[]): string | undefined {
  const simple = excludes.filter((glob) => !/[{}]/.test(glob));
  if (simple.length === 0) return undefined;
  return simple.length === 1 ? simple[0] : `{${simple.join(',')}}`;
}
