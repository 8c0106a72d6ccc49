import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bucketNamed, postureOf } from '../../fakeAws/harness';
import { ALL_USERS, fakeAccount, FULL_BPA, type FakeBucket, type FakeTrail } from '../../fakeAws/scenario';

const ACCOUNT = '123456789012';

function publicReadPolicy(bucket: string, sid = 'PublicRead'): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Sid: sid, Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
    },
    null,
    2,
  );
}

const allBucketsTrail: FakeTrail = {
  name: 'everything',
  homeRegion: 'us-east-1',
  multiRegion: true,
  isLogging: true,
  eventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }],
};

function allOnBucket(name: string, region: string): FakeBucket {
  return {
    name,
    region,
    logging: { targetBucket: 'central-logs', targetPrefix: `${name}/` },
    publicAccessBlock: FULL_BPA,
    ownership: 'BucketOwnerEnforced',
    encryption: { algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abc', bucketKeyEnabled: true },
    metrics: [{ id: 'EntireBucket' }],
  };
}

describe('collectPosture against the local AWS-format server', () => {
  test('a bucket with everything on reads as on everywhere, each call in the bucket’s own region', async () => {
    const account = fakeAccount({
      aliases: ['acme-prod'],
      buckets: [allOnBucket('data-eu', 'eu-west-1')],
      accountPublicAccessBlock: FULL_BPA,
      trails: [allBucketsTrail],
    });
    const { posture, fake } = await postureOf(account);
    assert.equal(posture.account, ACCOUNT);
    assert.equal(posture.alias, 'acme-prod');
    assert.equal(posture.listing.complete, true);
    assert.equal(posture.accountBlockPublicAccess.state, 'on');
    const bucket = bucketNamed(posture, 'data-eu');
    assert.equal(bucket.region, 'eu-west-1');
    assert.equal(bucket.account, ACCOUNT);
    assert.deepEqual(bucket.logging, { state: 'on', target: 'central-logs', prefix: 'data-eu/' });
    assert.equal(bucket.dataEvents.read, 'on');
    assert.equal(bucket.dataEvents.write, 'on');
    assert.deepEqual(bucket.dataEvents.trails.map((trail) => [trail.name, trail.scope, trail.isLogging]), [['everything', 'whole-bucket', true]]);
    assert.equal(bucket.publicAccess.state, 'not-public');
    assert.equal(bucket.publicAccess.settings.bucketBlockPublicAccess.state, 'on');
    assert.equal(bucket.publicAccess.settings.objectOwnership, 'BucketOwnerEnforced');
    assert.equal(bucket.publicAccess.settings.policy, 'none');
    assert.deepEqual(bucket.encryption, {
      state: 'on',
      algorithm: 'aws:kms',
      kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
      bucketKeyEnabled: true,
    });
    assert.deepEqual(bucket.requestMetrics, { state: 'on', configurations: [{ id: 'EntireBucket' }] });
    const bucketCalls = fake.requests.filter((request) => request.bucket === 'data-eu');
    // No policy: no policy status to ask for. ACLs disabled (BucketOwnerEnforced): no ACL to read.
    assert.deepEqual(bucketCalls.map((request) => request.operation).sort(), [
      'GetBucketEncryption',
      'GetBucketLogging',
      'GetBucketOwnershipControls',
      'GetBucketPolicy',
      'GetPublicAccessBlock',
      'ListBucketMetricsConfigurations',
    ]);
    assert.ok(bucketCalls.every((request) => request.region === 'eu-west-1'), JSON.stringify(bucketCalls));
    // Only the documented "no policy" answer is a 404: nothing was redirected or refused.
    assert.deepEqual(bucketCalls.filter((request) => request.status !== 200).map((request) => request.operation), ['GetBucketPolicy']);
    // Account BPA through S3 Control on the loopback endpoint, account in the header.
    assert.equal(fake.calls('GetAccountPublicAccessBlock').length, 1);
    assert.equal(posture.problems.length, 0);
  });

  test('logging off, no default encryption, no metrics and no trail read as off, with reasons', async () => {
    const account = fakeAccount({ buckets: [{ name: 'plain', region: 'us-east-1', encryption: null }] });
    const { posture } = await postureOf(account);
    const bucket = bucketNamed(posture, 'plain');
    assert.equal(bucket.logging.state, 'off');
    assert.equal(bucket.logging.needs, undefined);
    assert.equal(bucket.encryption.state, 'off');
    assert.equal(bucket.requestMetrics.state, 'off');
    assert.equal(bucket.dataEvents.read, 'off');
    assert.equal(bucket.dataEvents.write, 'off');
    assert.equal(bucket.publicAccess.state, 'not-public');
    assert.equal(bucket.publicAccess.settings.bucketBlockPublicAccess.state, 'off');
    assert.equal(bucket.publicAccess.settings.accountBlockPublicAccess.state, 'off');
  });

  test('logging to the bucket itself is on, flagged and explained', async () => {
    const account = fakeAccount({ buckets: [{ name: 'loops', region: 'us-east-1', logging: { targetBucket: 'loops', targetPrefix: 'logs/' } }] });
    const { posture } = await postureOf(account);
    const logging = bucketNamed(posture, 'loops').logging;
    assert.equal(logging.state, 'on');
    assert.equal(logging.toSelf, true);
    assert.match(logging.evidence?.[0] ?? '', /delivered to the bucket itself/);
  });

  test('a public policy is public, read only, and the statement is pointed at by Sid and range', async () => {
    const policy = publicReadPolicy('site', 'Website');
    const account = fakeAccount({ buckets: [{ name: 'site', region: 'us-east-1', policy, policyIsPublic: true }] });
    const { posture } = await postureOf(account);
    const access = bucketNamed(posture, 'site').publicAccess;
    assert.equal(access.state, 'public');
    assert.equal(access.read, 'public');
    assert.equal(access.write, 'not-public');
    const statement = access.evidence.find((item) => item.source === 'policy' && item.sid === 'Website');
    assert.ok(statement, JSON.stringify(access.evidence));
    const firstLine = policy.split('\n').findIndex((line) => line.includes('"Sid": "Website"'));
    assert.ok(statement.range && statement.range.start.line < firstLine && statement.range.end.line > firstLine, JSON.stringify(statement.range));
  });

  test('account Block Public Access (RestrictPublicBuckets) overrides a public policy', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'site', region: 'us-east-1', policy: publicReadPolicy('site'), policyIsPublic: true }],
      accountPublicAccessBlock: { restrictPublicBuckets: true },
    });
    const { posture } = await postureOf(account);
    const access = bucketNamed(posture, 'site').publicAccess;
    assert.equal(access.state, 'not-public');
    assert.equal(access.read, 'not-public');
    assert.ok(access.blockedBy?.includes('RestrictPublicBuckets (account)'), JSON.stringify(access.blockedBy));
    assert.equal(access.settings.accountBlockPublicAccess.state, 'partial');
  });

  test('public via the ACL alone (AllUsers READ), with the policy absent', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'old-site', region: 'us-east-1', ownership: 'ObjectWriter', aclGrants: [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'READ' }] }],
    });
    const { posture } = await postureOf(account);
    const access = bucketNamed(posture, 'old-site').publicAccess;
    assert.equal(access.state, 'public');
    assert.equal(access.read, 'public');
    assert.equal(access.write, 'not-public');
    assert.equal(access.settings.policy, 'none');
    assert.ok(access.evidence.some((item) => item.source === 'acl' && /AllUsers/.test(item.text) && !item.blockedBy));
  });

  test('BucketOwnerEnforced disables ACLs: the ACL is not even read, and the bucket is not public through it', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'enforced', region: 'us-east-1', ownership: 'BucketOwnerEnforced', aclGrants: [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'WRITE' }] }],
    });
    const { posture, fake } = await postureOf(account);
    const access = bucketNamed(posture, 'enforced').publicAccess;
    assert.equal(access.state, 'not-public');
    assert.equal(access.write, 'not-public');
    assert.equal(fake.calls('GetBucketAcl').length, 0);
    assert.ok(access.evidence.some((item) => item.source === 'ownership' && /ACLs are disabled/.test(item.text)));
  });

  test('an added bucket’s ACL is read even under BucketOwnerEnforced (it names the owner); its public grant is shown as blocked', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'mine-by-name', region: 'us-east-1', ownership: 'BucketOwnerEnforced', aclGrants: [{ grantee: { type: 'Group', uri: ALL_USERS }, permission: 'WRITE' }] }],
      accountPublicAccessBlock: FULL_BPA,
    });
    const { posture } = await postureOf(account, { onlyBuckets: ['mine-by-name'] });
    const bucket = bucketNamed(posture, 'mine-by-name');
    assert.equal(bucket.account, ACCOUNT, 'the ACL owner matches the caller’s canonical id');
    assert.equal(bucket.publicAccess.settings.accountBlockPublicAccess.state, 'on');
    assert.equal(bucket.publicAccess.state, 'not-public');
    assert.ok(bucket.publicAccess.blockedBy?.includes('BucketOwnerEnforced'), JSON.stringify(bucket.publicAccess.blockedBy));
  });

  test('a policy is judged with AWS’s own status; no policy, no status request', async () => {
    const account = fakeAccount({
      buckets: [
        { name: 'with-policy', region: 'us-east-1', policy: publicReadPolicy('with-policy'), policyIsPublic: true },
        { name: 'without', region: 'us-east-1' },
      ],
    });
    const { posture, fake } = await postureOf(account);
    assert.deepEqual(fake.calls('GetBucketPolicyStatus').map((request) => request.bucket), ['with-policy']);
    assert.equal(bucketNamed(posture, 'with-policy').publicAccess.settings.awsPolicyIsPublic, true);
    assert.equal(bucketNamed(posture, 'without').publicAccess.settings.awsPolicyIsPublic, undefined);
  });

  test('organization trail with advanced selectors on a bucket ARN prefix: only that bucket, read only', async () => {
    const orgTrail: FakeTrail = {
      name: 'org-trail',
      homeRegion: 'us-east-1',
      accountId: '999999999999',
      organization: true,
      multiRegion: true,
      isLogging: true,
      advancedEventSelectors: [
        {
          Name: 'Reads of the audited buckets',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::audited-'] },
            { Field: 'readOnly', Equals: ['true'] },
          ],
        },
      ],
    };
    const account = fakeAccount({
      buckets: [
        { name: 'audited-eu', region: 'eu-west-1' },
        { name: 'other-eu', region: 'eu-west-1' },
      ],
      trails: [orgTrail],
    });
    const { posture, fake } = await postureOf(account);
    const audited = bucketNamed(posture, 'audited-eu').dataEvents;
    assert.equal(audited.read, 'on');
    assert.equal(audited.write, 'off');
    assert.equal(audited.trails[0]?.arn, 'arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail');
    assert.equal(audited.trails[0]?.organization, true);
    assert.match(audited.trails[0]?.selector ?? '', /resources\.ARN StartsWith arn:aws:s3:::audited-/);
    const other = bucketNamed(posture, 'other-eu').dataEvents;
    assert.equal(other.read, 'off');
    assert.equal(other.write, 'off');
    // Once per region for DescribeTrails; once per trail, in its home region, for status and selectors.
    assert.deepEqual(fake.calls('DescribeTrails').map((request) => request.region), ['eu-west-1']);
    assert.deepEqual(fake.calls('GetTrailStatus').map((request) => request.region), ['us-east-1']);
    assert.deepEqual(fake.calls('GetEventSelectors').map((request) => request.region), ['us-east-1']);
    assert.deepEqual(posture.trails.map((trail) => trail.name), ['org-trail']);
  });

  test('a matching trail that is not logging counts as off, with evidence it is configured', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'quiet', region: 'us-east-1' }],
      trails: [{ ...allBucketsTrail, name: 'stopped', isLogging: false }],
    });
    const { posture } = await postureOf(account);
    const dataEvents = bucketNamed(posture, 'quiet').dataEvents;
    assert.equal(dataEvents.read, 'off');
    assert.equal(dataEvents.write, 'off');
    assert.equal(dataEvents.trails[0]?.isLogging, false);
    assert.ok(dataEvents.evidence?.some((line) => /stopped.*not logging/.test(line)), JSON.stringify(dataEvents.evidence));
  });

  test('throttled once, then answered: the SDK retries and the aspect is known', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'busy', region: 'us-east-1', logging: { targetBucket: 'central-logs' } }],
      faults: [{ operation: 'GetBucketLogging', bucket: 'busy', error: 'SlowDown', times: 1 }],
    });
    const { posture, fake } = await postureOf(account, {}, { maxAttempts: 3 });
    assert.equal(bucketNamed(posture, 'busy').logging.state, 'on');
    assert.deepEqual(fake.calls('GetBucketLogging', 'busy').map((request) => request.status), [503, 200]);
    assert.equal(posture.problems.length, 0);
  });

  test('throttled beyond the retries → unknown (throttled), reported once for the account', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'busy', region: 'us-east-1' }],
      faults: [{ operation: 'GetBucketLogging', error: 'SlowDown' }],
    });
    const { posture, fake } = await postureOf(account, {}, { maxAttempts: 2 });
    const logging = bucketNamed(posture, 'busy').logging;
    assert.equal(logging.state, 'unknown');
    assert.equal(logging.needs, undefined);
    assert.match(logging.reason ?? '', /throttl/);
    assert.equal(fake.calls('GetBucketLogging').length, 2);
    assert.ok(posture.problems.some((problem) => problem.kind === 'throttled'));
  });

  test('expired token: stops calling AWS, everything unknown, sign-in hint names the profile', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'a', region: 'us-east-1' }, { name: 'b', region: 'us-east-1' }],
      faults: [{ operation: '*', error: 'ExpiredToken' }],
    });
    const { posture, fake } = await postureOf(account, { profile: 'prod-sso' }, { profile: 'prod-sso' });
    assert.equal(posture.account, null);
    assert.equal(posture.problems[0]?.kind, 'expired');
    assert.match(posture.problems[0]?.message ?? '', /aws sso login --profile prod-sso/);
    assert.equal(posture.buckets.length, 0);
    assert.equal(posture.listing.complete, false);
    // GetCallerIdentity found the expiry; nothing after it went to AWS.
    assert.deepEqual(fake.requests.map((request) => request.operation), ['GetCallerIdentity']);
  });

  test('paging across 1,000+ buckets: every bucket listed once, with its region, none hidden', async () => {
    const buckets: FakeBucket[] = [];
    for (let index = 0; index < 1203; index++) buckets.push({ name: `b-${String(index).padStart(4, '0')}`, region: index % 400 === 0 ? 'us-east-1' : 'eu-west-1' });
    // Only us-east-1 is examined, so the test reads four buckets and lists all of them.
    const { posture, fake } = await postureOf(fakeAccount({ buckets }), { regions: ['us-east-1'] });
    assert.equal(posture.buckets.length, 1203);
    assert.equal(new Set(posture.buckets.map((bucket) => bucket.name)).size, 1203);
    assert.deepEqual(
      fake.calls('ListBuckets').map((request) => new URL(request.url, 'http://x').searchParams.has('continuation-token')),
      [false, true],
    );
    assert.equal(posture.listing.complete, true);
    assert.equal(fake.calls('GetBucketLocation').length, 0);
    assert.equal(bucketNamed(posture, 'b-1201').region, 'eu-west-1');
    assert.match(bucketNamed(posture, 'b-1201').reason ?? '', /not among the selected regions/);
    assert.equal(bucketNamed(posture, 'b-0800').logging.state, 'off');
    assert.equal(fake.calls('GetBucketLogging').length, 4);
  });

  test('a bucket ListBuckets gives no region for is located with GetBucketLocation (null → us-east-1, EU → eu-west-1)', async () => {
    const account = fakeAccount({
      buckets: [
        { name: 'legacy-eu', region: 'eu-west-1', omitRegionInListing: true, locationConstraint: 'EU' },
        { name: 'legacy-us', region: 'us-east-1', omitRegionInListing: true },
      ],
    });
    const { posture, fake } = await postureOf(account);
    assert.equal(bucketNamed(posture, 'legacy-eu').region, 'eu-west-1');
    assert.equal(bucketNamed(posture, 'legacy-us').region, 'us-east-1');
    assert.equal(fake.calls('GetBucketLocation').length, 2);
    assert.ok(fake.requests.filter((request) => request.bucket === 'legacy-eu' && request.operation !== 'GetBucketLocation').every((request) => request.region === 'eu-west-1'));
  });

  test('a bucket in a region the account has not enabled is listed with the reason', async () => {
    const account = fakeAccount({ buckets: [{ name: 'far', region: 'ap-east-1' }, { name: 'near', region: 'us-east-1' }], disabledRegions: ['ap-east-1'] });
    const { posture } = await postureOf(account);
    const far = bucketNamed(posture, 'far');
    assert.equal(far.region, 'ap-east-1');
    assert.match(far.reason ?? '', /region ap-east-1 refused these credentials .InvalidToken.; an opt-in region must be enabled/);
    assert.equal(far.logging.state, 'unknown');
    assert.equal(far.publicAccess.state, 'unknown');
    assert.equal(bucketNamed(posture, 'near').logging.state, 'off');
  });

  test('no permission for account aliases: no alias, and no problem raised for it', async () => {
    const account = fakeAccount({ aliases: ['secret-alias'], faults: [{ operation: 'ListAccountAliases', error: 'AccessDenied' }] });
    const { posture } = await postureOf(account);
    assert.equal(posture.alias, undefined);
    assert.equal(posture.account, ACCOUNT);
    assert.deepEqual(posture.problems, []);
  });

  test('GetBucketLocation denied: the region comes from HeadBucket’s x-amz-bucket-region', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'somewhere', region: 'ap-southeast-2', omitRegionInListing: true }],
      faults: [{ operation: 'GetBucketLocation', error: 'AccessDenied' }],
    });
    const { posture, fake } = await postureOf(account);
    const bucket = bucketNamed(posture, 'somewhere');
    assert.equal(bucket.region, 'ap-southeast-2');
    assert.equal(bucket.logging.state, 'off');
    assert.deepEqual(fake.calls('HeadBucket').map((request) => request.status), [301, 200]);
  });

  test('ListBuckets denied: the listing says so, added buckets are still examined', async () => {
    const account = fakeAccount({
      buckets: [{ name: 'known-by-name', region: 'eu-west-1', omitRegionInListing: true }],
      faults: [{ operation: 'ListBuckets', error: 'AccessDenied' }],
    });
    const { posture } = await postureOf(account, { addedBuckets: ['known-by-name'] });
    assert.equal(posture.listing.complete, false);
    assert.equal(posture.listing.needs, 's3:ListAllMyBuckets');
    const bucket = bucketNamed(posture, 'known-by-name');
    assert.equal(bucket.source, 'added');
    assert.equal(bucket.region, 'eu-west-1');
    assert.equal(bucket.logging.state, 'off');
    // Whose account-level settings apply is unknown without the owner: never assumed.
    assert.equal(bucket.publicAccess.settings.accountBlockPublicAccess.state, 'unknown');
  });

  test('an added bucket that does not exist is listed with that reason, every aspect unknown', async () => {
    const { posture } = await postureOf(fakeAccount({ buckets: [] }), { addedBuckets: ['typo-bucket'] });
    const bucket = bucketNamed(posture, 'typo-bucket');
    assert.equal(bucket.source, 'added');
    assert.equal(bucket.region, null);
    assert.match(bucket.reason ?? '', /No bucket by this name exists/);
    assert.equal(bucket.logging.state, 'unknown');
    assert.equal(bucket.publicAccess.state, 'unknown');
  });

  test('regions option: buckets elsewhere are listed with a reason, not hidden and not read', async () => {
    const account = fakeAccount({ buckets: [{ name: 'eu', region: 'eu-west-1' }, { name: 'us', region: 'us-east-1' }] });
    const { posture, fake } = await postureOf(account, { regions: ['us-east-1'] });
    assert.equal(posture.buckets.length, 2);
    assert.match(bucketNamed(posture, 'eu').reason ?? '', /not among the selected regions/);
    assert.equal(fake.requests.filter((request) => request.bucket === 'eu').length, 0);
  });

  test('onBucket reports each bucket as it completes; a throwing listener does not stop collection', async () => {
    const seen: string[] = [];
    const account = fakeAccount({ buckets: [{ name: 'one', region: 'us-east-1' }, { name: 'two', region: 'eu-west-1' }] });
    const { posture } = await postureOf(account, {
      onBucket: (bucket) => {
        seen.push(bucket.name);
        throw new Error('listener bug');
      },
    });
    assert.deepEqual(seen.sort(), ['one', 'two']);
    assert.equal(posture.buckets.length, 2);
  });

  test('cancellation rejects with an AbortError', async () => {
    const controller = new AbortController();
    const account = fakeAccount({ buckets: [{ name: 'one', region: 'us-east-1' }], latencyMs: 5 });
    controller.abort();
    await assert.rejects(postureOf(account, { signal: controller.signal }), (error: Error) => error.name === 'AbortError');
  });
});
