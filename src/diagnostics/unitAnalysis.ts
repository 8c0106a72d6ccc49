import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { documentRefOf, fileRefOf, openDocumentsByKey, openDocumentState } from './documentRefs';
import { isAnalysable, isExcluded, isModuleMemberName, unitOf, type AnalysisUnit, type FileRef } from './documentSelection';
import { moduleNotAnalysedNote, oversizedFileNote, utf8Size } from './fileSizeLimit';
import { isSourceCurrent, toUnitResults, type FileResult, type UnitSource } from './unitResults';

export interface UnitOutcome {
  files: Map<string, FileResult>;
  /** The texts analysed, with the document versions they had. */
  sources: UnitSource[];
  /** Files the analyzer recognised (Terraform, CloudFormation, policy JSON). */
  filesAnalysed: number;
  /** Files over the size limit. */
  filesSkipped: number;
}

interface Member {
  ref: FileRef;
  document?: vscode.TextDocument;
}

type ReadMember = { source: UnitSource } | { oversizedBytes: number } | { unreadable: true };

const utf8 = new TextDecoder('utf-8');

/** The analyzer (YAML and Terraform parsers, ~120 ms to load) is loaded on first use, not at activation. */
let analyzer: Promise<typeof import('../core/analyze')> | undefined;
function loadAnalyzer(): Promise<typeof import('../core/analyze')> {
  analyzer ??= import('../core/analyze');
  return analyzer;
}

/**
 * Analyses one unit with the freshest text of each file: an open document's unsaved text wins over
 * the disk. Files over the size limit are not read; a Terraform module with such a file is not judged
 * at all, since a verdict without one of its files could be wrong either way.
 */
export async function analyzeUnit(ctx: Ctx, unit: AnalysisUnit): Promise<UnitOutcome> {
  const started = performance.now();
  const members = await membersOf(unit, ctx);
  const limitBytes = ctx.config.maxFileBytes;
  const reads = await Promise.all(members.map((member) => readMember(member, limitBytes, ctx)));

  const files = new Map<string, FileResult>();
  const sources: UnitSource[] = [];
  const oversized: Array<{ member: Member; bytes: number }> = [];
  reads.forEach((read, index) => {
    if ('source' in read) sources.push(read.source);
    else if ('oversizedBytes' in read) oversized.push({ member: members[index], bytes: read.oversizedBytes });
  });

  let filesAnalysed = 0;
  if (unit.kind === 'terraform-module' && oversized.length > 0) {
    const note = moduleNotAnalysedNote(
      oversized.map(({ member, bytes }) => ({ name: baseName(member.ref.analysisPath), bytes })),
      ctx.config.maxFileSizeKB,
    );
    for (const source of sources) files.set(source.key, { findings: [], notes: [note] });
  } else if (sources.length > 0) {
    const { analyzeFiles } = await loadAnalyzer();
    const result = await analyzeFiles(
      sources.map((source) => ({ path: source.path, text: source.text })),
      ctx.config.analyzeOptions,
    );
    const unitResults = toUnitResults(sources, result);
    filesAnalysed = result.filesAnalyzed;
    for (const [fileKey, fileResult] of unitResults.files) files.set(fileKey, fileResult);
    if (unitResults.unmapped > 0) {
      ctx.log.warn(`${describeUnit(unit)}: ${unitResults.unmapped} finding locations or fix edits name a file outside the unit`);
    }
  }
  for (const { member, bytes } of oversized) {
    files.set(member.ref.uri, { findings: [], notes: [oversizedFileNote(bytes, ctx.config.maxFileSizeKB)] });
  }
  for (const member of members) {
    if (isExcluded(member.ref, ctx.config.excludeGlobs)) files.delete(member.ref.uri);
  }

  const findingCount = [...files.values()].reduce((sum, file) => sum + file.findings.length, 0);
  ctx.log.debug(
    `analysed ${describeUnit(unit)}: ${sources.length} files, ${findingCount} findings in ${(performance.now() - started).toFixed(1)} ms`,
  );
  return { files, sources, filesAnalysed, filesSkipped: oversized.length };
}

/** False once any analysed text has changed since it was read: the outcome would show stale positions. */
export function isOutcomeCurrent(outcome: UnitOutcome): boolean {
  return outcome.sources.every((source) => isSourceCurrent(source.version, openDocumentState(source.key)));
}

/** Whether an open, analysable document belongs to the unit (its results then live with the editor). */
export function hasOpenMember(unit: AnalysisUnit, ctx: Ctx): boolean {
  return vscode.workspace.textDocuments.some((document) => {
    if (document.isClosed) return false;
    const ref = documentRefOf(document);
    return isAnalysable(ref, ctx.config.excludeGlobs) && unitOf(ref).key === unit.key;
  });
}

export function describeUnit(unit: AnalysisUnit): string {
  return unit.kind === 'terraform-module'
    ? `Terraform folder ${vscode.Uri.parse(unit.folderUri).fsPath}`
    : vscode.Uri.parse(unit.fileUri).fsPath;
}

async function membersOf(unit: AnalysisUnit, ctx: Ctx): Promise<Member[]> {
  const open = openDocumentsByKey();
  if (unit.kind === 'single-file') {
    const document = open.get(unit.fileUri);
    return [{ ref: document ? documentRefOf(document) : fileRefOf(vscode.Uri.parse(unit.fileUri)), document }];
  }
  const members = new Map<string, Member>();
  for (const document of open.values()) {
    const ref = documentRefOf(document);
    if (unitOf(ref).key === unit.key) members.set(ref.uri, { ref, document });
  }
  const folder = vscode.Uri.parse(unit.folderUri);
  let entries: Array<[string, vscode.FileType]> = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch (error) {
    ctx.log.debug(`cannot list ${folder.toString()}: ${String(error)}`);
  }
  for (const [name, type] of entries) {
    if ((type & vscode.FileType.File) === 0 || !isModuleMemberName(name)) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    if (!members.has(uri.toString())) members.set(uri.toString(), { ref: fileRefOf(uri) });
  }
  return [...members.values()].sort((a, b) => a.ref.uri.localeCompare(b.ref.uri));
}

async function readMember(member: Member, limitBytes: number, ctx: Ctx): Promise<ReadMember> {
  const { ref, document } = member;
  if (document) {
    const text = document.getText();
    const bytes = utf8Size(text);
    if (bytes > limitBytes) return { oversizedBytes: bytes };
    return { source: { key: ref.uri, path: ref.analysisPath, text, version: document.version } };
  }
  try {
    const uri = vscode.Uri.parse(ref.uri);
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > limitBytes) return { oversizedBytes: stat.size };
    const text = utf8.decode(await vscode.workspace.fs.readFile(uri));
    return { source: { key: ref.uri, path: ref.analysisPath, text } };
  } catch (error) {
    // Deleted between listing and reading, or not readable: the unit is judged without it.
    ctx.log.debug(`cannot read ${ref.uri}: ${String(error)}`);
    return { unreadable: true };
  }
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
