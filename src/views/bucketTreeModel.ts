import type { CollectPostureOptions } from '../core/posture/collectPosture';
import type { AccountPosture, BucketPosture } from '../core/posture/types';

/**
 * What the bucket tree shows, without VS Code: one entry per configured profile, each with its
 * buckets in name order. A bucket without posture is being examined. Results fill in one bucket at
 * a time as the collector reports them; a cached posture is marked stale until it is read again.
 */

export type CollectFunction = (options: CollectPostureOptions) => Promise<AccountPosture>;

export interface BucketSlot {
  name: string;
  region?: string | null;
  source: 'listed' | 'added';
  posture?: BucketPosture;
  /** Restored from the cache and not read since. */
  stale?: boolean;
}

export interface AccountEntry {
  /** The profile name, or '' for the default credential chain. */
  profileKey: string;
  /** The last collection, without meaning for `buckets` (those are in `slots`). Undefined until one ends. */
  posture?: AccountPosture;
  slots: BucketSlot[];
  stale: boolean;
  loading: boolean;
  /** Set when the collection failed outright (not an AWS answer: those are problems in the posture). */
  failure?: string;
}

export interface PostureCache {
  version: 1;
  accounts: Record<string, AccountPosture>;
}

export interface CollectionProgress {
  examined: number;
  total: number;
}

export interface RefreshOptions {
  signal?: AbortSignal;
  regions?: string[];
  concurrency?: number;
  addedBuckets?: (profileKey: string) => string[];
  onProgress?: (progress: CollectionProgress) => void;
}

/** A change to one bucket (re-render that node), one account, or everything. */
export type ModelChange = { profileKey: string; bucket?: string } | undefined;

export class BucketTreeModel {
  private readonly accounts = new Map<string, AccountEntry>();

  constructor(
    private readonly collect: CollectFunction,
    private readonly changed: (change: ModelChange) => void,
  ) {}

  /** The configured profiles, in order; entries of profiles no longer configured are dropped. */
  setProfiles(profileKeys: readonly string[]): void {
    const keep = new Set(profileKeys);
    for (const key of [...this.accounts.keys()]) if (!keep.has(key)) this.accounts.delete(key);
    for (const key of profileKeys) if (!this.accounts.has(key)) this.accounts.set(key, { profileKey: key, slots: [], stale: false, loading: false });
    const ordered = profileKeys.map((key) => this.accounts.get(key) as AccountEntry);
    this.accounts.clear();
    for (const entry of ordered) this.accounts.set(entry.profileKey, entry);
  }

  entries(): AccountEntry[] {
    return [...this.accounts.values()];
  }

  entry(profileKey: string): AccountEntry | undefined {
    return this.accounts.get(profileKey);
  }

  slot(profileKey: string, bucket: string): BucketSlot | undefined {
    return this.accounts.get(profileKey)?.slots.find((slot) => slot.name === bucket);
  }

  /** True once every profile has been collected or restored from the cache. */
  get hasResults(): boolean {
    return this.entries().length > 0 && this.entries().every((entry) => entry.posture !== undefined || entry.failure !== undefined);
  }

  get isLoading(): boolean {
    return this.entries().some((entry) => entry.loading);
  }

  restore(cache: unknown): void {
    if (!isPostureCache(cache)) return;
    for (const entry of this.accounts.values()) {
      const posture = cache.accounts[entry.profileKey];
      if (!posture || !Array.isArray(posture.buckets)) continue;
      entry.posture = posture;
      entry.slots = sortSlots(posture.buckets.map((bucket) => ({ name: bucket.name, region: bucket.region, source: bucket.source, posture: bucket, stale: true })));
      entry.stale = true;
    }
    this.changed(undefined);
  }

  toCache(): PostureCache {
    const accounts: Record<string, AccountPosture> = {};
    for (const entry of this.accounts.values()) if (entry.posture) accounts[entry.profileKey] = this.currentPosture(entry) as AccountPosture;
    return { version: 1, accounts };
  }

  /** The account's posture with the buckets as they are now (after single-bucket refreshes). */
  currentPosture(entry: AccountEntry): AccountPosture | undefined {
    if (!entry.posture) return undefined;
    const buckets = entry.slots.map((slot) => slot.posture).filter((bucket): bucket is BucketPosture => bucket !== undefined);
    return { ...entry.posture, buckets };
  }

