import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createRawJsonFixer, detectRawJsonKind, parseRawJson } from '../../../../src/core/iac/policyJson';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { applyEdits, assertLocationsInside, fcRuns, mutatedText, policyCause, readFixture, statements } from '../cloudformation/testSupport';

const FIXTURES = [
  'policy-json/public-read-policy.json',
  'policy-json/mixed-policy.json',
  'policy-json/get-bucket-policy.json',
  'policy-json/get-bucket-acl.json',
  'policy-json/get-public-access-block.json',
].map(readFixture);

function everyFix(file: SourceFile): Array<TextEdit[] | undefined> {
  const set = parseRawJson(file);
  if (!set) return [];
  assertLocationsInside(set, file.text);
  const fixer = createRawJsonFixer(set, file);
  const results: Array<TextEdit[] | undefined> = [];
  for (const bucket of set.buckets) {
    results.push(fixer.addPublicAccessBlock(bucket), fixer.addAccessLogging(bucket, set), fixer.suppress('S3-PUBLIC-READ', bucket.resource.headerLoc, bucket.resource.address));
    for (const acl of bucket.acls) results.push(fixer.makeAclPrivate(acl));
    bucket.policies.forEach((policy, policyIndex) => {
      statements(policy.document).forEach((_, statementIndex) => {
        const cause = policyCause(bucket, statementIndex, policyIndex);
        results.push(fixer.restrictPrincipalToAccount(cause), fixer.addRestrictingCondition(cause), fixer.removeStatement(cause));
      });
    });
  }
  return results;
}

describe('raw JSON front end on bad input', () => {
  test('random text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.jsonValue().map((value) => JSON.stringify(value)), fc.string().map((s) => `{"Statement": ${s}`)), (text) => {
        const kind = detectRawJsonKind(text);
        const set = parseRawJson({ path: 'x.json', text });
        assert.equal(set === undefined, kind === undefined);
        everyFix({ path: 'x.json', text });
      }),
      { numRuns: fcRuns() },
    );
  });

  test('damaged policies and s3api outputs never throw; when they still parse, every fix keeps them valid JSON', () => {
    fc.assert(
      fc.property(mutatedText(FIXTURES), (text) => {
        const file = { path: 'damaged.json', text };
        const set = parseRawJson(file);
        const fixes = everyFix(file);
        if (!set || set.parseProblems.length > 0) return;
        for (const edits of fixes) {
          if (!edits) continue;
          const fixed = applyEdits(file, edits);
          assert.doesNotThrow(() => JSON.parse(fixed.text), `a fix broke the JSON:\n${fixed.text}`);
        }
      }),
      { numRuns: fcRuns() },
    );
  });
});
