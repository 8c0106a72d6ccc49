/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticsOfRule, ourDiagnostics, ruleIdOf, waitForDiagnostics, waitForRule } from './findings';
import { describeRange, rangeOfText } from './textRanges';
import { openWorkspaceFile, saveAndCloseAllEditors, scratchCopy } from './workspaceFiles';

interface ExpectedFinding {
  title: string;
  file: string;
  ruleId: string;
  severity: vscode.DiagnosticSeverity;
  /** The element that makes the bucket public; the diagnostic covers exactly one of these texts (the whole element or its value). */
  element: { line: string; covers: string[] };
  /** What the message must say: which access, and why. */
  message: RegExp[];
}

const EXPECTED: ExpectedFinding[] = [
  {
    title: 'Terraform: a jsonencode bucket policy with Principal "*" and s3:GetObject is public read, on the Principal',
    file: 'terraform/public-site/main.tf',
    ruleId: 'S3-PUBLIC-READ',
    severity: vscode.DiagnosticSeverity.Warning,
    element: { line: 'Principal = "*"', covers: ['Principal = "*"', '"*"'] },
    message: [/s3:GetObject/, /anyone|everyone|public/i],
  },
  {
    title: 'Terraform: acl = "public-read-write" is public write, on the acl attribute',
    file: 'terraform/public-site/uploads.tf',
    ruleId: 'S3-PUBLIC-WRITE',
    severity: vscode.DiagnosticSeverity.Error,
    element: { line: 'acl    = "public-read-write"', covers: ['acl    = "public-read-write"', '"public-read-write"'] },
    message: [/public-read-write/, /anyone|everyone|AllUsers/i, /write|upload|overwrite|delete/i],
  },
  {
    title: 'CloudFormation YAML: AccessControl: PublicRead is public read, on AccessControl',
    file: 'cloudformation/public-assets.yaml',
    ruleId: 'S3-PUBLIC-READ',
    severity: vscode.DiagnosticSeverity.Warning,
    element: { line: 'AccessControl: PublicRead', covers: ['AccessControl: PublicRead', 'PublicRead'] },
    message: [/PublicRead|public-read/i, /anyone|everyone|AllUsers/i],
  },
  {
    title: 'CloudFormation JSON: a bucket policy with Principal "*" and s3:PutObject is public write, on the Principal',
    file: 'cloudformation/public-dropbox.json',
    ruleId: 'S3-PUBLIC-WRITE',
    severity: vscode.DiagnosticSeverity.Error,
    element: { line: '"Principal": "*"', covers: ['"Principal": "*"', '"*"'] },
    message: [/s3:PutObject/, /anyone|everyone|public/i],
  },
  {
    title: 'raw bucket-policy JSON: Principal {"AWS": "*"} with s3:GetObject is public read, on the Principal',
    file: 'policies/public-reports-policy.json',
    ruleId: 'S3-PUBLIC-READ',
    severity: vscode.DiagnosticSeverity.Warning,
    element: { line: '"Principal": { "AWS": "*" }', covers: ['"Principal": { "AWS": "*" }', '{ "AWS": "*" }', '"AWS": "*"', '"*"'] },
    message: [/s3:GetObject/, /anyone|everyone|public/i],
  },
];

/** The diagnostic's range must be exactly one of the element's spans on the element's line. */
function assertOnElement(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, element: ExpectedFinding['element']): void {
  const line = rangeOfText(document, element.line);
  const candidates = element.covers.map((text) => {
    const offsetInLine = element.line.indexOf(text);
    const start = line.start.translate(0, offsetInLine);
    return new vscode.Range(start, start.translate(0, text.length));
  });
  assert.ok(
    candidates.some((candidate) => candidate.isEqual(diagnostic.range)),
    `range ${describeRange(diagnostic.range)} is not on the element; expected one of ${candidates.map(describeRange).join(', ')} ` +
      `(${element.covers.join(' | ')})`,
  );
}

