// The extensionTestsPath module: the extension host requires it and awaits run(). Resolving means
// success (exit code 0), rejecting means failure (exit code 1): the @vscode/test-electron contract.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { extensionErrorLines } from './extensionLog';
import { describeOutboundAttempts, outboundAttempts, startRecordingOutboundConnections } from './outboundConnections';

export async function run(): Promise<void> {
  // Before any test and before the extension activates (it is lazy), so every attempt is seen.
  startRecordingOutboundConnections();
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    grep: process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined,
  });
  // Files in name order; each runs its scenarios against the same extension host.
  for (const name of readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, name));
  }
  // A root hook, so it covers every scenario: the analysis is local, nothing may go to the network.
  mocha.suite.afterAll('no outbound network connection during the whole suite', () => {
    const attempts = outboundAttempts();
    if (attempts.length > 0) throw new Error(`outbound network attempts:\n${describeOutboundAttempts(attempts)}`);
  });
  // ctx.logFailure writes unexpected failures (an analysis that threw, a failed command) to the
  // extension's log; a scenario can pass while one of those happened behind it.
  mocha.suite.afterAll('no error in the extension\'s log during the whole suite', () => {
    const errors = extensionErrorLines();
    if (errors.length > 0) throw new Error(`the extension logged errors:\n${errors.join('\n')}`);
  });

  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { suites: 0, tests: 0, passes: 0, pending: 0, failures: 1, start: new Date() }));
  });
  const result = { passed: stats.passes, failed: stats.failures, pending: stats.pending, durationMs: stats.duration ?? 0 };
  if (process.env.E2E_RESULT_FILE) writeFileSync(process.env.E2E_RESULT_FILE, `${JSON.stringify(result)}\n`);
  if (stats.failures > 0) throw new Error(`${stats.failures} end-to-end test(s) failed`);
  if (stats.passes === 0) throw new Error('no end-to-end test ran');
}
