import * as vscode from 'vscode';
import { bucketBadge } from './bucketPresentation';
import type { BucketTreeModel } from './bucketTreeModel';
import { BUCKET_URI_SCHEME, bucketUriPath, parseBucketUriPath } from './bucketUri';

/** Paints each bucket node's badge letter and colour from its resourceUri (red: public; yellow: a gap). */
export class BucketDecorationProvider implements vscode.FileDecorationProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly model: BucketTreeModel) {}

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== BUCKET_URI_SCHEME) return undefined;
    const parts = parseBucketUriPath(uri.path);
    if (!parts) return undefined;
    const badge = bucketBadge(this.model.slot(parts.profileKey, parts.bucket)?.posture);
    if (!badge) return undefined;
    const color = new vscode.ThemeColor(badge.tone === 'danger' ? 'list.errorForeground' : 'list.warningForeground');
    return new vscode.FileDecoration(badge.letters, badge.summary, color);
  }

  /** One bucket's badge changed, or (no argument) any of them. */
  refresh(profileKey?: string, bucket?: string): void {
    this.changed.fire(profileKey !== undefined && bucket !== undefined ? bucketUri(profileKey, bucket) : undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function bucketUri(profileKey: string, bucket: string): vscode.Uri {
  return vscode.Uri.from({ scheme: BUCKET_URI_SCHEME, path: bucketUriPath({ profileKey, bucket }) });
}
