// Live-account posture: 1,000 buckets on the local AWS-format server (its own process) with 40 ms
// injected per request. Measures the wall time until every bucket's badges are known, against the
// sequential estimate (requests × latency). Run: node --import tsx bench/posture.bench.ts
// Last line: JSON.
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAwsClients } from '../src/core/aws/clientFactory';
import { collectPosture } from '../src/core/posture/collectPosture';
import { ALL_USERS, FULL_BPA, fakeAccount, numberedBuckets, type FakeAccount } from '../test/fakeAws/scenario';
import { FAKE_CREDENTIALS } from '../test/fakeAws/server';

const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 1000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined;
const GOAL_MS = 10_000;

function benchAccount(): FakeAccount {
  const regions = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
  return fakeAccount({
    latencyMs: LATENCY_MS,
    accountPublicAccessBlock: { blockPublicAcls: true, blockPublicPolicy: true },
    buckets: numberedBuckets(BUCKETS, regions, (name, index) => ({
      ...(index % 5 === 0 ? { logging: { targetBucket: 'central-logs', targetPrefix: `${name}/` } } : {}),
      ...(index % 2 === 0 ? { publicAccessBlock: FULL_BPA, ownership: 'BucketOwnerEnforced' as const } : {}),
      ...(index % 10 === 3
        ? {
            policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${name}/*` }] }),
            policyIsPublic: true,
          }
        : {}),
      ...(index % 10 === 7 ? { aclGrants: [{ grantee: { type: 'Group' as const, uri: ALL_USERS }, permission: 'READ' as const }] } : {}),
      ...(index % 7 === 0 ? { metrics: [{ id: 'EntireBucket' }] } : {}),
    })),
    trails: [
      { name: 'management', homeRegion: 'us-east-1', multiRegion: true, isLogging: true },
      {
        name: 'org-data',
        homeRegion: 'eu-west-1',
        accountId: '999999999999',
        organization: true,
        multiRegion: true,
        isLogging: true,
        advancedEventSelectors: [
          {
            Name: 'audited buckets',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
              { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::bucket-000'] },
            ],
          },
        ],
      },
    ],
  });
}

interface ServerStats {
  requests: number;
  unrouted: number;
  peakInFlight: number;
  cpuMs: number;
  byOperation: Record<string, number>;
}

async function main(): Promise<void> {
  const server = fork(path.join(__dirname, '..', 'test', 'fakeAws', 'serverProcess.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const nextMessage = <T>(type: string): Promise<T> =>
    new Promise((resolve) => {
      const listener = (message: { type: string }): void => {
        if (message.type !== type) return;
        server.off('message', listener);
        resolve(message as T);
      };
      server.on('message', listener);
    });
  try {
    server.send({ type: 'start', account: benchAccount() });
    const { endpoint } = await nextMessage<{ endpoint: string }>('ready');
    const clients = createAwsClients({ endpoint, forcePathStyle: true, credentials: { ...FAKE_CREDENTIALS }, region: 'us-east-1', maxAttempts: 1 });

    let badges = 0;
    let firstBadgeMs = 0;
    let lastBadgeMs = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const posture = await collectPosture({
      clients,
      ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}),
      onBucket: () => {
        badges++;
        lastBadgeMs = performance.now() - started;
        if (badges === 1) firstBadgeMs = lastBadgeMs;
      },
    });
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    clients.destroy();

    server.send({ type: 'stats' });
    const stats = await nextMessage<ServerStats>('stats');
    const unknownBadges = posture.buckets.filter(
      (bucket) => bucket.logging.state === 'unknown' || bucket.publicAccess.state === 'unknown' || bucket.encryption.state === 'unknown' || bucket.requestMetrics.state === 'unknown',
    ).length;
    const sequentialEstimateMs = stats.requests * LATENCY_MS;
    const result = {
      bench: 'posture',
      buckets: posture.buckets.length,
      latencyMsPerRequest: LATENCY_MS,
      concurrency: CONCURRENCY ?? 'default (16)',
      requests: stats.requests,
      clientRequests: posture.stats.requests,
      unrouted: stats.unrouted,
      peakRequestsInFlight: stats.peakInFlight,
      firstBadgeMs: Math.round(firstBadgeMs),
      allBadgesKnownMs: Math.round(lastBadgeMs),
      totalMs: Math.round(totalMs),
      sequentialEstimateMs,
      speedup: Number((sequentialEstimateMs / lastBadgeMs).toFixed(1)),
      clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      serverCpuMs: stats.cpuMs,
      loadAverageAtEnd: Number(loadavg()[0].toFixed(1)),
      cpus: cpus().length,
      bucketsWithUnknownBadge: unknownBadges,
      publicBuckets: posture.buckets.filter((bucket) => bucket.publicAccess.state === 'public').length,
      goalMs: GOAL_MS,
      goalMet: lastBadgeMs < GOAL_MS && unknownBadges === 0 && stats.unrouted === 0,
      byOperation: stats.byOperation,
    };
    console.log(`${result.buckets} buckets, ${LATENCY_MS} ms per request: every badge known after ${result.allBadgesKnownMs} ms (first after ${result.firstBadgeMs} ms)`);
    console.log(`${result.requests} requests; sequential estimate ${sequentialEstimateMs} ms; ${result.speedup}× faster; goal < ${GOAL_MS} ms: ${result.goalMet ? 'met' : 'NOT met'}`);
    console.log(`CPU: client ${result.clientCpuMs} ms, fake server ${result.serverCpuMs} ms; ${result.cpus} CPUs, load average ${result.loadAverageAtEnd} (a shared machine makes both processes wait for a core)`);
    console.log(JSON.stringify(result));
    if (!result.goalMet) process.exitCode = 1;
  } finally {
    server.send({ type: 'stop' });
  }
}

void main();
