import * as vscode from 'vscode';
import type { BucketSlot } from '../views/bucketTreeModel';
import type { BucketTree } from '../views/bucketTree';
import { profileLabel, type BucketTreeNode } from '../views/bucketTreeNodes';

export interface PickedBucket {
  profileKey: string;
  slot: BucketSlot;
}

/**
 * The bucket a command acts on: the node it was invoked on (bucket or one of its aspects), or, from
 * the palette, one the user picks among those the view holds.
 */
export async function pickBucket(tree: BucketTree, arg: unknown, purpose: string): Promise<PickedBucket | undefined> {
  const node = asNode(arg);
  if (node && (node.kind === 'bucket' || node.kind === 'aspect')) {
    const slot = tree.model.slot(node.profileKey, node.bucket);
    return slot ? { profileKey: node.profileKey, slot } : undefined;
  }
  const items = tree.model.entries().flatMap((entry) =>
    entry.slots.map((slot) => ({ label: slot.name, description: [slot.region ?? undefined, profileLabel(entry.profileKey)].filter(Boolean).join(' · '), target: { profileKey: entry.profileKey, slot } })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('S3 Security Review: no buckets yet. Open the S3 Security view to read your accounts, or add a bucket by name.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(items, { title: `S3 Security Review: ${purpose}`, placeHolder: 'Which bucket?', matchOnDescription: true });
  return choice?.target;
}

export function asNode(arg: unknown): BucketTreeNode | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const candidate = arg as Partial<BucketTreeNode>;
  return typeof candidate.kind === 'string' && typeof candidate.profileKey === 'string' ? (arg as BucketTreeNode) : undefined;
}

/** AWS is never called from an untrusted folder; the command says so instead. */
export function refusedInUntrustedFolder(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window.showInformationMessage('S3 Security Review reads AWS accounts only in a trusted folder. Trust this folder to use the S3 Security view.');
  return true;
}
