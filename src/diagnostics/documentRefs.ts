import * as path from 'node:path';
import * as vscode from 'vscode';
import { untitledAnalysisPath, type FileRef } from './documentSelection';
import type { OpenDocumentState } from './unitResults';

/** A file in plain strings, for the vscode-free selection and grouping. */
export function fileRefOf(uri: vscode.Uri, languageId?: string): FileRef {
  const scheme = uri.scheme;
  const analysisPath =
    scheme === 'file' ? uri.fsPath : scheme === 'untitled' ? untitledAnalysisPath(uri.path, languageId ?? '') : uri.path;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return {
    uri: uri.toString(),
    scheme,
    analysisPath,
    workspacePath: folder ? path.posix.relative(folder.uri.path, uri.path) : undefined,
    folderUri: scheme === 'untitled' ? undefined : vscode.Uri.joinPath(uri, '..').toString(),
  };
}

export function documentRefOf(document: vscode.TextDocument): FileRef {
  return fileRefOf(document.uri, document.languageId);
}

/** Open documents by `Uri.toString()`. */
export function openDocumentsByKey(): Map<string, vscode.TextDocument> {
  return new Map(
    vscode.workspace.textDocuments.filter((document) => !document.isClosed).map((document) => [document.uri.toString(), document]),
  );
}

export function openDocumentState(fileKey: string): OpenDocumentState | undefined {
  const document = vscode.workspace.textDocuments.find((candidate) => !candidate.isClosed && candidate.uri.toString() === fileKey);
  return document ? { version: document.version, isDirty: document.isDirty } : undefined;
}
