import * as vscode from 'vscode';
import {
  bucketDescription,
  bucketMarks,
  dataEventsDescription,
  isShownWithProblemsOnly,
  loggingDescription,
  problemRank,
  publicAccessDescription,
  type AspectMark,
} from './bucketPresentation';
import { accountTooltip, bucketTooltip, dataEventsTooltip, loggingTooltip, publicAccessTooltip } from './bucketTooltips';
import { bucketUri } from './bucketDecorations';
import type { BucketTreeModel } from './bucketTreeModel';
import { accountDescription, accountLabel, ASPECT_LABELS, noCredentialsAnywhere, problemMessages, profileLabel, type AspectName, type BucketTreeNode } from './bucketTreeNodes';

const ASPECTS: readonly AspectName[] = ['logging', 'dataEvents', 'publicAccess'];

/**
 * A thin adapter from the model to VS Code's tree: nodes are created once per id and reused, so
 * `refresh(node)` can re-render one bucket as its result arrives.
 */
export class BucketTreeProvider implements vscode.TreeDataProvider<BucketTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BucketTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<string, BucketTreeNode>();
  private problemsOnly = false;
  private problemsFirst = false;
  private shown = false;

  constructor(
    private readonly model: BucketTreeModel,
    /** Called when the view first asks for its root: the first collection starts then, not at activation. */
    private readonly onFirstShown: () => void,
  ) {}

  get showsProblemsOnly(): boolean {
    return this.problemsOnly;
  }

  setProblemsOnly(value: boolean): void {
    this.problemsOnly = value;
    this.changed.fire(undefined);
  }

  setProblemsFirst(value: boolean): void {
    this.problemsFirst = value;
    this.changed.fire(undefined);
  }

  /** Re-renders one bucket (and its children), one account, or the whole tree. */
  refresh(profileKey?: string, bucket?: string): void {
    if (profileKey === undefined) return this.changed.fire(undefined);
    const node = bucket === undefined ? this.nodes.get(accountId(profileKey)) : this.nodes.get(bucketId(profileKey, bucket));
    // A bucket hidden by the filter may have to appear (or the other way round), or move in the
    // problems-first order: its account's children change.
    if (node && !((this.problemsOnly || this.problemsFirst) && node.kind === 'bucket')) this.changed.fire(node);
    else this.changed.fire(this.nodes.get(accountId(profileKey)));
  }

  getChildren(node?: BucketTreeNode): BucketTreeNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'account':
        return this.accountChildren(node.profileKey);
      case 'bucket': {
        const posture = this.model.slot(node.profileKey, node.bucket)?.posture;
        // A bucket that could not be examined has no aspects to show; its tooltip says why.
        if (!posture || posture.reason) return [];
        return ASPECTS.map((aspect) => this.node({ kind: 'aspect', id: `${node.id}/${aspect}`, profileKey: node.profileKey, bucket: node.bucket, aspect }));
      }
      default:
        return [];
    }
  }

  getParent(node: BucketTreeNode): BucketTreeNode | undefined {
    if (node.kind === 'account') return undefined;
    if (node.kind === 'aspect') return this.nodes.get(bucketId(node.profileKey, node.bucket));
    return this.nodes.get(accountId(node.profileKey));
  }

  getTreeItem(node: BucketTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'account':
        return this.accountItem(node);
      case 'problem':
        return problemItem(node);
      case 'bucket':
        return this.bucketItem(node);
      case 'aspect':
        return this.aspectItem(node);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  private roots(): BucketTreeNode[] {
    // An untrusted folder shows its welcome text (viewsWelcome) and reads no account.
    if (!vscode.workspace.isTrusted) return [];
    if (!this.shown) {
      this.shown = true;
      this.onFirstShown();
    }
    const entries = this.model.entries();
    if (noCredentialsAnywhere(entries)) return [];
    return entries.map((entry) => this.node({ kind: 'account', id: accountId(entry.profileKey), profileKey: entry.profileKey }));
  }

  private accountChildren(profileKey: string): BucketTreeNode[] {
    const entry = this.model.entry(profileKey);
    if (!entry) return [];
    const problems = problemMessages(entry).map((problem, index) =>
      this.node({ kind: 'problem', id: `${accountId(profileKey)}/problem/${index}/${problem.message}`, profileKey, ...problem }),
    );
    let slots = this.problemsOnly ? entry.slots.filter((slot) => isShownWithProblemsOnly(slot.posture)) : entry.slots;
    // The slots are in name order; a stable sort keeps that order within each rank.
    if (this.problemsFirst) slots = [...slots].sort((a, b) => problemRank(a.posture) - problemRank(b.posture));
    return [...problems, ...slots.map((slot) => this.node({ kind: 'bucket', id: bucketId(profileKey, slot.name), profileKey, bucket: slot.name }))];
  }

  private node<T extends BucketTreeNode>(fresh: T): T {
    const known = this.nodes.get(fresh.id);
    if (known) return known as T;
    this.nodes.set(fresh.id, fresh);
    return fresh;
  }

  private accountItem(node: Extract<BucketTreeNode, { kind: 'account' }>): vscode.TreeItem {
    const entry = this.model.entry(node.profileKey);
    const item = new vscode.TreeItem(entry ? accountLabel(entry) : profileLabel(node.profileKey), vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.contextValue = 'account';
    if (!entry) return item;
    item.description = accountDescription(entry);
    item.iconPath = new vscode.ThemeIcon(entry.loading ? 'loading~spin' : 'account');
    const posture = this.model.currentPosture(entry);
    if (posture) item.tooltip = new vscode.MarkdownString(accountTooltip(posture, profileLabel(entry.profileKey)));
    return item;
  }

  private bucketItem(node: Extract<BucketTreeNode, { kind: 'bucket' }>): vscode.TreeItem {
    const slot = this.model.slot(node.profileKey, node.bucket);
    const posture = slot?.posture;
    const expandable = posture && !posture.reason;
    const item = new vscode.TreeItem(node.bucket, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.resourceUri = bucketUri(node.profileKey, node.bucket);
    item.description = bucketDescription(posture, slot?.stale === true);
    item.iconPath = new vscode.ThemeIcon(posture ? 'database' : 'loading~spin');
    item.contextValue = posture ? (posture.publicAccess.settings.policy === 'present' ? 'bucket withPolicy' : 'bucket') : 'bucket loading';
    const collectedAt = this.model.entry(node.profileKey)?.posture?.collectedAt;
    if (posture) item.tooltip = new vscode.MarkdownString(bucketTooltip(posture, slot?.stale === true, collectedAt));
    return item;
  }

  private aspectItem(node: Extract<BucketTreeNode, { kind: 'aspect' }>): vscode.TreeItem {
    const posture = this.model.slot(node.profileKey, node.bucket)?.posture;
    const item = new vscode.TreeItem(ASPECT_LABELS[node.aspect], vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = `aspect ${node.aspect}`;
    if (!posture) return item;
    const marks = bucketMarks(posture);
    const describe = { logging: loggingDescription, dataEvents: dataEventsDescription, publicAccess: publicAccessDescription }[node.aspect];
    const tooltip = { logging: loggingTooltip, dataEvents: dataEventsTooltip, publicAccess: publicAccessTooltip }[node.aspect];
    item.description = describe(posture);
    item.tooltip = new vscode.MarkdownString(tooltip(posture));
    item.iconPath = markIcon(marks[node.aspect]);
    return item;
  }
}

function problemItem(node: Extract<BucketTreeNode, { kind: 'problem' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = node.expired ? 'problem expired' : 'problem';
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.tooltip = node.message;
  return item;
}

function markIcon(mark: AspectMark): vscode.ThemeIcon {
  switch (mark) {
    case 'good':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'bad':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'gap':
    case 'partial':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'unknown':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
  }
}

function accountId(profileKey: string): string {
  return `account/${profileKey}`;
}

function bucketId(profileKey: string, bucket: string): string {
  return `${accountId(profileKey)}/bucket/${bucket}`;
}
