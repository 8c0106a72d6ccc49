import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseIpRange, isTooBroadForAws } from '../../../src/core/policy/cidr';
import { globMatches } from '../../../src/core/policy/globAutomaton';
import { literalPattern, parseIamWildcard } from '../../../src/core/policy/globPattern';
import { patternsCover, patternsIntersect } from '../../../src/core/policy/globSetQuestions';

const glob = parseIamWildcard;

describe('IAM wildcard patterns', () => {
  test('* spans any run (including /), ? one character', () => {
    assert.equal(globMatches(glob('arn:aws:s3:::b/*'), 'arn:aws:s3:::b/a/b/c'), true);
    assert.equal(globMatches(glob('arn:aws:s3:::b/*'), 'arn:aws:s3:::b'), false);
    assert.equal(globMatches(glob('s3:Get?bject'), 's3:GetObject'), true);
    assert.equal(globMatches(glob('s3:Get?bject'), 's3:Getbject'), false);
  });

  test('${…} stands for one segment without /', () => {
    assert.equal(globMatches(glob('${?}/*'), 'arn:aws:s3:::b/key'), true);
    assert.equal(globMatches(glob('arn:aws:s3:::b/${aws:username}/x'), 'arn:aws:s3:::b/alice/x'), true);
    assert.equal(globMatches(glob('arn:aws:s3:::b/${aws:username}/x'), 'arn:aws:s3:::b/a/b/x'), false);
  });

  test('intersection asks whether some string matches all patterns', () => {
    assert.equal(patternsIntersect([glob('arn:aws:s3:::b*'), glob('*/key')]), 'yes');
    assert.equal(patternsIntersect([glob('arn:aws:s3:::a/*'), glob('arn:aws:s3:::b/*')]), 'no');
  });

  test('cover asks whether a union of patterns holds every string of an intersection', () => {
    assert.equal(patternsCover([glob('arn:aws:s3:::b/public/*')], [glob('arn:aws:s3:::b/*')]), 'yes');
    assert.equal(patternsCover([glob('arn:aws:s3:::b/*')], [glob('arn:aws:s3:::b/public/*')]), 'no');
    assert.equal(patternsCover([glob('*'), glob('arn:aws:s3:::b/*')], [glob('arn:aws:s3:::b/*')]), 'yes');
    assert.equal(patternsCover([glob('arn:aws:s3:::b/?')], [glob('arn:aws:s3:::b/a'), glob('arn:aws:s3:::b/*')]), 'yes');
  });

  test('matching agrees with a regular-expression reading of the same pattern', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', ':');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '/', '*', '?'), maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 8 }), (pattern, text) => {
        const regex = new RegExp(`^${pattern.replace(/[*?]/g, (char) => (char === '*' ? '.*' : '.'))}$`, 's');
        assert.equal(globMatches(glob(pattern), text), regex.test(text));
        if (regex.test(text)) assert.equal(patternsIntersect([glob(pattern), literalPattern(text)]), 'yes');
      }),
      { numRuns: 500 },
    );
  });
});

describe('aws:SourceIp ranges', () => {
  test('parses IPv4, IPv6 and bare addresses', () => {
    assert.deepEqual(parseIpRange('203.0.113.0/24'), { version: 4, prefixLength: 24 });
    assert.deepEqual(parseIpRange('203.0.113.7'), { version: 4, prefixLength: 32 });
    assert.deepEqual(parseIpRange('2001:db8::/32'), { version: 6, prefixLength: 32 });
    assert.deepEqual(parseIpRange('::ffff:192.0.2.1/128'), { version: 6, prefixLength: 128 });
    assert.equal(parseIpRange('300.0.0.0/8'), undefined);
    assert.equal(parseIpRange('10.0.0.0/33'), undefined);
    assert.equal(parseIpRange('1:2:3:4:5:6:7:8:9'), undefined);
  });

  test('AWS counts ranges broader than /8 (IPv4) or /32 (IPv6) as public', () => {
    assert.equal(isTooBroadForAws({ version: 4, prefixLength: 7 }), true);
    assert.equal(isTooBroadForAws({ version: 4, prefixLength: 8 }), false);
    assert.equal(isTooBroadForAws({ version: 6, prefixLength: 31 }), true);
    assert.equal(isTooBroadForAws({ version: 6, prefixLength: 32 }), false);
  });
});
