import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cloudFormationParses, createCloudFormationFixer, looksLikeCloudFormation, parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import type { ExposureCause } from '../../../../src/core/model/exposure';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { applyEdits, assertLocationsInside, fcRuns, mutatedText, policyCause, readFixture, statements } from './testSupport';

const FIXTURES = [
  'cloudformation/static-website.yaml',
  'cloudformation/sam-thumbnails.yaml',
  'cloudformation/downloads-and-trails.json',
  'cloudformation/all-short-forms.yaml',
  'cloudformation/comment-suppressions.yaml',
  'cloudformation/legacy-public-acl.yaml',
  'cloudformation/policy-as-string.yaml',
  'cloudformation/cdk.out/WebsiteStack.template.json',
].map(readFixture);

function everyFix(set: DeclarationSet, file: SourceFile): Array<TextEdit[] | undefined> {
  const fixer = createCloudFormationFixer(set, file);
  const results: Array<TextEdit[] | undefined> = [];
  for (const bucket of set.buckets) {
    results.push(fixer.addPublicAccessBlock(bucket), fixer.addAccessLogging(bucket, set), fixer.suppress('S3-PUBLIC-READ', bucket.resource.headerLoc, bucket.resource.address));
    for (const acl of bucket.acls) results.push(fixer.makeAclPrivate(acl));
    bucket.policies.forEach((policy, policyIndex) => {
      statements(policy.document).forEach((_, statementIndex) => {
        const cause: ExposureCause = policyCause(bucket, statementIndex, policyIndex);
        results.push(fixer.restrictPrincipalToAccount(cause), fixer.addRestrictingCondition(cause), fixer.removeStatement(cause));
      });
    });
  }
  return results;
}

describe('CloudFormation front end on bad input', () => {
  test('random text never throws and every location lies inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '!', 'Ref', ' ', '\n', '-', '#', 'a', '&', '*', '|', '>') })), fc.constantFrom('t.yaml', 't.json', 'cdk.out/S.template.json'), (text, path) => {
        assert.equal(typeof looksLikeCloudFormation(path, text), 'boolean');
        assert.equal(typeof cloudFormationParses(text, path), 'boolean');
        const set = parseCloudFormation({ path, text });
        assert.equal(set.format, 'cloudformation');
        assertLocationsInside(set, text);
        everyFix(set, { path, text });
      }),
      { numRuns: fcRuns() },
    );
  });

  test('damaged templates never throw; when they still parse, every fix keeps them parsing', () => {
    fc.assert(
      fc.property(mutatedText(FIXTURES), fc.boolean(), (text, asJson) => {
        const file = { path: asJson ? 'damaged.json' : 'damaged.yaml', text };
        const set = parseCloudFormation(file);
        assertLocationsInside(set, text);
        const fixes = everyFix(set, file);
        if (set.parseProblems.length > 0) return;
        for (const edits of fixes) {
          if (!edits) continue;
          const fixed = applyEdits(file, edits);
          assert.ok(cloudFormationParses(fixed.text, fixed.path), `a fix broke the template:\n--- before\n${text}\n--- after\n${fixed.text}`);
        }
      }),
      { numRuns: fcRuns() },
    );
  });

  test('every fix on every fixture keeps it parsing', () => {
    for (const file of FIXTURES) {
      const set = parseCloudFormation(file);
      for (const edits of everyFix(set, file)) {
        if (!edits) continue;
        const fixed = applyEdits(file, edits);
        assert.ok(cloudFormationParses(fixed.text, fixed.path), `${file.path}:\n${fixed.text}`);
        assert.deepEqual(parseCloudFormation(fixed).parseProblems, []);
      }
    }
  });
});

test('a mapping whose keys do not share a column (a damaged file the YAML parser still reads) gets no new key', () => {
  // Found by the property above (seed 28072223): the new flag was indented like the first key.
  const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        !        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n";
  const file = { path: 'damaged.yaml', text };
  const set = parseCloudFormation(file);
  const edits = createCloudFormationFixer(set, file).addPublicAccessBlock(set.buckets[0]);
  if (edits) assert.ok(cloudFormationParses(applyEdits(file, edits).text, file.path), 'the fix must keep the template parseable');
});

test('an empty value followed by a comment keeps the comment a comment when the fix fills it in', () => {
  // Found by the damaged-template property (seed 1930830030): `BlockPublicPolicy: #…` became `true#…`.
  const text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: #        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n";
  const file = { path: 'damaged.yaml', text };
  const set = parseCloudFormation(file);
  const edits = createCloudFormationFixer(set, file).addPublicAccessBlock(set.buckets[0]);
  assert.ok(edits, 'the fix is offered');
  const fixed = applyEdits(file, edits);
  assert.ok(cloudFormationParses(fixed.text, file.path), fixed.text);
  const after = parseCloudFormation(fixed).buckets[0].publicAccessBlock?.flags;
  assert.deepEqual(after?.blockPublicPolicy, { known: true, value: true });
  assert.deepEqual(after?.ignorePublicAcls, { known: true, value: true });
});
