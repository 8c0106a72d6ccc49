import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTerraformFixer, parseTerraformModule, terraformParses } from '../../../../src/core/iac/terraform';
import { ACCOUNT_ID_AT_APPLY } from '../../../../src/core/iac/terraform/evaluate';
import type { DeclarationSet, PolicyAttachment } from '../../../../src/core/model/bucket';
import type { ExposureCause } from '../../../../src/core/model/exposure';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { getEntry, toPlainJson, type LObject, type LValue } from '../../../../src/core/model/value';
import { applyEdits, bucketAt, fixtureModule } from './fixtureFiles';

function statementsOf(policy: PolicyAttachment): LObject[] {
  const statement = getEntry(policy.document, 'Statement')?.value;
  const items = statement?.kind === 'array' ? statement.items : statement ? [statement] : [];
  return items.filter((item): item is LObject => item.kind === 'object');
}

/** A cause as the policy engine would build it for one statement. */
function causeFor(policy: PolicyAttachment, statement: LObject): ExposureCause {
  return {
    source: 'policy',
    certainty: 'public',
    access: ['read'],
    grantedBy: ['s3:GetObject'],
    loc: getEntry(statement, 'Principal')?.value.loc ?? statement.loc,
    statementLoc: statement.loc,
    resourceAddress: policy.resource.address,
    why: 'test',
    policy,
    statement,
  };
}

/** Applies the edits (snippets with default placeholders), checks every edited .tf file still parses, and re-reads the module. */
async function applyAndReparse(files: SourceFile[], edits: TextEdit[] | undefined, snippet: boolean): Promise<{ files: SourceFile[]; set: DeclarationSet }> {
  assert.ok(edits && edits.length > 0, 'the fixer returned edits');
  const edited = applyEdits(files, edits, snippet);
  for (const file of edited) {
    if (file.path.endsWith('.tf')) assert.ok(await terraformParses(file.text), `${file.path} still parses:\n${file.text}`);
  }
  const set = await parseTerraformModule(edited);
  assert.deepEqual(set.parseProblems, []);
  return { files: edited, set };
}

async function fixtureWithFixer(name: string) {
  const files = fixtureModule(name);
  const set = await parseTerraformModule(files);
  return { files, set, fixer: createTerraformFixer(set, files) };
}

async function inlineWithFixer(text: string) {
  const files = [{ path: 'inline/main.tf', text }];
  const set = await parseTerraformModule(files);
  return { files, set, fixer: createTerraformFixer(set, files) };
}

const ALL_ON = {
  blockPublicAcls: { known: true, value: true },
  ignorePublicAcls: { known: true, value: true },
  blockPublicPolicy: { known: true, value: true },
  restrictPublicBuckets: { known: true, value: true },
};

describe('addPublicAccessBlock', () => {
  test('flips written false flags and inserts the missing one, aligned', async () => {
    const { files, set, fixer } = await fixtureWithFixer('website-public-read');
    const edits = fixer.addPublicAccessBlock(bucketAt(set, 'aws_s3_bucket.site'));
    const after = await applyAndReparse(files, edits, false);
    assert.deepEqual(bucketAt(after.set, 'aws_s3_bucket.site').publicAccessBlock?.flags, ALL_ON);
    assert.match(after.files[0].text, /\n {2}restrict_public_buckets = true\n {2}ignore_public_acls {6}= true\n\}/);
  });

  test('adds a resource after a bucket that has none', async () => {
    const { files, set, fixer } = await fixtureWithFixer('heredoc-policy');
    const edits = fixer.addPublicAccessBlock(bucketAt(set, 'aws_s3_bucket.assets'));
    const after = await applyAndReparse(files, edits, false);
    const block = bucketAt(after.set, 'aws_s3_bucket.assets').publicAccessBlock;
    assert.equal(block?.resource.address, 'aws_s3_bucket_public_access_block.assets');
    assert.deepEqual(block?.flags, ALL_ON);
    assert.equal(bucketAt(after.set, 'aws_s3_bucket.uploads').publicAccessBlock, undefined);
  });

  test('keeps count instances and avoids a taken name; rewrites a one-line block', async () => {
    const { files, set, fixer } = await inlineWithFixer(
      [
        'resource "aws_s3_bucket" "x" {',
        '  count  = 2',
        '  bucket = "x-${count.index}"',
        '}',
        'resource "aws_s3_bucket" "y" { bucket = "y" }',
        'resource "aws_s3_bucket_public_access_block" "x" { bucket = aws_s3_bucket.y.id }',
        '',
      ].join('\n'),
    );
    const added = await applyAndReparse(files, fixer.addPublicAccessBlock(bucketAt(set, 'aws_s3_bucket.x')), false);
    const x = bucketAt(added.set, 'aws_s3_bucket.x').publicAccessBlock;
    assert.equal(x?.resource.address, 'aws_s3_bucket_public_access_block.x_2');
    assert.deepEqual(x?.flags, ALL_ON);
    const flipped = await applyAndReparse(files, fixer.addPublicAccessBlock(bucketAt(set, 'aws_s3_bucket.y')), false);
    assert.deepEqual(bucketAt(flipped.set, 'aws_s3_bucket.y').publicAccessBlock?.flags, ALL_ON);
  });
});

