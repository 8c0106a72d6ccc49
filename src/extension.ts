import * as vscode from 'vscode';
import { applySnippetFix } from './commands/applySnippetFix';
import { clearDiagnostics } from './commands/clearDiagnostics';
import { scanWorkspace } from './commands/scanWorkspace';
import { showRuleDocumentation } from './commands/showRuleDocumentation';
import { Ctx, describeError, EXTENSION_NAME } from './context';
import { registerCodeActions } from './diagnostics/codeActions';
import { registerLiveAnalysis } from './diagnostics/liveAnalysis';
import { registerBucketTree } from './views/registerBucketTree';

export function activate(context: vscode.ExtensionContext): void {
  const ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  try {
    ctx.registerCommand('scanWorkspace', scanWorkspace);
    ctx.registerCommand('showRuleDocumentation', showRuleDocumentation);
    ctx.registerCommand('clearDiagnostics', clearDiagnostics);
    ctx.registerCommand('applySnippetFix', applySnippetFix);
    registerLiveAnalysis(ctx);
    registerCodeActions(ctx);
    registerBucketTree(ctx);
  } catch (error) {
    ctx.logFailure('Activation failed', error);
    void vscode.window.showErrorMessage(`${EXTENSION_NAME} failed to start: ${describeError(error)}`);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
