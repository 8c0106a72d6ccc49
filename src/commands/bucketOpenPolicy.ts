import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { readBucketPolicy } from '../views/bucketPolicyReader';
import { pickBucket, refusedInUntrustedFolder } from './bucketPick';

/**
 * `S3: Open bucket policy`: the live policy, pretty-printed, in an untitled JSON document, so the
 * same diagnostics that judge policy files judge it. Nothing is written back to AWS.
 */
export function openBucketPolicy(ctx: Ctx, tree: BucketTree): (node?: unknown) => Promise<vscode.TextDocument | undefined> {
  return async (node?: unknown) => {
    if (refusedInUntrustedFolder()) return undefined;
    const picked = await pickBucket(tree, node, 'open bucket policy');
    if (!picked) return undefined;
    const bucket = picked.slot.name;
    const region = picked.slot.posture?.region ?? picked.slot.region ?? null;
    const result = await readBucketPolicy(picked.profileKey, bucket, region);
    if (!result.ok) {
      ctx.log.warn(`GetBucketPolicy ${bucket}: ${result.message}`);
      void vscode.window.showWarningMessage(`S3 Security Review: the policy of ${bucket} could not be read. ${result.message}`);
      return undefined;
    }
    if (result.absent !== undefined || !result.value) {
      void vscode.window.showInformationMessage(`S3 Security Review: ${bucket} has no bucket policy.`);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: prettyJson(result.value) });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  };
}

/** AWS returns the policy as stored (often one line); it is shown indented when it parses. */
function prettyJson(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}
