import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { parseBucketInput } from '../views/bucketInput';
import { profileLabel } from '../views/bucketTreeNodes';
import { asNode, refusedInUntrustedFolder } from './bucketPick';

/**
 * `S3: Add bucket…`: a bucket by name or s3:// URI, for credentials that cannot list buckets or for
 * another account's bucket. Remembered per profile and read on every refresh.
 */
export function addBucket(ctx: Ctx, tree: BucketTree): (node?: unknown) => Promise<void> {
  return async (node?: unknown) => {
    if (refusedInUntrustedFolder()) return;
    const profileKey = asNode(node)?.profileKey ?? (await pickProfile(tree));
    if (profileKey === undefined) return;
    const input = await vscode.window.showInputBox({
      title: `S3 Security Review: add bucket (${profileLabel(profileKey)})`,
      prompt: 'A bucket name or an s3:// URI',
      placeHolder: 'my-bucket or s3://my-bucket/prefix',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parseBucketInput(value);
        return parsed.ok ? undefined : parsed.message;
      },
    });
    if (input === undefined) return;
    const parsed = parseBucketInput(input);
    if (!parsed.ok) return;
    await tree.rememberAddedBucket(profileKey, parsed.name);
    ctx.log.info(`Added bucket ${parsed.name} for ${profileLabel(profileKey)}.`);
    await tree.refreshBuckets(profileKey, [parsed.name]);
  };
}

async function pickProfile(tree: BucketTree): Promise<string | undefined> {
  const keys = tree.model.entries().map((entry) => entry.profileKey);
  if (keys.length <= 1) return keys[0] ?? '';
  const choice = await vscode.window.showQuickPick(
    keys.map((key) => ({ label: profileLabel(key), key })),
    { title: 'S3 Security Review: add bucket', placeHolder: 'With which credentials?' },
  );
  return choice?.key;
}
