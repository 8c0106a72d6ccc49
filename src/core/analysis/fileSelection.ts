import type { SourceFile } from '../model/sourceFile';

/** Larger files are skipped with a reason, never parsed: real IaC and policies are far smaller. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const CANDIDATE_EXTENSIONS = ['.tf', '.tfvars', '.json', '.yaml', '.yml', '.template'];

/** Cheap, by name only: files worth reading. */
export function isCandidatePath(path: string): boolean {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tfstate') || lower.endsWith('.tfstate.backup') || lower.endsWith('package-lock.json')) return false;
  return CANDIDATE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function isTerraformPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower.endsWith('.tf') || lower.endsWith('.tfvars');
}

/** Why a file is not analysed, or undefined when it should be. */
export function skipReason(file: SourceFile): string | undefined {
  if (file.text.length > MAX_FILE_BYTES) {
    return `larger than ${Math.round(MAX_FILE_BYTES / 1024 / 1024)} MiB (${(file.text.length / 1024 / 1024).toFixed(1)} MiB)`;
  }
  const head = file.text.slice(0, 8192);
  if (head.includes('\u0000')) return 'binary file';
  return undefined;
}

export function directoryOf(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index < 0 ? '.' : path.slice(0, index);
}
