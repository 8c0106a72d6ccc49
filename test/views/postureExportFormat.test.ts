import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postureToCsv, postureToJson, postureToMarkdown } from '../../src/core/posture/renderPosture';
import { renderPostures } from '../../src/views/postureExportFormat';
import { readAwsSettings, profileKeys } from '../../src/views/awsSettings';
import { accountPosture, goodBucket, publicBucket } from './postureFixtures';

describe('posture export', () => {
  const one = accountPosture([goodBucket('a'), publicBucket('p')]);
  const two = accountPosture([goodBucket('z')], { account: '210987654321', alias: 'dev' });

  test('one account is exactly the core renderer output', () => {
    assert.equal(renderPostures([one], 'json'), postureToJson(one));
    assert.equal(renderPostures([one], 'csv'), postureToCsv(one));
    assert.equal(renderPostures([one], 'md'), postureToMarkdown(one));
  });

  test('several accounts: a JSON array, one CSV header, Markdown reports in turn', () => {
    assert.deepEqual(JSON.parse(renderPostures([one, two], 'json')), JSON.parse(JSON.stringify([one, two])));
    const rows = renderPostures([one, two], 'csv').trimEnd().split('\r\n');
    assert.equal(rows.length, 4);
    assert.equal(rows.filter((row) => row.startsWith('account,bucket')).length, 1);
    assert.ok(rows[3].startsWith('123456789012,z,') || rows[3].includes(',z,'));
    const markdown = renderPostures([one, two], 'md');
    assert.ok(markdown.includes(postureToMarkdown(one)) && markdown.includes(postureToMarkdown(two)));
  });

  test('no account: an empty JSON array and a CSV header', () => {
    assert.equal(renderPostures([], 'json').trim(), '[]');
    assert.match(renderPostures([], 'csv'), /^account,bucket,/);
  });
});

describe('AWS settings', () => {
  test('checked and defaulted', () => {
    const values: Record<string, unknown> = { 'aws.profiles': ['prod', ' prod ', 3, ''], 'aws.regions': 'eu-west-1', 'aws.concurrency': 1000 };
    const settings = readAwsSettings((key) => values[key]);
    assert.deepEqual(settings, { profiles: ['prod'], regions: [], concurrency: 64 });
    assert.deepEqual(profileKeys(settings), ['prod']);
    const defaults = readAwsSettings(() => undefined);
    assert.deepEqual(profileKeys(defaults), ['']);
    assert.equal(defaults.concurrency, 16);
  });
});
