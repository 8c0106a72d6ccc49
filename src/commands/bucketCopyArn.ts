import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { bucketArn } from '../views/bucketLinks';
import { pickBucket } from './bucketPick';

/** `S3: Copy bucket ARN`. Resolves to the ARN copied. */
export function copyBucketArn(_ctx: Ctx, tree: BucketTree): (node?: unknown) => Promise<string | undefined> {
  return async (node?: unknown) => {
    const picked = await pickBucket(tree, node, 'copy bucket ARN');
    if (!picked) return undefined;
    const partition = tree.model.entry(picked.profileKey)?.posture?.partition ?? 'aws';
    const arn = bucketArn(partition, picked.slot.name);
    await vscode.env.clipboard.writeText(arn);
    void vscode.window.setStatusBarMessage(`Copied ${arn}`, 3000);
    return arn;
  };
}
