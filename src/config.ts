import * as vscode from 'vscode';
import { compileGlob, type GlobMatcher } from './core/analysis/pathGlob';
import type { AnalyzeOptions } from './core/analyze';
import type { Severity } from './core/model/finding';
import { readAnalysisSettings, toAnalyzeOptions, type AnalysisSettings } from './diagnostics/analysisSettings';
import { fileSizeLimitBytes } from './diagnostics/fileSizeLimit';
import { readAwsSettings, type AwsSettings } from './views/awsSettings';

export const CONFIG_SECTION = 's3SecurityReview';

/** Typed access to the `s3SecurityReview.*` settings; no other file reads them. Fires after they change. */
export class Config implements vscode.Disposable {
  private settings: AnalysisSettings;
  private excludeMatchers: GlobMatcher[];
  private awsSettings: AwsSettings;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChange = this.changed.event;

  constructor() {
    this.settings = Config.read();
    this.excludeMatchers = this.settings.exclude.map(compileGlob);
    this.awsSettings = Config.readAws();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      this.settings = Config.read();
      this.excludeMatchers = this.settings.exclude.map(compileGlob);
      this.awsSettings = Config.readAws();
      this.changed.fire();
    });
  }

  get disabledRules(): readonly string[] {
    return this.settings.disabledRules;
  }

  get severityOverrides(): Readonly<Record<string, Severity>> {
    return this.settings.severityOverrides;
  }

  get exclude(): readonly string[] {
    return this.settings.exclude;
  }

  get excludeGlobs(): readonly GlobMatcher[] {
    return this.excludeMatchers;
  }

  get ownAccountIds(): readonly string[] {
    return this.settings.ownAccountIds;
  }

  /** False: analyse when a file is opened or saved, not while typing. */
  get analyzeOnType(): boolean {
    return this.settings.analyzeOnType;
  }

  get maxFileSizeKB(): number {
    return this.settings.maxFileSizeKB;
  }

  get maxFileBytes(): number {
    return fileSizeLimitBytes(this.settings.maxFileSizeKB);
  }

  /** Profiles, regions and concurrency for reading live accounts (the bucket tree). */
  get aws(): AwsSettings {
    return this.awsSettings;
  }

  get analyzeOptions(): AnalyzeOptions {
    return toAnalyzeOptions(this.settings);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private static read(): AnalysisSettings {
    const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return readAnalysisSettings((key) => configuration.get(key));
  }

  private static readAws(): AwsSettings {
    const configuration = vscode.workspace.getConfiguration(CONFIG_SECTION);
    return readAwsSettings((key) => configuration.get(key));
  }
}
