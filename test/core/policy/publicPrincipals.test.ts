import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowStatement, judge, publicAccess, textAt } from './policyTestHelpers';

describe('evaluateBucketPolicy: who a statement reaches', () => {
  test('the documented public-read policy (s3:GetObject to "*") is public read, pointing at the principal', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "PublicReadGetObject",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::site/*"
    }
  ]
}`;
    const judged = judge(text);
    assert.equal(judged.causes.length, 1);
    const [cause] = judged.causes;
    assert.equal(cause.source, 'policy');
    assert.equal(cause.certainty, 'public');
    assert.deepEqual(cause.access, ['read']);
    assert.deepEqual(cause.grantedBy, ['s3:GetObject']);
    assert.equal(textAt(text, cause.loc), '"*"');
    assert.ok(textAt(text, cause.statementLoc).startsWith('{\n      "Sid": "PublicReadGetObject"'));
    assert.equal(cause.sid, 'PublicReadGetObject');
    assert.equal(cause.resourceAddress, 'policy.json');
    assert.match(cause.why, /PublicReadGetObject.*anyone.*s3:GetObject.*no condition/);
    assert.equal(cause.statement?.kind, 'object');
    assert.ok(cause.policy);
    assert.deepEqual(judged.crossAccount, []);
    assert.deepEqual(judged.unknowns, []);
  });

  for (const [label, principal, squiggled] of [
    ['{"AWS": "*"}', { AWS: '*' }, '"*"'],
    ['{"AWS": ["*"]}', { AWS: ['*'] }, '"*"'],
    ['a wildcard account ARN', { AWS: 'arn:aws:iam::*:root' }, '"arn:aws:iam::*:root"'],
    ['"*" among named accounts', { AWS: ['arn:aws:iam::222222222222:root', '*'] }, '"*"'],
  ] as const) {
    test(`Principal ${label} is everyone`, () => {
      const text = allowStatement({ principal });
      const judged = judge(text);
      assert.deepEqual(publicAccess(judged), ['read']);
      assert.equal(textAt(text, judged.causes[0].loc), squiggled);
    });
  }

  test('a web-identity Federated principal (AWS example: graph.facebook.com) is public', () => {
    const judged = judge(allowStatement({ principal: { Federated: 'graph.facebook.com' }, action: 's3:PutObject', resource: '*' }));
    assert.deepEqual(publicAccess(judged), ['write']);
    assert.match(judged.causes[0].why, /graph\.facebook\.com/);
  });

  test('NotPrincipal with Allow reaches everyone but the listed principals, pointing at NotPrincipal', () => {
    const text = allowStatement({ extra: { NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' } } }).replace(/\s*"Principal": "\*",/, '');
    const judged = judge(text);
    assert.deepEqual(publicAccess(judged), ['read']);
    assert.equal(textAt(text, judged.causes[0].loc), '{\n        "AWS": "arn:aws:iam::111111111111:root"\n      }');
    assert.match(judged.causes[0].why, /everyone except/);
  });

  test('NotPrincipal "*" leaves nobody', () => {
    const text = allowStatement({ extra: { NotPrincipal: '*' } }).replace(/\s*"Principal": "\*",/, '');
    assert.deepEqual(judge(text).causes, []);
  });

  for (const service of ['logging.s3.amazonaws.com', 'cloudfront.amazonaws.com', 'cloudtrail.amazonaws.com']) {
    test(`service principal ${service} is not public`, () => {
      const judged = judge(allowStatement({ principal: { Service: service }, action: ['s3:PutObject', 's3:GetObject'] }));
      assert.deepEqual(judged.causes, []);
      assert.deepEqual(judged.crossAccount, []);
    });
  }

  test('canonical-user and own-account principals are not public', () => {
    assert.deepEqual(judge(allowStatement({ principal: { CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' } })).causes, []);
    assert.deepEqual(judge(allowStatement({ principal: { AWS: 'arn:aws:iam::111111111111:role/app' } })).causes, []);
  });

  test('an Allow with no Principal grants nothing (S3 rejects it in a bucket policy)', () => {
    const text = allowStatement({}).replace(/\s*"Principal": "\*",/, '');
    assert.deepEqual(judge(text).causes, []);
  });

  test('Deny statements are never reported as findings', () => {
    const text = allowStatement({}).replace('"Allow"', '"Deny"');
    assert.deepEqual(judge(text).causes, []);
  });

  test('a single statement object (not a list) is read', () => {
    const text = JSON.stringify({ Statement: { Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::site' } });
    assert.deepEqual(publicAccess(judge(text)), ['read']);
  });

  test('policy element names are matched case-insensitively', () => {
    const text = JSON.stringify({ statement: [{ effect: 'Allow', principal: '*', action: 's3:GetObject', resource: 'arn:aws:s3:::site/*' }] });
    assert.deepEqual(publicAccess(judge(text)), ['read']);
  });
});
