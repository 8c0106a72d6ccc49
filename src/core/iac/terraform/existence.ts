import type { Evaluator } from './evaluate';
import type { ResourceEntry } from './moduleIndex';
import { attributeOf } from './syntaxTree';

/** `counted`: the resource has `count` or `for_each` (so its existence was decided by them). */
export type Existence = { exists: 'yes'; counted: boolean } | { exists: 'no' } | { exists: 'unknown'; reason: string };

/**
 * Whether `count` / `for_each` create the resource at all: `count = var.enabled ? 1 : 0` with the
 * default false creates nothing, so a policy there must not be judged as applied.
 */
export function existenceOf(evaluator: Evaluator, entry: ResourceEntry): Existence {
  const count = attributeOf(entry.block.body, 'count');
  if (count) {
    const value = evaluator.lower(count.value, entry.file);
    if (value.kind === 'number') return value.value > 0 ? COUNTED : { exists: 'no' };
    return { exists: 'unknown', reason: `${entry.address} exists only if count > 0, and count is not known (${value.kind === 'unknown' ? value.reason : value.kind})` };
  }
  const forEach = attributeOf(entry.block.body, 'for_each');
  if (forEach) {
    const value = evaluator.lower(forEach.value, entry.file);
    if (value.kind === 'array') return value.items.length > 0 ? COUNTED : { exists: 'no' };
    if (value.kind === 'object') return value.entries.length > 0 ? COUNTED : { exists: 'no' };
    // for_each over a resource (aws_s3_bucket.x) has one instance per instance of it.
    if (forEach.value.kind === 'traversal' && forEach.value.steps.length === 1) {
      const source = evaluator.index.resources.get(`${forEach.value.root}.${forEach.value.steps[0].kind === 'attr' ? forEach.value.steps[0].name : ''}`);
      if (source) return existenceOf(evaluator, source);
    }
    return { exists: 'unknown', reason: `${entry.address} exists only if for_each is not empty, and for_each is not known (${value.kind === 'unknown' ? value.reason : value.kind})` };
  }
  return { exists: 'yes', counted: false };
}

const COUNTED: Existence = { exists: 'yes', counted: true };
