import type { AspectState, BucketPosture, DataEventsPosture, ExposureState } from '../core/posture/types';

/**
 * How a bucket reads at a glance: one mark per aspect, the compact description, and the badge.
 * Marks say whether the aspect is as it should be, not the raw AWS state: `good` for logging on,
 * data events recorded, and *not* public.
 */
export type AspectMark = 'good' | 'gap' | 'partial' | 'bad' | 'unknown';

export interface BucketMarks {
  logging: AspectMark;
  dataEvents: AspectMark;
  publicAccess: AspectMark;
}

export function bucketMarks(bucket: BucketPosture): BucketMarks {
  return {
    logging: bucket.logging.state === 'off' && bucket.logging.logBucketFor?.length ? 'good' : stateMark(bucket.logging.state),
    dataEvents: dataEventsMark(bucket.dataEvents),
    publicAccess: exposureMark(bucket.publicAccess.state),
  };
}

function stateMark(state: AspectState): AspectMark {
  return state === 'on' ? 'good' : state === 'off' ? 'gap' : 'unknown';
}

export function dataEventsMark(dataEvents: DataEventsPosture): AspectMark {
  const { read, write } = dataEvents;
  if (read === 'unknown' || write === 'unknown') return 'unknown';
  if (read === 'on' && write === 'on') return 'good';
  if (read === 'off' && write === 'off') return 'gap';
  return 'partial';
}

function exposureMark(state: ExposureState): AspectMark {
  return state === 'public' ? 'bad' : state === 'not-public' ? 'good' : 'unknown';
}

const SYMBOLS: Readonly<Record<AspectMark, string>> = { good: '✓', gap: '✗', partial: '◐', bad: '✗', unknown: '?' };

export function markSymbol(mark: AspectMark): string {
  return SYMBOLS[mark];
}

/** `log ✓ · data events ✗ · public ✓` (✓: as it should be; ✗: a gap, or public; ?: unknown). */
export function bucketDescription(bucket: BucketPosture | undefined, stale = false): string {
  const suffix = stale ? ' (cached)' : '';
  if (!bucket) return 'examining…';
  if (bucket.reason) return `not examined${suffix}`;
  const marks = bucketMarks(bucket);
  return `log ${markSymbol(marks.logging)} · data events ${markSymbol(marks.dataEvents)} · public ${markSymbol(marks.publicAccess)}${suffix}`;
}

export type BadgeTone = 'danger' | 'warning';

export interface BucketBadge {
  /** At most two characters, as VS Code shows them. */
  letters: string;
  tone: BadgeTone;
  summary: string;
}

/**
 * Red `P` when the bucket is public; otherwise yellow letters for each gap (`L` logging off, `D` data
 * events not fully recorded, `?` something unknown); no badge when all three are as they should be.
 */
export function bucketBadge(bucket: BucketPosture | undefined): BucketBadge | undefined {
  if (!bucket) return undefined;
  if (bucket.reason) return { letters: '?', tone: 'warning', summary: 'Not examined' };
  const marks = bucketMarks(bucket);
  if (marks.publicAccess === 'bad') return { letters: 'P', tone: 'danger', summary: 'Public' };
  const letters: string[] = [];
  const words: string[] = [];
  if (marks.logging === 'gap') {
    letters.push('L');
    words.push('no access logging');
  }
  if (marks.dataEvents === 'gap' || marks.dataEvents === 'partial') {
    letters.push('D');
    words.push(marks.dataEvents === 'gap' ? 'no data events' : 'data events partly recorded');
  }
  if (Object.values(marks).includes('unknown')) {
    letters.push('?');
    words.push('some settings unknown');
  }
  if (letters.length === 0) return undefined;
  return { letters: letters.slice(0, 2).join(''), tone: 'warning', summary: capitalise(words.join(', ')) };
}

/** "Problems only": a bucket is kept while it is still being examined, or when it has a badge. */
export function isShownWithProblemsOnly(bucket: BucketPosture | undefined): boolean {
  return bucket === undefined || bucketBadge(bucket) !== undefined;
}

/**
 * Order for "Sort by problems": public buckets first, then those with a gap, then those with
 * something unknown, then those still being examined, then the ones that are fine.
 */
export function problemRank(bucket: BucketPosture | undefined): number {
  if (!bucket) return 3;
  if (bucket.reason) return 2;
  const marks = bucketMarks(bucket);
  if (marks.publicAccess === 'bad') return 0;
  const values = Object.values(marks);
  if (values.includes('gap') || values.includes('partial')) return 1;
  return values.includes('unknown') ? 2 : 4;
}

export function loggingDescription(bucket: BucketPosture): string {
  const logging = bucket.logging;
  if (logging.state === 'unknown') return unknownDescription(logging.needs, logging.reason);
  if (logging.state === 'off' && logging.logBucketFor?.length) {
    return `off — log bucket of ${logging.logBucketFor.length} bucket${logging.logBucketFor.length === 1 ? '' : 's'} (exempt)`;
  }
  if (logging.state === 'off') return 'off';
  const target = logging.target ? ` → ${logging.target}/${logging.prefix ?? ''}` : '';
  return `on${target}${logging.toSelf ? ' (into itself)' : ''}`;
}

export function dataEventsDescription(bucket: BucketPosture): string {
  const dataEvents = bucket.dataEvents;
  if (dataEvents.read === 'unknown' && dataEvents.write === 'unknown') return unknownDescription(dataEvents.needs?.[0], dataEvents.reason);
  const trails = dataEvents.trails.map((trail) => trail.name);
  const by = trails.length > 0 ? ` · ${trails.join(', ')}` : '';
  return `read ${stateSymbol(dataEvents.read)} write ${stateSymbol(dataEvents.write)}${by}`;
}

export function publicAccessDescription(bucket: BucketPosture): string {
  const access = bucket.publicAccess;
  if (access.state === 'unknown') return unknownDescription(access.needs?.[0], access.reason);
  if (access.state === 'public') {
    const kinds = [
      access.read === 'public' ? 'read' : undefined,
      access.write === 'public' ? 'write' : undefined,
      access.permissions === 'public' ? 'permissions' : undefined,
    ].filter((kind): kind is string => kind !== undefined);
    return `public${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`;
  }
  const blocked = access.blockedBy && access.blockedBy.length > 0 ? ` · blocked by ${access.blockedBy.join(', ')}` : '';
  return `not public${blocked}`;
}

function stateSymbol(state: AspectState): string {
  return state === 'on' ? '✓' : state === 'off' ? '✗' : '?';
}

function unknownDescription(needs: string | undefined, reason: string | undefined): string {
  if (needs) return `unknown — needs ${needs}`;
  return reason ? `unknown — ${firstSentence(reason)}` : 'unknown';
}

function firstSentence(text: string): string {
  const end = text.search(/[.:](\s|$)/);
  return end > 0 ? text.slice(0, end) : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
