import type { AccountPosture, BucketPosture } from './types';

/**
 * Exports of a collected posture. Bucket names, trail names, Sids, key ids and AWS messages are
 * data: every renderer escapes them for its format, so a name cannot break a table, start a
 * spreadsheet formula or inject markup.
 */

/** The CLI's `posture --format json` contract: the AccountPosture itself, pretty-printed. */
export function postureToJson(posture: AccountPosture): string {
  return `${JSON.stringify(posture, null, 2)}\n`;
}

export const POSTURE_CSV_COLUMNS = [
  'account',
  'bucket',
  'region',
  'source',
  'public_access',
  'public_read',
  'public_write',
  'public_permissions',
  'blocked_by',
  'bucket_block_public_access',
  'account_block_public_access',
  'object_ownership',
  'logging',
  'logging_target',
  'logging_prefix',
  'logging_to_self',
  'data_events_read',
  'data_events_write',
  'data_event_trails',
  'encryption',
  'encryption_algorithm',
  'kms_key_id',
  'request_metrics',
  'needs',
  'reasons',
] as const;

/** One row per bucket (RFC 4180; cells that a spreadsheet would run as a formula are defused). */
export function postureToCsv(posture: AccountPosture): string {
  const rows = [POSTURE_CSV_COLUMNS.join(',')];
  for (const bucket of posture.buckets) {
    const cells: Record<(typeof POSTURE_CSV_COLUMNS)[number], string> = {
      account: bucket.account ?? '',
      bucket: bucket.name,
      region: bucket.region ?? '',
      source: bucket.source,
      public_access: bucket.publicAccess.state,
      public_read: bucket.publicAccess.read,
      public_write: bucket.publicAccess.write,
      public_permissions: bucket.publicAccess.permissions,
      blocked_by: (bucket.publicAccess.blockedBy ?? []).join('; '),
      bucket_block_public_access: bucket.publicAccess.settings.bucketBlockPublicAccess.state,
      account_block_public_access: bucket.publicAccess.settings.accountBlockPublicAccess.state,
      object_ownership: bucket.publicAccess.settings.objectOwnership,
      logging: bucket.logging.state,
      logging_target: bucket.logging.target ?? '',
      logging_prefix: bucket.logging.prefix ?? '',
      logging_to_self: bucket.logging.toSelf ? 'yes' : '',
      data_events_read: bucket.dataEvents.read,
      data_events_write: bucket.dataEvents.write,
      data_event_trails: bucket.dataEvents.trails.map((trail) => trail.name).join('; '),
      encryption: bucket.encryption.state,
      encryption_algorithm: bucket.encryption.algorithm ?? '',
      kms_key_id: bucket.encryption.kmsKeyId ?? '',
      request_metrics: bucket.requestMetrics.state,
      needs: needsOf(bucket).join('; '),
      reasons: reasonsOf(bucket).join(' | '),
    };
    rows.push(POSTURE_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  // A leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell (OWASP "CSV injection").
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) || defused !== value ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** A report: a summary, one table row per bucket, then what could not be read and why. */
export function postureToMarkdown(posture: AccountPosture): string {
  const lines: string[] = [];
  const account = posture.account ? `${posture.account}${posture.alias ? ` (${posture.alias})` : ''}` : 'unknown account';
  lines.push(`# S3 security posture: ${markdownText(account)}`, '');
  lines.push(`Collected ${markdownText(posture.collectedAt)}${posture.profile ? ` with profile ${markdownCode(posture.profile)}` : ''}.`, '');
  const count = (predicate: (bucket: BucketPosture) => boolean): number => posture.buckets.filter(predicate).length;
  lines.push(
    `- Buckets: ${posture.buckets.length}${posture.listing.complete ? '' : ` (listing incomplete: ${markdownText(posture.listing.reason ?? 'unknown reason')})`}`,
    `- Public: ${count((bucket) => bucket.publicAccess.state === 'public')}, undecided: ${count((bucket) => bucket.publicAccess.state === 'unknown')}`,
    `- Server access logging off: ${count((bucket) => bucket.logging.state === 'off')}, unknown: ${count((bucket) => bucket.logging.state === 'unknown')}`,
    `- Account Block Public Access: ${posture.accountBlockPublicAccess.state}`,
    '',
  );
  for (const problem of posture.problems) lines.push(`> **${markdownText(problem.kind)}**: ${markdownText(problem.message)}`, '');
  lines.push(
    '| Bucket | Region | Public access | Blocked by | Logging | Data events (read / write) | Encryption | Request metrics |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const bucket of posture.buckets) {
    const publicAccess = bucket.publicAccess.state === 'public'
      ? `public (read ${bucket.publicAccess.read}, write ${bucket.publicAccess.write})`
      : bucket.publicAccess.state;
    const logging = bucket.logging.state === 'on'
      ? `on → ${markdownCode(bucket.logging.target ?? '', true)}${bucket.logging.toSelf ? ' (to itself)' : ''}`
      : bucket.logging.state;
    const encryption = bucket.encryption.state === 'on' ? `${bucket.encryption.state} (${markdownText(bucket.encryption.algorithm ?? '')})` : bucket.encryption.state;
    lines.push(
      `| ${[
        markdownCode(bucket.name, true),
        markdownText(bucket.region ?? 'unknown'),
        publicAccess,
        markdownText((bucket.publicAccess.blockedBy ?? []).join(', ')),
        logging,
        `${bucket.dataEvents.read} / ${bucket.dataEvents.write}`,
        encryption,
        bucket.requestMetrics.state,
      ].join(' | ')} |`,
    );
  }
  const undecided = posture.buckets.filter((bucket) => needsOf(bucket).length > 0 || reasonsOf(bucket).length > 0);
  if (undecided.length > 0) {
    lines.push('', '## Unknowns and why', '');
    for (const bucket of undecided) {
      const needs = needsOf(bucket);
      lines.push(`- ${markdownCode(bucket.name)}: ${reasonsOf(bucket).map(markdownText).join(' ')}${needs.length > 0 ? ` Needs ${needs.map((need) => markdownCode(need)).join(', ')}.` : ''}`);
    }
  }
  const evidenceBuckets = posture.buckets.filter((bucket) => bucket.publicAccess.evidence.length > 0);
  if (evidenceBuckets.length > 0) {
    lines.push('', '## Public access evidence', '');
    for (const bucket of evidenceBuckets) {
      lines.push(`### ${markdownCode(bucket.name)}`, '');
      for (const item of bucket.publicAccess.evidence) {
        const sid = item.sid ? ` (Sid ${markdownCode(item.sid)})` : '';
        const blocked = item.blockedBy ? ` Blocked by ${markdownText(item.blockedBy)}.` : '';
        lines.push(`- ${markdownText(item.text)}${sid}${blocked}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function needsOf(bucket: BucketPosture): string[] {
  const needs = new Set<string>();
  const add = (value: string | string[] | undefined): void => {
    for (const need of Array.isArray(value) ? value : value ? [value] : []) needs.add(need);
  };
  add(bucket.logging.needs);
  add(bucket.dataEvents.needs);
  add(bucket.publicAccess.needs);
  add(bucket.encryption.needs);
  add(bucket.requestMetrics.needs);
  return [...needs];
}

function reasonsOf(bucket: BucketPosture): string[] {
  const reasons: string[] = [];
  if (bucket.reason) return [bucket.reason];
  const add = (aspect: string, state: string, reason: string | undefined): void => {
    if (state === 'unknown' && reason) reasons.push(`${aspect}: ${reason}`);
  };
  add('Logging', bucket.logging.state, bucket.logging.reason);
  add('Data events', bucket.dataEvents.read === 'unknown' || bucket.dataEvents.write === 'unknown' ? 'unknown' : 'known', bucket.dataEvents.reason);
  add('Public access', bucket.publicAccess.state, bucket.publicAccess.reason);
  add('Encryption', bucket.encryption.state, bucket.encryption.reason);
  add('Request metrics', bucket.requestMetrics.state, bucket.requestMetrics.reason);
  return reasons;
}

/** Plain text inside Markdown: no markup, no HTML, no table breaks, one line. */
export function markdownText(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // At the start of a line these would begin a heading, a list or a quote.
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A name shown as code: backticks in it are matched by a longer fence; in a table cell, pipes are escaped. */
export function markdownCode(value: string, inTable = false): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = oneLine.startsWith('`') || oneLine.endsWith('`') ? ` ${oneLine} ` : oneLine;
  return `${fence}${inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}