describe('makeAclPrivate', () => {
  test('canned ACL becomes private; the AllUsers grant is removed and the others stay', async () => {
    const { files, set, fixer } = await fixtureWithFixer('split-files');
    const canned = await applyAndReparse(files, fixer.makeAclPrivate(bucketAt(set, 'aws_s3_bucket.data').acls[0]), false);
    assert.deepEqual(bucketAt(canned.set, 'aws_s3_bucket.data').acls[0].canned?.value, { known: true, value: 'private' });
    const grants = await applyAndReparse(files, fixer.makeAclPrivate(bucketAt(set, 'aws_s3_bucket.logs').acls[0]), false);
    const remaining = bucketAt(grants.set, 'aws_s3_bucket.logs').acls[0].grants.map((grant) => grant.grantee.known && (grant.grantee.value.uri ?? grant.grantee.value.type));
    assert.deepEqual(remaining, ['http://acs.amazonaws.com/groups/s3/LogDelivery', 'CanonicalUser']);
  });

  test('legacy inline grants and canned ACL', async () => {
    const { files, set, fixer } = await fixtureWithFixer('legacy-inline');
    const granted = await applyAndReparse(files, fixer.makeAclPrivate(bucketAt(set, 'aws_s3_bucket.granted').acls[0]), false);
    assert.deepEqual(
      bucketAt(granted.set, 'aws_s3_bucket.granted').acls[0].grants.map((grant) => grant.permission.known && grant.permission.value),
      ['FULL_CONTROL'],
    );
    const legacy = await applyAndReparse(files, fixer.makeAclPrivate(bucketAt(set, 'aws_s3_bucket.legacy').acls[0]), false);
    assert.deepEqual(bucketAt(legacy.set, 'aws_s3_bucket.legacy').acls[0].canned?.value, { known: true, value: 'private' });
  });

  test('an ACL that is already private needs no edit', async () => {
    const { set, fixer } = await fixtureWithFixer('unlinked-bucket');
    assert.equal(fixer.makeAclPrivate(bucketAt(set, 'aws_s3_bucket_policy.shared').acls[0]), undefined);
  });
});

