import type { Ctx } from '../context';
import { addBucket } from '../commands/bucketAdd';
import { copyBucketArn } from '../commands/bucketCopyArn';
import { showAllBuckets, showProblemBucketsOnly, sortBucketsByName, sortBucketsByProblems } from '../commands/bucketFilter';
import { openBucketInConsole } from '../commands/bucketOpenConsole';
import { openBucketPolicy } from '../commands/bucketOpenPolicy';
import { refreshBucket, refreshBuckets } from '../commands/bucketRefresh';
import { exportPosture } from '../commands/postureExport';
import { BucketTree } from './bucketTree';

/**
 * The S3 Security view and its commands. Creating the view reads no account: the first collection
 * starts when the view is first shown, in a trusted folder.
 */
export function registerBucketTree(ctx: Ctx): BucketTree {
  const tree = ctx.push(new BucketTree(ctx));
  ctx.registerCommand('refreshBuckets', (c) => refreshBuckets(c, tree));
  ctx.registerCommand('refreshBucket', (c) => refreshBucket(c, tree));
  ctx.registerCommand('addBucket', (c) => addBucket(c, tree));
  ctx.registerCommand('showProblemBucketsOnly', (c) => showProblemBucketsOnly(c, tree));
  ctx.registerCommand('showAllBuckets', (c) => showAllBuckets(c, tree));
  ctx.registerCommand('sortBucketsByProblems', (c) => sortBucketsByProblems(c, tree));
  ctx.registerCommand('sortBucketsByName', (c) => sortBucketsByName(c, tree));
  ctx.registerCommand('copyBucketArn', (c) => copyBucketArn(c, tree));
  ctx.registerCommand('openBucketPolicy', (c) => openBucketPolicy(c, tree));
  ctx.registerCommand('openBucketInConsole', (c) => openBucketInConsole(c, tree));
  ctx.registerCommand('exportPosture', (c) => exportPosture(c, tree));
  return tree;
}
