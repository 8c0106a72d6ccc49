import * as vscode from 'vscode';
import type { Ctx } from '../context';
import { allRules, ruleDocsUrl } from '../core/rules/registry';

/**
 * `S3: Show rule documentation`: opens a rule's documentation page. Called with a rule id (from a
 * diagnostic's code action) it opens that rule; from the palette it asks which.
 */
export function showRuleDocumentation(ctx: Ctx): (ruleId?: unknown) => Promise<boolean> {
  return async (ruleId?: unknown) => {
    const id = typeof ruleId === 'string' && ruleId.length > 0 ? ruleId : await pickRule();
    if (id === undefined) return false;
    ctx.log.debug(`opening documentation of ${id}`);
    return vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(id)));
  };
}

async function pickRule(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    allRules.map((rule) => ({ label: rule.id, description: rule.title, detail: rule.summary })),
    { title: 'S3 Security Review: rule documentation', placeHolder: 'Which rule?', matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.label;
}
