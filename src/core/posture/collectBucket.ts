import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketMetricsConfigurationsCommand,
  type GetBucketAclCommandOutput,
  type GetBucketEncryptionCommandOutput,
  type GetBucketLoggingCommandOutput,
  type MetricsConfiguration,
  type PublicAccessBlockConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { AwsFailure, AwsResult } from '../aws/awsResult';
import { encryptionOf, loggingOf, regionOfLocationConstraint, requestMetricsOf } from './bucketAspects';
import { dataEventsOf } from './dataEvents';
import type { LiveAnswer, LiveFlags, LiveGrant } from './liveModel';
import type { PostureSession } from './postureSession';
import { judgeLivePublicAccess } from './publicAccess';
import type { TrailDirectory } from './trailDirectory';
import type { BucketPosture, DataEventsPosture, PublicAccessPosture } from './types';

export interface BucketEntry {
  name: string;
  /** From ListBuckets; undefined when it did not say. */
  region?: string;
  creationDate?: string;
  source: 'listed' | 'added';
}

export interface AccountContext {
  session: PostureSession;
  accountId: string | null;
  /** The caller's canonical user id (ListBuckets Owner), to recognise its buckets among added ones. */
  ownerCanonicalId?: string;
  partition: string;
  homeRegion: string;
  accountBlockPublicAccess: AwsResult<PublicAccessBlockConfiguration>;
  trails: TrailDirectory;
  /** Only buckets in these regions are examined; the others are listed with a reason. */
  regions?: ReadonlySet<string>;
}

/** The eight reads of one bucket, run together in the bucket's own region. */
interface BucketReads {
  logging: AwsResult<GetBucketLoggingCommandOutput>;
  publicAccessBlock: AwsResult<PublicAccessBlockConfiguration>;
  policyStatus: AwsResult<boolean>;
  policy: AwsResult<string>;
  acl: AwsResult<GetBucketAclCommandOutput>;
  ownership: AwsResult<string>;
  encryption: AwsResult<GetBucketEncryptionCommandOutput>;
  metrics: AwsResult<MetricsConfiguration[]>;
}

/** Finds the region, then reads every setting; the caller bounds how many buckets run at once. */
export async function readBucket(context: AccountContext, entry: BucketEntry): Promise<{ region: string | null; reads?: BucketReads; reason?: string }> {
  const region = entry.region ?? (await findRegion(context, entry.name));
  if (region && context.regions && !context.regions.has(region)) {
    return { region, reason: `The bucket is in ${region}, which is not among the selected regions (${[...context.regions].join(', ')}).` };
  }
  // With the region unknown, the home region's client follows S3's redirect to the right one.
  const client = context.session.clients.s3(region ?? context.homeRegion);
  return { region, reads: await readSettings(context.session, client, entry.name, entry.source === 'added') };
}

async function findRegion(context: AccountContext, bucket: string): Promise<string | null> {
  const client = context.session.clients.s3(context.homeRegion);
  const location = await context.session.call('s3:GetBucketLocation', (abortSignal) =>
    client.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal }),
  );
  if (location.ok) return regionOfLocationConstraint(location.value?.LocationConstraint);
  // S3 names a bucket's region in x-amz-bucket-region even when it refuses the request.
  const head = await context.session.call('s3:ListBucket', async (abortSignal) => {
    try {
      const output = await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal });
      return output.BucketRegion;
    } catch (error) {
      const named = (error as { $response?: { headers?: Record<string, string | undefined> } }).$response?.headers?.['x-amz-bucket-region'];
      if (named) return named;
      throw error;
    }
  });
  return head.ok && head.value ? head.value : null;
}

/**
 * Six reads go out together; two wait for the answer that decides whether they matter:
 * - GetBucketPolicyStatus only when the bucket has a policy (or its policy could not be read):
 *   without one there is nothing for AWS to judge;
 * - GetBucketAcl only when ACLs are in force: under BucketOwnerEnforced S3 ignores every ACL (and
 *   GetBucketAcl shows just the owner's grant). An added bucket's ACL is always read, for its owner.
 * That saves a sixth to a quarter of the requests of a modern account at the price of one more
 * round trip for the buckets that need them.
 */
