import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTerraformModule } from '../../../../src/core/iac/terraform';
import { ACCOUNT_ID_AT_APPLY } from '../../../../src/core/iac/terraform/evaluate';
import { getEntry, toPlainJson, type LValue } from '../../../../src/core/model/value';
import { bucketAt, fixtureModule, fixturePath, rangeOf, textAt } from './fixtureFiles';

function statements(document: LValue): LValue[] {
  const statement = getEntry(document, 'Statement')?.value;
  if (!statement) return [];
  return statement.kind === 'array' ? statement.items : [statement];
}

function principalValue(statement: LValue): LValue {
  const entry = getEntry(statement, 'Principal');
  assert.ok(entry, 'statement has a Principal');
  return entry.value;
}

describe('website bucket with a public-read jsonencode policy', async () => {
  const files = fixtureModule('website-public-read');
  const set = await parseTerraformModule(files);
  const site = bucketAt(set, 'aws_s3_bucket.site');

  test('reads the bucket, its name and header', () => {
    assert.equal(set.format, 'terraform');
    assert.deepEqual(site.bucketName, { known: true, value: 'www.example-site.com' });
    assert.equal(site.partial, false);
    assert.deepEqual(rangeOf(site.resource.headerLoc), [2, 0, 2, 31]);
    assert.equal(textAt(files, site.resource.headerLoc), 'resource "aws_s3_bucket" "site"');
    assert.deepEqual(set.parseProblems, []);
  });

  test('lowers the policy with exact locations and resolves the bucket ARN template', () => {
    assert.equal(site.policies.length, 1);
    const policy = site.policies[0];
    assert.equal(policy.resource.address, 'aws_s3_bucket_policy.site');
    assert.equal(policy.inlineOnBucket, false);
    assert.deepEqual(rangeOf(policy.loc), [31, 2, 42, 4]);
    assert.deepEqual(toPlainJson(policy.document), {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::www.example-site.com/*' },
      ],
    });
    const [statement] = statements(policy.document);
    assert.deepEqual(rangeOf(statement.loc), [34, 6, 40, 7]);
    const principal = getEntry(statement, 'Principal')!;
    assert.deepEqual(rangeOf(principal.keyLoc), [37, 8, 37, 17]);
    assert.deepEqual(rangeOf(principal.value.loc), [37, 20, 37, 23]);
  });

  test('links split resources by reference and records written flags only', () => {
    const block = site.publicAccessBlock!;
    assert.equal(block.scope, 'bucket');
    assert.deepEqual(block.flags, {
      blockPublicAcls: { known: true, value: true },
      ignorePublicAcls: { known: true, value: false },
      blockPublicPolicy: { known: true, value: false },
      restrictPublicBuckets: { known: true, value: false },
    });
    assert.equal(block.flagLocs.ignorePublicAcls, undefined, 'an omitted flag has no location');
    assert.deepEqual(rangeOf(block.flagLocs.blockPublicPolicy!), [18, 2, 18, 33]);
    assert.deepEqual(site.ownership?.value, { known: true, value: 'BucketOwnerEnforced' });
    assert.deepEqual(rangeOf(site.ownership!.loc), [25, 4, 25, 44]);
    assert.equal(site.logging, undefined);
    assert.deepEqual(site.acls, []);
  });

  test('records explicit and implicit dependencies', () => {
    const policy = site.policies[0].resource;
    assert.deepEqual([...policy.dependsOn].sort(), ['aws_s3_bucket.site', 'aws_s3_bucket_public_access_block.site']);
    assert.deepEqual(site.resource.dependsOn, []);
  });
});

describe('heredoc policies', async () => {
  const files = fixtureModule('heredoc-policy');
  const set = await parseTerraformModule(files);

  test('parses JSON in an indented heredoc with offsets in the .tf file and interpolations resolved', () => {
    const assets = bucketAt(set, 'aws_s3_bucket.assets');
    const [publicRead, partner] = statements(assets.policies[0].document);
    assert.deepEqual(toPlainJson(principalValue(publicRead)), { AWS: '*' });
    const aws = getEntry(principalValue(publicRead), 'AWS')!;
    assert.deepEqual(rangeOf(aws.value.loc), [13, 31, 13, 34]);
    assert.equal(textAt(files, aws.value.loc), '"*"');
    assert.deepEqual(toPlainJson(getEntry(publicRead, 'Resource')!.value), 'arn:aws:s3:::example-assets/*');
    assert.deepEqual(rangeOf(partner.loc), [17, 8, 23, 9]);
  });

  test('links `.bucket` references and keeps an unnamed bucket ARN as a partial', () => {
    const uploads = bucketAt(set, 'aws_s3_bucket.uploads');
    assert.equal(uploads.bucketName.known, false);
    assert.match(uploads.bucketName.known ? '' : uploads.bucketName.reason, /generates a unique name/);
    const [statement] = statements(uploads.policies[0].document);
    assert.deepEqual(rangeOf(principalValue(statement).loc), [39, 17, 39, 20]);
    const resource = getEntry(statement, 'Resource')!.value;
    assert.equal(resource.kind, 'unknown');
    assert.equal(resource.kind === 'unknown' && resource.partial, 'arn:aws:s3:::${?}/*');
  });
});

describe('aws_iam_policy_document', async () => {
  const files = fixtureModule('policy-document');
  const set = await parseTerraformModule(files);
  const reports = bucketAt(set, 'aws_s3_bucket.reports');
  const document = reports.policies[0].document;

  test('lowers statements, principals and conditions to the policy JSON shape', () => {
    const [publicRead, ownWrite] = statements(document);
    assert.deepEqual(toPlainJson(publicRead), {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::example-reports', 'arn:aws:s3:::example-reports/*'],
      Principal: '*',
    });
    assert.deepEqual(toPlainJson(getEntry(ownWrite, 'Condition')!.value), { StringEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d'] } });
  });

  test('locates statements at their blocks and principals at the principals block / identifiers', () => {
    const [publicRead, ownWrite] = statements(document);
    assert.deepEqual(rangeOf(publicRead.loc), [7, 2, 19, 3]);
    assert.deepEqual(rangeOf(principalValue(publicRead).loc), [15, 4, 18, 5]);
    const aws = getEntry(principalValue(ownWrite), 'AWS')!;
    assert.deepEqual(rangeOf(aws.value.loc), [29, 20, 29, 88]);
  });

  test('the caller account id stays unknown with its own reason and ARN shape, never a foreign account', () => {
    const [, ownWrite] = statements(document);
    const identifiers = getEntry(principalValue(ownWrite), 'AWS')!.value;
    assert.equal(identifiers.kind, 'array');
    const [arn] = identifiers.kind === 'array' ? identifiers.items : [];
    assert.equal(arn.kind, 'unknown');
    assert.equal(arn.kind === 'unknown' && arn.reason, ACCOUNT_ID_AT_APPLY);
    assert.equal(arn.kind === 'unknown' && arn.partial, 'arn:aws:iam::${?}:root');
  });
});

describe('split resources across two files', async () => {
  const files = fixtureModule('split-files');
  const set = await parseTerraformModule(files);
  const data = bucketAt(set, 'aws_s3_bucket.data');
  const logs = bucketAt(set, 'aws_s3_bucket.logs');

  test('links by literal bucket name and by reference', () => {
    assert.equal(set.buckets.length, 2, 'no partial buckets: every split resource found its bucket');
    assert.deepEqual(data.ownership?.value, { known: true, value: 'ObjectWriter' });
    assert.equal(data.ownership?.resource.address, 'aws_s3_bucket_ownership_controls.data');
    assert.equal(data.acls[0].canned?.value.known && data.acls[0].canned.value.value, 'public-read');
    assert.equal(data.acls[0].inlineOnBucket, false);
    assert.equal(data.acls[0].canned!.loc.file, fixturePath('split-files', 'access.tf'));
    assert.deepEqual(rangeOf(data.acls[0].canned!.loc), [13, 2, 13, 24]);
    assert.deepEqual(data.acls[0].resource.dependsOn.sort(), ['aws_s3_bucket.data', 'aws_s3_bucket_ownership_controls.data']);
  });

  test('logging target resolves to the log bucket address and name', () => {
    assert.deepEqual(data.logging?.targetBucket, { known: true, value: 'acme-access-logs' });
    assert.equal(data.logging?.targetBucketAddress, 'aws_s3_bucket.logs');
    assert.deepEqual(data.logging?.targetPrefix, { known: true, value: 'log/' });
    assert.equal(data.logging?.inlineOnBucket, false);
  });

  test('reads access_control_policy grants with pin-point grantee locations', () => {
    const grants = logs.acls[0].grants;
    assert.equal(grants.length, 3);
    assert.deepEqual(grants[1].grantee, { known: true, value: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' } });
    assert.deepEqual(grants[1].permission, { known: true, value: 'READ' });
    assert.deepEqual(rangeOf(grants[1].granteeLoc), [38, 8, 38, 64]);
    assert.deepEqual(rangeOf(grants[1].loc), [35, 4, 41, 5]);
    assert.equal(grants[2].grantee.known && grants[2].grantee.value.type, 'CanonicalUser');
    assert.deepEqual(logs.publicAccessBlock?.flags.blockPublicPolicy, { known: true, value: false });
  });
});

describe('variables, tfvars and locals', async () => {
  const files = fixtureModule('variables');
  const set = await parseTerraformModule(files);

  test('terraform.tfvars sets a variable without default; a differing -var-file makes the value unknown', () => {
    const archive = bucketAt(set, 'aws_s3_bucket.archive');
    assert.deepEqual(archive.bucketName, { known: true, value: 'acme-archive' }, 'prod.tfvars agrees with the default');
    const app = bucketAt(set, 'aws_s3_bucket.app');
    assert.equal(app.bucketName.known, false);
    assert.match(app.bucketName.known ? '' : app.bucketName.reason, /var\.environment is set differently by its default and prod\.tfvars/);
  });

  test('a variable value is located where the policy uses it', () => {
    const [first] = statements(bucketAt(set, 'aws_s3_bucket.archive').policies[0].document);
    const aws = getEntry(principalValue(first), 'AWS')!;
    assert.deepEqual(aws.value.kind === 'string' && aws.value.value, '*');
    assert.equal(textAt(files, aws.value.loc), 'var.public_principal');
    assert.deepEqual(toPlainJson(getEntry(first, 'Action')!.value), ['s3:GetObject', 's3:GetObjectVersion']);
    assert.equal(textAt(files, getEntry(first, 'Action')!.value.loc), '["s3:GetObject", "s3:GetObjectVersion"]', 'a local keeps its own location');
  });

  test('a conditional on a known variable picks its branch; an unresolved bucket name leaves an ARN partial', () => {
    const [, second, third] = statements(bucketAt(set, 'aws_s3_bucket.archive').policies[0].document);
    assert.deepEqual(toPlainJson(principalValue(third)), { AWS: 'arn:aws:iam::111122223333:root' });
    const resources = getEntry(second, 'Resource')!.value;
    assert.equal(resources.kind, 'array');
    const appArn = resources.kind === 'array' ? resources.items[1] : undefined;
    assert.equal(appArn?.kind, 'unknown');
    assert.equal(appArn?.kind === 'unknown' && appArn.partial, 'arn:aws:s3:::acme-${?}-app/*');
  });

  test('an ACL that depends on an unresolved condition is unknown, not guessed', () => {
    const acl = bucketAt(set, 'aws_s3_bucket.app').acls[0];
    assert.equal(acl.canned?.value.known, false);
  });
});

describe('legacy inline arguments (AWS provider v3)', async () => {
  const files = fixtureModule('legacy-inline');
  const set = await parseTerraformModule(files);

  test('inline acl, file() policy located in the JSON file, and logging block', () => {
    const legacy = bucketAt(set, 'aws_s3_bucket.legacy');
    assert.equal(legacy.acls[0].inlineOnBucket, true);
    assert.deepEqual(legacy.acls[0].canned?.value, { known: true, value: 'public-read-write' });
    assert.deepEqual(rangeOf(legacy.acls[0].canned!.loc), [3, 2, 3, 30]);
    const policy = legacy.policies[0];
    assert.equal(policy.inlineOnBucket, true);
    assert.equal(policy.resource.address, 'aws_s3_bucket.legacy');
    const aws = getEntry(principalValue(statements(policy.document)[0]), 'AWS')!;
    assert.equal(aws.value.loc.file, fixturePath('legacy-inline', 'policy.json'));
    assert.deepEqual(rangeOf(aws.value.loc), [6, 27, 6, 30]);
    assert.equal(legacy.logging?.inlineOnBucket, true);
    assert.equal(legacy.logging?.targetBucketAddress, 'aws_s3_bucket.log', 'linked by literal name to a bucket declared later');
  });

  test('legacy grant blocks give one declaration per permission; a missing file() is unknown with a reason', () => {
    const granted = bucketAt(set, 'aws_s3_bucket.granted');
    const grants = granted.acls[0].grants;
    assert.deepEqual(
      grants.map((grant) => [grant.grantee.known && grant.grantee.value.type, grant.permission.known && grant.permission.value]),
      [
        ['CanonicalUser', 'FULL_CONTROL'],
        ['Group', 'READ'],
        ['Group', 'READ_ACP'],
      ],
    );
    const document = granted.policies[0].document;
    assert.equal(document.kind, 'unknown');
    assert.match(document.kind === 'unknown' ? document.reason : '', /missing-policy\.json.*not part of the analysed files/);
  });
});

describe('CloudTrail data-event selectors', async () => {
  const set = await parseTerraformModule(fixtureModule('cloudtrail'));
  const byName = (name: string) => set.trails.find((trail) => trail.name.known && trail.name.value === name)!;

  test('basic event selectors keep S3 object data resources only', () => {
    const trail = byName('s3-object-trail');
    assert.equal(trail.s3DataSelectors.length, 1);
    const [selector] = trail.s3DataSelectors;
    assert.deepEqual(selector.buckets, [{ known: true, value: 'arn:aws:s3:::audited-bucket/' }]);
    assert.deepEqual(selector.bucketAddresses, ['aws_s3_bucket.audited']);
    assert.equal(selector.readWrite, 'WriteOnly');
    assert.deepEqual(rangeOf(selector.loc), [16, 4, 19, 5]);
    assert.equal(byName('all-s3-data-events').s3DataSelectors[0].buckets, 'all');
    assert.equal(byName('all-s3-data-events').s3DataSelectors[0].readWrite, 'All');
  });

  test('advanced selectors: resources.ARN prefixes and readOnly; management selectors ignored', () => {
    const trail = byName('advanced-selectors');
    assert.equal(trail.s3DataSelectors.length, 1);
    const [selector] = trail.s3DataSelectors;
    assert.deepEqual(selector.buckets, [{ known: true, value: 'arn:aws:s3:::other-bucket/' }]);
    assert.deepEqual(selector.bucketAddresses, ['aws_s3_bucket.other']);
    assert.equal(selector.readWrite, 'ReadOnly');
  });
});

describe('a file with a syntax error', async () => {
  const files = fixtureModule('malformed');
  const set = await parseTerraformModule(files);

  test('reports one problem where the unclosed string starts', () => {
    assert.equal(set.parseProblems.length, 1);
    const [problem] = set.parseProblems;
    assert.match(problem.message, /line 7, column 12/);
    assert.deepEqual(rangeOf(problem.loc), [6, 11, 6, 23]);
  });

  test('still reads the valid blocks before and after the broken one, and drops the broken block', () => {
    assert.deepEqual(set.buckets.map((bucket) => bucket.resource.address), ['aws_s3_bucket.before', 'aws_s3_bucket.after']);
    assert.deepEqual(bucketAt(set, 'aws_s3_bucket.before').acls, []);
    const after = bucketAt(set, 'aws_s3_bucket.after');
    assert.equal(toPlainJson(principalValue(statements(after.policies[0].document)[0])), '*');
  });
});

describe('suppression comments', async () => {
  const files = fixtureModule('suppressions');
  const set = await parseTerraformModule(files);

  test('an own-line comment covers the next block; a trailing one its line; // and comma lists work', () => {
    const summary = set.suppressions.map((suppression) => [suppression.ruleId, suppression.reason, rangeOf(suppression.appliesTo)]);
    assert.deepEqual(summary, [
      ['S3-LOGGING-MISSING', 'access logs are shipped by the CDN instead', [1, 0, 3, 1]],
      ['S3-PUBLIC-READ', 'public downloads by design', [7, 0, 7, 94]],
      ['S3-PUBLIC-READ', '', [18, 8, 18, 23]],
      ['S3-PUBLIC-WRITE', '', [18, 8, 18, 23]],
    ]);
    assert.deepEqual(rangeOf(set.suppressions[1].loc), [7, 25, 7, 94]);
  });

  test('the suppressed elements contain the locations findings will use', () => {
    const cdn = bucketAt(set, 'aws_s3_bucket.cdn');
    const within = (inner: { range: { startOffset: number } }, outer: { range: { startOffset: number; endOffset: number } }) =>
      inner.range.startOffset >= outer.range.startOffset && inner.range.startOffset < outer.range.endOffset;
    assert.ok(within(cdn.resource.headerLoc, set.suppressions[0].appliesTo));
    assert.ok(within(cdn.acls[0].canned!.loc, set.suppressions[1].appliesTo));
    assert.ok(within(principalValue(statements(cdn.policies[0].document)[0]).loc, set.suppressions[2].appliesTo));
  });
});

describe('count and for_each', async () => {
  const set = await parseTerraformModule(fixtureModule('count-for-each'));

  test('one model per resource address; per-instance values are unknown', () => {
    assert.deepEqual(set.buckets.map((bucket) => bucket.resource.address), ['aws_s3_bucket.tenant', 'aws_s3_bucket.replica']);
    const tenant = bucketAt(set, 'aws_s3_bucket.tenant');
    assert.match(tenant.bucketName.known ? '' : tenant.bucketName.reason, /each\.value/);
    assert.deepEqual(tenant.publicAccessBlock?.flags.restrictPublicBuckets, { known: true, value: true }, 'for_each = aws_s3_bucket.tenant links');
  });

  test('indexed references link the policy; its ARN keeps the literal parts', () => {
    const replica = bucketAt(set, 'aws_s3_bucket.replica');
    assert.equal(replica.policies.length, 1);
    const resource = getEntry(statements(replica.policies[0].document)[0], 'Resource')!.value;
    assert.equal(resource.kind === 'unknown' && resource.partial, 'arn:aws:s3:::replica-bucket-${?}/*');
  });
});

describe('split resources for a bucket this module does not declare', async () => {
  const set = await parseTerraformModule(fixtureModule('unlinked-bucket'));

  test('get partial models of their own, grouped by bucket name', () => {
    assert.equal(set.buckets.length, 2);
    const shared = bucketAt(set, 'aws_s3_bucket_policy.shared');
    assert.equal(shared.partial, true);
    assert.deepEqual(shared.bucketName, { known: true, value: 'shared-artifacts' });
    assert.equal(shared.policies.length, 1);
    assert.equal(shared.acls[0].resource.address, 'aws_s3_bucket_acl.shared');
    const external = bucketAt(set, 'aws_s3_bucket_public_access_block.external');
    assert.equal(external.partial, true);
    assert.match(external.bucketName.known ? '' : external.bucketName.reason, /var\.external_bucket has no default/);
  });
});

describe('existence under count / for_each', async () => {
  const set = await parseTerraformModule(fixtureModule('count-for-each'));

  test('resources with a non-zero count or a non-empty for_each are known to exist', () => {
    assert.deepEqual(bucketAt(set, 'aws_s3_bucket.tenant').resource.exists, { known: true, value: true });
    assert.deepEqual(bucketAt(set, 'aws_s3_bucket.replica').policies[0].resource.exists, { known: true, value: true });
  });
});
