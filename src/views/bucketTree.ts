import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { AccountPosture } from '../core/posture/types';
import { profileKeys } from './awsSettings';
import { BucketDecorationProvider } from './bucketDecorations';
import { BucketTreeModel, isAbort, type CollectionProgress, type RefreshOptions } from './bucketTreeModel';
import { noCredentialsAnywhere, type BucketTreeNode } from './bucketTreeNodes';
import { BucketTreeProvider } from './bucketTreeProvider';

export const BUCKET_VIEW_ID = 's3SecurityReview.buckets';
const CACHE_KEY = 's3SecurityReview.postureCache';
const ADDED_BUCKETS_KEY = 'addedBuckets';
const NO_CREDENTIALS_CONTEXT = 's3SecurityReview.noCredentials';
const PROBLEMS_ONLY_CONTEXT = 's3SecurityReview.problemsOnly';
const PROBLEMS_FIRST_CONTEXT = 's3SecurityReview.problemsFirst';

/**
 * The live bucket view: owns the model, the tree provider, the badges and the cache, and runs
 * collections under a cancellable progress notification. Commands act through it.
 */
export class BucketTree implements vscode.Disposable {
  readonly model: BucketTreeModel;
  readonly provider: BucketTreeProvider;
  readonly decorations: BucketDecorationProvider;
  readonly view: vscode.TreeView<BucketTreeNode>;
  private running: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.model = new BucketTreeModel(
      async (options) => (await import('../core/posture/collectPosture')).collectPosture(options),
      (change) => {
        this.provider?.refresh(change?.profileKey, change?.bucket);
        this.decorations?.refresh(change?.profileKey, change?.bucket);
      },
    );
    this.decorations = new BucketDecorationProvider(this.model);
    this.provider = new BucketTreeProvider(this.model, () => {
      if (!this.model.hasResults) void this.refreshAll().catch((error: unknown) => ctx.logFailure('Reading AWS accounts', error));
    });
    this.model.setProfiles(profileKeys(ctx.config.aws));
    this.model.restore(ctx.extension.workspaceState.get(CACHE_KEY));
    this.view = vscode.window.createTreeView(BUCKET_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.provider,
      this.decorations,
      vscode.window.registerFileDecorationProvider(this.decorations),
      ctx.config.onDidChange(() => this.profilesChanged()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.provider.refresh()),
    );
    void vscode.commands.executeCommand('setContext', PROBLEMS_ONLY_CONTEXT, false);
  }

  get isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** Reads every configured account again. A second call while one runs joins it. */
  refreshAll(): Promise<void> {
    this.running ??= this.withProgress('S3 Security: reading buckets', (options) => this.model.refreshAll(options)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Reads some buckets of one account again (or for the first time, when added by name). */
  async refreshBuckets(profileKey: string, names: string[]): Promise<void> {
    const title = names.length === 1 ? `S3 Security: reading ${names[0]}` : `S3 Security: reading ${names.length} buckets`;
    await this.withProgress(title, (options) => this.model.refreshBuckets(profileKey, names, options).then(() => undefined));
  }

  setProblemsOnly(value: boolean): void {
    this.provider.setProblemsOnly(value);
    void vscode.commands.executeCommand('setContext', PROBLEMS_ONLY_CONTEXT, value);
  }

  setProblemsFirst(value: boolean): void {
    this.provider.setProblemsFirst(value);
    void vscode.commands.executeCommand('setContext', PROBLEMS_FIRST_CONTEXT, value);
  }

  /** Every account's posture as shown now, for export. */
  postures(): AccountPosture[] {
    return this.model
      .entries()
      .map((entry) => this.model.currentPosture(entry))
      .filter((posture): posture is AccountPosture => posture !== undefined);
  }

  addedBuckets(profileKey: string): string[] {
    const all = this.ctx.extension.globalState.get<Record<string, string[]>>(ADDED_BUCKETS_KEY) ?? {};
    const list = all[profileKey];
    return Array.isArray(list) ? list.filter((name) => typeof name === 'string') : [];
  }

  async rememberAddedBucket(profileKey: string, bucket: string): Promise<void> {
    const all = { ...(this.ctx.extension.globalState.get<Record<string, string[]>>(ADDED_BUCKETS_KEY) ?? {}) };
    const list = new Set(this.addedBuckets(profileKey));
    list.add(bucket);
    all[profileKey] = [...list].sort();
    await this.ctx.extension.globalState.update(ADDED_BUCKETS_KEY, all);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0).reverse()) disposable.dispose();
  }

  private async withProgress(title: string, run: (options: RefreshOptions) => Promise<void>): Promise<void> {
    const settings = this.ctx.config.aws;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      // Every in-flight AWS read listens on this one signal (concurrency × reads per bucket), far
      // past Node's default of 10 listeners, which would otherwise warn of a leak.
      setMaxListeners(0, abort.signal);
      const cancel = token.onCancellationRequested(() => abort.abort());
      let reported = 0;
      const onProgress = ({ examined, total }: CollectionProgress): void => {
        const percent = total > 0 ? Math.floor((examined / total) * 100) : 0;
        progress.report({ message: `${examined} / ${total} buckets`, increment: Math.max(0, percent - reported) });
        reported = Math.max(reported, percent);
      };
      try {
        await run({
          signal: abort.signal,
          regions: settings.regions,
          concurrency: settings.concurrency,
          addedBuckets: (profileKey) => this.addedBuckets(profileKey),
          onProgress,
        });
      } catch (error) {
        if (!isAbort(error)) throw error;
        this.ctx.log.info('Reading AWS accounts was cancelled.');
      } finally {
        cancel.dispose();
        await this.afterCollection();
      }
    });
  }

  private async afterCollection(): Promise<void> {
    await vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT, noCredentialsAnywhere(this.model.entries()));
    this.provider.refresh();
    await this.ctx.extension.workspaceState.update(CACHE_KEY, this.model.toCache());
  }

  private profilesChanged(): void {
    const keys = profileKeys(this.ctx.config.aws);
    const current = this.model.entries().map((entry) => entry.profileKey);
    if (keys.join('\u0000') === current.join('\u0000')) return;
    this.model.setProfiles(keys);
    this.provider.refresh();
    if (this.view.visible && this.isTrusted && !this.model.hasResults) void this.refreshAll().catch((error: unknown) => this.ctx.logFailure('Reading AWS accounts', error));
  }
}
