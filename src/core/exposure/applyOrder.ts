import type { DeclarationSet, DeclaredResource } from '../model/bucket';

/**
 * Where `first` stands relative to `second` when Terraform / CloudFormation applies them:
 * `before` / `after` when a dependency chain orders them, `same` for one resource, `unordered`
 * when nothing does (the tool may apply them in either order, even in parallel).
 */
export type ApplyOrder = 'before' | 'after' | 'same' | 'unordered';

export class ApplyOrderIndex {
  private readonly byAddress = new Map<string, DeclaredResource>();
  private readonly reachCache = new Map<string, Set<string>>();

  constructor(resources: Iterable<DeclaredResource>) {
    for (const resource of resources) if (!this.byAddress.has(resource.address)) this.byAddress.set(resource.address, resource);
  }

  /** Every address `resource` is applied after, through `dependsOn` chains. */
  private dependenciesOf(resource: DeclaredResource): Set<string> {
    const cached = this.reachCache.get(resource.address);
    if (cached) return cached;
    const reached = new Set<string>();
    const pending = [...resource.dependsOn];
    while (pending.length > 0) {
      const address = pending.pop() as string;
      if (reached.has(address)) continue;
      reached.add(address);
      const next = this.byAddress.get(address);
      if (next) pending.push(...next.dependsOn);
    }
    this.reachCache.set(resource.address, reached);
    return reached;
  }

  order(first: DeclaredResource, second: DeclaredResource): ApplyOrder {
    if (first.address === second.address) return 'same';
    if (this.dependenciesOf(second).has(first.address)) return 'before';
    if (this.dependenciesOf(first).has(second.address)) return 'after';
    return 'unordered';
  }
}

/** Every resource a declaration set names, for ordering questions. */
export function resourcesOf(set: DeclarationSet): DeclaredResource[] {
  const resources: DeclaredResource[] = [];
  for (const bucket of set.buckets) {
    resources.push(bucket.resource);
    for (const policy of bucket.policies) resources.push(policy.resource);
    for (const acl of bucket.acls) resources.push(acl.resource);
    if (bucket.publicAccessBlock) resources.push(bucket.publicAccessBlock.resource);
    if (bucket.ownership) resources.push(bucket.ownership.resource);
    if (bucket.logging) resources.push(bucket.logging.resource);
  }
  for (const block of set.accountPublicAccessBlocks) resources.push(block.resource);
  for (const trail of set.trails) resources.push(trail.resource);
  return resources;
}
