import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { POSTURE_FILE_EXTENSIONS, renderPostures, type PostureFormat } from '../views/postureExportFormat';

const FORMAT_CHOICES: Array<{ label: string; description: string; format: PostureFormat }> = [
  { label: 'Markdown', description: 'A report to read or paste into a ticket', format: 'md' },
  { label: 'CSV', description: 'One row per bucket, for a spreadsheet', format: 'csv' },
  { label: 'JSON', description: 'Everything, as the CLI’s posture --format json', format: 'json' },
];

const FILTER_NAMES: Readonly<Record<PostureFormat, string>> = { md: 'Markdown', csv: 'CSV', json: 'JSON' };

/** `S3: Export bucket posture…`: what the view holds, as Markdown, CSV or JSON, to a file. Resolves to the file written. */
export function exportPosture(ctx: Ctx, tree: BucketTree): () => Promise<vscode.Uri | undefined> {
  return async () => {
    const postures = tree.postures();
    if (postures.length === 0) {
      void vscode.window.showInformationMessage('S3 Security Review: nothing to export yet. Open the S3 Security view to read your accounts first.');
      return undefined;
    }
    const choice = await vscode.window.showQuickPick(FORMAT_CHOICES, { title: 'S3 Security Review: export posture', placeHolder: 'Format' });
    if (!choice) return undefined;
    const extension = POSTURE_FILE_EXTENSIONS[choice.format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: 'Export S3 bucket posture',
      filters: { [FILTER_NAMES[choice.format]]: [extension] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `s3-posture.${extension}`) } : {}),
    });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderPostures(postures, choice.format)));
    ctx.log.info(`Exported the posture of ${postures.length} account(s) to ${target.toString()}.`);
    void vscode.window.showInformationMessage(`S3 Security Review: posture exported to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  };
}
