import type { Ctx } from '../context';
import type { BucketTree } from '../views/bucketTree';

/** `S3: Show problem buckets only`: hides buckets whose three states are all as they should be. */
export function showProblemBucketsOnly(_ctx: Ctx, tree: BucketTree): () => void {
  return () => tree.setProblemsOnly(true);
}

/** `S3: Show all buckets`: lifts the "problems only" filter. */
export function showAllBuckets(_ctx: Ctx, tree: BucketTree): () => void {
  return () => tree.setProblemsOnly(false);
}

/** `S3: Sort buckets by problems`: public first, then gaps, then unknowns; by name within each. */
export function sortBucketsByProblems(_ctx: Ctx, tree: BucketTree): () => void {
  return () => tree.setProblemsFirst(true);
}

/** `S3: Sort buckets by name`. */
export function sortBucketsByName(_ctx: Ctx, tree: BucketTree): () => void {
  return () => tree.setProblemsFirst(false);
}
