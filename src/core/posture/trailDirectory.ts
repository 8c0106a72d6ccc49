import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { AwsFailure, AwsResult } from '../aws/awsResult';
import type { PostureSession } from './postureSession';
import type { TrailSelectors } from './trailSelectors';
import type { TrailSummary } from './types';

export interface TrailRecord {
  name: string;
  arn: string;
  homeRegion: string;
  organization: boolean;
  multiRegion: boolean;
  isLogging: AwsResult<boolean>;
  selectors: AwsResult<TrailSelectors>;
}

export type RegionTrails = { ok: true; trails: TrailRecord[] } | { ok: false; failure: AwsFailure };

/**
 * CloudTrail read once per region, never per bucket. DescribeTrails with shadow trails lists every
 * trail that records events in that region (its own, multi-region and organization trails); each
 * trail's status and selectors are read once, by ARN, in the trail's home region.
 */
export class TrailDirectory {
  private readonly regions = new Map<string, Promise<RegionTrails>>();
  private readonly details = new Map<string, Promise<TrailRecord>>();

  constructor(private readonly session: PostureSession) {}

  forRegion(region: string): Promise<RegionTrails> {
    let pending = this.regions.get(region);
    if (!pending) {
      pending = this.describe(region);
      this.regions.set(region, pending);
    }
    return pending;
  }

  /** Every trail read so far, once each. */
  async summaries(): Promise<TrailSummary[]> {
    const records = await Promise.all(this.details.values());
    return records.map(summaryOf).sort((a, b) => a.arn.localeCompare(b.arn));
  }

  private async describe(region: string): Promise<RegionTrails> {
    const client = this.session.clients.cloudTrail(region);
    const listed = await this.session.call('cloudtrail:DescribeTrails', (abortSignal) =>
      client.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }),
    );
    if (!listed.ok) return { ok: false, failure: listed };
    const trails = (listed.value?.trailList ?? []).filter((trail): trail is Trail & { TrailARN: string } => typeof trail.TrailARN === 'string');
    const records = await Promise.all(trails.map((trail) => this.detailsOf(trail, region)));
    return { ok: true, trails: records };
  }

  private detailsOf(trail: Trail & { TrailARN: string }, seenIn: string): Promise<TrailRecord> {
    let pending = this.details.get(trail.TrailARN);
    if (!pending) {
      pending = this.read(trail, seenIn);
      this.details.set(trail.TrailARN, pending);
    }
    return pending;
  }

  private async read(trail: Trail & { TrailARN: string }, seenIn: string): Promise<TrailRecord> {
    const homeRegion = trail.HomeRegion ?? regionOfArn(trail.TrailARN) ?? seenIn;
    const client = this.session.clients.cloudTrail(homeRegion);
    const [status, selectors] = await Promise.all([
      this.session.call('cloudtrail:GetTrailStatus', (abortSignal) =>
        client.send(new GetTrailStatusCommand({ Name: trail.TrailARN }), { abortSignal }),
      ),
      this.session.call('cloudtrail:GetEventSelectors', (abortSignal) =>
        client.send(new GetEventSelectorsCommand({ TrailName: trail.TrailARN }), { abortSignal }),
      ),
    ]);
    return {
      name: trail.Name ?? trail.TrailARN,
      arn: trail.TrailARN,
      homeRegion,
      organization: trail.IsOrganizationTrail === true,
      multiRegion: trail.IsMultiRegionTrail === true,
      isLogging: status.ok ? { ok: true, value: status.value?.IsLogging === true } : status,
      selectors: selectors.ok
        ? {
            ok: true,
            value: {
              basic: selectors.value?.EventSelectors,
              advanced: selectors.value?.AdvancedEventSelectors,
            },
          }
        : selectors,
    };
  }
}

function regionOfArn(arn: string): string | undefined {
  const region = arn.split(':')[3];
  return region ? region : undefined;
}

function summaryOf(record: TrailRecord): TrailSummary {
  const needs: string[] = [];
  const reasons: string[] = [];
  if (!record.isLogging.ok) {
    if (record.isLogging.needs) needs.push(record.isLogging.needs);
    reasons.push(record.isLogging.message);
  }
  if (!record.selectors.ok) {
    if (record.selectors.needs) needs.push(record.selectors.needs);
    reasons.push(record.selectors.message);
  }
  const selectors = record.selectors.ok ? record.selectors.value : undefined;
  return {
    name: record.name,
    arn: record.arn,
    homeRegion: record.homeRegion,
    isLogging: record.isLogging.ok ? (record.isLogging.value ?? null) : null,
    organization: record.organization,
    multiRegion: record.multiRegion,
    selectors: !selectors ? 'unknown' : selectors.advanced && selectors.advanced.length > 0 ? 'advanced' : 'basic',
    ...(reasons.length > 0 ? { reason: reasons.join(' ') } : {}),
    ...(needs.length > 0 ? { needs } : {}),
  };
}
