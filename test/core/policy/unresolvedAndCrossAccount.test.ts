import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LValue } from '../../../src/core/model/value';
import { evaluateBucketPolicy } from '../../../src/core/policy/evaluateBucketPolicy';
import { allowStatement, judge, parseJson, policyOf, publicAccess, resource, textAt, unknownAccess } from './policyTestHelpers';

describe('evaluateBucketPolicy: unresolved values give "unknown", never a guess', () => {
  test('an unresolved Principal', () => {
    const text = allowStatement({ principal: { AWS: '${?}' } });
    const judged = judge(text);
    assert.equal(judged.causes.length, 1);
    assert.equal(judged.causes[0].certainty, 'unknown');
    assert.deepEqual(judged.causes[0].access, ['read']);
    assert.equal(textAt(text, judged.causes[0].loc), '"${?}"');
    assert.match(judged.causes[0].why, /principal has no literal value/);
  });

  test('a principal template that names one account is neither public nor cross-account', () => {
    const judged = judge(allowStatement({ principal: { AWS: 'arn:aws:iam::${?}:root' } }));
    assert.deepEqual(judged.causes, []);
    assert.deepEqual(judged.crossAccount, []);
  });

  test('an unresolved value of a restricting key', () => {
    const text = allowStatement({ condition: { StringEquals: { 'aws:SourceVpce': '${?}' } } });
    const judged = judge(text);
    assert.deepEqual(publicAccess(judged), []);
    assert.deepEqual(unknownAccess(judged), ['read']);
    assert.equal(textAt(text, judged.causes[0].loc), '"${?}"');
  });

  test('an unresolved value with a literal wildcard is open, not unknown', () => {
    const judged = judge(allowStatement({ condition: { StringLike: { 'aws:SourceVpc': 'vpc-${?}*' } } }));
    assert.deepEqual(publicAccess(judged), ['read']);
  });

  test('an unresolved value of a non-restricting key does not matter', () => {
    const judged = judge(allowStatement({ condition: { StringLike: { 'aws:Referer': '${?}' } } }));
    assert.deepEqual(publicAccess(judged), ['read']);
  });

  test('a restricting key fixed next to an unresolved one restricts', () => {
    const judged = judge(allowStatement({ condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1', 'aws:SourceVpc': '${?}' } } }));
    assert.deepEqual(judged.causes, []);
  });

  test('an unresolved Effect', () => {
    const judged = judge(allowStatement({ extra: { Effect: '${?}' } }));
    assert.deepEqual(publicAccess(judged), []);
    assert.deepEqual(unknownAccess(judged), ['read']);
    assert.match(judged.causes[0].why, /Effect/);
  });

  test('an unresolved Action', () => {
    const judged = judge(allowStatement({ action: '${?}', resource: ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'] }));
    assert.deepEqual(publicAccess(judged), []);
    assert.deepEqual(unknownAccess(judged), ['permissions', 'read', 'write']);
  });

  test('an unresolved Action next to a literal one: the literal one is public', () => {
    const judged = judge(allowStatement({ action: ['s3:GetObject', '${?}'] }));
    assert.deepEqual(publicAccess(judged), ['read']);
    assert.deepEqual(unknownAccess(judged), ['permissions', 'read', 'write']);
  });

  test('an unresolved whole Condition', () => {
    const judged = judge(allowStatement({ condition: '${?}' }));
    assert.deepEqual(unknownAccess(judged), ['read']);
  });

  test('an unresolved document is an unknown, not a cause', () => {
    const policy = { resource: resource('aws_s3_bucket_policy.site'), document: parseAsUnknown(), loc: parseJson('"x"').loc, inlineOnBucket: false };
    const judged = evaluateBucketPolicy(policy, { ownAccountIds: [], bucketName: 'site' });
    assert.deepEqual(judged.causes, []);
    assert.equal(judged.unknowns.length, 1);
    assert.match(judged.unknowns[0].why, /no literal value/);
    assert.deepEqual(judged.unknowns[0].access, ['read', 'write', 'permissions']);
  });

  test('a document that is not an object, and an unresolved Statement list, are unknowns', () => {
    assert.match(judge('["not", "a", "policy"]').unknowns[0].why, /not a JSON object/);
    assert.match(judge('{"Statement": "${?}"}').unknowns[0].why, /Statement list has no literal value/);
    assert.match(judge('{"Statement": ["${?}"]}').unknowns[0].why, /Statement 1 has no literal value/);
  });
});

function parseAsUnknown(): LValue {
  const loc = parseJson('{}').loc;
  return { kind: 'unknown', reason: 'data.aws_iam_policy_document.x.json is known only after apply', loc };
}

describe('evaluateBucketPolicy: cross-account grants', () => {
  test('an IAM role in another account is a cross-account grant, not public', () => {
    const text = allowStatement({ principal: { AWS: 'arn:aws:iam::222222222222:role/partner' } });
    const judged = judge(text);
    assert.deepEqual(judged.causes, []);
    assert.equal(judged.crossAccount.length, 1);
    const [grant] = judged.crossAccount;
    assert.deepEqual(grant.accounts, ['222222222222']);
    assert.deepEqual(grant.access, ['read']);
    assert.equal(textAt(text, grant.loc), '"arn:aws:iam::222222222222:role/partner"');
    assert.equal(grant.sid, 'Grant');
    assert.match(grant.why, /222222222222/);
  });

  test('a bare account id, an account root and an STS session name their accounts', () => {
    const judged = judge(
      allowStatement({ principal: { AWS: ['333333333333', 'arn:aws:iam::444444444444:root', 'arn:aws:sts::555555555555:assumed-role/r/s'] } }),
    );
    assert.deepEqual(judged.crossAccount[0].accounts, ['333333333333', '444444444444', '555555555555']);
  });

  test('own accounts are not cross-account', () => {
    const judged = judge(allowStatement({ principal: { AWS: 'arn:aws:iam::111111111111:role/app' } }), { ownAccountIds: ['111111111111'] });
    assert.deepEqual(judged.crossAccount, []);
  });

  test('"*" pinned by aws:PrincipalAccount to another account is shared with it, not public', () => {
    const judged = judge(allowStatement({ condition: { StringEquals: { 'aws:PrincipalAccount': '666666666666' } } }));
    assert.deepEqual(judged.causes, []);
    assert.deepEqual(judged.crossAccount[0].accounts, ['666666666666']);
  });

  test('a grant for actions that do not apply to the bucket shares nothing', () => {
    const judged = judge(allowStatement({ principal: { AWS: '222222222222' }, action: 's3:GetObject', resource: 'arn:aws:s3:::site' }));
    assert.deepEqual(judged.crossAccount, []);
  });

  test('an unconditional Deny on everyone removes the shared access', () => {
    const judged = judge(
      policyOf(
        { Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::site/*' },
      ),
    );
    assert.deepEqual(judged.crossAccount, []);
  });
});
