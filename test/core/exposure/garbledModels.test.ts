import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { evaluateBucketExposure } from '../../../src/core/exposure/evaluateBucketExposure';
import type { AclDeclaration, BucketModel, DeclaredResource, PublicAccessBlockDeclaration } from '../../../src/core/model/bucket';
import type { Resolvable } from '../../../src/core/model/value';
import { LOC, located, policyShaped } from '../policy/garbledTrees';

const ADDRESSES = ['bucket', 'policy', 'acl', 'bpa', 'account-bpa', 'ownership', 'other'];

const resourceArb = (address: string): fc.Arbitrary<DeclaredResource> =>
  fc.record({
    address: fc.constant(address),
    type: fc.constant('t'),
    format: fc.constantFrom('terraform' as const, 'cloudformation' as const, 'bucket-policy-json' as const),
    loc: fc.constant(LOC),
    headerLoc: fc.constant(LOC),
    dependsOn: fc.subarray(ADDRESSES),
  });

/** Some resources share the bucket's address, as inline settings do. */
const ownerOf = (address: string) => fc.oneof(resourceArb(address), resourceArb('bucket'));

function resolvable<T>(values: fc.Arbitrary<T>): fc.Arbitrary<Resolvable<T>> {
  return fc.oneof(values.map((value): Resolvable<T> => ({ known: true, value })), fc.constant<Resolvable<T>>({ known: false, reason: 'r' }));
}

const flag = resolvable(fc.boolean());

const blockArb = (address: string, scope: 'bucket' | 'account'): fc.Arbitrary<PublicAccessBlockDeclaration> =>
  fc.record({
    resource: ownerOf(address),
    flags: fc.record({ blockPublicAcls: flag, ignorePublicAcls: flag, blockPublicPolicy: flag, restrictPublicBuckets: flag }),
    flagLocs: fc.constant({ restrictPublicBuckets: LOC }),
    loc: fc.constant(LOC),
    scope: fc.constant(scope),
  });

const aclArb: fc.Arbitrary<AclDeclaration> = fc.record({
  resource: ownerOf('acl'),
  canned: fc.option(fc.record({ value: resolvable(fc.constantFrom('public-read', 'private', 'PublicReadWrite', 'junk', '')), loc: fc.constant(LOC) }), { nil: undefined }),
  grants: fc.array(
    fc.record({
      grantee: resolvable(
        fc.record({
          type: fc.constantFrom('Group' as const, 'CanonicalUser' as const, 'AmazonCustomerByEmail' as const, 'unknown' as const),
          uri: fc.option(fc.constantFrom('http://acs.amazonaws.com/groups/global/AllUsers', 'x', ''), { nil: undefined }),
        }),
      ),
      permission: resolvable(fc.constantFrom('READ' as const, 'WRITE' as const, 'READ_ACP' as const, 'WRITE_ACP' as const, 'FULL_CONTROL' as const)),
      loc: fc.constant(LOC),
      granteeLoc: fc.constant(LOC),
    }),
    { maxLength: 3 },
  ),
  inlineOnBucket: fc.boolean(),
});

const bucketArb: fc.Arbitrary<BucketModel> = fc.record({
  resource: resourceArb('bucket'),
  bucketName: resolvable(fc.constantFrom('site', 'other', '')),
  policies: fc.array(
    fc.record({ resource: ownerOf('policy'), document: fc.oneof(located, policyShaped), loc: fc.constant(LOC), inlineOnBucket: fc.boolean() }),
    { maxLength: 2 },
  ),
  acls: fc.array(aclArb, { maxLength: 2 }),
  publicAccessBlock: fc.option(blockArb('bpa', 'bucket'), { nil: undefined }),
  ownership: fc.option(
    fc.record({ resource: ownerOf('ownership'), value: resolvable(fc.constantFrom('BucketOwnerEnforced', 'ObjectWriter', 'junk')), loc: fc.constant(LOC) }),
    { nil: undefined },
  ),
  partial: fc.boolean(),
});

describe('evaluateBucketExposure on random models', () => {
  test('never throws, and the states agree with the causes', () => {
    fc.assert(
      fc.property(bucketArb, fc.array(blockArb('account-bpa', 'account'), { maxLength: 1 }), (bucket, accountBlocks) => {
        const set = { format: 'terraform' as const, buckets: [bucket], accountPublicAccessBlocks: accountBlocks, trails: [], suppressions: [], parseProblems: [] };
        const exposure = evaluateBucketExposure(bucket, set, { ownAccountIds: [] });
        assert.ok(!exposure.unknowns.some((unknown) => /could not be judged/.test(unknown.why)), exposure.unknowns[0]?.why);
        for (const kind of ['read', 'write', 'permissions'] as const) {
          const standing = exposure.causes.some(
            (cause) => cause.access.includes(kind) && cause.certainty === 'public' && !cause.neutralizedBy && !cause.mayBeNeutralizedBy,
          );
          assert.equal(exposure[kind] === 'public', standing);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 700) },
    );
  });
});