async function readSettings(session: PostureSession, client: S3Client, bucket: string, alwaysReadAcl: boolean): Promise<BucketReads> {
  const input = { Bucket: bucket };
  const policyAndStatus = (async () => {
    const policy = await session.call('s3:GetBucketPolicy', async (abortSignal) => (await client.send(new GetBucketPolicyCommand(input), { abortSignal })).Policy ?? '');
    const policyStatus: AwsResult<boolean> =
      policy.ok && policy.absent !== undefined
        ? { ok: true, value: undefined, absent: policy.absent }
        : await session.call('s3:GetBucketPolicyStatus', async (abortSignal) =>
            (await client.send(new GetBucketPolicyStatusCommand(input), { abortSignal })).PolicyStatus?.IsPublic === true,
          );
    return { policy, policyStatus };
  })();
  const ownershipAndAcl = (async () => {
    const ownership = await session.call('s3:GetBucketOwnershipControls', async (abortSignal) => {
      const output = await client.send(new GetBucketOwnershipControlsCommand(input), { abortSignal });
      return output.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? '';
    });
    const aclsDisabled = ownership.ok && ownership.value === 'BucketOwnerEnforced';
    const acl: AwsResult<GetBucketAclCommandOutput> =
      aclsDisabled && !alwaysReadAcl
        ? { ok: true, value: undefined, absent: 'BucketOwnerEnforced' }
        : await session.call('s3:GetBucketAcl', (abortSignal) => client.send(new GetBucketAclCommand(input), { abortSignal }));
    return { ownership, acl };
  })();
  const [logging, publicAccessBlock, encryption, metrics, { policy, policyStatus }, { ownership, acl }] = await Promise.all([
    session.call('s3:GetBucketLogging', (abortSignal) => client.send(new GetBucketLoggingCommand(input), { abortSignal })),
    session.call('s3:GetBucketPublicAccessBlock', async (abortSignal) =>
      (await client.send(new GetPublicAccessBlockCommand(input), { abortSignal })).PublicAccessBlockConfiguration ?? {},
    ),
    session.call('s3:GetEncryptionConfiguration', (abortSignal) => client.send(new GetBucketEncryptionCommand(input), { abortSignal })),
    session.call('s3:GetMetricsConfiguration', async (abortSignal) => {
      // No SDK paginator exists for this call; S3 returns up to 100 configurations a page.
      const all: MetricsConfiguration[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListBucketMetricsConfigurationsCommand({ ...input, ContinuationToken: token }), { abortSignal });
        all.push(...(page.MetricsConfigurationList ?? []));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return all;
    }),
    policyAndStatus,
    ownershipAndAcl,
  ]);
  return { logging, publicAccessBlock, policyStatus, policy, acl, ownership, encryption, metrics };
}

/** Puts a bucket's reads and its region's trails together into its posture. */
export async function assembleBucket(
  context: AccountContext,
  entry: BucketEntry,
  read: { region: string | null; reads?: BucketReads; reason?: string },
): Promise<BucketPosture> {
  const base = { name: entry.name, region: read.region, ...(entry.creationDate ? { creationDate: entry.creationDate } : {}), source: entry.source };
  const reads = read.reads;
  if (!reads) return skippedBucket(context, entry, base, read.reason ?? 'The bucket was not examined.');

  const unreachable = unreachableReason(reads, read.region);
  const owner = ownerOf(context, entry, reads.acl);
  const dataEvents: DataEventsPosture = read.region
    ? dataEventsOf(entry.name, await context.trails.forRegion(read.region), context.partition)
    : { read: 'unknown', write: 'unknown', trails: [], reason: 'The bucket’s region is unknown, so the trails that record it are unknown.' };
  return {
    account: owner.accountId,
    ...base,
    ...(unreachable ? { reason: unreachable } : {}),
    logging: loggingOf(entry.name, reads.logging),
    dataEvents,
    publicAccess: publicAccessOf(context, entry.name, reads, owner),
    encryption: encryptionOf(reads.encryption),
    requestMetrics: requestMetricsOf(reads.metrics),
  };
}

/** A bucket that could not be examined: listed, every aspect unknown, with the reason. */
export function unexaminedBucket(context: AccountContext, entry: BucketEntry, region: string | null, reason: string): BucketPosture {
  const base = { name: entry.name, region, ...(entry.creationDate ? { creationDate: entry.creationDate } : {}), source: entry.source };
  return skippedBucket(context, entry, base, reason);
}

function skippedBucket(context: AccountContext, entry: BucketEntry, base: Omit<BucketPosture, 'account' | 'logging' | 'dataEvents' | 'publicAccess' | 'encryption' | 'requestMetrics'>, reason: string): BucketPosture {
  const unknown = { state: 'unknown' as const, reason };
  return {
    account: entry.source === 'listed' ? context.accountId : null,
    ...base,
    reason,
    logging: unknown,
    dataEvents: { read: 'unknown', write: 'unknown', trails: [], reason },
    publicAccess: {
      state: 'unknown',
      read: 'unknown',
      write: 'unknown',
      permissions: 'unknown',
      evidence: [],
      settings: {
        bucketBlockPublicAccess: { state: 'unknown', reason },
        accountBlockPublicAccess: { state: 'unknown', reason },
        objectOwnership: 'unknown',
        policy: 'unknown',
      },
      reason,
    },
    encryption: unknown,
    requestMetrics: unknown,
  };
}

