import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AwsResult } from '../../../src/core/aws/awsResult';
import { dataEventsOf } from '../../../src/core/posture/dataEvents';
import type { TrailRecord } from '../../../src/core/posture/trailDirectory';
import type { TrailSelectors } from '../../../src/core/posture/trailSelectors';

const everything: TrailSelectors = { basic: [{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] };
const denied = (needs: string): AwsResult<never> => ({ ok: false, kind: 'denied', needs, message: `Access denied: the credentials lack ${needs}.` });

function trail(name: string, isLogging: AwsResult<boolean>, selectors: AwsResult<TrailSelectors>): TrailRecord {
  return { name, arn: `arn:aws:cloudtrail:us-east-1:123456789012:trail/${name}`, homeRegion: 'us-east-1', organization: false, multiRegion: true, isLogging, selectors };
}

describe('dataEventsOf', () => {
  test('a logging trail covering the bucket wins over a stopped one', () => {
    const result = dataEventsOf('b', { ok: true, trails: [trail('stopped', { ok: true, value: false }, { ok: true, value: everything }), trail('live', { ok: true, value: true }, { ok: true, value: everything })] }, 'aws');
    assert.equal(result.read, 'on');
    assert.equal(result.write, 'on');
    assert.deepEqual(result.trails.map((coverage) => [coverage.name, coverage.isLogging]), [['stopped', false], ['live', true]]);
  });

  test('status unreadable on the only covering trail → unknown naming cloudtrail:GetTrailStatus', () => {
    const result = dataEventsOf('b', { ok: true, trails: [trail('t', denied('cloudtrail:GetTrailStatus'), { ok: true, value: everything })] }, 'aws');
    assert.equal(result.read, 'unknown');
    assert.deepEqual(result.needs, ['cloudtrail:GetTrailStatus']);
    assert.match(result.reason ?? '', /status could not be read/);
  });

  test('selectors unreadable on a stopped trail do not matter: off', () => {
    const result = dataEventsOf('b', { ok: true, trails: [trail('t', { ok: true, value: false }, denied('cloudtrail:GetEventSelectors'))] }, 'aws');
    assert.equal(result.read, 'off');
    assert.equal(result.write, 'off');
  });

  test('only part of the bucket recorded: on, with the reason saying so', () => {
    const prefixOnly: TrailSelectors = { basic: [{ ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::b/uploads/'] }] }] };
    const result = dataEventsOf('b', { ok: true, trails: [trail('t', { ok: true, value: true }, { ok: true, value: prefixOnly })] }, 'aws');
    assert.equal(result.write, 'on');
    assert.equal(result.read, 'off');
    assert.equal(result.trails[0]?.scope, 'some-objects');
    assert.match(result.reason ?? '', /Only some write data events/);
  });

  test('selectors in a shape AWS never sends are undecided, not a crash', () => {
    const odd = { advanced: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: 'Data' as unknown as string[] }] }] };
    const result = dataEventsOf('b', { ok: true, trails: [trail('t', { ok: true, value: true }, { ok: true, value: odd })] }, 'aws');
    assert.equal(result.read, 'unknown');
    assert.equal(result.write, 'unknown');
  });

  test('trails not listable → unknown naming cloudtrail:DescribeTrails', () => {
    const result = dataEventsOf('b', { ok: false, failure: { ok: false, kind: 'denied', needs: 'cloudtrail:DescribeTrails', message: 'denied' } }, 'aws');
    assert.deepEqual([result.read, result.write, result.needs], ['unknown', 'unknown', ['cloudtrail:DescribeTrails']]);
  });
});
