import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBucketInput } from '../../src/views/bucketInput';
import { bucketArn, bucketConsoleUrl } from '../../src/views/bucketLinks';
import { bucketUriPath, parseBucketUriPath } from '../../src/views/bucketUri';

describe('Add bucket… input', () => {
  test('takes a name, an s3:// URI or an ARN', () => {
    assert.deepEqual(parseBucketInput('  my-bucket '), { ok: true, name: 'my-bucket' });
    assert.deepEqual(parseBucketInput('s3://my.bucket/some/prefix/'), { ok: true, name: 'my.bucket' });
    assert.deepEqual(parseBucketInput('S3://logs-1'), { ok: true, name: 'logs-1' });
    assert.deepEqual(parseBucketInput('arn:aws:s3:::data-bucket/key'), { ok: true, name: 'data-bucket' });
  });

  test('refuses what cannot be a bucket name, saying why', () => {
    for (const bad of ['', 's3://', 'ab', '-bucket', 'bucket-', 'a b', 'a..b', 'bucket/key']) {
      const parsed = parseBucketInput(bad);
      assert.equal(parsed.ok, false, bad);
      if (!parsed.ok) assert.ok(parsed.message.length > 0);
    }
  });
});

describe('bucket links', () => {
  test('ARN per partition', () => {
    assert.equal(bucketArn('aws', 'b'), 'arn:aws:s3:::b');
    assert.equal(bucketArn('aws-cn', 'b'), 'arn:aws-cn:s3:::b');
  });

  test('console URL per partition, with the region', () => {
    assert.equal(bucketConsoleUrl('aws', 'my-bucket', 'eu-west-1'), 'https://console.aws.amazon.com/s3/buckets/my-bucket?region=eu-west-1');
    assert.equal(bucketConsoleUrl('aws-us-gov', 'b', null), 'https://console.amazonaws-us-gov.com/s3/buckets/b');
    assert.equal(bucketConsoleUrl('aws-cn', 'b', 'cn-north-1'), 'https://console.amazonaws.cn/s3/buckets/b?region=cn-north-1');
  });
});

describe('bucket resource URI path', () => {
  test('round-trips profile and bucket, the default chain included', () => {
    for (const parts of [{ profileKey: '', bucket: 'b' }, { profileKey: 'team/prod', bucket: 'my.bucket' }, { profileKey: '~default', bucket: 'x' }]) {
      const parsed = parseBucketUriPath(bucketUriPath(parts));
      if (parts.profileKey === '~default') assert.equal(parsed?.bucket, 'x');
      else assert.deepEqual(parsed, parts);
    }
    assert.equal(parseBucketUriPath('/only-one'), undefined);
    assert.equal(parseBucketUriPath('/%E0%A4%A/b'), undefined);
  });
});
