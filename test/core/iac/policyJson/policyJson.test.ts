import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRawJsonFixer, detectRawJsonKind, parseRawJson } from '../../../../src/core/iac/policyJson';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { FormatFixer } from '../../../../src/core/model/fixer';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { toPlainJson } from '../../../../src/core/model/value';
import { applyEdits, at, isSnippet, policyCause, readFixture, statements, textAt } from '../cloudformation/testSupport';

function parse(file: SourceFile): DeclarationSet {
  const set = parseRawJson(file);
  assert.ok(set, `${file.path} is recognised`);
  return set;
}

function fix(file: SourceFile, make: (fixer: FormatFixer, set: DeclarationSet) => TextEdit[] | undefined): { edits: TextEdit[]; file: SourceFile; set: DeclarationSet } {
  const set = parse(file);
  const edits = make(createRawJsonFixer(set, file), set);
  assert.ok(edits, 'the fixer offers edits');
  const fixed = applyEdits(file, edits);
  assert.doesNotThrow(() => JSON.parse(fixed.text), `still JSON:\n${fixed.text}`);
  const reparsed = parse(fixed);
  assert.deepEqual(reparsed.parseProblems, []);
  return { edits, file: fixed, set: reparsed };
}

describe('detectRawJsonKind', () => {
  test('recognises each kind of file by its shape', () => {
    const expected: Array<[string, string]> = [
      ['policy-json/public-read-policy.json', 'bucket-policy-json'],
      ['policy-json/mixed-policy.json', 'bucket-policy-json'],
      ['policy-json/malformed-policy.json', 'bucket-policy-json'],
      ['policy-json/get-bucket-policy.json', 's3api-get-bucket-policy'],
      ['policy-json/get-bucket-acl.json', 's3api-get-bucket-acl'],
      ['policy-json/get-public-access-block.json', 's3api-get-public-access-block'],
    ];
    for (const [fixture, kind] of expected) assert.equal(detectRawJsonKind(readFixture(fixture).text), kind, fixture);
  });

  test('other JSON is not a raw S3 file', () => {
    for (const text of [
      '{"name": "x", "version": "1.0.0"}',
      '[{"Statement": []}]',
      readFixture('cloudformation/downloads-and-trails.json').text,
      '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Statement": [}}}',
      'Statement: []',
      '',
      '{',
      'null',
    ]) {
      assert.equal(detectRawJsonKind(text), undefined, text.slice(0, 40));
    }
  });

  test('tolerates a byte-order mark and leading blank lines', () => {
    assert.equal(detectRawJsonKind('\uFEFF\n\n {"Statement": []}'), 'bucket-policy-json');
  });
});

