/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activationTiming } from './activationTiming';
import { extensionUnderTest } from './extensionUnderTest';
import { describeDiagnostics, ourDiagnostics, waitForDiagnostics } from './findings';
import { describeOutboundAttempts, outboundAttempts, startRecordingOutboundConnections } from './outboundConnections';
import { waitFor } from './waitFor';
import { generateTerraform } from '../../../bench/terraformGenerate';
import { saveAndCloseAllEditors, showWorkspaceFile, workspaceRoot, workspaceUri } from './workspaceFiles';

const FIRST_FILE = 'terraform/public-site/main.tf';

suite('Activation', () => {
  suiteSetup(() => startRecordingOutboundConnections());

  test('activates without error on its activation events, and its first analysis shows findings', async () => {
    const extension = extensionUnderTest();
    // The fixture workspace holds .tf files: with `workspaceContains:**/*.tf` the extension is already
    // active when the suite starts; otherwise it activates when the first Terraform file opens.
    const activeAtStart = extension.isActive;
    const declaredEvents = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!declaredEvents.includes('*'), 'activationEvents has "*": the extension would load in every window');
    const opened = Date.now();
    await showWorkspaceFile(FIRST_FILE);
    if (!activeAtStart) {
      await waitFor(() => extension.isActive, `activation after opening ${FIRST_FILE}`, 20_000).catch(async (error: unknown) => {
        await extension.activate(); // rejects with the extension's own error when activate() threw
        throw error;
      });
      console.log(`    activated ${Date.now() - opened} ms after ${FIRST_FILE} opened`);
    } else {
      console.log(`    activated at startup (activationEvents: ${declaredEvents.join(', ')})`);
    }
    // Resolves once activation has finished; rejects if activate() threw.
    await extension.activate();
    const timing = activationTiming();
    if (timing?.activateResolvedMs !== undefined && timing.codeLoadingMs !== undefined) {
      console.log(`    ACTIVATION_MS=${(timing.codeLoadingMs + timing.activateResolvedMs).toFixed(0)} (require ${timing.codeLoadingMs.toFixed(0)} ms + activate() ${timing.activateResolvedMs.toFixed(0)} ms, measured in the extension host)`);
    } else {
      console.log('    activation time not measured (the host probes are preloaded only by scripts/e2e/run.mjs)');
    }
    const uri = workspaceUri(FIRST_FILE);
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0, `the first findings on ${FIRST_FILE}`);
    console.log(`    FIRST_ANALYSIS_MS=${Date.now() - opened} (${FIRST_FILE} opened → its findings shown)`);
    assert.ok(ourDiagnostics(uri).length > 0, describeDiagnostics(ourDiagnostics(uri)));
  });

  test('a 5,000-line Terraform file gets its first findings soon after it opens', async () => {
    const text = generateTerraform(500);
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'large-module', 'main.tf');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const opened = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 100, 'the findings of the 5,000-line file', 60_000);
    console.log(`    LARGE_FILE_FIRST_DIAGNOSTIC_MS=${Date.now() - opened} (${text.split('\n').length} lines, ${ourDiagnostics(uri).length} findings)`);
    await saveAndCloseAllEditors();
  });

  test('its commands are registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    const contributed = ((extensionUnderTest().packageJSON as { contributes?: { commands?: Array<{ command: string }> } }).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.includes('s3SecurityReview.scanWorkspace'), 'package.json does not contribute s3SecurityReview.scanWorkspace');
    for (const command of contributed) assert.ok(commands.includes(command), `${command} is contributed but not registered`);
  });

  test('its getting-started walkthrough opens', async () => {
    const extension = extensionUnderTest();
    const walkthroughs = ((extension.packageJSON as { contributes?: { walkthroughs?: Array<{ id: string }> } }).contributes?.walkthroughs ?? []).map((w) => w.id);
    assert.deepEqual(walkthroughs, ['s3SecurityReview.gettingStarted']);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.id}#${walkthroughs[0]}`, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('reaches no network while activating and analysing', () => {
    const attempts = outboundAttempts();
    assert.equal(attempts.length, 0, `outbound network attempts:\n${describeOutboundAttempts(attempts)}`);
  });
});