/**
 * When every read failed the same way — the bucket does not exist, or its region cannot be reached
 * (an opt-in region the account has not enabled, a network that cannot reach it) — say so once
 * for the bucket.
 */
function unreachableReason(reads: BucketReads, region: string | null): string | undefined {
  const results = Object.values(reads) as Array<AwsResult<unknown>>;
  const failures = results.filter((result): result is AwsFailure => !result.ok);
  if (failures.length !== results.length) return undefined;
  const first = failures[0];
  if (failures.every((failure) => failure.kind === 'not-found')) return `No bucket by this name exists (or it is not visible to these credentials): ${first.message}`;
  const where = region ? `region ${region}` : 'region';
  if (failures.every((failure) => failure.kind === 'network')) return `The bucket’s ${where} could not be reached over the network: ${first.message}`;
  if (failures.every((failure) => failure.kind === 'region' || failure.kind === 'credentials' || failure.kind === 'network')) {
    return `The bucket’s ${where} refused these credentials (${first.code ?? first.kind}); an opt-in region must be enabled for the account before its buckets can be read. ${first.message}`;
  }
  return undefined;
}

interface Owner {
  accountId: string | null;
  /** Whether the caller's account-level Block Public Access applies to this bucket. */
  isCallers: boolean | 'unknown';
}

function ownerOf(context: AccountContext, entry: BucketEntry, acl: AwsResult<GetBucketAclCommandOutput>): Owner {
  if (entry.source === 'listed') return { accountId: context.accountId, isCallers: true };
  const ownerId = acl.ok ? acl.value?.Owner?.ID : undefined;
  if (ownerId && context.ownerCanonicalId) {
    return ownerId === context.ownerCanonicalId ? { accountId: context.accountId, isCallers: true } : { accountId: null, isCallers: false };
  }
  return { accountId: null, isCallers: 'unknown' };
}

function answerOf<T, U>(result: AwsResult<T>, map: (value: T) => U): LiveAnswer<U> {
  if (!result.ok) return { state: 'unreadable', reason: result.message.replace(/\.$/, '') };
  if (result.absent !== undefined) return { state: 'absent' };
  return { state: 'value', value: map(result.value) };
}

function flagsOf(configuration: PublicAccessBlockConfiguration): LiveFlags {
  return {
    blockPublicAcls: configuration.BlockPublicAcls === true,
    ignorePublicAcls: configuration.IgnorePublicAcls === true,
    blockPublicPolicy: configuration.BlockPublicPolicy === true,
    restrictPublicBuckets: configuration.RestrictPublicBuckets === true,
  };
}

function deniedNeeds(result: AwsResult<unknown>): string | undefined {
  return !result.ok && result.kind === 'denied' ? result.needs : undefined;
}

function publicAccessOf(context: AccountContext, bucket: string, reads: BucketReads, owner: Owner): PublicAccessPosture {
  const accountBlockPublicAccess: LiveAnswer<LiveFlags> =
    owner.isCallers === true
      ? answerOf(context.accountBlockPublicAccess, flagsOf)
      : {
          state: 'unreadable',
          reason:
            owner.isCallers === false
              ? 'the bucket belongs to another account, whose account-level settings cannot be read'
              : 'the bucket’s owner is unknown, so which account-level settings apply is unknown',
        };
  const aclGrants = answerOf(reads.acl, (output) =>
    (output.Grants ?? []).map(
      (grant): LiveGrant => ({
        type: grant.Grantee?.Type,
        uri: grant.Grantee?.URI,
        id: grant.Grantee?.ID,
        email: grant.Grantee?.EmailAddress,
        permission: grant.Permission,
      }),
    ),
  );
  const needs = [reads.policy, reads.policyStatus, reads.acl, reads.publicAccessBlock, reads.ownership, ...(owner.isCallers === true ? [context.accountBlockPublicAccess] : [])]
    .map(deniedNeeds)
    .filter((need): need is string => need !== undefined);
  return judgeLivePublicAccess(
    {
      bucket,
      accountId: owner.accountId,
      policyText: answerOf(reads.policy, (text) => text),
      policyIsPublic: answerOf(reads.policyStatus, (isPublic) => isPublic),
      aclGrants,
      bucketBlockPublicAccess: answerOf(reads.publicAccessBlock, flagsOf),
      bucketBlockPublicAccessNeeds: deniedNeeds(reads.publicAccessBlock),
      accountBlockPublicAccess,
      accountBlockPublicAccessNeeds: owner.isCallers === true ? deniedNeeds(context.accountBlockPublicAccess) : undefined,
      ownership: answerOf(reads.ownership, (value) => value),
      needs,
    },
    context.accountId ? [context.accountId] : [],
  );
}

