import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateTerraform } from '../../../../bench/terraformGenerate';
import { parseTerraformModule } from '../../../../src/core/iac/terraform';
import { getEntry, toPlainJson } from '../../../../src/core/model/value';

test('the benchmark module: about 10 lines per bucket, valid, some public, some with BPA and logging', async () => {
  const text = generateTerraform(100);
  const lines = text.split('\n').length;
  assert.ok(lines > 900 && lines < 1200, `${lines} lines`);
  const set = await parseTerraformModule([{ path: 'bench/main.tf', text }]);
  assert.deepEqual(set.parseProblems, []);
  assert.equal(set.buckets.length, 101);
  const principals = set.buckets.flatMap((bucket) =>
    bucket.policies.map((policy) => {
      const statements = getEntry(policy.document, 'Statement')?.value;
      return statements?.kind === 'array' ? toPlainJson(getEntry(statements.items[0], 'Principal')!.value) : undefined;
    }),
  );
  assert.equal(principals.filter((principal) => principal === '*').length, 34);
  assert.equal(set.buckets.filter((bucket) => bucket.publicAccessBlock).length, 25);
  assert.equal(set.buckets.filter((bucket) => bucket.logging?.targetBucketAddress === 'aws_s3_bucket.logs').length, 13);
});
