import * as vscode from 'vscode';
import type { SnippetFixArguments } from '../commands/applySnippetFix';
import { COMMAND_PREFIX, type Ctx } from '../context';
import { expandSnippet } from '../core/analysis/snippetText';
import { DIAGNOSTIC_SOURCE, toVsRange } from './diagnosticPublisher';
import { openDocumentState } from './documentRefs';
import { isSourceCurrent, type ResolvedFix, type StoredFinding } from './unitResults';

const APPLY_SNIPPET_FIX = `${COMMAND_PREFIX}.applySnippetFix`;
const SHOW_RULE_DOCUMENTATION = `${COMMAND_PREFIX}.showRuleDocumentation`;

/** Quick fixes for this extension's diagnostics: the fixes core computed, and the rule's documentation. */
export function registerCodeActions(ctx: Ctx): void {
  ctx.push(
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }],
      new FindingCodeActions(ctx),
      { providedCodeActionKinds: FindingCodeActions.providedCodeActionKinds },
    ),
  );
}

class FindingCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly ctx: Ctx) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    try {
      return this.actionsFor(document, context.diagnostics);
    } catch (error) {
      this.ctx.logFailure('Code actions', error);
      return [];
    }
  }

  private actionsFor(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const fixActions: vscode.CodeAction[] = [];
    const diagnosticsByRule = new Map<string, vscode.Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || ruleId === undefined) continue;
      diagnosticsByRule.set(ruleId, [...(diagnosticsByRule.get(ruleId) ?? []), diagnostic]);
      const range = { start: diagnostic.range.start, end: diagnostic.range.end };
      for (const finding of this.ctx.findings.findingsAt(document.uri.toString(), range, ruleId, diagnostic.message)) {
        for (const fix of finding.fixes) {
          // Offsets were computed on the analysed text; once it changed, a re-analysis brings fresh fixes.
          if (isFixCurrent(fix, finding)) fixActions.push(fixAction(fix, finding, diagnostic));
        }
      }
    }
    const documentationActions = [...diagnosticsByRule].map(([ruleId, ruleDiagnostics]) => {
      const action = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = ruleDiagnostics;
      action.command = { command: SHOW_RULE_DOCUMENTATION, title: action.title, arguments: [ruleId] };
      return action;
    });
    return [...fixActions, ...documentationActions];
  }
}

function fixAction(fix: ResolvedFix, finding: StoredFinding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  const [onlyEdit] = fix.edits;
  if (fix.snippet && fix.edits.length === 1) {
    const args: SnippetFixArguments = {
      fileKey: onlyEdit.fileKey,
      range: onlyEdit.range,
      snippet: onlyEdit.newText,
      version: finding.sources.get(onlyEdit.fileKey),
    };
    action.command = { command: APPLY_SNIPPET_FIX, title: fix.title, arguments: [args] };
    return action;
  }
  // A snippet can only be typed into one editor; spread over several edits, its defaults are applied as text.
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of fix.edits) {
    const newText = fix.snippet ? expandSnippet(textEdit.newText) : textEdit.newText;
    edit.replace(vscode.Uri.parse(textEdit.fileKey), toVsRange(textEdit.range), newText);
  }
  action.edit = edit;
  return action;
}

function isFixCurrent(fix: ResolvedFix, finding: StoredFinding): boolean {
  return fix.edits.every((edit) => isSourceCurrent(finding.sources.get(edit.fileKey), openDocumentState(edit.fileKey)));
}

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}
