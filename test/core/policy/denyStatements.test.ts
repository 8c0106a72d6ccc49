import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judge, policyOf, publicAccess, unknownAccess } from './policyTestHelpers';

const BOTH = ['arn:aws:s3:::site', 'arn:aws:s3:::site/*'];
const publicAll = { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: BOTH };
const publicReadWrite = { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' };

describe('evaluateBucketPolicy: Deny statements cut grants', () => {
  test('a Deny on everyone for the same actions and resources, with no condition, removes the grant', () => {
    const judged = judge(policyOf(publicAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH }));
    assert.deepEqual(judged.causes, []);
  });

  test('{"AWS": "*"} in a Deny also covers everyone', () => {
    const judged = judge(policyOf(publicReadWrite, { Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*' }));
    assert.deepEqual(judged.causes, []);
  });

  test('partial overlap removes only the denied actions', () => {
    const judged = judge(policyOf(publicReadWrite, { Effect: 'Deny', Principal: '*', Action: 's3:Put*', Resource: 'arn:aws:s3:::site/*' }));
    assert.deepEqual(publicAccess(judged), ['read']);
    assert.deepEqual(judged.causes[0].grantedBy, ['s3:GetObject']);
  });

  test('a Deny on part of the objects leaves the rest public', () => {
    const judged = judge(
      policyOf(
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/private/*' },
      ),
    );
    assert.deepEqual(publicAccess(judged), ['read']);
  });

  test('a Deny on the objects does not cut a grant on other objects of a different prefix only', () => {
    const judged = judge(
      policyOf(
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/public/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      ),
    );
    assert.deepEqual(judged.causes, []);
  });

  test('Deny "*" unless aws:SourceVpce is a fixed endpoint makes the bucket non-public', () => {
    const judged = judge(
      policyOf(publicAll, {
        Sid: 'DenyOutsideVpce',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BOTH,
        Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
      }),
    );
    assert.deepEqual(judged.causes, []);
  });

  test('the IfExists form of the negated Deny also restricts (a missing key is denied)', () => {
    const judged = judge(
      policyOf(publicAll, {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: BOTH,
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    );
    assert.deepEqual(judged.causes, []);
  });

  test('a Deny unless a narrow IP range restricts; unless 0.0.0.0/0 does not', () => {
    const narrow = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH, Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } };
    assert.deepEqual(judge(policyOf(publicAll, narrow)).causes, []);
    const wide = { ...narrow, Condition: { NotIpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } };
    assert.deepEqual(publicAccess(judge(policyOf(publicAll, wide))), ['permissions', 'read', 'write']);
  });

  test('a Deny that only refuses plain HTTP (aws:SecureTransport false) leaves the grant public', () => {
    const judged = judge(
      policyOf(publicAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    assert.deepEqual(publicAccess(judged), ['permissions', 'read', 'write']);
  });

  test('a Deny with a positive match (deny only from one endpoint) does not restrict the rest', () => {
    const judged = judge(
      policyOf(publicAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }),
    );
    assert.deepEqual(publicAccess(judged), ['permissions', 'read', 'write']);
  });

  test('a Deny with two negated-fixed clauses restricts; with one weak clause it does not', () => {
    const both = {
      StringNotEquals: { 'aws:SourceVpce': 'vpce-1' },
      NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' },
    };
    assert.deepEqual(judge(policyOf(publicAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH, Condition: both })).causes, []);
    const weak = { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' }, Bool: { 'aws:SecureTransport': 'true' } };
    assert.deepEqual(
      publicAccess(judge(policyOf(publicAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH, Condition: weak }))),
      ['permissions', 'read', 'write'],
    );
  });

  test('Deny with NotPrincipal of fixed principals leaves only those principals', () => {
    const judged = judge(
      policyOf(publicAll, { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:role/app' }, Action: 's3:*', Resource: BOTH }),
    );
    assert.deepEqual(judged.causes, []);
  });

  test('a Deny on exactly the principals the Allow names cuts it (order of values does not matter)', () => {
    const principal = { Federated: 'graph.facebook.com' };
    const judged = judge(
      policyOf(
        { Effect: 'Allow', Principal: principal, Action: 's3:PutObject', Resource: '*' },
        { Effect: 'Deny', Principal: principal, Action: 's3:PutObject', Resource: '*' },
      ),
    );
    assert.deepEqual(judged.causes, []);
    const wildcardAccounts = judge(
      policyOf(
        { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::*:root', 'arn:aws:iam::*:role/x'] }, Action: 's3:GetObject', Resource: '*' },
        { Effect: 'Deny', Principal: { aws: ['arn:aws:iam::*:role/x', 'arn:aws:iam::*:root'] }, Action: 's3:GetObject', Resource: '*' },
      ),
    );
    assert.deepEqual(wildcardAccounts.causes, []);
  });

  test('a Deny naming one account does not cut a grant to everyone', () => {
    const judged = judge(
      policyOf(publicAll, { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 's3:*', Resource: BOTH }),
    );
    assert.deepEqual(publicAccess(judged), ['permissions', 'read', 'write']);
  });

  test('a Deny with an unresolved condition value leaves the covered grant undecided', () => {
    const judged = judge(
      policyOf(publicReadWrite, {
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObject',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:SourceVpce': '${?}' } },
      }),
    );
    assert.deepEqual(publicAccess(judged), ['read']);
    assert.deepEqual(unknownAccess(judged), ['write']);
    assert.match(judged.causes.find((cause) => cause.certainty === 'unknown')?.why ?? '', /Deny/);
  });

  test('Deny NotResource covers everything outside the kept resources', () => {
    const judged = judge(
      policyOf(
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/secret/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::site/public/*' },
      ),
    );
    assert.deepEqual(judged.causes, []);
  });
});
