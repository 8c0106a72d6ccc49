import * as vscode from 'vscode';
import { Config } from './config';
import { DiagnosticPublisher } from './diagnostics/diagnosticPublisher';
import { FindingStore } from './diagnostics/findingStore';

export const EXTENSION_NAME = 'S3 Security Review';
export const COMMAND_PREFIX = 's3SecurityReview';

/** A palette command: a factory that gets the context once and returns the handler. */
export type CommandFactory = (ctx: Ctx) => (...args: unknown[]) => unknown;

/** The one object that owns settings, the output channel, the findings and every disposable. */
export class Ctx implements vscode.Disposable {
  readonly config: Config;
  readonly log: vscode.LogOutputChannel;
  readonly findings = new FindingStore();
  readonly diagnostics: DiagnosticPublisher;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.push(vscode.window.createOutputChannel(EXTENSION_NAME, { log: true }));
    this.config = this.push(new Config());
    this.diagnostics = this.push(new DiagnosticPublisher(this.findings));
  }

  push<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  /**
   * Registers `s3SecurityReview.<name>`. A failure is logged and shown in words, then rethrown so a
   * caller of `executeCommand` sees it too.
   */
  registerCommand(name: string, factory: CommandFactory): void {
    const handler = factory(this);
    const id = `${COMMAND_PREFIX}.${name}`;
    this.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await handler(...args);
        } catch (error) {
          this.logFailure(id, error);
          void vscode.window.showErrorMessage(`${EXTENSION_NAME}: ${describeError(error)}`);
          throw error;
        }
      }),
    );
  }

  /** For event handlers: an error is logged, never thrown back into the editor's event loop. */
  logFailure(what: string, error: unknown): void {
    this.log.error(`${what}: ${describeError(error)}`);
    if (error instanceof Error && error.stack) this.log.debug(error.stack);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        console.error(`${EXTENSION_NAME}: dispose failed`, error);
      }
    }
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