  /** Collects every profile at once; resolves when all are done. An AbortError ends it early. */
  async refreshAll(options: RefreshOptions = {}): Promise<void> {
    const entries = this.entries();
    const totals = new Map<string, CollectionProgress>();
    const report = (): void => {
      let examined = 0;
      let total = 0;
      for (const progress of totals.values()) {
        examined += progress.examined;
        total += progress.total;
      }
      options.onProgress?.({ examined, total });
    };
    await Promise.all(
      entries.map(async (entry) => {
        totals.set(entry.profileKey, { examined: 0, total: 0 });
        entry.loading = true;
        entry.failure = undefined;
        this.changed({ profileKey: entry.profileKey });
        try {
          const posture = await this.collect({
            ...this.collectOptions(entry.profileKey, options),
            addedBuckets: options.addedBuckets?.(entry.profileKey) ?? [],
            onListed: (listed) => {
              entry.slots = sortSlots(listed.map((item) => ({ name: item.name, region: item.region, source: item.source })));
              entry.stale = false;
              totals.set(entry.profileKey, { examined: 0, total: listed.length });
              report();
              this.changed({ profileKey: entry.profileKey });
            },
            onBucket: (bucket) => {
              this.fillSlot(entry, bucket);
              const progress = totals.get(entry.profileKey);
              if (progress) progress.examined++;
              report();
            },
          });
          entry.posture = posture;
          entry.slots = sortSlots(posture.buckets.map((bucket) => ({ name: bucket.name, region: bucket.region, source: bucket.source, posture: bucket })));
          entry.stale = false;
        } catch (error) {
          if (isAbort(error)) {
            // Buckets that were not examined before the cancel keep no half state.
            entry.slots = entry.slots.filter((slot) => slot.posture !== undefined);
            throw error;
          }
          entry.failure = error instanceof Error ? error.message : String(error);
        } finally {
          entry.loading = false;
          this.changed({ profileKey: entry.profileKey });
        }
      }),
    );
  }

  /**
   * Reads some buckets again (or for the first time, when added by name) without listing the
   * account, and merges them into what the tree holds.
   */
  async refreshBuckets(profileKey: string, names: readonly string[], options: RefreshOptions = {}): Promise<BucketPosture[]> {
    const entry = this.accounts.get(profileKey);
    if (!entry || names.length === 0) return [];
    const previous = new Map<string, BucketPosture>();
    const only = names.map((name) => {
      const known = entry.slots.find((slot) => slot.name === name);
      if (known?.posture) previous.set(name, known.posture);
      if (known) known.posture = undefined;
      else entry.slots = sortSlots([...entry.slots, { name, source: 'added' }]);
      return known ? { name, region: known.region ?? null, source: known.source } : { name, source: 'added' as const };
    });
    this.changed({ profileKey });
    let examined = 0;
    try {
      const posture = await this.collect({
        ...this.collectOptions(profileKey, options),
        onlyBuckets: only,
        onBucket: (bucket) => {
          this.fillSlot(entry, bucket);
          options.onProgress?.({ examined: ++examined, total: only.length });
        },
      });
      for (const bucket of posture.buckets) this.fillSlot(entry, bucket);
      // A refresh that could not even identify the caller still says why (an expired sign-in).
      entry.posture = entry.posture
        ? { ...entry.posture, problems: posture.problems, collectedAt: posture.collectedAt }
        : { ...posture, buckets: [] };
      return posture.buckets;
    } finally {
      // A bucket the collector never reported (cancelled) goes back to what it showed before.
      entry.slots = entry.slots.filter((slot) => {
        if (slot.posture || !names.includes(slot.name)) return true;
        slot.posture = previous.get(slot.name);
        return slot.posture !== undefined;
      });
      this.changed({ profileKey });
    }
  }

  private fillSlot(entry: AccountEntry, bucket: BucketPosture): void {
    const slot = entry.slots.find((candidate) => candidate.name === bucket.name);
    if (slot) {
      slot.posture = bucket;
      slot.region = bucket.region;
      slot.stale = false;
    } else {
      entry.slots = sortSlots([...entry.slots, { name: bucket.name, region: bucket.region, source: bucket.source, posture: bucket }]);
    }
    this.changed({ profileKey: entry.profileKey, bucket: bucket.name });
  }

  private collectOptions(profileKey: string, options: RefreshOptions): CollectPostureOptions {
    return {
      ...(profileKey ? { profile: profileKey } : {}),
      ...(options.regions && options.regions.length > 0 ? { regions: options.regions } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
  }
}

function sortSlots(slots: BucketSlot[]): BucketSlot[] {
  return slots.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}

function isPostureCache(value: unknown): value is PostureCache {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<PostureCache>;
  return candidate.version === 1 && !!candidate.accounts && typeof candidate.accounts === 'object';
}