describe('parseRawJson: bucket policy file', () => {
  const file = readFixture('policy-json/public-read-policy.json');
  const set = parse(file);

  test('one partial bucket named by its Resource ARNs, with the whole document as policy', () => {
    assert.equal(set.format, 'bucket-policy-json');
    assert.equal(set.buckets.length, 1);
    const [bucket] = set.buckets;
    assert.equal(bucket.partial, true);
    assert.deepEqual(bucket.bucketName, { known: true, value: 'amzn-s3-demo-bucket' });
    assert.deepEqual(bucket.resource, {
      address: 'public-read-policy.json',
      type: 'bucket-policy-json',
      format: 'bucket-policy-json',
      loc: bucket.policies[0].document.loc,
      headerLoc: bucket.resource.headerLoc,
      dependsOn: [],
    });
    assert.equal(textAt(file, bucket.resource.headerLoc), '"Statement"');
    assert.equal(textAt(file, bucket.policies[0].loc), file.text.trimEnd());
    assert.equal(bucket.policies[0].inlineOnBucket, false);
    const principal = at(statements(bucket.policies[0].document)[0], 'Principal');
    assert.equal(textAt(file, principal.loc), '"*"');
    assert.deepEqual(principal.loc.range.start, { line: 6, character: 19 });
  });

  test('a policy naming several buckets, or a wildcard bucket, leaves the name unknown', () => {
    const several = parse({ path: 'p.json', text: '{"Statement": [{"Resource": ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]}]}' });
    assert.equal(several.buckets[0].bucketName.known, false);
    const wildcard = parse({ path: 'p.json', text: '{"Statement": {"Resource": "arn:aws:s3:::*"}}' });
    assert.equal(wildcard.buckets[0].bucketName.known, false);
    const none = parse({ path: 'dir\\p.json', text: '{"Statement": []}' });
    assert.equal(none.buckets[0].bucketName.known, false);
    assert.equal(none.buckets[0].resource.address, 'p.json');
  });

  test('malformed policy: a parse problem with line and column, no bucket', () => {
    const malformed = parse(readFixture('policy-json/malformed-policy.json'));
    assert.equal(malformed.buckets.length, 0);
    assert.equal(malformed.parseProblems.length, 1);
    assert.match(malformed.parseProblems[0].message, /line 9, column 5/);
    assert.deepEqual(malformed.parseProblems[0].loc.range.start, { line: 8, character: 4 });
  });

  test('not a raw S3 file: undefined', () => {
    assert.equal(parseRawJson({ path: 'package.json', text: '{"name": "x"}' }), undefined);
  });
});

describe('parseRawJson: aws s3api get-bucket-policy output', () => {
  const file = readFixture('policy-json/get-bucket-policy.json');
  const set = parse(file);

  test('the escaped policy string is parsed and every element maps back onto its escaped characters', () => {
    assert.deepEqual(set.parseProblems, []);
    const [bucket] = set.buckets;
    assert.equal(bucket.partial, true);
    assert.equal(bucket.resource.type, 's3api-get-bucket-policy');
    assert.equal(textAt(file, bucket.resource.headerLoc), '"Policy"');
    assert.deepEqual(bucket.bucketName, { known: true, value: 'amzn-s3-demo-bucket' });
    const [publicRead, cafe] = statements(bucket.policies[0].document);
    assert.equal(textAt(file, at(publicRead, 'Principal').loc), '\\"*\\"');
    const resource = at(publicRead, 'Resource');
    assert.deepEqual(toPlainJson(resource), 'arn:aws:s3:::amzn-s3-demo-bucket/*');
    assert.equal(textAt(file, resource.loc), '\\"arn:aws:s3:::amzn-s3-demo-bucket\\\\/*\\"');
    assert.deepEqual(toPlainJson(at(cafe, 'Sid')), 'Café');
    assert.equal(textAt(file, at(cafe, 'Sid').loc), '\\"Caf\\\\u00e9\\"');
    assert.equal(textAt(file, at(cafe, 'Principal').loc), '{\\"AWS\\":\\"*\\"}');
    assert.ok(textAt(file, bucket.policies[0].loc).startsWith('"Policy": "{'));
  });

  test('an inner policy that is not JSON is a parse problem located inside the string', () => {
    const text = '{"Policy": "{\\"Statement\\": [}"}';
    const broken = parse({ path: 'out.json', text });
    assert.equal(broken.buckets.length, 0);
    assert.equal(broken.parseProblems.length, 1);
    assert.match(broken.parseProblems[0].message, /not valid JSON/);
    assert.equal(text[broken.parseProblems[0].loc.range.startOffset], '}');
  });
});

