import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowStatement, judge, publicAccess, textAt } from './policyTestHelpers';

/**
 * The keys AWS lists in "The meaning of public" (plus the organization / VPC-endpoint perimeter
 * keys), each with a realistic fixed value. Written out here, independent of the engine's table.
 */
const FIXED_EXAMPLES: Array<{ key: string; operator: string; value: string }> = [
  { key: 'aws:SourceIp', operator: 'IpAddress', value: '203.0.113.0/24' },
  { key: 'aws:SourceVpc', operator: 'StringEquals', value: 'vpc-91237329' },
  { key: 'aws:SourceVpce', operator: 'StringEquals', value: 'vpce-1a2b3c4d' },
  { key: 'aws:SourceArn', operator: 'ArnEquals', value: 'arn:aws:cloudfront::111111111111:distribution/EDFDVBD6EXAMPLE' },
  { key: 'aws:SourceAccount', operator: 'StringEquals', value: '111111111111' },
  { key: 'aws:SourceOwner', operator: 'StringEquals', value: '111111111111' },
  { key: 'aws:SourceOrgID', operator: 'StringEquals', value: 'o-a1b2c3d4e5' },
  { key: 'aws:SourceOrgPaths', operator: 'StringEquals', value: 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/' },
  { key: 'aws:PrincipalOrgID', operator: 'StringEquals', value: 'o-a1b2c3d4e5' },
  { key: 'aws:PrincipalOrgPaths', operator: 'ForAnyValue:StringEquals', value: 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/' },
  { key: 'aws:PrincipalAccount', operator: 'StringEquals', value: '111111111111' },
  { key: 'aws:PrincipalArn', operator: 'ArnEquals', value: 'arn:aws:iam::111111111111:role/reader' },
  { key: 'aws:userid', operator: 'StringEquals', value: 'AIDAJQABLZS4A3QDU576Q' },
  { key: 's3:DataAccessPointArn', operator: 'StringEquals', value: 'arn:aws:s3:us-west-2:111111111111:accesspoint/reports' },
  { key: 's3:DataAccessPointAccount', operator: 'StringEquals', value: '111111111111' },
  { key: 'aws:VpceAccount', operator: 'StringEquals', value: '111111111111' },
  { key: 'aws:VpceOrgID', operator: 'StringEquals', value: 'o-a1b2c3d4e5' },
  { key: 'aws:VpceOrgPaths', operator: 'ForAnyValue:StringEquals', value: 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/' },
  { key: 's3:x-amz-server-side-encryption-aws-kms-key-id', operator: 'StringEquals', value: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
];

function publicWith(condition: unknown): string[] {
  return publicAccess(judge(allowStatement({ action: 's3:PutObject', resource: '*', condition })));
}

describe('evaluateBucketPolicy: conditions that make a public principal non-public', () => {
  test('without a condition the statement is public (baseline)', () => {
    assert.deepEqual(publicWith(undefined), ['write']);
  });

  for (const { key, operator, value } of FIXED_EXAMPLES) {
    test(`a fixed ${key} (${operator}) restricts it`, () => {
      assert.deepEqual(publicWith({ [operator]: { [key]: value } }), []);
    });
  }

  test('StringLike without wildcards fixes the value like StringEquals', () => {
    assert.deepEqual(publicWith({ StringLike: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), []);
  });

  test('ArnLike without wildcards fixes aws:SourceArn', () => {
    assert.deepEqual(publicWith({ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111111111111:topic' } }), []);
  });

  test('StringEqualsIgnoreCase fixes the value', () => {
    assert.deepEqual(publicWith({ StringEqualsIgnoreCase: { 'aws:SourceVpc': 'VPC-91237329' } }), []);
  });

  test('a list of fixed values still restricts', () => {
    assert.deepEqual(publicWith({ StringEquals: { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } }), []);
  });

  test('key and operator names are case-insensitive (aws:sourcevpce, stringequals)', () => {
    assert.deepEqual(publicWith({ stringequals: { 'AWS:SOURCEVPCE': 'vpce-1a2b3c4d' } }), []);
    assert.deepEqual(publicWith({ IPADDRESS: { 'aws:sourceip': '192.0.2.0/24' } }), []);
  });

  test('one restricting key among others restricts the whole statement (conditions are ANDed)', () => {
    assert.deepEqual(
      publicWith({ StringLike: { 'aws:Referer': 'https://example.com/*' }, StringEquals: { 'aws:SourceVpce': 'vpce-1' } }),
      [],
    );
  });

  test('a role unique id with :* (every session of one role) is a fixed aws:userid', () => {
    assert.deepEqual(publicWith({ StringLike: { 'aws:userid': 'AROAEXAMPLEID:*' } }), []);
  });

  test('an access point ARN with a wildcard name but a fixed account is fixed (AWS note on s3:DataAccessPointArn)', () => {
    assert.deepEqual(publicWith({ StringLike: { 's3:DataAccessPointArn': 'arn:aws:s3:us-west-2:111111111111:accesspoint/*' } }), []);
  });

  test('an organization path ending in /* (every account below one OU) restricts', () => {
    assert.deepEqual(publicWith({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } }), []);
  });

  test('IPv4 /8 and IPv6 /32 are the broadest ranges that still count as restricted', () => {
    assert.deepEqual(publicWith({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), []);
    assert.deepEqual(publicWith({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }), []);
    assert.deepEqual(publicWith({ IpAddress: { 'aws:SourceIp': '198.51.100.7' } }), []);
  });
});

describe('evaluateBucketPolicy: conditions that do not restrict who can call', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['StringEqualsIfExists (requests without the key pass)', { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } }, /IfExists/],
    ['a negated operator (StringNotEquals)', { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } }, /except the listed/],
    ['ArnNotEquals', { ArnNotEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111111111111:topic' } }, /except the listed/],
    ['NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, /except the listed/],
    ['StringLike with a wildcard (AWS example vpc-*)', { StringLike: { 'aws:SourceVpc': 'vpc-*' } }, /wildcard/],
    ['StringEquals with a ? wildcard', { StringEquals: { 'aws:SourceVpce': 'vpce-?' } }, /wildcard/],
    ['ArnLike with a wildcard account', { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:us-east-1:*:alarm:*' } }, /wildcard/],
    ['a policy variable', { StringEquals: { 'aws:PrincipalAccount': '${aws:ResourceAccount}' } }, /policy variable/],
    ['0.0.0.0/0', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, /broader than \/8/],
    ['a /7 IPv4 range', { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '10.0.0.0/7'] } }, /broader than \/8/],
    ['a /31 IPv6 range', { IpAddress: { 'aws:SourceIp': '2001:db8::/31' } }, /broader than \/32/],
    ['aws:Referer (anyone can send the header)', { StringLike: { 'aws:Referer': 'https://www.example.com/*' } }, /Referer/],
    ['aws:UserAgent', { StringEquals: { 'aws:UserAgent': 'internal-client' } }, /UserAgent/],
    ['aws:SecureTransport', { Bool: { 'aws:SecureTransport': 'true' } }, /SecureTransport/],
    ['s3:prefix', { StringEquals: { 's3:prefix': 'public/' } }, /prefix/],
    ['ForAllValues (true when the key is absent)', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgPaths': 'o-a1b2c3d4e5/r-ab12/' } }, /ForAllValues/],
    ['Null (only requires the key to exist)', { Null: { 'aws:SourceVpce': 'false' } }, /does not pin/],
    ['a full wildcard org path', { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-*' } }, /wildcard/],
    ['aws:userid as a bare wildcard', { StringLike: { 'aws:userid': '*' } }, /wildcard/],
    ['an access point ARN with a wildcard account', { StringLike: { 's3:DataAccessPointArn': 'arn:aws:s3:us-west-2:*:accesspoint/*' } }, /wildcard/],
  ];
  for (const [label, condition, why] of cases) {
    test(`${label} leaves it public and says why`, () => {
      const judged = judge(allowStatement({ action: 's3:PutObject', resource: '*', condition }));
      assert.deepEqual(publicAccess(judged), ['write']);
      assert.match(judged.causes[0].why, why);
    });
  }

  test('an IP value that is not an address is undecided, not a guess', () => {
    const judged = judge(allowStatement({ condition: { IpAddress: { 'aws:SourceIp': 'not-an-ip' } } }));
    assert.deepEqual(publicAccess(judged), []);
    assert.equal(judged.causes[0].certainty, 'unknown');
  });

  test('the squiggle stays on the principal when a weak condition is the reason', () => {
    const text = allowStatement({ condition: { StringLike: { 'aws:Referer': 'https://x/*' } } });
    assert.equal(textAt(text, judge(text).causes[0].loc), '"*"');
  });
});
