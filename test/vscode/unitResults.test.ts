import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnalysisResult } from '../../src/core/analyze';
import type { Finding } from '../../src/core/model/finding';
import { LineIndex } from '../../src/core/model/location';
import { isSourceCurrent, sameRange, toUnitResults, type UnitSource } from '../../src/diagnostics/unitResults';

const bucketText = 'resource "aws_s3_bucket" "site" {\r\n  bucket = "site"\r\n}\r\n';
const policyText = 'resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = "{}"\n}\n';

const sources: UnitSource[] = [
  { key: 'file:///m/bucket.tf', path: '/m/bucket.tf', text: bucketText, version: 4 },
  { key: 'file:///m/policy.tf', path: '/m/policy.tf', text: policyText },
];

function findingAt(file: string, text: string, needle: string, overrides: Partial<Finding> = {}): Finding {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return {
    ruleId: 'S3-PUBLIC-READ',
    severity: 'error',
    message: 'Anyone may read objects.',
    loc: new LineIndex(text).location(file, start, start + needle.length),
    resource: 'aws_s3_bucket.site',
    related: [],
    fixes: [],
    ...overrides,
  };
}

function analysis(findings: Finding[]): AnalysisResult {
  return { findings, filesAnalyzed: 2, filesSkipped: [] };
}

describe('toUnitResults', () => {
  test('gives every analysed file an entry, so a file that lost its findings is cleared', () => {
    const { files } = toUnitResults(sources, analysis([]));
    assert.deepEqual([...files.keys()], ['file:///m/bucket.tf', 'file:///m/policy.tf']);
    assert.deepEqual(files.get('file:///m/policy.tf'), { findings: [], notes: [] });
  });

  test('files each finding under its own file, with its exact range', () => {
    const finding = findingAt('/m/policy.tf', policyText, 'policy = "{}"');
    const { files, unmapped } = toUnitResults(sources, analysis([finding]));
    assert.equal(unmapped, 0);
    const [stored] = files.get('file:///m/policy.tf')?.findings ?? [];
    assert.equal(stored.ruleId, 'S3-PUBLIC-READ');
    assert.equal(stored.severity, 'error');
    assert.deepEqual(stored.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 15 } });
    assert.equal(files.get('file:///m/bucket.tf')?.findings.length, 0);
  });

  test('leaves suppressed findings out', () => {
    const suppressed = findingAt('/m/bucket.tf', bucketText, 'bucket = "site"', {
      suppressed: { reason: 'public website', loc: new LineIndex(bucketText).location('/m/bucket.tf', 0, 1) },
    });
    const { files } = toUnitResults(sources, analysis([suppressed]));
    assert.equal(files.get('file:///m/bucket.tf')?.findings.length, 0);
  });

  test('turns fix offsets into positions of the file each edit targets, counting CRLF as one line break', () => {
    const insertAt = bucketText.indexOf('}');
    const replaceFrom = policyText.indexOf('"{}"');
    const finding = findingAt('/m/policy.tf', policyText, 'policy = "{}"', {
      fixes: [
        {
          title: 'Block public access',
          isPreferred: true,
          snippet: true,
          edits: [
            { file: '/m/bucket.tf', startOffset: insertAt, endOffset: insertAt, newText: '${1:x}\n' },
            { file: '/m/policy.tf', startOffset: replaceFrom, endOffset: replaceFrom + 4, newText: 'null' },
          ],
        },
      ],
    });
    const [stored] = toUnitResults(sources, analysis([finding])).files.get('file:///m/policy.tf')?.findings ?? [];
    const [fix] = stored.fixes;
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.snippet, true);
    assert.deepEqual(fix.edits, [
      { fileKey: 'file:///m/bucket.tf', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '${1:x}\n' },
      { fileKey: 'file:///m/policy.tf', range: { start: { line: 2, character: 11 }, end: { line: 2, character: 15 } }, newText: 'null' },
    ]);
    assert.equal(stored.sources.get('file:///m/bucket.tf'), 4);
    assert.equal(stored.sources.get('file:///m/policy.tf'), undefined);
  });

  test('maps related locations to their files', () => {
    const related = findingAt('/m/bucket.tf', bucketText, 'bucket = "site"');
    const finding = findingAt('/m/policy.tf', policyText, 'policy = "{}"', {
      related: [{ loc: related.loc, message: 'the bucket' }],
    });
    const [stored] = toUnitResults(sources, analysis([finding])).files.get('file:///m/policy.tf')?.findings ?? [];
    assert.deepEqual(stored.related, [
      { fileKey: 'file:///m/bucket.tf', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 17 } }, message: 'the bucket' },
    ]);
  });

  test('counts findings and fixes that name a file outside the unit instead of showing them wrongly', () => {
    const stray = findingAt('/elsewhere/main.tf', policyText, 'policy');
    const badFix = findingAt('/m/policy.tf', policyText, 'policy', {
      fixes: [{ title: 'x', isPreferred: false, edits: [{ file: '/elsewhere/x.tf', startOffset: 0, endOffset: 0, newText: '' }] }],
    });
    const { files, unmapped } = toUnitResults(sources, analysis([stray, badFix]));
    assert.equal(unmapped, 2);
    const [kept] = files.get('file:///m/policy.tf')?.findings ?? [];
    assert.deepEqual(kept.fixes, []);
  });
});

describe('isSourceCurrent', () => {
  test('text from an open document is current while the version is unchanged', () => {
    assert.equal(isSourceCurrent(3, { version: 3, isDirty: true }), true);
    assert.equal(isSourceCurrent(3, { version: 4, isDirty: true }), false);
    assert.equal(isSourceCurrent(3, undefined), false);
  });

  test('text from disk is current unless the file now has unsaved edits', () => {
    assert.equal(isSourceCurrent(undefined, undefined), true);
    assert.equal(isSourceCurrent(undefined, { version: 1, isDirty: false }), true);
    assert.equal(isSourceCurrent(undefined, { version: 2, isDirty: true }), false);
  });
});

describe('sameRange', () => {
  test('compares both ends', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    assert.equal(sameRange(range, { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }), true);
    assert.equal(sameRange(range, { start: { line: 1, character: 2 }, end: { line: 2, character: 5 } }), false);
  });
});
