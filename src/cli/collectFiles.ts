import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../core/model/sourceFile';
import type { GlobMatcher } from '../core/analysis/pathGlob';

export interface CollectOptions {
  /** Paths as the user typed them (files or folders). */
  roots: string[];
  excludes: GlobMatcher[];
  /** Worth reading, by name (the analyzer's `isCandidatePath`). */
  isCandidate: (filePath: string) => boolean;
  maxFileBytes: number;
  cwd: string;
  /** Files read at the same time; keeps file handles and memory bounded on big trees. */
  concurrency?: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
  /**
   * Set for files the analyzer read and did not recognise (a package.json, a CI workflow): expected in any
   * repository, so the text report counts them instead of listing each one.
   */
  notRecognised?: boolean;
}

export interface CollectedFiles {
  files: SourceFile[];
  skipped: SkippedFile[];
}

/** A path argument that does not exist: a usage error, reported before any scanning. */
export class MissingPathError extends Error {
  constructor(readonly missingPath: string) {
    super(`path not found: ${missingPath}`);
  }
}

/** Folders that hold dependencies, VCS data, provider caches or generated copies, never the user's own IaC. */
const SKIPPED_FOLDER_NAMES = new Set(['node_modules', '.git', '.terraform', '.terragrunt-cache']);

/**
 * Why a folder met while recursing is not entered. Hidden folders (`.aws-sam`, `.serverless`, `.github`, …)
 * hold build output or CI config, not templates to review; a folder named explicitly is always entered.
 * CDK's `cdk.out/asset.*` folders are bundled Lambda code and file assets; the synthesized templates sit
 * beside them in `cdk.out` and are scanned.
 */
function isSkippedFolder(name: string, parentName: string): boolean {
  if (SKIPPED_FOLDER_NAMES.has(name)) return true;
  if (name.startsWith('.')) return true;
  return parentName === 'cdk.out' && name.startsWith('asset.');
}

/** Paths are shown relative to the current folder when they are inside it, and with forward slashes. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return shown.split(path.sep).join('/');
}

export async function collectFiles(options: CollectOptions): Promise<CollectedFiles> {
  const candidates: Array<{ absolute: string; shown: string }> = [];
  const skipped: SkippedFile[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = async (absolute: string) => {
    const real = await fs.realpath(absolute).catch(() => absolute);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    candidates.push({ absolute, shown: displayPath(absolute, options.cwd) });
  };

  // A pattern may be written from the current folder (`infra/test/**`) or from the folder being scanned (`test/**`).
  const isExcluded = (absolute: string, root: string) => {
    const fromCwd = displayPath(absolute, options.cwd);
    const fromRoot = path.relative(root, absolute).split(path.sep).join('/');
    return options.excludes.some((glob) => glob.matches(fromCwd) || glob.matches(fromRoot));
  };

  const walk = async (folder: string, root: string): Promise<void> => {
    const real = await fs.realpath(folder).catch(() => undefined);
    // A symlink that points back up the tree (or two links to one folder) is entered once.
    if (real === undefined || seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: displayPath(folder, options.cwd), reason: `cannot read folder (${errorCode(error)})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await fs.stat(absolute).catch(() => undefined);
        if (!target) {
          if (options.isCandidate(entry.name) && !isExcluded(absolute, root)) {
            skipped.push({ path: displayPath(absolute, options.cwd), reason: 'broken symbolic link' });
          }
          continue;
        }
        isFolder = target.isDirectory();
        isFile = target.isFile();
      }
      if (isExcluded(absolute, root)) continue;
      if (isFolder) {
        if (!isSkippedFolder(entry.name, path.basename(folder))) subfolders.push(absolute);
      } else if (isFile && options.isCandidate(absolute)) {
        await addFile(absolute);
      }
    }
    for (const subfolder of subfolders) await walk(subfolder, root);
  };

  for (const root of options.roots) {
    const absolute = path.resolve(options.cwd, root);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) throw new MissingPathError(root);
    if (stat.isDirectory()) await walk(absolute, absolute);
    else if (stat.isFile()) await addFile(absolute);
    // A FIFO or device would block or never end when read.
    else skipped.push({ path: displayPath(absolute, options.cwd), reason: 'not a regular file' });
  }

  const files: Array<SourceFile | undefined> = new Array(candidates.length);
  await forEachBounded(candidates, options.concurrency ?? 16, async (candidate, index) => {
    const outcome = await readCandidate(candidate.absolute, options.maxFileBytes);
    if (typeof outcome === 'string') skipped.push({ path: candidate.shown, reason: outcome });
    else files[index] = { path: candidate.shown, text: outcome.text };
  });
  return {
    files: files.filter((file): file is SourceFile => file !== undefined),
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The file's text, or why it is not analysed. Size is checked before reading, so a huge file is never loaded. */
async function readCandidate(absolute: string, maxFileBytes: number): Promise<{ text: string } | string> {
  try {
    const stat = await fs.stat(absolute);
    if (stat.size > maxFileBytes) {
      return `larger than ${formatBytes(maxFileBytes)} (${formatBytes(stat.size)}); not analysed`;
    }
    const bytes = await fs.readFile(absolute);
    if (bytes.length > maxFileBytes) return `larger than ${formatBytes(maxFileBytes)}; not analysed`;
    if (bytes.includes(0)) return 'binary file (contains a NUL byte); not analysed';
    let text = bytes.toString('utf8');
    // Editors drop the byte-order mark too, so offsets and columns agree with what the user sees.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (error) {
    return `cannot read file (${errorCode(error)})`;
  }
}

async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
