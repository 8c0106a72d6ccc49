import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandSnippet } from '../../../src/core/analysis/snippetText';
import { fcRuns } from '../../cli/findingArbitraries';

describe('expandSnippet', () => {
  test('placeholders become their default text, tab stops disappear', () => {
    assert.equal(expandSnippet('# s3-security-review:ignore S3-PUBLIC-READ ${1:reason}\n$0'), '# s3-security-review:ignore S3-PUBLIC-READ reason\n');
    assert.equal(expandSnippet('"aws:PrincipalOrgID": "${1:o-xxxxxxxxxx}"'), '"aws:PrincipalOrgID": "o-xxxxxxxxxx"');
    assert.equal(expandSnippet('a${1}b$2c'), 'abc');
    assert.equal(expandSnippet('${1:outer ${2:inner}}'), 'outer inner');
    assert.equal(expandSnippet('${1|private,public-read|}'), 'private');
  });

  test('escapes and HCL interpolation survive', () => {
    assert.equal(expandSnippet('\\${var.x}'), '${var.x}');
    assert.equal(expandSnippet('"${aws_s3_bucket.site.arn}/*"'), '"${aws_s3_bucket.site.arn}/*"');
    assert.equal(expandSnippet('cost: 5\\$'), 'cost: 5$');
    assert.equal(expandSnippet('${1:a\\}b}'), 'a}b');
  });

  test('malformed snippets are kept as text', () => {
    assert.equal(expandSnippet('${1:unclosed'), '${1:unclosed');
    assert.equal(expandSnippet('$'), '$');
    assert.equal(expandSnippet('${'), '${');
  });

  test('never throws; text without $ or backslash is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '{', '}', '1', ':', '|', ',', '\\', 'a', '/') }), (snippet) => {
        assert.equal(typeof expandSnippet(snippet), 'string');
      }),
      { numRuns: fcRuns() },
    );
    fc.assert(
      fc.property(fc.string().filter((text) => !text.includes('$') && !text.includes('\\')), (text) => {
        assert.equal(expandSnippet(text), text);
      }),
      { numRuns: fcRuns() },
    );
  });
});
