import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudFormationParses, createCloudFormationFixer, parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { FormatFixer } from '../../../../src/core/model/fixer';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { toPlainJson, type LUnknown } from '../../../../src/core/model/value';
import { applyEdits, at, bucketByAddress, isSnippet, policyCause, readFixture, statements } from './testSupport';

function fix(file: SourceFile, make: (fixer: FormatFixer, set: DeclarationSet) => TextEdit[] | undefined): { edits: TextEdit[]; file: SourceFile; set: DeclarationSet } {
  const set = parseCloudFormation(file);
  const edits = make(createCloudFormationFixer(set, file), set);
  assert.ok(edits, 'the fixer offers edits');
  const fixed = applyEdits(file, edits);
  assert.ok(cloudFormationParses(fixed.text, fixed.path), `still parses:\n${fixed.text}`);
  assert.doesNotThrow(() => JSON.parse(fixed.text), 'still strict JSON');
  const reparsed = parseCloudFormation(fixed);
  assert.deepEqual(reparsed.parseProblems, []);
  return { edits, file: fixed, set: reparsed };
}

describe('CloudFormation JSON fixes', () => {
  const downloads = readFixture('cloudformation/downloads-and-trails.json');
  const cdk = readFixture('cloudformation/cdk.out/WebsiteStack.template.json');

  test('makeAclPrivate', () => {
    const { set, file } = fix(downloads, (fixer, parsed) => fixer.makeAclPrivate(bucketByAddress(parsed, 'DownloadsBucket').acls[0]));
    assert.deepEqual(bucketByAddress(set, 'DownloadsBucket').acls[0].canned?.value, { known: true, value: 'private' });
    assert.ok(file.text.includes('"AccessControl": "Private",'));
  });

  test('addAccessLogging fills the empty LoggingConfiguration, pointing at the log-delivery bucket', () => {
    const { set, file, edits } = fix(downloads, (fixer, parsed) => fixer.addAccessLogging(bucketByAddress(parsed, 'DownloadsBucket'), parsed));
    assert.equal(isSnippet(edits), false);
    const logging = bucketByAddress(set, 'DownloadsBucket').logging;
    assert.equal(logging?.targetBucketAddress, 'TrailBucket');
    assert.deepEqual(logging?.targetBucket, { known: true, value: 'audit-trail-logs-111122223333' });
    assert.deepEqual(logging?.targetPrefix, { known: true, value: 'DownloadsBucket/' });
    assert.ok(
      file.text.includes('        "LoggingConfiguration": {\n          "DestinationBucketName": {"Ref": "TrailBucket"},\n          "LogFilePrefix": "DownloadsBucket/"\n        }\n      }'),
      file.text,
    );
  });

  test('addPublicAccessBlock adds the configuration to Properties, or completes a partial one (CDK)', () => {
    const added = fix(downloads, (fixer, parsed) => fixer.addPublicAccessBlock(bucketByAddress(parsed, 'DownloadsBucket')));
    const flags = bucketByAddress(added.set, 'DownloadsBucket').publicAccessBlock?.flags;
    assert.ok(flags && Object.values(flags).every((flag) => flag.known && flag.value));
    const completed = fix(cdk, (fixer, parsed) => fixer.addPublicAccessBlock(parsed.buckets[0]));
    const cdkFlags = completed.set.buckets[0].publicAccessBlock?.flags;
    assert.ok(cdkFlags && Object.values(cdkFlags).every((flag) => flag.known && flag.value));
    assert.ok(completed.file.text.includes('     "IgnorePublicAcls": true,\n     "BlockPublicPolicy": true,\n     "RestrictPublicBuckets": true\n    },'));
  });

  test('restrictPrincipalToAccount writes Fn::Sub with the own-account root', () => {
    const { set, file, edits } = fix(cdk, (fixer, parsed) => fixer.restrictPrincipalToAccount(policyCause(parsed.buckets[0], 1)));
    assert.equal(isSnippet(edits), false);
    assert.ok(file.text.includes('       "Principal": {\n        "AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}\n       },'), file.text);
    const aws = at(statements(set.buckets[0].policies[0].document)[1], 'Principal', 'AWS') as LUnknown;
    assert.equal(aws.partial, 'arn:${?}:iam::${?}:root');
  });

  test('removeStatement, last and first, leaves valid JSON', () => {
    const last = fix(cdk, (fixer, parsed) => fixer.removeStatement(policyCause(parsed.buckets[0], 1)));
    const remaining = statements(last.set.buckets[0].policies[0].document);
    assert.equal(remaining.length, 1);
    assert.deepEqual(toPlainJson(at(remaining[0], 'Action', 0)), 's3:DeleteObject*');
    const first = fix(cdk, (fixer, parsed) => fixer.removeStatement(policyCause(parsed.buckets[0], 0)));
    const left = statements(first.set.buckets[0].policies[0].document);
    assert.deepEqual(toPlainJson(at(left[0], 'Action')), 's3:GetObject');
  });

  test('addRestrictingCondition merges into an existing StringEquals', () => {
    const { set, edits } = fix(downloads, (fixer, parsed) => fixer.addRestrictingCondition(policyCause(bucketByAddress(parsed, 'TrailBucket'), 1)));
    assert.equal(isSnippet(edits), true);
    assert.deepEqual(toPlainJson(at(statements(bucketByAddress(set, 'TrailBucket').policies[0].document)[1], 'Condition')), {
      StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' },
    });
  });

  test('suppress appends to an existing ignore list, or joins CDK metadata', () => {
    const appended = fix(downloads, (fixer, parsed) => fixer.suppress('S3-PUBLIC-WRITE', bucketByAddress(parsed, 'DownloadsBucket').resource.headerLoc, 'DownloadsBucket'));
    assert.deepEqual(appended.set.suppressions.map((s) => [s.ruleId, s.reason]), [
      ['S3-PUBLIC-READ', 'Public downloads by design'],
      ['S3-LOGGING-TO-SELF', ''],
      ['S3-PUBLIC-WRITE', 'why this is acceptable'],
    ]);
    const joined = fix(cdk, (fixer, parsed) => fixer.suppress('S3-BPA-MISSING', parsed.buckets[0].resource.headerLoc, parsed.buckets[0].resource.address));
    assert.deepEqual(joined.set.suppressions.map((s) => s.ruleId), ['S3-BPA-MISSING']);
    assert.deepEqual(joined.set.suppressions[0].appliesTo, joined.set.buckets[0].resource.loc);
    assert.ok(joined.file.text.includes('    "aws:cdk:path": "WebsiteStack/SiteBucket/Resource",\n    "s3-security-review": {'));
  });
});
