import { ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { paginateListBuckets, type PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsFailure, AwsResult } from '../aws/awsResult';
import { createAwsClients, type AwsClientOptions, type AwsClients } from '../aws/clientFactory';
import { createLimiter, DEFAULT_CONCURRENCY } from '../aws/limiter';
import { assembleBucket, readBucket, unexaminedBucket, type AccountContext, type BucketEntry } from './collectBucket';
import { PostureSession } from './postureSession';
import { blockPosture } from './publicAccess';
import { TrailDirectory } from './trailDirectory';
import type { AccountPosture, BucketPosture, PostureProblem } from './types';

export interface CollectPostureOptions {
  /** Named profile (SSO, credential_process, assume-role: whatever the SDK's chain resolves). */
  profile?: string;
  /**
   * Only buckets in these regions are examined. Buckets elsewhere are still listed, with a reason,
   * never hidden.
   */
  regions?: string[];
  /** Buckets examined at once (default 16); each bucket sends its eight reads together. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called as soon as each bucket's posture is complete, in completion order. */
  onBucket?: (bucket: BucketPosture) => void;
  /** Called once the buckets are known (names and, where ListBuckets says, regions), before any is examined. */
  onListed?: (buckets: Array<{ name: string; region?: string; source: 'listed' | 'added' }>) => void;
  /** Buckets added by name ("Add bucket…"), examined even when ListBuckets is denied. */
  addedBuckets?: string[];
  /**
   * Examine only these buckets (refreshing some nodes) without listing the account: names, or the
   * name with what an earlier collection learned (region, whether ListBuckets listed it).
   */
  onlyBuckets?: Array<string | { name: string; region?: string | null; source?: 'listed' | 'added' }>;
  /** Ready-made clients (tests, a host that keeps them between refreshes); they are not destroyed afterwards. */
  clients?: AwsClients;
  /** How to make clients when `clients` is not given (endpoint, retries, credentials). */
  clientOptions?: AwsClientOptions;
  /** Pages of ListBuckets (1–10,000; default 1,000). */
  listPageSize?: number;
}

/**
 * Reads an account's buckets and their security settings: identity, alias, every bucket (all
 * regions), per bucket in its own region logging, Block Public Access, policy and its status, ACL,
 * Object Ownership, encryption and request metrics; account Block Public Access; CloudTrail once
 * per region. Nothing throws except cancellation (an AbortError): every failure is a reason in
 * the result.
 */
export async function collectPosture(options: CollectPostureOptions = {}): Promise<AccountPosture> {
  const started = Date.now();
  const clients = options.clients ?? createAwsClients({ ...options.clientOptions, profile: options.profile ?? options.clientOptions?.profile });
  const session = new PostureSession(clients, options.signal);
  try {
    return await collect(session, options, started);
  } finally {
    if (!options.clients) clients.destroy();
  }
}

async function collect(session: PostureSession, options: CollectPostureOptions, started: number): Promise<AccountPosture> {
  const clients = session.clients;
  const problems: PostureProblem[] = [];
  const homeRegion = await clients.homeRegion();

  const sts = await clients.sts();
  const identity = await session.call('sts:GetCallerIdentity', (abortSignal) => sts.send(new GetCallerIdentityCommand({}), { abortSignal }));
  if (!identity.ok) problems.push(problemOf(identity));
  const accountId = identity.ok ? (identity.value?.Account ?? null) : null;
  const callerArn = identity.ok ? identity.value?.Arn : undefined;
  const partition = callerArn?.split(':')[1] || 'aws';

  const only = options.onlyBuckets?.map(onlyEntry).filter((entry) => entry.name.length > 0);
  // Refreshing known buckets needs no full listing; one page still names the caller's canonical id,
  // which tells the caller's own buckets among added ones.
  const pageLimit = only ? (only.some((entry) => entry.source === 'added') ? 1 : 0) : Infinity;
  const [alias, listing, accountBlock] = await Promise.all([
    readAlias(session),
    listBuckets(session, homeRegion, only ? 1 : (options.listPageSize ?? 1000), pageLimit),
    readAccountBlock(session, accountId, homeRegion),
  ]);
  if (!listing.complete && listing.failure && listing.failure.kind !== 'expired') problems.push(problemOf(listing.failure));
  throwIfAborted(options.signal);

  const entries = only ?? bucketEntries(listing.buckets, options.addedBuckets ?? []);
  safely(() => options.onListed?.(entries.map(({ name, region, source }) => ({ name, region, source }))));

  const trails = new TrailDirectory(session);
  const context: AccountContext = {
    session,
    accountId,
    ownerCanonicalId: listing.ownerCanonicalId,
    partition,
    homeRegion,
    accountBlockPublicAccess: accountBlock,
    trails,
    regions: options.regions && options.regions.length > 0 ? new Set(options.regions) : undefined,
  };
  // Each region's trails are read once; starting now means they are known by the time the first
  // buckets' own reads come back, instead of queueing behind them.
  for (const region of new Set(entries.map((entry) => entry.region))) {
    if (region && (!context.regions || context.regions.has(region))) void trails.forRegion(region);
  }
  const limiter = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const buckets = await Promise.all(
    entries.map(async (entry) => {
      // The limiter bounds the reads; waiting for the region's trails happens outside it, so
      // buckets that wait never hold the slots the trail reads need.
      let posture: BucketPosture;
      try {
        const read = await limiter.run(() => readBucket(context, entry));
        posture = await assembleBucket(context, entry, read);
      } catch (error) {
        // An answer shaped unlike AWS's (an S3-compatible store) must not sink the other buckets.
        const message = error instanceof Error ? error.message : String(error);
        posture = unexaminedBucket(context, entry, entry.region ?? null, `The bucket could not be examined: ${message}`);
      }
      safely(() => options.onBucket?.(posture));
      return posture;
    }),
  );
  throwIfAborted(options.signal);
  markLogBuckets(buckets);

  if (session.expired) problems.unshift(problemOf(session.expired));
  const throttled = session.failuresOfKind('throttled');
  if (throttled > 0) {
    problems.push({ kind: 'throttled', message: `AWS kept throttling ${throttled} read(s) beyond the SDK's retries; the aspects they feed are unknown. Refresh later or lower the concurrency.` });
  }

  return {
    account: accountId,
    ...(alias ? { alias } : {}),
    ...(callerArn ? { callerArn } : {}),
    partition,
    ...(clients.profile ? { profile: clients.profile } : {}),
    collectedAt: new Date(started).toISOString(),
    accountBlockPublicAccess: accountBlockPosture(accountBlock),
    listing: {
      complete: listing.complete,
      ...(listing.failure ? { reason: listing.failure.message } : {}),
      ...(listing.failure?.kind === 'denied' && listing.failure.needs ? { needs: listing.failure.needs } : {}),
    },
    buckets,
    trails: await trails.summaries(),
    problems: uniqueProblems(problems),
    stats: { requests: session.requests, failedRequests: session.failedRequests, durationMs: Date.now() - started },
  };
}

interface Listing {
  buckets: BucketEntry[];
  complete: boolean;
  failure?: AwsFailure;
  ownerCanonicalId?: string;
}

async function listBuckets(session: PostureSession, homeRegion: string, pageSize: number, pageLimit: number): Promise<Listing> {
  const client = session.clients.s3(homeRegion);
  const buckets: BucketEntry[] = [];
  let ownerCanonicalId: string | undefined;
  const pages = paginateListBuckets({ client, pageSize: Math.min(10_000, Math.max(1, Math.floor(pageSize))) }, {});
  const iterator = pages[Symbol.asyncIterator]();
  for (let pagesRead = 0; pagesRead < pageLimit; pagesRead++) {
    const page = await session.call('s3:ListAllMyBuckets', () => iterator.next());
    if (!page.ok) return { buckets, complete: false, failure: page, ownerCanonicalId };
    if (!page.value || page.value.done) break;
    const output = page.value.value;
    ownerCanonicalId ??= output.Owner?.ID;
    for (const bucket of output.Buckets ?? []) {
      if (!bucket.Name) continue;
      buckets.push({
        name: bucket.Name,
        ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
        ...(bucket.CreationDate ? { creationDate: bucket.CreationDate.toISOString() } : {}),
        source: 'listed',
      });
    }
    if (session.signal?.aborted) return { buckets, complete: false, ownerCanonicalId };
  }
  return { buckets, complete: true, ownerCanonicalId };
}

function bucketEntries(listed: BucketEntry[], added: string[]): BucketEntry[] {
  const byName = new Map<string, BucketEntry>();
  for (const entry of listed) byName.set(entry.name, entry);
  for (const name of added) {
    const trimmed = name.trim();
    if (trimmed && !byName.has(trimmed)) byName.set(trimmed, { name: trimmed, source: 'added' });
  }
  return [...byName.values()];
}

function onlyEntry(item: string | { name: string; region?: string | null; source?: 'listed' | 'added' }): BucketEntry {
  if (typeof item === 'string') return { name: item.trim(), source: 'added' };
  return { name: item.name.trim(), ...(item.region ? { region: item.region } : {}), source: item.source ?? 'added' };
}

async function readAlias(session: PostureSession): Promise<string | undefined> {
  const iam = await session.clients.iam();
  const aliases = await session.call('iam:ListAccountAliases', (abortSignal) => iam.send(new ListAccountAliasesCommand({}), { abortSignal }));
  // The alias is a convenience: without permission the account id alone names the account.
  return aliases.ok ? aliases.value?.AccountAliases?.[0] : undefined;
}

async function readAccountBlock(session: PostureSession, accountId: string | null, homeRegion: string): Promise<AwsResult<PublicAccessBlockConfiguration>> {
  if (!accountId) {
    return { ok: false, kind: 'error', message: 'The account id is unknown (GetCallerIdentity failed), so account-level Block Public Access could not be read.' };
  }
  const control = session.clients.s3Control(homeRegion);
  return session.call('s3:GetAccountPublicAccessBlock', async (abortSignal) => {
    const output = await control.send(new GetAccountPublicAccessBlockCommand({ AccountId: accountId }), { abortSignal });
    return output.PublicAccessBlockConfiguration ?? {};
  });
}

function accountBlockPosture(result: AwsResult<PublicAccessBlockConfiguration>): AccountPosture['accountBlockPublicAccess'] {
  if (!result.ok) return blockPosture({ state: 'unreadable', reason: result.message }, result.kind === 'denied' ? result.needs : undefined);
  if (result.absent !== undefined) return blockPosture({ state: 'absent' });
  const flags = result.value;
  return blockPosture({
    state: 'value',
    value: {
      blockPublicAcls: flags.BlockPublicAcls === true,
      ignorePublicAcls: flags.IgnorePublicAcls === true,
      blockPublicPolicy: flags.BlockPublicPolicy === true,
      restrictPublicBuckets: flags.RestrictPublicBuckets === true,
    },
  });
}

/** The same trouble met by several account-wide reads is said once. */
function uniqueProblems(problems: PostureProblem[]): PostureProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.kind}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function problemOf(failure: AwsFailure): PostureProblem {
  return { kind: failure.kind, message: failure.message, ...(failure.kind === 'denied' && failure.needs ? { needs: failure.needs } : {}) };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    const error = new Error('The posture collection was cancelled.');
    error.name = 'AbortError';
    throw error;
  }
}

/** A listener's mistake must not stop the collection. */
function safely(listener: () => void): void {
  try {
    listener();
  } catch {
    // ignored on purpose: the caller's callback failing says nothing about the account
  }
}

/** Notes, on each bucket that receives server access logs, whose logs it receives. */
export function markLogBuckets(buckets: BucketPosture[]): void {
  const byName = new Map(buckets.map((bucket) => [bucket.name, bucket]));
  for (const source of buckets) {
    const target = source.logging.state === 'on' && source.logging.target ? byName.get(source.logging.target) : undefined;
    if (!target || target === source) continue;
    const sources = target.logging.logBucketFor ?? [];
    if (!sources.includes(source.name)) sources.push(source.name);
    target.logging.logBucketFor = sources;
  }
}
