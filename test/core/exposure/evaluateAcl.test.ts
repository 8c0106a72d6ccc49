import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AclPermission } from '../../../src/core/model/bucket';
import { evaluateAcl } from '../../../src/core/exposure/evaluateAcl';
import { aclGrant, cannedAcl, declared, grantsAcl, known, unresolved } from './exposureTestHelpers';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

const aclResource = () => declared('aws_s3_bucket_acl.site', 'aws_s3_bucket_acl', ['aws_s3_bucket.site']);

describe('evaluateAcl: canned ACLs', () => {
  const publicCases: Array<[string, string[]]> = [
    ['public-read', ['read']],
    ['public-read-write', ['read', 'write']],
    ['authenticated-read', ['read']],
    ['PublicRead', ['read']],
    ['PublicReadWrite', ['read', 'write']],
    ['AuthenticatedRead', ['read']],
  ];
  for (const [value, access] of publicCases) {
    test(`${value} is public ${access.join('+')}, pointing at the canned ACL`, () => {
      const acl = cannedAcl(aclResource(), value);
      const causes = evaluateAcl(acl);
      assert.equal(causes.length, 1);
      assert.equal(causes[0].source, 'acl');
      assert.equal(causes[0].certainty, 'public');
      assert.deepEqual(causes[0].access, access);
      assert.equal(causes[0].loc, acl.canned?.loc);
      assert.equal(causes[0].statementLoc, acl.resource.loc);
      assert.equal(causes[0].acl, acl);
      assert.equal(causes[0].resourceAddress, 'aws_s3_bucket_acl.site');
    });
  }

  test('authenticated-read says that any AWS account can read', () => {
    assert.match(evaluateAcl(cannedAcl(aclResource(), 'authenticated-read'))[0].why, /any AWS account/);
  });

  for (const value of ['private', 'bucket-owner-full-control', 'log-delivery-write', 'aws-exec-read', 'bucket-owner-read', 'LogDeliveryWrite', 'Private']) {
    test(`${value} is not public`, () => {
      assert.deepEqual(evaluateAcl(cannedAcl(aclResource(), value)), []);
    });
  }

  test('an unresolved canned ACL is unknown', () => {
    const causes = evaluateAcl(cannedAcl(aclResource(), 'unresolved'));
    assert.equal(causes[0].certainty, 'unknown');
    assert.deepEqual(causes[0].access, ['read', 'write']);
  });

  test('a canned value S3 does not know is unknown', () => {
    const causes = evaluateAcl(cannedAcl(aclResource(), 'public-reed'));
    assert.equal(causes[0].certainty, 'unknown');
  });
});

describe('evaluateAcl: grants', () => {
  const permissionCases: Array<[AclPermission, string[]]> = [
    ['READ', ['read']],
    ['WRITE', ['write']],
    ['READ_ACP', ['read']],
    ['WRITE_ACP', ['permissions']],
    ['FULL_CONTROL', ['read', 'write', 'permissions']],
  ];
  for (const [permission, access] of permissionCases) {
    test(`${permission} to AllUsers is public ${access.join('+')}, pointing at the grantee`, () => {
      const grant = aclGrant(known({ type: 'Group', uri: ALL_USERS }), known(permission));
      const acl = grantsAcl(aclResource(), [grant]);
      const [cause] = evaluateAcl(acl);
      assert.equal(cause.certainty, 'public');
      assert.deepEqual(cause.access, access);
      assert.deepEqual(cause.grantedBy, [permission]);
      assert.equal(cause.loc, grant.granteeLoc);
      assert.equal(cause.statementLoc, grant.loc);
      assert.equal(cause.grant, grant);
    });
  }

  test('AuthenticatedUsers is public too', () => {
    const [cause] = evaluateAcl(grantsAcl(aclResource(), [aclGrant(known({ type: 'Group', uri: AUTHENTICATED_USERS }), known('READ'))]));
    assert.equal(cause.certainty, 'public');
    assert.match(cause.why, /any AWS account/);
  });

  test('group URIs are compared without regard to case, scheme or a trailing slash', () => {
    const uri = 'https://acs.amazonaws.com/groups/global/allusers/';
    assert.equal(evaluateAcl(grantsAcl(aclResource(), [aclGrant(known({ type: 'Group', uri }), known('READ'))])).length, 1);
  });

  test('LogDelivery, canonical users and e-mail grantees are not public', () => {
    const grants = [
      aclGrant(known({ type: 'Group', uri: LOG_DELIVERY }), known('WRITE')),
      aclGrant(known({ type: 'CanonicalUser', id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }), known('FULL_CONTROL')),
      aclGrant(known({ type: 'AmazonCustomerByEmail', email: 'a@example.com' }), known('READ')),
    ];
    assert.deepEqual(evaluateAcl(grantsAcl(aclResource(), grants)), []);
  });

  test('an unresolved grantee is unknown for what the permission grants', () => {
    const [cause] = evaluateAcl(grantsAcl(aclResource(), [aclGrant(unresolved(), known('WRITE'))]));
    assert.equal(cause.certainty, 'unknown');
    assert.deepEqual(cause.access, ['write']);
  });

  test('an unresolved permission to AllUsers is unknown for everything', () => {
    const [cause] = evaluateAcl(grantsAcl(aclResource(), [aclGrant(known({ type: 'Group', uri: ALL_USERS }), unresolved())]));
    assert.equal(cause.certainty, 'unknown');
    assert.deepEqual(cause.access, ['read', 'write', 'permissions']);
  });

  test('a canned ACL and grants are judged together', () => {
    const acl = { ...cannedAcl(aclResource(), 'public-read'), grants: [aclGrant(known({ type: 'Group', uri: ALL_USERS }), known('WRITE'))] };
    assert.deepEqual(evaluateAcl(acl).map((cause) => cause.access), [['read'], ['write']]);
  });
});
