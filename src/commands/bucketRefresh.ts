import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';
import { pickBucket, refusedInUntrustedFolder } from './bucketPick';

/** What `refreshBuckets` resolves to once every account has been read (plain data, for callers of `executeCommand`). */
export interface PostureRefreshReport {
  accounts: Array<{ account: string | null; profile?: string; buckets: number; problems: string[] }>;
  buckets: number;
  publicBuckets: number;
}

/** `S3: Refresh buckets`: reads every configured account again. */
export function refreshBuckets(_ctx: Ctx, tree: BucketTree): () => Promise<PostureRefreshReport | undefined> {
  return async () => {
    if (refusedInUntrustedFolder()) return undefined;
    await tree.refreshAll();
    const postures = tree.postures();
    const buckets = postures.flatMap((posture) => posture.buckets);
    return {
      accounts: postures.map((posture) => ({
        account: posture.account,
        ...(posture.profile ? { profile: posture.profile } : {}),
        buckets: posture.buckets.length,
        problems: posture.problems.map((problem) => problem.message),
      })),
      buckets: buckets.length,
      publicBuckets: buckets.filter((bucket) => bucket.publicAccess.state === 'public').length,
    };
  };
}

/** `S3: Refresh bucket`: reads one bucket again, without listing the account. */
export function refreshBucket(_ctx: Ctx, tree: BucketTree): (node?: unknown) => Promise<void> {
  return async (node?: unknown) => {
    if (refusedInUntrustedFolder()) return;
    const picked = await pickBucket(tree, node, 'refresh bucket');
    if (picked) await tree.refreshBuckets(picked.profileKey, [picked.slot.name]);
  };
}
