import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudFormationParses, createCloudFormationFixer, parseCloudFormation } from '../../../../src/core/iac/cloudformation';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { FormatFixer } from '../../../../src/core/model/fixer';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { getEntry, toPlainJson, type LUnknown } from '../../../../src/core/model/value';
import { applyEdits, at, bucketByAddress, isSnippet, policyCause, readFixture, statements } from './testSupport';

interface Fixed {
  edits: TextEdit[];
  file: SourceFile;
  set: DeclarationSet;
}

/** Computes a fix, applies it (snippet defaults accepted), checks the template still parses, and re-reads it. */
function fix(file: SourceFile, make: (fixer: FormatFixer, set: DeclarationSet) => TextEdit[] | undefined): Fixed {
  const set = parseCloudFormation(file);
  const edits = make(createCloudFormationFixer(set, file), set);
  assert.ok(edits, 'the fixer offers edits');
  const fixed = applyEdits(file, edits);
  assert.ok(cloudFormationParses(fixed.text, fixed.path), `still parses:\n${fixed.text}`);
  const reparsed = parseCloudFormation(fixed);
  assert.deepEqual(reparsed.parseProblems, []);
  return { edits, file: fixed, set: reparsed };
}

const allTrue = {
  blockPublicAcls: { known: true, value: true },
  ignorePublicAcls: { known: true, value: true },
  blockPublicPolicy: { known: true, value: true },
  restrictPublicBuckets: { known: true, value: true },
};

