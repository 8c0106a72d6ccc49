import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, markdownCode, markdownText, POSTURE_CSV_COLUMNS, postureToCsv, postureToJson, postureToMarkdown } from '../../../src/core/posture/renderPosture';
import type { AccountPosture, BucketPosture } from '../../../src/core/posture/types';

function bucket(name: string, overrides: Partial<BucketPosture> = {}): BucketPosture {
  return {
    account: '123456789012',
    name,
    region: 'eu-west-1',
    source: 'listed',
    logging: { state: 'off' },
    dataEvents: { read: 'off', write: 'off', trails: [] },
    publicAccess: {
      state: 'not-public',
      read: 'not-public',
      write: 'not-public',
      permissions: 'not-public',
      evidence: [],
      settings: {
        bucketBlockPublicAccess: { state: 'on' },
        accountBlockPublicAccess: { state: 'off' },
        objectOwnership: 'BucketOwnerEnforced',
        policy: 'none',
      },
    },
    encryption: { state: 'on', algorithm: 'AES256' },
    requestMetrics: { state: 'off' },
    ...overrides,
  };
}

function account(buckets: BucketPosture[]): AccountPosture {
  return {
    account: '123456789012',
    alias: 'acme',
    partition: 'aws',
    collectedAt: '2026-01-02T03:04:05.000Z',
    accountBlockPublicAccess: { state: 'off' },
    listing: { complete: true },
    buckets,
    trails: [],
    problems: [],
    stats: { requests: 0, failedRequests: 0, durationMs: 0 },
  };
}

/** Splits RFC 4180 text into rows of cells (quotes, doubled quotes, commas and newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const ch = text[index];
    if (quoted) {
      if (ch === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += ch;
  }
  return rows;
}

describe('posture exports', () => {
  test('JSON is the AccountPosture itself', () => {
    const posture = account([bucket('a')]);
    assert.deepEqual(JSON.parse(postureToJson(posture)), posture);
  });

  test('CSV: one row per bucket; commas, quotes, newlines survive; formulas are defused', () => {
    const posture = account([
      bucket('plain'),
      bucket('=HYPERLINK("http://evil")', { logging: { state: 'unknown', reason: 'denied, "quoted"\nsecond line', needs: 's3:GetBucketLogging' } }),
    ]);
    const rows = parseCsv(postureToCsv(posture));
    assert.deepEqual(rows[0], [...POSTURE_CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    const column = (name: (typeof POSTURE_CSV_COLUMNS)[number]) => POSTURE_CSV_COLUMNS.indexOf(name);
    assert.equal(rows[2][column('bucket')], `'=HYPERLINK("http://evil")`);
    assert.equal(rows[2][column('needs')], 's3:GetBucketLogging');
    assert.equal(rows[2][column('reasons')], 'Logging: denied, "quoted"\nsecond line');
    assert.ok(rows.every((row) => row.length === POSTURE_CSV_COLUMNS.length));
    assert.equal(csvCell('-1+2'), `"'-1+2"`);
    assert.equal(csvCell('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvCell('ok'), 'ok');
  });

  test('Markdown: names with pipes, backticks, brackets and HTML cannot break the table or inject markup', () => {
    const hostile = bucket('a|b`c<img src=x onerror=alert(1)>', {
      publicAccess: {
        ...bucket('x').publicAccess,
        state: 'public',
        read: 'public',
        evidence: [{ source: 'policy', text: 'Statement "[click](http://evil)" *allows* anyone', sid: 'S|id`1' }],
      },
    });
    const markdown = postureToMarkdown(account([hostile, bucket('fine')]));
    const tableRows = markdown.split('\n').filter((line) => line.startsWith('| '));
    assert.equal(tableRows.length, 4); // header, separator, two buckets
    for (const row of tableRows) {
      const cells = row.split(/(?<!\\)\|/).length - 2;
      assert.equal(cells, 8, row);
    }
    // Inside a code span HTML is shown as text; anywhere else it would be markup.
    const outsideCode = markdown.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, '');
    assert.doesNotMatch(outsideCode, /<img/);
    assert.match(markdown, /<img/, 'the name is still shown, as code');
    assert.doesNotMatch(markdown, /[^\\]\]\(http:\/\/evil\)/, 'no link syntax survives unescaped');
    assert.match(markdown, /\\\[click\\\]/);
  });

  test('markdownCode fences around backticks; markdownText escapes line starts', () => {
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('a|b', true), '`a\\|b`');
    assert.equal(markdownCode('a|b'), '`a|b`');
    assert.equal(markdownText('# not a heading'), '\\# not a heading');
    assert.equal(markdownText('1. not a list'), '1\\. not a list');
    assert.equal(markdownText('two\nlines'), 'two lines');
  });

  test('the report lists unknowns with the permissions they need', () => {
    const markdown = postureToMarkdown(
      account([bucket('locked', { encryption: { state: 'unknown', reason: 'Access denied: the credentials lack s3:GetEncryptionConfiguration', needs: 's3:GetEncryptionConfiguration' } })]),
    );
    assert.match(markdown, /## Unknowns and why/);
    assert.match(markdown, /`locked`: Encryption: Access denied.*Needs `s3:GetEncryptionConfiguration`/);
  });
});
