import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { bucketConsoleUrl } from '../views/bucketLinks';
import { pickBucket } from './bucketPick';

/** `S3: Open bucket in AWS console`: the bucket's page in the S3 console, in its region. */
export function openBucketInConsole(_ctx: Ctx, tree: BucketTree): (node?: unknown) => Promise<boolean> {
  return async (node?: unknown) => {
    const picked = await pickBucket(tree, node, 'open in AWS console');
    if (!picked) return false;
    const partition = tree.model.entry(picked.profileKey)?.posture?.partition ?? 'aws';
    const region = picked.slot.posture?.region ?? picked.slot.region ?? null;
    return vscode.env.openExternal(vscode.Uri.parse(bucketConsoleUrl(partition, picked.slot.name, region)));
  };
}
