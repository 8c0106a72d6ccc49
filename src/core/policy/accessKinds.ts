import type { AccessKind } from '../model/exposure';

const ORDER: AccessKind[] = ['read', 'write', 'permissions'];

/** The distinct access kinds of some actions, in a fixed order (read, write, permissions). */
export function accessKindsOf(actions: Iterable<{ access: AccessKind }>): AccessKind[] {
  const present = new Set<AccessKind>();
  for (const action of actions) present.add(action.access);
  return ORDER.filter((kind) => present.has(kind));
}

/** `read`, `read and write`, `read, write and permissions` — for messages. */
export function describeAccessKinds(kinds: AccessKind[]): string {
  const words = kinds.map((kind) => (kind === 'permissions' ? 'permissions-management' : kind));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