describe('restrictPrincipalToAccount', () => {
  const principalOf = (set: DeclarationSet, address: string, index = 0): LValue =>
    getEntry(statementsOf(bucketAt(set, address).policies[0])[index], 'Principal')!.value;

  test('jsonencode: the Principal becomes the account root (placeholder account)', async () => {
    const { files, set, fixer } = await fixtureWithFixer('website-public-read');
    const policy = bucketAt(set, 'aws_s3_bucket.site').policies[0];
    const edits = fixer.restrictPrincipalToAccount(causeFor(policy, statementsOf(policy)[0]));
    assert.match(edits![0].newText, /\$\{1:111122223333\}/, 'a snippet placeholder for the account id');
    const after = await applyAndReparse(files, edits, true);
    assert.deepEqual(toPlainJson(principalOf(after.set, 'aws_s3_bucket.site')), { AWS: 'arn:aws:iam::111122223333:root' });
  });

  test('heredoc JSON: replaced with JSON, the other statement untouched', async () => {
    const { files, set, fixer } = await fixtureWithFixer('heredoc-policy');
    const policy = bucketAt(set, 'aws_s3_bucket.assets').policies[0];
    const after = await applyAndReparse(files, fixer.restrictPrincipalToAccount(causeFor(policy, statementsOf(policy)[0])), true);
    assert.deepEqual(toPlainJson(principalOf(after.set, 'aws_s3_bucket.assets')), { AWS: 'arn:aws:iam::111122223333:root' });
    assert.deepEqual(toPlainJson(principalOf(after.set, 'aws_s3_bucket.assets', 1)), { AWS: 'arn:aws:iam::444455556666:root' });
  });

  test('policy document: the public principals block becomes the caller account (escaped interpolation)', async () => {
    const { files, set, fixer } = await fixtureWithFixer('policy-document');
    const policy = bucketAt(set, 'aws_s3_bucket.reports').policies[0];
    const edits = fixer.restrictPrincipalToAccount(causeFor(policy, statementsOf(policy)[0]));
    assert.match(edits![0].newText, /\\\$\{data\.aws_caller_identity\.current\.account_id\\\}/, 'Terraform interpolation escaped for the snippet');
    const after = await applyAndReparse(files, edits, true);
    const principal = principalOf(after.set, 'aws_s3_bucket.reports');
    const identifiers = getEntry(principal, 'AWS')?.value;
    assert.equal(identifiers?.kind, 'array');
    const [arn] = identifiers?.kind === 'array' ? identifiers.items : [];
    assert.equal(arn.kind === 'unknown' && arn.reason, ACCOUNT_ID_AT_APPLY);
  });

  test('a principal from a variable is replaced where the policy uses it', async () => {
    const { files, set, fixer } = await fixtureWithFixer('variables');
    const policy = bucketAt(set, 'aws_s3_bucket.archive').policies[0];
    const after = await applyAndReparse(files, fixer.restrictPrincipalToAccount(causeFor(policy, statementsOf(policy)[0])), true);
    const aws = getEntry(principalOf(after.set, 'aws_s3_bucket.archive'), 'AWS')!.value;
    assert.equal(aws.kind === 'unknown' && aws.reason, ACCOUNT_ID_AT_APPLY);
    const variables = after.files.find((file) => file.path.endsWith('variables.tf'))!;
    assert.equal(variables.text, files.find((file) => file.path.endsWith('variables.tf'))!.text, 'variables.tf is not edited');
  });

  test('a file() JSON policy is edited in the JSON file', async () => {
    const { files, set, fixer } = await fixtureWithFixer('legacy-inline');
    const policy = bucketAt(set, 'aws_s3_bucket.legacy').policies[0];
    const edits = fixer.restrictPrincipalToAccount(causeFor(policy, statementsOf(policy)[0]));
    assert.ok(edits?.every((edit) => edit.file.endsWith('policy.json')));
    const after = await applyAndReparse(files, edits, true);
    assert.doesNotThrow(() => JSON.parse(after.files.find((file) => file.path.endsWith('policy.json'))!.text));
    assert.deepEqual(toPlainJson(principalOf(after.set, 'aws_s3_bucket.legacy')), { AWS: 'arn:aws:iam::111122223333:root' });
  });
});

describe('addRestrictingCondition', () => {
  const conditionOf = (set: DeclarationSet, address: string, index = 0) =>
    toPlainJson(getEntry(statementsOf(bucketAt(set, address).policies[0])[index], 'Condition')?.value ?? { kind: 'null', loc: bucketAt(set, address).resource.loc });

  test('jsonencode multi-line statement gets a Condition element', async () => {
    const { files, set, fixer } = await fixtureWithFixer('website-public-read');
    const policy = bucketAt(set, 'aws_s3_bucket.site').policies[0];
    const after = await applyAndReparse(files, fixer.addRestrictingCondition(causeFor(policy, statementsOf(policy)[0])), true);
    assert.deepEqual(conditionOf(after.set, 'aws_s3_bucket.site'), { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } });
  });

  test('heredoc JSON statement gets a "Condition" entry', async () => {
    const { files, set, fixer } = await fixtureWithFixer('heredoc-policy');
    const policy = bucketAt(set, 'aws_s3_bucket.uploads').policies[0];
    const after = await applyAndReparse(files, fixer.addRestrictingCondition(causeFor(policy, statementsOf(policy)[0])), true);
    assert.deepEqual(conditionOf(after.set, 'aws_s3_bucket.uploads'), { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } });
  });

  test('policy document statement gets a condition block', async () => {
    const { files, set, fixer } = await fixtureWithFixer('policy-document');
    const policy = bucketAt(set, 'aws_s3_bucket.reports').policies[0];
    const after = await applyAndReparse(files, fixer.addRestrictingCondition(causeFor(policy, statementsOf(policy)[0])), true);
    assert.deepEqual(conditionOf(after.set, 'aws_s3_bucket.reports'), { StringEquals: { 'aws:PrincipalOrgID': ['o-exampleorgid'] } });
  });

  test('one-line statement, and an existing StringEquals map, are extended in place', async () => {
    const { files, set, fixer } = await inlineWithFixer(
      [
        'resource "aws_s3_bucket" "b" {',
        '  bucket = "b"',
        '  policy = jsonencode({ Statement = [',
        '    { Effect = "Allow", Principal = "*", Action = "s3:GetObject" },',
        '    {',
        '      Effect    = "Allow"',
        '      Principal = "*"',
        '      Action    = "s3:ListBucket"',
        '      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1" } }',
        '    },',
        '  ] })',
        '}',
        '',
      ].join('\n'),
    );
    const policy = bucketAt(set, 'aws_s3_bucket.b').policies[0];
    const [oneLine, withCondition] = statementsOf(policy);
    const first = await applyAndReparse(files, fixer.addRestrictingCondition(causeFor(policy, oneLine)), true);
    assert.deepEqual(conditionOf(first.set, 'aws_s3_bucket.b'), { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } });
    const second = await applyAndReparse(files, fixer.addRestrictingCondition(causeFor(policy, withCondition)), true);
    assert.deepEqual(conditionOf(second.set, 'aws_s3_bucket.b', 1), { StringEquals: { 'aws:SourceVpce': 'vpce-1', 'aws:PrincipalOrgID': 'o-exampleorgid' } });
  });
});

