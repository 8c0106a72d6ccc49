import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bucketTooltip, dataEventsTooltip, loggingTooltip, publicAccessTooltip } from '../../src/views/bucketTooltips';
import { goodBucket, publicBucket } from './postureFixtures';

describe('bucket tooltips', () => {
  test('logging shows target bucket and prefix', () => {
    const text = loggingTooltip(goodBucket('b'));
    assert.match(text, /Target bucket: logs\\-bucket/);
    assert.match(text, /Prefix: b\\\//);
  });

  test('an unknown aspect names the permission it needs', () => {
    const text = loggingTooltip(goodBucket('b', { logging: { state: 'unknown', needs: 's3:GetBucketLogging', reason: 'Access denied: the credentials lack s3:GetBucketLogging.' } }));
    assert.match(text, /Unknown — needs `s3:GetBucketLogging`/);
  });

  test('data events list each trail, whether it is logging, and its selector', () => {
    const text = dataEventsTooltip(goodBucket('b'));
    assert.match(text, /Trail \*\*org\\-trail\*\* \(us\\-east\\-1, organization trail, multi-region; logging\): read and write/);
    assert.match(text, /Selector: advanced\\: resources\\\.ARN StartsWith/);
  });

  test('public access names the statement that makes the bucket public', () => {
    const text = publicAccessTooltip(publicBucket('p'));
    assert.match(text, /Bucket policy \(Sid PublicRead\): Principal \\"\\\*\\" may call s3\\:GetObject/);
  });

  test('text from AWS cannot inject markup or links', () => {
    const hostile = publicBucket('p');
    hostile.publicAccess.evidence = [{ source: 'policy', sid: '[x](command:workbench.action.quit)', text: '<script>alert(1)</script>' }];
    hostile.dataEvents.trails[0].name = '**bold** https://evil.example';
    const texts = [publicAccessTooltip(hostile), dataEventsTooltip(hostile), bucketTooltip({ ...hostile, name: '_x_' }, false)];
    for (const text of texts) {
      assert.ok(!text.includes('](command:'), text);
      assert.ok(!text.includes('<script>'), text);
      assert.ok(!text.includes('https://'), text);
      assert.ok(!text.includes('**bold**'), text);
    }
    assert.match(texts[2], /^\*\*\\_x\\_\*\*/);
  });

  test('a cached bucket says when it was read', () => {
    assert.match(bucketTooltip(goodBucket('b'), true, '2026-01-02T03:04:05.000Z'), /Cached from 2026\\-01\\-02T03\\:04\\:05\\\.000Z/);
    assert.doesNotMatch(bucketTooltip(goodBucket('b'), false, '2026-01-02'), /Cached/);
  });
});