suite('Diagnostics', () => {
  teardown(saveAndCloseAllEditors);

  for (const expected of EXPECTED) {
    test(expected.title, async () => {
      const document = await openWorkspaceFile(expected.file);
      await vscode.window.showTextDocument(document);
      const [diagnostic, ...others] = await waitForRule(document.uri, expected.ruleId);
      assert.equal(others.length, 0, `one ${expected.ruleId} expected:\n${describeDiagnostics([diagnostic, ...others])}`);
      assertOnElement(document, diagnostic, expected.element);
      assert.equal(diagnostic.severity, expected.severity, `severity of ${expected.ruleId}`);
      for (const pattern of expected.message) assert.match(diagnostic.message, pattern, 'the message does not say why');
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && String(code.target).includes(expected.ruleId), `the code links to the rule's documentation: ${JSON.stringify(code)}`);
    });
  }

  test('Terraform: a private bucket (Block Public Access on, one-account policy) has no public finding', async () => {
    const document = await openWorkspaceFile('terraform/private-data/main.tf');
    await vscode.window.showTextDocument(document);
    // The grant to another account is reported as such, which also shows the analysis ran.
    const [crossAccount] = await waitForRule(document.uri, 'S3-CROSS-ACCOUNT');
    assert.equal(crossAccount.range.start.line, rangeOfText(document, 'Principal = { AWS').start.line, `S3-CROSS-ACCOUNT at ${describeRange(crossAccount.range)}`);
    const publicFindings = ourDiagnostics(document.uri).filter((d) => /^S3-PUBLIC-/.test(ruleIdOf(d) ?? ''));
    assert.equal(publicFindings.length, 0, `false public alarm:\n${describeDiagnostics(publicFindings)}`);
  });

  test('Terraform that does not parse gets S3-PARSE-ERROR, and nothing else is guessed', async () => {
    const document = await openWorkspaceFile('terraform/broken/main.tf');
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-PARSE-ERROR');
    const guessed = ourDiagnostics(document.uri).filter((d) => /^S3-PUBLIC-(READ|WRITE)$/.test(ruleIdOf(d) ?? ''));
    assert.equal(guessed.length, 0, `public finding from a file that does not parse:\n${describeDiagnostics(guessed)}`);
  });

  test('diagnostics follow edits: replacing the public principal clears S3-PUBLIC-READ, restoring it brings it back', async () => {
    const folder = await scratchCopy('terraform/public-site', 'follow edits terraform');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'main.tf'));
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-PUBLIC-READ');

    const privatePrincipal = 'Principal = { AWS = "arn:aws:iam::111122223333:root" }';
    const toPrivate = new vscode.WorkspaceEdit();
    toPrivate.replace(document.uri, rangeOfText(document, 'Principal = "*"'), privatePrincipal);
    assert.ok(await vscode.workspace.applyEdit(toPrivate), 'edit not applied');
    await waitForDiagnostics(document.uri, (d) => d.every((x) => ruleIdOf(x) !== 'S3-PUBLIC-READ'), 'S3-PUBLIC-READ to disappear after the edit');
    assert.equal(diagnosticsOfRule(document.uri, 'S3-PARSE-ERROR').length, 0, 'the edited file still parses');

    const toPublic = new vscode.WorkspaceEdit();
    toPublic.replace(document.uri, rangeOfText(document, privatePrincipal), 'Principal = "*"');
    assert.ok(await vscode.workspace.applyEdit(toPublic), 'edit not applied');
    const [back] = await waitForRule(document.uri, 'S3-PUBLIC-READ');
    assert.equal(back.range.start.line, rangeOfText(document, 'Principal = "*"').start.line);
  });

  test('diagnostics follow edits in CloudFormation YAML: AccessControl: Private clears S3-PUBLIC-READ', async () => {
    const file = await scratchCopy('cloudformation/public-assets.yaml', 'follow edits yaml');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await waitForRule(document.uri, 'S3-PUBLIC-READ');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, rangeOfText(document, 'PublicRead'), 'Private');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit not applied');
    await waitForDiagnostics(document.uri, (d) => d.every((x) => !/^S3-PUBLIC-/.test(ruleIdOf(x) ?? '')), 'the public findings to disappear');
  });

  test('every finding on the fixture files names a known rule and links to its documentation', async () => {
    for (const file of ['terraform/public-site/main.tf', 'terraform/public-site/uploads.tf', 'cloudformation/public-assets.yaml']) {
      const document = await openWorkspaceFile(file);
      await waitForDiagnostics(document.uri, (d) => d.length > 0, `findings on ${file}`);
      for (const diagnostic of ourDiagnostics(document.uri)) {
        const ruleId = ruleIdOf(diagnostic);
        if (ruleId === undefined) continue; // a note (e.g. a file over the size limit) carries no rule
        assert.match(ruleId, /^S3-(PUBLIC-(WRITE|READ|PERMISSIONS|UNKNOWN)|CROSS-ACCOUNT|BPA-MISSING|LOGGING-MISSING|LOGGING-TO-SELF|PARSE-ERROR)$/);
        assert.ok(diagnostic.message.length > 20, `a message that says why: "${diagnostic.message}"`);
      }
    }
  });
});