describe('removeStatement', () => {
  const sids = (set: DeclarationSet, address: string) =>
    statementsOf(bucketAt(set, address).policies[0]).map((statement) => toPlainJson(getEntry(statement, 'Sid')?.value ?? statement));

  test('heredoc JSON: the first or the last of two statements', async () => {
    const { files, set, fixer } = await fixtureWithFixer('heredoc-policy');
    const policy = bucketAt(set, 'aws_s3_bucket.assets').policies[0];
    const [first, last] = statementsOf(policy);
    const withoutFirst = await applyAndReparse(files, fixer.removeStatement(causeFor(policy, first)), false);
    assert.deepEqual(sids(withoutFirst.set, 'aws_s3_bucket.assets'), ['PartnerList']);
    const withoutLast = await applyAndReparse(files, fixer.removeStatement(causeFor(policy, last)), false);
    assert.deepEqual(sids(withoutLast.set, 'aws_s3_bucket.assets'), ['PublicRead']);
  });

  test('policy document: the statement block goes', async () => {
    const { files, set, fixer } = await fixtureWithFixer('policy-document');
    const policy = bucketAt(set, 'aws_s3_bucket.reports').policies[0];
    const after = await applyAndReparse(files, fixer.removeStatement(causeFor(policy, statementsOf(policy)[0])), false);
    assert.deepEqual(sids(after.set, 'aws_s3_bucket.reports'), ['OwnAccountWrite']);
  });

  test('the only statement: the policy resource or the inline policy argument goes', async () => {
    const website = await fixtureWithFixer('website-public-read');
    const sitePolicy = bucketAt(website.set, 'aws_s3_bucket.site').policies[0];
    const withoutPolicy = await applyAndReparse(website.files, website.fixer.removeStatement(causeFor(sitePolicy, statementsOf(sitePolicy)[0])), false);
    assert.deepEqual(bucketAt(withoutPolicy.set, 'aws_s3_bucket.site').policies, []);
    assert.ok(bucketAt(withoutPolicy.set, 'aws_s3_bucket.site').publicAccessBlock, 'the rest of the module is intact');

    const legacy = await fixtureWithFixer('legacy-inline');
    const inline = bucketAt(legacy.set, 'aws_s3_bucket.legacy').policies[0];
    // Its document is read with file(): removing the argument would leave policy.json behind as a
    // public policy file of its own, so no removal is offered.
    assert.equal(legacy.fixer.removeStatement(causeFor(inline, statementsOf(inline)[0])), undefined);

    const { files, set, fixer } = await inlineWithFixer(
      'resource "aws_s3_bucket" "legacy" {\n  bucket = "legacy"\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::legacy/*" }]\n  })\n}\n',
    );
    const written = bucketAt(set, 'aws_s3_bucket.legacy').policies[0];
    const withoutInline = await applyAndReparse(files, fixer.removeStatement(causeFor(written, statementsOf(written)[0])), false);
    assert.deepEqual(bucketAt(withoutInline.set, 'aws_s3_bucket.legacy').policies, []);
  });
});

