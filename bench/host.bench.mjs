// Activation time and time-to-first-diagnostic measured inside the real VS Code host (the e2e runner's
// Activation scenarios): the extension's require + activate(), the first findings on a small Terraform
// file, and the first findings on a generated 5,000-line Terraform file. Last line: JSON.
import { spawn } from 'node:child_process';

const GOALS = { activationMs: 150, firstDiagnosticLargeFileMs: 500 };

function runActivationScenarios() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/e2e/run.mjs', '--grep', 'Activation'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`the e2e Activation scenarios failed (exit ${code})`))));
  });
}

function measured(output, name) {
  const match = new RegExp(`${name}=(\\d+)`).exec(output);
  return match ? Number(match[1]) : null;
}

const output = await runActivationScenarios();
const result = {
  activationMs: measured(output, 'ACTIVATION_MS'),
  firstDiagnosticSmallFileMs: measured(output, 'FIRST_ANALYSIS_MS'),
  firstDiagnosticLargeFileMs: measured(output, 'LARGE_FILE_FIRST_DIAGNOSTIC_MS'),
};
result.activationGoalMet = result.activationMs !== null && result.activationMs < GOALS.activationMs;
result.firstDiagnosticGoalMet = result.firstDiagnosticLargeFileMs !== null && result.firstDiagnosticLargeFileMs < GOALS.firstDiagnosticLargeFileMs;
console.log(`activation in the real host: ${result.activationMs} ms (goal < ${GOALS.activationMs} ms)`);
console.log(`first findings, small Terraform file: ${result.firstDiagnosticSmallFileMs} ms after open`);
console.log(`first findings, 5,000-line Terraform file: ${result.firstDiagnosticLargeFileMs} ms after open (goal < ${GOALS.firstDiagnosticLargeFileMs} ms)`);
console.log(JSON.stringify(result));