describe('parseRawJson: aws s3api get-bucket-acl output', () => {
  const file = readFixture('policy-json/get-bucket-acl.json');
  const set = parse(file);

  test('one ACL with every grant, located at the grantee', () => {
    const [bucket] = set.buckets;
    assert.equal(bucket.partial, true);
    assert.equal(bucket.bucketName.known, false);
    assert.equal(bucket.acls.length, 1);
    const acl = bucket.acls[0];
    assert.equal(acl.inlineOnBucket, false);
    assert.equal(acl.canned, undefined);
    assert.deepEqual(
      acl.grants.map((grant) => [grant.grantee.known && grant.grantee.value.type, grant.permission.known && grant.permission.value]),
      [
        ['CanonicalUser', 'FULL_CONTROL'],
        ['Group', 'READ'],
        ['Group', 'WRITE'],
        ['Group', 'WRITE'],
      ],
    );
    const allUsers = acl.grants[1];
    assert.deepEqual(allUsers.grantee, { known: true, value: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' } });
    assert.equal(textAt(file, allUsers.granteeLoc), '"http://acs.amazonaws.com/groups/global/AllUsers"');
    assert.ok(textAt(file, allUsers.loc).startsWith('{\n            "Grantee"'));
    assert.equal(textAt(file, acl.grants[0].granteeLoc), '"7009a8971cd538e11f6b6606438875e7c86c5b672f46db45460ddcd087d36c32"');
  });

  test('unreadable grants are unknown, not guessed', () => {
    const odd = parse({ path: 'acl.json', text: '{"Owner": {}, "Grants": [{"Grantee": "AllUsers", "Permission": "READ"}, {"Grantee": {"Type": "Group", "URI": "x"}, "Permission": "ALL"}]}' });
    const [first, second] = odd.buckets[0].acls[0].grants;
    assert.equal(first.grantee.known, false);
    assert.equal(second.permission.known, false);
  });
});

describe('parseRawJson: aws s3api get-public-access-block output', () => {
  test('flags as written, located; a bucket described only by them is partial', () => {
    const file = readFixture('policy-json/get-public-access-block.json');
    const [bucket] = parse(file).buckets;
    assert.equal(bucket.partial, true);
    const block = bucket.publicAccessBlock;
    assert.ok(block);
    assert.equal(block.scope, 'bucket');
    assert.deepEqual(block.flags, {
      blockPublicAcls: { known: true, value: true },
      ignorePublicAcls: { known: true, value: false },
      blockPublicPolicy: { known: true, value: true },
      restrictPublicBuckets: { known: true, value: false },
    });
    assert.equal(textAt(file, block.flagLocs.ignorePublicAcls!), '"IgnorePublicAcls": false');
    assert.ok(textAt(file, block.loc).startsWith('"PublicAccessBlockConfiguration": {'));
  });

  test('an omitted flag is false and has no location', () => {
    const [bucket] = parse({ path: 'pab.json', text: '{"PublicAccessBlockConfiguration": {"BlockPublicAcls": true}}' }).buckets;
    assert.deepEqual(bucket.publicAccessBlock?.flags.restrictPublicBuckets, { known: true, value: false });
    assert.equal(bucket.publicAccessBlock?.flagLocs.restrictPublicBuckets, undefined);
  });
});

describe('raw JSON fixes', () => {
  const publicRead = readFixture('policy-json/public-read-policy.json');
  const mixed = readFixture('policy-json/mixed-policy.json');

  test('restrictPrincipalToAccount: the account root, with a placeholder for the account id', () => {
    const { edits, set, file } = fix(publicRead, (fixer, parsed) => fixer.restrictPrincipalToAccount(policyCause(parsed.buckets[0], 0)));
    assert.equal(isSnippet(edits), true);
    assert.equal(edits[0].newText, '{\n        "AWS": "arn:aws:iam::${1:111122223333}:root"\n      }');
    assert.deepEqual(toPlainJson(at(statements(set.buckets[0].policies[0].document)[0], 'Principal')), { AWS: 'arn:aws:iam::111122223333:root' });
    assert.ok(file.text.includes('"Principal": {\n        "AWS": "arn:aws:iam::111122223333:root"\n      },'));
  });

  test('restrictPrincipalToAccount keeps the partition of the statement ARNs', () => {
    const china = { path: 'cn.json', text: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws-cn:s3:::b/*"}]}' };
    const { set } = fix(china, (fixer, parsed) => fixer.restrictPrincipalToAccount(policyCause(parsed.buckets[0], 0)));
    assert.deepEqual(toPlainJson(at(statements(set.buckets[0].policies[0].document)[0], 'Principal')), { AWS: 'arn:aws-cn:iam::111122223333:root' });
  });

  test('addRestrictingCondition adds an organization condition', () => {
    const { set } = fix(mixed, (fixer, parsed) => fixer.addRestrictingCondition(policyCause(parsed.buckets[0], 1)));
    assert.deepEqual(toPlainJson(at(statements(set.buckets[0].policies[0].document)[1], 'Condition')), { StringEquals: { 'aws:PrincipalOrgID': 'o-xxxxxxxxxx' } });
  });

  test('removeStatement removes one of several; the only one is not removed', () => {
    const { set } = fix(mixed, (fixer, parsed) => fixer.removeStatement(policyCause(parsed.buckets[0], 1)));
    assert.deepEqual(statements(set.buckets[0].policies[0].document).map((s) => toPlainJson(at(s, 'Sid'))), ['AllowCloudFrontServicePrincipal']);
    const only = parse(publicRead);
    assert.equal(createRawJsonFixer(only, publicRead).removeStatement(policyCause(only.buckets[0], 0)), undefined);
  });

  test('makeAclPrivate removes the AllUsers and AuthenticatedUsers grants only', () => {
    const acl = readFixture('policy-json/get-bucket-acl.json');
    const { set } = fix(acl, (fixer, parsed) => fixer.makeAclPrivate(parsed.buckets[0].acls[0]));
    const uris = set.buckets[0].acls[0].grants.map((grant) => (grant.grantee.known ? grant.grantee.value.uri ?? grant.grantee.value.id : undefined));
    assert.deepEqual(uris, ['7009a8971cd538e11f6b6606438875e7c86c5b672f46db45460ddcd087d36c32', 'http://acs.amazonaws.com/groups/s3/LogDelivery']);
  });

  test('addPublicAccessBlock turns every flag on in get-public-access-block output', () => {
    const pab = readFixture('policy-json/get-public-access-block.json');
    const { set, edits } = fix(pab, (fixer, parsed) => fixer.addPublicAccessBlock(parsed.buckets[0]));
    assert.equal(edits.length, 2);
    const flags = set.buckets[0].publicAccessBlock?.flags;
    assert.ok(flags && Object.values(flags).every((flag) => flag.known && flag.value));
    const missing = { path: 'pab.json', text: '{"PublicAccessBlockConfiguration": {"BlockPublicAcls": false}}' };
    const completed = fix(missing, (fixer, parsed) => fixer.addPublicAccessBlock(parsed.buckets[0]));
    assert.ok(Object.values(completed.set.buckets[0].publicAccessBlock!.flags).every((flag) => flag.known && flag.value));
  });

  test('no fixes where the file cannot express them', () => {
    const escaped = readFixture('policy-json/get-bucket-policy.json');
    const set = parse(escaped);
    const fixer = createRawJsonFixer(set, escaped);
    const cause = policyCause(set.buckets[0], 0);
    assert.equal(fixer.restrictPrincipalToAccount(cause), undefined);
    assert.equal(fixer.addRestrictingCondition(cause), undefined);
    assert.equal(fixer.removeStatement(cause), undefined);
    assert.equal(fixer.suppress('S3-PUBLIC-READ', cause.loc, set.buckets[0].resource.address), undefined);
    assert.equal(fixer.addAccessLogging(set.buckets[0], set), undefined);
    const policySet = parse(publicRead);
    const policyFixer = createRawJsonFixer(policySet, publicRead);
    assert.equal(policyFixer.addPublicAccessBlock(policySet.buckets[0]), undefined);
    assert.equal(policyFixer.suppress('S3-PUBLIC-READ', policySet.buckets[0].resource.headerLoc, 'x'), undefined);
  });
});
