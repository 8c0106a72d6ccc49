import type { AccountPosture } from '../core/posture/types';
import type { AccountEntry } from './bucketTreeModel';
import { problemText } from './bucketTooltips';

/** The tree's elements: plain data, so labels and children can be decided and tested without VS Code. */
export type AspectName = 'logging' | 'dataEvents' | 'publicAccess';

export type BucketTreeNode =
  | { kind: 'account'; id: string; profileKey: string }
  | { kind: 'problem'; id: string; profileKey: string; message: string; expired: boolean }
  | { kind: 'bucket'; id: string; profileKey: string; bucket: string }
  | { kind: 'aspect'; id: string; profileKey: string; bucket: string; aspect: AspectName };

export const ASPECT_LABELS: Readonly<Record<AspectName, string>> = {
  logging: 'Logging',
  dataEvents: 'Data events',
  publicAccess: 'Public access',
};

/** How the credentials of a profile key are named to the user. */
export function profileLabel(profileKey: string, env: Record<string, string | undefined> = process.env): string {
  if (profileKey) return `profile ${profileKey}`;
  return env.AWS_PROFILE ? `AWS_PROFILE ${env.AWS_PROFILE}` : 'default credentials';
}

/** `123456789012 (prod-alias)` once STS has answered; the credentials' name before. */
export function accountLabel(entry: AccountEntry, env?: Record<string, string | undefined>): string {
  const posture = entry.posture;
  if (!posture?.account) return profileLabel(entry.profileKey, env);
  return posture.alias ? `${posture.account} (${posture.alias})` : posture.account;
}

export function accountDescription(entry: AccountEntry, env?: Record<string, string | undefined>): string {
  const parts: string[] = [];
  if (entry.posture?.account) parts.push(profileLabel(entry.profileKey, env));
  if (entry.loading) parts.push('reading…');
  else if (entry.failure) parts.push('failed');
  else if (entry.posture && !entry.posture.account) parts.push(signInProblem(entry.posture) ? 'sign-in needed' : 'identity unknown');
  else if (entry.posture) parts.push(`${entry.slots.length} bucket${entry.slots.length === 1 ? '' : 's'}`);
  if (entry.stale && !entry.loading) parts.push('(cached)');
  return parts.join(' · ');
}

/** The account's problems as child nodes, first in the list (an expired SSO session, a denied listing). */
export function problemMessages(entry: AccountEntry): Array<{ message: string; expired: boolean }> {
  const messages: Array<{ message: string; expired: boolean }> = [];
  if (entry.failure) messages.push({ message: `Reading the account failed: ${entry.failure}`, expired: false });
  for (const problem of entry.posture?.problems ?? []) messages.push({ message: problemText(problem), expired: problem.kind === 'expired' });
  if (entry.posture && !entry.posture.listing.complete && entry.slots.length === 0 && !entry.loading && entry.posture.account) {
    messages.push({ message: 'No buckets could be listed. Use "Add bucket…" to add buckets by name or s3:// URI.', expired: false });
  }
  return messages;
}

function signInProblem(posture: AccountPosture): boolean {
  return posture.problems.some((problem) => problem.kind === 'expired' || problem.kind === 'credentials');
}

/**
 * True when no configured profile has credentials at all: the view then shows its welcome text
 * (how to configure credentials) instead of nodes that can only say "no credentials".
 */
export function noCredentialsAnywhere(entries: readonly AccountEntry[]): boolean {
  return (
    entries.length > 0 &&
    entries.every((entry) => !entry.loading && entry.posture !== undefined && entry.posture.account === null && entry.posture.problems.some((problem) => problem.kind === 'credentials'))
  );
}
