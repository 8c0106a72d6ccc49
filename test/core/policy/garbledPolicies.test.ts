import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { evaluateBucketPolicy } from '../../../src/core/policy/evaluateBucketPolicy';
import { LOC, located, policyShaped } from './garbledTrees';
import { resource } from './policyTestHelpers';

describe('evaluateBucketPolicy on garbled trees', () => {
  test('never throws, and every cause is well formed', () => {
    fc.assert(
      fc.property(fc.oneof(located, policyShaped), fc.option(fc.constantFrom('site', 'other'), { nil: undefined }), (document, bucketName) => {
        const evaluation = evaluateBucketPolicy(
          { resource: resource('g.json'), document, loc: LOC, inlineOnBucket: false },
          { ownAccountIds: ['111111111111'], bucketName },
        );
        // The safety net must not be what keeps it from throwing.
        assert.ok(!evaluation.unknowns.some((unknown) => unknown.why.includes('could not be judged')), evaluation.unknowns[0]?.why);
        for (const cause of evaluation.causes) {
          assert.ok(cause.access.length > 0);
          assert.ok(cause.certainty === 'public' || cause.certainty === 'unknown');
          assert.equal(typeof cause.why, 'string');
          assert.ok(cause.loc);
        }
        for (const grant of evaluation.crossAccount) assert.ok(grant.accounts.every((account) => /^\d{12}$/.test(account)));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1500) },
    );
  });
});