describe('CloudFormation YAML fixes', () => {
  const website = readFixture('cloudformation/static-website.yaml');
  const legacy = readFixture('cloudformation/legacy-public-acl.yaml');
  const scratch = readFixture('cloudformation/comment-suppressions.yaml');
  const sam = readFixture('cloudformation/sam-thumbnails.yaml');

  test('addPublicAccessBlock flips written flags and adds the missing ones at the same indentation', () => {
    const { file, set, edits } = fix(website, (fixer, parsed) => fixer.addPublicAccessBlock(bucketByAddress(parsed, 'S3Bucket')));
    assert.equal(isSnippet(edits), false);
    assert.deepEqual(bucketByAddress(set, 'S3Bucket').publicAccessBlock?.flags, allTrue);
    assert.ok(
      file.text.includes(
        '      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true\n      WebsiteConfiguration:',
      ),
      file.text,
    );
  });

  test('addPublicAccessBlock creates Properties on a bucket that has none; the comment suppression still covers it', () => {
    const { file, set } = fix(scratch, (fixer, parsed) => fixer.addPublicAccessBlock(bucketByAddress(parsed, 'ScratchBucket')));
    const bucket = bucketByAddress(set, 'ScratchBucket');
    assert.deepEqual(bucket.publicAccessBlock?.flags, allTrue);
    assert.ok(file.text.includes('    Type: AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n'), file.text);
    assert.deepEqual(set.suppressions[0].appliesTo, bucket.resource.loc);
  });

  test('addPublicAccessBlock in flow-style Properties stays in flow style', () => {
    const { file, set } = fix(legacy, (fixer, parsed) => fixer.addPublicAccessBlock(bucketByAddress(parsed, 'LegacyBucket')));
    assert.deepEqual(bucketByAddress(set, 'LegacyBucket').publicAccessBlock?.flags, allTrue);
    assert.ok(
      file.text.includes(
        'Properties: { BucketName: legacy-public-assets, AccessControl: PublicRead, PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true } }',
      ),
      file.text,
    );
  });

  test('addPublicAccessBlock replaces a conditional configuration', () => {
    const text = [
      'Conditions:',
      '  Open: !Equals [a, b]',
      'Resources:',
      '  B:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      PublicAccessBlockConfiguration: !If',
      '        - Open',
      '        - { BlockPublicAcls: false }',
      '        - !Ref AWS::NoValue',
      '      BucketName: b',
      '',
    ].join('\n');
    const { set } = fix({ path: 'conditional.yaml', text }, (fixer, parsed) => fixer.addPublicAccessBlock(parsed.buckets[0]));
    assert.deepEqual(set.buckets[0].publicAccessBlock?.flags, allTrue);
    assert.deepEqual(set.buckets[0].bucketName, { known: true, value: 'b' });
  });

  test('makeAclPrivate sets AccessControl to Private', () => {
    const { file, set } = fix(legacy, (fixer, parsed) => fixer.makeAclPrivate(bucketByAddress(parsed, 'LegacyBucket').acls[0]));
    assert.deepEqual(bucketByAddress(set, 'LegacyBucket').acls[0].canned?.value, { known: true, value: 'private' });
    assert.ok(file.text.includes('AccessControl: Private }'));
  });

  test('addAccessLogging targets the template bucket meant for logs, with the bucket name as prefix', () => {
    const { edits, set } = fix(legacy, (fixer, parsed) => fixer.addAccessLogging(bucketByAddress(parsed, 'LegacyBucket'), parsed));
    assert.equal(isSnippet(edits), false);
    const logging = bucketByAddress(set, 'LegacyBucket').logging;
    assert.ok(logging);
    assert.equal(logging.targetBucketAddress, 'LogBucket');
    assert.deepEqual(logging.targetBucket, { known: true, value: 'legacy-access-logs' });
    assert.deepEqual(logging.targetPrefix, { known: true, value: 'legacy-public-assets/' });
    assert.equal(edits[0].newText, ', LoggingConfiguration: { DestinationBucketName: !Ref LogBucket, LogFilePrefix: legacy-public-assets/ }');
  });

  test('addAccessLogging without a candidate log bucket offers a placeholder', () => {
    const { edits, file, set } = fix(sam, (fixer, parsed) => fixer.addAccessLogging(bucketByAddress(parsed, 'AccessLogsBucket'), parsed));
    assert.equal(isSnippet(edits), true);
    assert.ok(edits[0].newText.includes("DestinationBucketName: '${1:log-bucket-name}'"));
    const logging = bucketByAddress(set, 'AccessLogsBucket').logging;
    assert.deepEqual(logging?.targetBucket, { known: true, value: 'log-bucket-name' });
    assert.deepEqual(logging?.targetPrefix, { known: true, value: 'AccessLogsBucket/' });
    assert.ok(file.text.includes('          - ObjectOwnership: BucketOwnerPreferred\n      PublicAccessBlockConfiguration:'));
  });

  test('restrictPrincipalToAccount writes the own-account root with !Sub, literally (not a snippet)', () => {
    const { edits, file, set } = fix(website, (fixer, parsed) => fixer.restrictPrincipalToAccount(policyCause(bucketByAddress(parsed, 'S3Bucket'), 0)));
    assert.equal(isSnippet(edits), false);
    assert.ok(file.text.includes("            Principal:\n              AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'\n            Action: 's3:GetObject'"), file.text);
    const aws = at(statements(bucketByAddress(set, 'S3Bucket').policies[0].document)[0], 'Principal', 'AWS') as LUnknown;
    assert.equal(aws.kind, 'unknown');
    assert.equal(aws.partial, 'arn:${?}:iam::${?}:root');
    assert.match(aws.reason, /account id known at deploy/);
  });

  test('restrictPrincipalToAccount turns NotPrincipal into Principal', () => {
    const { set } = fix(legacy, (fixer, parsed) => fixer.restrictPrincipalToAccount(policyCause(bucketByAddress(parsed, 'LegacyBucket'), 0)));
    const statement = statements(bucketByAddress(set, 'LegacyBucket').policies[0].document)[0];
    assert.equal(getEntry(statement, 'NotPrincipal'), undefined);
    assert.equal(at(statement, 'Principal', 'AWS').kind, 'unknown');
  });

  test('addRestrictingCondition adds a Condition block, or merges into an existing one', () => {
    const first = fix(website, (fixer, parsed) => fixer.addRestrictingCondition(policyCause(bucketByAddress(parsed, 'S3Bucket'), 0)));
    assert.equal(isSnippet(first.edits), true);
    assert.ok(first.edits[0].newText.includes("'aws:PrincipalOrgID': '${1:o-xxxxxxxxxx}'"));
    assert.deepEqual(toPlainJson(at(statements(bucketByAddress(first.set, 'S3Bucket').policies[0].document)[0], 'Condition')), {
      StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' },
    });
    const second = fix(website, (fixer, parsed) => fixer.addRestrictingCondition(policyCause(bucketByAddress(parsed, 'S3Bucket'), 1)));
    assert.deepEqual(toPlainJson(at(statements(bucketByAddress(second.set, 'S3Bucket').policies[0].document)[1], 'Condition')), {
      Bool: { 'aws:SecureTransport': false },
      StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' },
    });
  });

  test('removeStatement removes the item and its lines, first or last', () => {
    const first = fix(website, (fixer, parsed) => fixer.removeStatement(policyCause(bucketByAddress(parsed, 'S3Bucket'), 0)));
    assert.deepEqual(statements(bucketByAddress(first.set, 'S3Bucket').policies[0].document).map((s) => toPlainJson(at(s, 'Sid'))), ['DenyInsecureTransport']);
    const last = fix(website, (fixer, parsed) => fixer.removeStatement(policyCause(bucketByAddress(parsed, 'S3Bucket'), 1)));
    assert.deepEqual(statements(bucketByAddress(last.set, 'S3Bucket').policies[0].document).map((s) => toPlainJson(at(s, 'Sid'))), ['PublicReadForGetBucketObjects']);
    assert.ok(last.file.text.includes("                - /*\n      Bucket: !Ref S3Bucket"), last.file.text);
  });

  test('removeStatement of the only statement deletes the BucketPolicy resource', () => {
    const { set, file } = fix(legacy, (fixer, parsed) => fixer.removeStatement(policyCause(bucketByAddress(parsed, 'LegacyBucket'), 0)));
    assert.deepEqual(bucketByAddress(set, 'LegacyBucket').policies, []);
    assert.equal(set.buckets.length, 2);
    assert.ok(!file.text.includes('OpenPolicy'));
    assert.ok(file.text.endsWith('          - ObjectOwnership: BucketOwnerPreferred\n'));
  });

  test('removeStatement of the only statement is not offered when something refers to the policy', () => {
    const text = `${legacy.text}  Waiter:\n    Type: AWS::CloudFormation::WaitConditionHandle\n    DependsOn: OpenPolicy\n`;
    const file = { path: 'legacy.yaml', text };
    const set = parseCloudFormation(file);
    assert.equal(createCloudFormationFixer(set, file).removeStatement(policyCause(bucketByAddress(set, 'LegacyBucket'), 0)), undefined);
  });

  test('suppress adds a Metadata ignore entry to the resource holding the finding', () => {
    const { edits, set } = fix(website, (fixer, parsed) => fixer.suppress('S3-BPA-MISSING', bucketByAddress(parsed, 'S3Bucket').resource.headerLoc, 'S3Bucket'));
    assert.equal(isSnippet(edits), true);
    const [suppression] = set.suppressions;
    assert.deepEqual([suppression.ruleId, suppression.reason], ['S3-BPA-MISSING', 'why this is acceptable']);
    assert.deepEqual(suppression.appliesTo, bucketByAddress(set, 'S3Bucket').resource.loc);

    const onPolicy = fix(website, (fixer, parsed) => {
      const bucket = bucketByAddress(parsed, 'S3Bucket');
      return fixer.suppress('S3-PUBLIC-READ', policyCause(bucket, 0).loc, 'S3Bucket');
    });
    assert.equal(onPolicy.set.suppressions[0].ruleId, 'S3-PUBLIC-READ');
    assert.deepEqual(onPolicy.set.suppressions[0].appliesTo, bucketByAddress(onPolicy.set, 'S3Bucket').policies[0].resource.loc);
  });

  test('suppress twice extends the same ignore list', () => {
    const once = fix(website, (fixer, parsed) => fixer.suppress('S3-BPA-MISSING', bucketByAddress(parsed, 'S3Bucket').resource.headerLoc, 'S3Bucket'));
    const twice = fix(once.file, (fixer, parsed) => fixer.suppress('S3-LOGGING-MISSING', bucketByAddress(parsed, 'S3Bucket').resource.headerLoc, 'S3Bucket'));
    assert.deepEqual(twice.set.suppressions.map((s) => s.ruleId), ['S3-BPA-MISSING', 'S3-LOGGING-MISSING']);
    assert.ok(twice.file.text.includes("    Metadata:\n      s3-security-review:\n        ignore:\n          - rule: S3-BPA-MISSING\n            reason: 'why this is acceptable'\n          - rule: S3-LOGGING-MISSING\n"), twice.file.text);
  });

  test('edits keep Windows line endings', () => {
    const crlf = { path: website.path, text: website.text.replace(/\n/g, '\r\n') };
    const { file, set } = fix(crlf, (fixer, parsed) => fixer.addPublicAccessBlock(bucketByAddress(parsed, 'S3Bucket')));
    assert.deepEqual(bucketByAddress(set, 'S3Bucket').publicAccessBlock?.flags, allTrue);
    assert.equal(/[^\r]\n/.test(file.text), false);
  });

  test('no fix where the element cannot be edited in place', () => {
    const strings = readFixture('cloudformation/policy-as-string.yaml');
    const set = parseCloudFormation(strings);
    const fixer = createCloudFormationFixer(set, strings);
    const cause = policyCause(bucketByAddress(set, 'Assets'), 0);
    assert.equal(fixer.restrictPrincipalToAccount(cause), undefined);
    assert.equal(fixer.removeStatement(cause), undefined);
    assert.equal(fixer.addPublicAccessBlock(bucketByAddress(set, 'QuotedPolicy')), undefined, 'a bucket outside the template');

    const malformed = readFixture('cloudformation/malformed.yaml');
    const broken = createCloudFormationFixer(parseCloudFormation(malformed), malformed);
    assert.equal(broken.suppress('S3-PUBLIC-READ', set.buckets[0].resource.loc, 'Bucket'), undefined);
    assert.equal(broken.addPublicAccessBlock(set.buckets[0]), undefined);
  });
});
