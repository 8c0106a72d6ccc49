import type { RegionTrails, TrailRecord } from './trailDirectory';
import { trailSelectorCoverage, type Coverage } from './trailSelectors';
import type { AspectState, DataEventsPosture, TrailCoverage } from './types';

type Access = 'read' | 'write';

interface Candidate {
  record: TrailRecord;
  read: Coverage;
  write: Coverage;
  description: string;
  /** null: unknown. */
  isLogging: boolean | null;
}

/**
 * A bucket's S3 data events from the trails that record its region. Only a trail that is logging
 * counts as "on"; a matching trail that is stopped is evidence ("configured but not logging"), and a
 * trail whose status or selectors could not be read keeps the answer "unknown", never "off".
 */
export function dataEventsOf(bucket: string, regionTrails: RegionTrails, partition: string): DataEventsPosture {
  if (!regionTrails.ok) {
    return {
      read: 'unknown',
      write: 'unknown',
      trails: [],
      reason: `The trails could not be listed: ${regionTrails.failure.message}`,
      ...(regionTrails.failure.kind === 'denied' && regionTrails.failure.needs ? { needs: [regionTrails.failure.needs] } : {}),
    };
  }
  const candidates: Candidate[] = regionTrails.trails.map((record) => {
    const selectors = record.selectors.ok ? record.selectors.value : undefined;
    const coverage = selectors
      ? coverageOrUnknown(() => trailSelectorCoverage(selectors, bucket, partition))
      : { read: 'unknown' as Coverage, write: 'unknown' as Coverage, description: 'selectors not readable' };
    return {
      record,
      ...coverage,
      isLogging: record.isLogging.ok ? record.isLogging.value === true : null,
    };
  });

  const needs = new Set<string>();
  const evidence: string[] = [];
  const reasons: string[] = [];
  const stateFor = (access: Access): AspectState => {
    const covering = candidates.filter((candidate) => candidate[access] === 'all' || candidate[access] === 'some');
    if (covering.some((candidate) => candidate.isLogging === true)) return 'on';
    const undecided = candidates.filter(
      (candidate) =>
        (candidate.isLogging === null && candidate[access] !== 'none') || (candidate.isLogging !== false && candidate[access] === 'unknown'),
    );
    if (undecided.length > 0) {
      for (const candidate of undecided) {
        for (const result of [candidate.record.isLogging, candidate.record.selectors]) {
          if (!result.ok && result.kind === 'denied' && result.needs) needs.add(result.needs);
        }
        reasons.push(`Trail ${candidate.record.name}: ${undecidedWhy(candidate)}`);
      }
      return 'unknown';
    }
    return 'off';
  };
  const read = stateFor('read');
  const write = stateFor('write');

  for (const candidate of candidates) {
    const covers = (['read', 'write'] as Access[]).filter((access) => candidate[access] === 'all' || candidate[access] === 'some');
    if (candidate.isLogging === false && covers.length > 0) {
      evidence.push(`Trail ${candidate.record.name} is configured for ${covers.join(' and ')} data events of this bucket but is not logging.`);
    }
  }
  const partial = (['read', 'write'] as Access[]).filter(
    (access) =>
      (access === 'read' ? read : write) === 'on' &&
      !candidates.some((candidate) => candidate.isLogging === true && candidate[access] === 'all'),
  );
  if (partial.length > 0) reasons.push(`Only some ${partial.join(' and ')} data events of this bucket are recorded (the selectors name part of it).`);

  const trails: TrailCoverage[] = candidates
    .filter((candidate) => candidate.read !== 'none' || candidate.write !== 'none')
    .map((candidate) => ({
      name: candidate.record.name,
      arn: candidate.record.arn,
      homeRegion: candidate.record.homeRegion,
      isLogging: candidate.isLogging,
      organization: candidate.record.organization,
      multiRegion: candidate.record.multiRegion,
      read: candidate.read === 'all' || candidate.read === 'some',
      write: candidate.write === 'all' || candidate.write === 'some',
      scope: candidate.read === 'all' || candidate.write === 'all' ? 'whole-bucket' : 'some-objects',
      selector: candidate.description,
    }));
  if (candidates.length === 0) evidence.push('No trail records events in this region.');

  return {
    read,
    write,
    trails,
    ...(reasons.length > 0 ? { reason: [...new Set(reasons)].join(' ') } : {}),
    ...(evidence.length > 0 ? { evidence } : {}),
    ...(needs.size > 0 ? { needs: [...needs] } : {}),
  };
}

/** Selectors shaped unlike AWS's (an S3-compatible endpoint) are undecided, never a crash. */
function coverageOrUnknown(compute: () => { read: Coverage; write: Coverage; description: string }): { read: Coverage; write: Coverage; description: string } {
  try {
    return compute();
  } catch {
    return { read: 'unknown', write: 'unknown', description: 'selectors in an unexpected shape' };
  }
}

function undecidedWhy(candidate: Candidate): string {
  const parts: string[] = [];
  if (!candidate.record.isLogging.ok) parts.push(`its status could not be read (${candidate.record.isLogging.message})`);
  if (!candidate.record.selectors.ok) parts.push(`its event selectors could not be read (${candidate.record.selectors.message})`);
  else if (candidate.read === 'unknown' || candidate.write === 'unknown') parts.push(`its selectors use fields whose effect on this bucket cannot be decided (${candidate.description})`);
  return parts.join('; ') || 'undecided';
}
