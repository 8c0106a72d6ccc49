/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { describeDiagnostics, diagnosticsOfRule, ourDiagnostics, ruleIdOf, waitForDiagnostics } from './findings';
import { applyQuickFix, isSameFinding, quickFixesAt } from './quickFixes';
import { describeRange } from './textRanges';
import { saveAndCloseAllEditors, scratchCopy } from './workspaceFiles';

interface FixtureUnit {
  label: string;
  /** A file, or a Terraform module folder (analysed as one unit). */
  path: string;
  /** The files of the unit, relative to `path` ('' = `path` itself is the file). */
  files: string[];
}

const UNITS: FixtureUnit[] = [
  { label: 'Terraform module', path: 'terraform/public-site', files: ['main.tf', 'uploads.tf'] },
  { label: 'CloudFormation YAML', path: 'cloudformation/public-assets.yaml', files: [''] },
  { label: 'CloudFormation JSON', path: 'cloudformation/public-dropbox.json', files: [''] },
  { label: 'raw policy JSON', path: 'policies/public-reports-policy.json', files: [''] },
];

/**
 * A quick fix as offered on one range. `findings` are every finding on that exact range: the editor offers
 * their fixes together, so the fix must remove at least one of them (the one its title names, if any).
 */
interface OfferedFix {
  file: string;
  range: vscode.Range;
  findings: vscode.Diagnostic[];
  title: string;
}

function fileUri(root: vscode.Uri, file: string): vscode.Uri {
  return file === '' ? root : vscode.Uri.joinPath(root, file);
}

/** Opens every file of a copy of the unit and waits for its first findings. */
async function openUnit(unit: FixtureUnit, label: string): Promise<vscode.Uri> {
  const root = await scratchCopy(unit.path, label);
  for (const file of unit.files) {
    const document = await vscode.workspace.openTextDocument(fileUri(root, file));
    await vscode.window.showTextDocument(document, { preview: false });
  }
  for (const file of unit.files) await waitForDiagnostics(fileUri(root, file), (d) => d.length > 0, `findings on ${unit.label} ${file}`);
  return root;
}

/** Independent of the extension: the edited file is still valid JSON / YAML. */
function assertStillParses(document: vscode.TextDocument): void {
  if (/\.json$/i.test(document.fileName)) {
    assert.doesNotThrow(() => JSON.parse(document.getText()), `${document.fileName} is no longer valid JSON:\n${document.getText()}`);
  } else if (/\.ya?ml$/i.test(document.fileName)) {
    const parsed = parseDocument(document.getText());
    assert.equal(parsed.errors.length, 0, `${document.fileName} is no longer valid YAML: ${parsed.errors.map(String).join('; ')}\n${document.getText()}`);
  }
}

function findingsByRange(uri: vscode.Uri): vscode.Diagnostic[][] {
  const groups = new Map<string, vscode.Diagnostic[]>();
  for (const finding of ourDiagnostics(uri).filter((d) => ruleIdOf(d) !== undefined)) {
    const key = describeRange(finding.range);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()];
}

async function discoverFixes(unit: FixtureUnit): Promise<OfferedFix[]> {
  const root = await openUnit(unit, `discover ${unit.label}`);
  const offered: OfferedFix[] = [];
  for (const file of unit.files) {
    const uri = fileUri(root, file);
    for (const findings of findingsByRange(uri)) {
      const range = findings[0].range;
      for (const action of await quickFixesAt(uri, range)) offered.push({ file, range, findings, title: action.title });
    }
  }
  await saveAndCloseAllEditors();
  return offered;
}

function isGone(finding: vscode.Diagnostic, now: readonly vscode.Diagnostic[]): boolean {
  return !now.some((d) => ruleIdOf(d) === ruleIdOf(finding) && d.message === finding.message);
}

/** Applies one fix to a fresh copy; returns a failure description, or undefined when it did its job. */
async function applyOnFreshCopy(unit: FixtureUnit, fix: OfferedFix, index: number): Promise<string | undefined> {
  const rules = fix.findings.map((finding) => ruleIdOf(finding)).join('+');
  const what = `"${fix.title}" on ${rules} at ${describeRange(fix.range)} (${unit.label} ${fix.file})`;
  try {
    const root = await openUnit(unit, `fix ${index} ${unit.label}`);
    const uri = fileUri(root, fix.file);
    const findings = fix.findings.filter((expected) => ourDiagnostics(uri).some((d) => isSameFinding(d, expected)));
    if (findings.length !== fix.findings.length) return `${what}: a fresh copy does not report the same findings`;
    const action = (await quickFixesAt(uri, fix.range)).find((candidate) => candidate.title === fix.title);
    if (!action) return `${what}: not offered on a fresh copy`;
    // A fix that names its rule (a suppression) must remove that rule's finding; any other, one of those it was offered for.
    const named = findings.filter((finding) => fix.title.includes(ruleIdOf(finding) ?? '\u0000'));
    const mustGo = named.length > 0 ? named : findings;
    await applyQuickFix(action);
    const after = await waitForDiagnostics(
      uri,
      (now) => (named.length > 0 ? mustGo.every((f) => isGone(f, now)) : mustGo.some((f) => isGone(f, now))),
      `${what} to remove ${named.length > 0 ? 'its' : 'one of its'} finding(s)`,
    );
    for (const file of unit.files) {
      const document = await vscode.workspace.openTextDocument(fileUri(root, file));
      const parseErrors = diagnosticsOfRule(document.uri, 'S3-PARSE-ERROR');
      if (parseErrors.length > 0) return `${what}: ${file || unit.path} no longer parses:\n${describeDiagnostics(parseErrors)}\n${document.getText()}`;
      assertStillParses(document);
    }
    const removed = mustGo.filter((finding) => isGone(finding, after)).map((finding) => ruleIdOf(finding));
    console.log(`      fixed ${removed.join('+')} with ${what}`);
    return undefined;
  } catch (error) {
    return `${what}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await saveAndCloseAllEditors();
  }
}

suite('Quick fixes', () => {
  teardown(saveAndCloseAllEditors);

  for (const unit of UNITS) {
    test(`every quick fix on the ${unit.label} removes its finding and leaves the file parseable`, async function () {
      this.timeout(180_000);
      const offered = await discoverFixes(unit);
      const publicFixes = offered.filter((fix) => fix.findings.some((finding) => /^S3-PUBLIC-/.test(ruleIdOf(finding) ?? '')));
      assert.ok(publicFixes.length > 0, `no quick fix offered for a public finding on the ${unit.label}`);
      const failures: string[] = [];
      for (const [index, fix] of offered.entries()) {
        const failure = await applyOnFreshCopy(unit, fix, index);
        if (failure) failures.push(failure);
      }
      console.log(`      ${offered.length - failures.length} of ${offered.length} fixes did their job`);
      assert.equal(failures.length, 0, `\n${failures.join('\n\n')}`);
    });
  }
});
