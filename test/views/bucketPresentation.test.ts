import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bucketBadge,
  bucketDescription,
  dataEventsDescription,
  isShownWithProblemsOnly,
  loggingDescription,
  problemRank,
  publicAccessDescription,
} from '../../src/views/bucketPresentation';
import { markLogBuckets } from '../../src/core/posture/collectPosture';
import { goodBucket, publicBucket } from './postureFixtures';

describe('bucket description', () => {
  test('states the three aspects compactly', () => {
    assert.equal(bucketDescription(goodBucket('b')), 'log ✓ · data events ✓ · public ✓');
    const gaps = goodBucket('b', { logging: { state: 'off' }, dataEvents: { read: 'off', write: 'off', trails: [] } });
    assert.equal(bucketDescription(gaps), 'log ✗ · data events ✗ · public ✓');
    assert.equal(bucketDescription(publicBucket('p')), 'log ✓ · data events ✓ · public ✗');
  });

  test('unknown is "?", partial data events "◐", loading and cached say so', () => {
    const unknown = goodBucket('b', { logging: { state: 'unknown', needs: 's3:GetBucketLogging' }, dataEvents: { read: 'on', write: 'off', trails: [] } });
    assert.equal(bucketDescription(unknown), 'log ? · data events ◐ · public ✓');
    assert.equal(bucketDescription(undefined), 'examining…');
    assert.equal(bucketDescription(goodBucket('b'), true), 'log ✓ · data events ✓ · public ✓ (cached)');
    assert.equal(bucketDescription(goodBucket('b', { reason: 'Region not reachable' })), 'not examined');
  });
});

describe('bucket badge', () => {
  test('none when all is well', () => {
    assert.equal(bucketBadge(goodBucket('b')), undefined);
    assert.equal(bucketBadge(undefined), undefined);
  });

  test('red P for a public bucket, whatever else is missing', () => {
    const bucket = { ...publicBucket('p'), logging: { state: 'off' as const } };
    assert.deepEqual(bucketBadge(bucket), { letters: 'P', tone: 'danger', summary: 'Public' });
  });

  test('yellow letters for gaps and unknowns, at most two', () => {
    assert.equal(bucketBadge(goodBucket('b', { logging: { state: 'off' } }))?.letters, 'L');
    assert.equal(bucketBadge(goodBucket('b', { logging: { state: 'off' } }))?.tone, 'warning');
    const three = goodBucket('b', {
      logging: { state: 'off' },
      dataEvents: { read: 'off', write: 'off', trails: [] },
      publicAccess: { ...goodBucket('b').publicAccess, state: 'unknown', needs: ['s3:GetBucketPolicy'] },
    });
    assert.equal(bucketBadge(three)?.letters, 'LD');
    const unknownOnly = goodBucket('b', { publicAccess: { ...goodBucket('b').publicAccess, state: 'unknown' } });
    assert.deepEqual(bucketBadge(unknownOnly), { letters: '?', tone: 'warning', summary: 'Some settings unknown' });
  });

  test('"problems only" keeps buckets with a badge and those still being examined', () => {
    assert.equal(isShownWithProblemsOnly(goodBucket('b')), false);
    assert.equal(isShownWithProblemsOnly(publicBucket('p')), true);
    assert.equal(isShownWithProblemsOnly(undefined), true);
  });
});

describe('aspect descriptions', () => {
  test('logging names its target, itself, or the missing permission', () => {
    assert.equal(loggingDescription(goodBucket('b')), 'on → logs-bucket/b/');
    assert.equal(loggingDescription(goodBucket('b', { logging: { state: 'on', target: 'b', prefix: '', toSelf: true } })), 'on → b/ (into itself)');
    assert.equal(loggingDescription(goodBucket('b', { logging: { state: 'unknown', needs: 's3:GetBucketLogging', reason: 'Access denied.' } })), 'unknown — needs s3:GetBucketLogging');
    assert.equal(loggingDescription(goodBucket('b', { logging: { state: 'unknown', reason: 'The endpoint could not be reached: boom' } })), 'unknown — The endpoint could not be reached');
  });

  test('data events name read, write and the trails', () => {
    assert.equal(dataEventsDescription(goodBucket('b')), 'read ✓ write ✓ · org-trail');
    assert.equal(dataEventsDescription(goodBucket('b', { dataEvents: { read: 'unknown', write: 'unknown', trails: [], needs: ['cloudtrail:DescribeTrails'] } })), 'unknown — needs cloudtrail:DescribeTrails');
  });

  test('public access names what is public or what blocks it', () => {
    assert.equal(publicAccessDescription(publicBucket('p')), 'public (read)');
    const blocked = goodBucket('b', { publicAccess: { ...goodBucket('b').publicAccess, blockedBy: ['RestrictPublicBuckets (account)'] } });
    assert.equal(publicAccessDescription(blocked), 'not public · blocked by RestrictPublicBuckets (account)');
  });
});

describe('problems-first order', () => {
  test('public, then gaps, then unknowns, then still examining, then fine', () => {
    const buckets = {
      fine: goodBucket('fine'),
      examining: undefined,
      unknown: goodBucket('unknown', { logging: { state: 'unknown', needs: 's3:GetBucketLogging' } }),
      gap: goodBucket('gap', { logging: { state: 'off' } }),
      open: publicBucket('open'),
    };
    const order = Object.entries(buckets)
      .sort(([, a], [, b]) => problemRank(a) - problemRank(b))
      .map(([name]) => name);
    assert.deepEqual(order, ['open', 'gap', 'unknown', 'examining', 'fine']);
  });
});

describe('log buckets', () => {
  test('a bucket that receives other buckets’ access logs is exempt from logging itself', () => {
    const source = goodBucket('app', { logging: { state: 'on', target: 'central-logs', prefix: 'app/' } });
    const logs = goodBucket('central-logs', { logging: { state: 'off' } });
    const stray = goodBucket('stray', { logging: { state: 'off' } });
    markLogBuckets([source, logs, stray]);
    assert.deepEqual(logs.logging.logBucketFor, ['app']);
    assert.equal(bucketDescription(logs), 'log ✓ · data events ✓ · public ✓');
    assert.equal(loggingDescription(logs), 'off — log bucket of 1 bucket (exempt)');
    assert.equal(bucketDescription(stray), 'log ✗ · data events ✓ · public ✓');
    assert.equal(stray.logging.logBucketFor, undefined);
  });

  test('logging into itself does not make a bucket a log bucket', () => {
    const self = goodBucket('self', { logging: { state: 'on', target: 'self', toSelf: true } });
    markLogBuckets([self]);
    assert.equal(self.logging.logBucketFor, undefined);
  });
});