describe('addAccessLogging', () => {
  test('placeholder target when the module has no log bucket; prefix is the bucket name', async () => {
    const { files, set, fixer } = await fixtureWithFixer('website-public-read');
    const edits = fixer.addAccessLogging(bucketAt(set, 'aws_s3_bucket.site'), set);
    assert.match(edits![0].newText, /target_bucket = "\$\{1:log-bucket-name\}"/);
    const after = await applyAndReparse(files, edits, true);
    const logging = bucketAt(after.set, 'aws_s3_bucket.site').logging;
    assert.equal(logging?.resource.address, 'aws_s3_bucket_logging.site');
    assert.deepEqual(logging?.targetPrefix, { known: true, value: 'www.example-site.com/' });
  });

  test('prefills an obvious log bucket, and offers nothing when logging exists', async () => {
    const { files, set, fixer } = await inlineWithFixer('resource "aws_s3_bucket" "app" {\n  bucket = "app"\n}\n\nresource "aws_s3_bucket" "access_logs" {\n  bucket = "org-access-logs"\n}\n');
    const after = await applyAndReparse(files, fixer.addAccessLogging(bucketAt(set, 'aws_s3_bucket.app'), set), true);
    assert.equal(bucketAt(after.set, 'aws_s3_bucket.app').logging?.targetBucketAddress, 'aws_s3_bucket.access_logs');
    const split = await fixtureWithFixer('split-files');
    assert.equal(split.fixer.addAccessLogging(bucketAt(split.set, 'aws_s3_bucket.data'), split.set), undefined);
  });
});

describe('suppress', () => {
  test('a comment above the jsonencode element covers the finding after re-analysis', async () => {
    const { files, set, fixer } = await fixtureWithFixer('website-public-read');
    const principal = getEntry(statementsOf(bucketAt(set, 'aws_s3_bucket.site').policies[0])[0], 'Principal')!.value;
    const edits = fixer.suppress('S3-PUBLIC-READ', principal.loc, 'aws_s3_bucket_policy.site');
    assert.match(edits![0].newText, /^ {8}# s3-security-review:ignore S3-PUBLIC-READ \$\{1:reason\}\n$/);
    const after = await applyAndReparse(files, edits, true);
    const moved = getEntry(statementsOf(bucketAt(after.set, 'aws_s3_bucket.site').policies[0])[0], 'Principal')!.value;
    const [suppression] = after.set.suppressions;
    assert.equal(suppression.ruleId, 'S3-PUBLIC-READ');
    assert.equal(suppression.reason, 'reason');
    assert.ok(suppression.appliesTo.range.startOffset <= moved.loc.range.startOffset && moved.loc.range.startOffset < suppression.appliesTo.range.endOffset);
  });

  test('a location inside a heredoc is covered by a comment above the attribute; a header by one above the block', async () => {
    const { files, set, fixer } = await fixtureWithFixer('heredoc-policy');
    const assets = bucketAt(set, 'aws_s3_bucket.assets');
    const principal = getEntry(statementsOf(assets.policies[0])[0], 'Principal')!.value;
    const heredoc = await applyAndReparse(files, fixer.suppress('S3-PUBLIC-READ', principal.loc, 'aws_s3_bucket_policy.assets'), true);
    assert.match(heredoc.files[0].text, /\n {2}# s3-security-review:ignore S3-PUBLIC-READ reason\n {2}policy = <<-POLICY/);
    const header = await applyAndReparse(files, fixer.suppress('S3-BPA-MISSING', assets.resource.headerLoc, 'aws_s3_bucket.assets'), true);
    assert.deepEqual(header.set.suppressions[0].appliesTo.range.start, { line: 1, character: 0 });
    assert.equal(header.set.suppressions[0].ruleId, 'S3-BPA-MISSING');
  });

  test('no suppression can be written into a JSON file', async () => {
    const { set, fixer } = await fixtureWithFixer('legacy-inline');
    const principal = getEntry(statementsOf(bucketAt(set, 'aws_s3_bucket.legacy').policies[0])[0], 'Principal')!.value;
    assert.equal(fixer.suppress('S3-PUBLIC-WRITE', principal.loc, 'aws_s3_bucket.legacy'), undefined);
  });
});
