import type { AccountPosture, BucketPosture, PostureProblem } from '../core/posture/types';
import { dataEventsDescription, loggingDescription, publicAccessDescription } from './bucketPresentation';
import { escapeMarkdown as md } from './markdownEscape';

/**
 * Markdown tooltips with the evidence behind each state. Every value that came from AWS goes through
 * `escapeMarkdown`; the tooltips are rendered untrusted, so nothing in them can run a command.
 */

export function bucketTooltip(bucket: BucketPosture, stale: boolean, collectedAt?: string): string {
  const lines = [`**${md(bucket.name)}**${bucket.region ? ` · ${md(bucket.region)}` : ''}${bucket.source === 'added' ? ' · added by name' : ''}`, ''];
  if (bucket.reason) lines.push(md(bucket.reason), '');
  else {
    lines.push(`- Logging: ${md(loggingDescription(bucket))}`);
    lines.push(`- Data events: ${md(dataEventsDescription(bucket))}`);
    lines.push(`- Public access: ${md(publicAccessDescription(bucket))}`);
    lines.push('');
  }
  if (stale && collectedAt) lines.push(`_Cached from ${md(collectedAt)}; refresh to read it again._`);
  return lines.join('\n').trimEnd();
}

export function loggingTooltip(bucket: BucketPosture): string {
  const logging = bucket.logging;
  const lines = [`**Server access logging: ${logging.state}**`, ''];
  if (logging.state === 'on') {
    lines.push(`- Target bucket: ${md(logging.target ?? '(not named)')}`);
    lines.push(`- Prefix: ${logging.prefix ? md(logging.prefix) : '(none)'}`);
    // Delivering a bucket's logs into itself logs every delivery again (S3 user guide, "Enabling
    // Amazon S3 server access logging").
    if (logging.toSelf) lines.push('- Logs are delivered into the bucket itself: every delivery is logged again.');
  }
  if (logging.logBucketFor?.length) {
    lines.push(`- Receives the access logs of ${logging.logBucketFor.map(md).join(', ')}: as the log bucket it should not log itself.`);
  }
  appendUnknown(lines, logging.state === 'unknown', logging.reason, logging.needs);
  if (logging.state === 'off' && logging.reason) lines.push(md(logging.reason));
  for (const item of logging.evidence ?? []) lines.push(`- ${md(item)}`);
  return lines.join('\n').trimEnd();
}

export function dataEventsTooltip(bucket: BucketPosture): string {
  const dataEvents = bucket.dataEvents;
  const lines = [`**CloudTrail data events: read ${dataEvents.read}, write ${dataEvents.write}**`, ''];
  for (const trail of dataEvents.trails) {
    const recorded = [trail.read ? 'read' : undefined, trail.write ? 'write' : undefined].filter(Boolean).join(' and ') || 'nothing';
    const logging = trail.isLogging === null ? 'logging status unknown' : trail.isLogging ? 'logging' : 'not logging';
    const kind = [trail.organization ? 'organization trail' : undefined, trail.multiRegion ? 'multi-region' : undefined].filter(Boolean).join(', ');
    lines.push(`- Trail **${md(trail.name)}** (${md(trail.homeRegion)}${kind ? `, ${kind}` : ''}; ${logging}): ${recorded}${trail.scope === 'some-objects' ? ', part of the bucket only' : ''}`);
    lines.push(`  - Selector: ${md(trail.selector)}`);
  }
  if (dataEvents.trails.length === 0 && dataEvents.read !== 'unknown') lines.push('No trail records this bucket’s data events.');
  for (const item of dataEvents.evidence ?? []) lines.push(`- ${md(item)}`);
  const unknown = dataEvents.read === 'unknown' || dataEvents.write === 'unknown';
  appendUnknown(lines, unknown, dataEvents.reason, dataEvents.needs?.join(', '));
  if (!unknown && dataEvents.reason) lines.push('', md(dataEvents.reason));
  return lines.join('\n').trimEnd();
}

export function publicAccessTooltip(bucket: BucketPosture): string {
  const access = bucket.publicAccess;
  const lines = [`**Public access: ${md(publicAccessDescription(bucket))}**`, ''];
  lines.push(`- Read: ${access.read} · Write: ${access.write} · Permissions: ${access.permissions}`);
  if (access.blockedBy && access.blockedBy.length > 0) lines.push(`- Blocked by: ${access.blockedBy.map(md).join(', ')}`);
  const settings = access.settings;
  lines.push(`- Block Public Access: bucket ${settings.bucketBlockPublicAccess.state}, account ${settings.accountBlockPublicAccess.state}`);
  lines.push(`- Object Ownership: ${md(settings.objectOwnership)} · Policy: ${settings.policy}${settings.awsPolicyIsPublic === undefined ? '' : ` (AWS says ${settings.awsPolicyIsPublic ? 'public' : 'not public'})`}`);
  if (access.evidence.length > 0) {
    lines.push('', '**Evidence**', '');
    for (const item of access.evidence) {
      const sid = item.sid ? ` (Sid ${md(item.sid)})` : '';
      const blocked = item.blockedBy ? ` — blocked by ${md(item.blockedBy)}` : '';
      lines.push(`- ${evidenceSource(item.source)}${sid}: ${md(item.text)}${blocked}`);
    }
  }
  for (const shared of access.sharedWith ?? []) {
    lines.push(`- Shared with account(s) ${shared.accounts.map(md).join(', ')}: ${shared.access.map(md).join(', ')}${shared.sid ? ` (Sid ${md(shared.sid)})` : ''}`);
  }
  appendUnknown(lines, access.state === 'unknown', access.reason, access.needs?.join(', '));
  return lines.join('\n').trimEnd();
}

export function accountTooltip(posture: AccountPosture, profileLabel: string): string {
  const lines = [`**${md(posture.account ?? 'Account unknown')}${posture.alias ? ` (${md(posture.alias)})` : ''}**`, '', `- Credentials: ${md(profileLabel)}`];
  if (posture.callerArn) lines.push(`- Caller: ${md(posture.callerArn)}`);
  lines.push(`- Account Block Public Access: ${posture.accountBlockPublicAccess.state}`);
  lines.push(`- Buckets: ${posture.buckets.length}${posture.listing.complete ? '' : ' (listing incomplete)'}`);
  lines.push(`- Collected: ${md(posture.collectedAt)}`);
  for (const problem of posture.problems) lines.push(`- ${md(problemText(problem))}`);
  return lines.join('\n');
}

export function problemText(problem: PostureProblem): string {
  return problem.needs && !problem.message.includes(problem.needs) ? `${problem.message} (needs ${problem.needs})` : problem.message;
}

function appendUnknown(lines: string[], unknown: boolean, reason: string | undefined, needs: string | undefined): void {
  if (!unknown) return;
  lines.push(needs ? `Unknown — needs \`${needs.replace(/`/g, '')}\`.` : 'Unknown.');
  if (reason) lines.push('', md(reason));
}

function evidenceSource(source: string): string {
  switch (source) {
    case 'policy':
      return 'Bucket policy';
    case 'acl':
      return 'ACL grant';
    case 'policy-status':
      return 'Policy status';
    case 'block-public-access':
      return 'Block Public Access';
    case 'ownership':
      return 'Object Ownership';
    default:
      return md(source);
  }
}
