import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { EXIT_INTERNAL, EXIT_USAGE, runCli } from '../../src/cli/runCli';

async function runInProcess(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    cwd: path.join(__dirname, 'fixtures'),
    env: {},
    stdoutIsTTY: false,
    writeStdout: (text) => (stdout += text),
    writeStderr: (text) => (stderr += text),
    version: '9.9.9-test',
  });
  return { code, stdout, stderr };
}

describe('runCli usage errors (in process)', () => {
  const cases: Array<[string[], RegExp]> = [
    [['scan'], /at least one file or folder/],
    [['scan', '--format', 'xml', '.'], /--format must be one of text, json, sarif/],
    [['scan', '--fail-on', 'high', '.'], /--fail-on must be one of/],
    [['scan', '--disable', 'S3-NOPE', '.'], /unknown rule "S3-NOPE"/],
    [['scan', '--own-account', 'abc', '.'], /12-digit/],
    [['scan', '.', '--output'], /--output needs a value/],
    [[], /no command/],
    [['lint', '.'], /unknown command "lint"/],
  ];
  for (const [argv, message] of cases) {
    test(`exit 2 for: ${argv.join(' ') || '(nothing)'}`, async () => {
      const run = await runInProcess(argv);
      assert.equal(run.code, EXIT_USAGE);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trimEnd().split('\n').length, 2, 'reason plus a pointer to --help');
      assert.equal(run.stdout, '');
    });
  }

  test('every rule id the registry knows can be disabled', async () => {
    const rules = JSON.parse((await runInProcess(['rules', '--format', 'json'])).stdout) as Array<{ id: string; docsUrl: string }>;
    assert.ok(rules.length >= 9);
    const run = await runInProcess(['scan', '--fail-on', 'never', ...rules.flatMap((rule) => ['--disable', rule.id]), '.']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^0 findings \(0 errors, 0 warnings, 0 info\) in \d+ files; 0 suppressed$/m);
  });

  test('--version prints the version it was given', async () => {
    assert.equal((await runInProcess(['--version'])).stdout, '9.9.9-test\n');
  });

  test('an internal failure is one line on stderr and exit 3', async () => {
    let stderr = '';
    const code = await runCli({
      argv: ['scan', 'clean-tf'],
      cwd: path.join(__dirname, 'fixtures'),
      env: {},
      stdoutIsTTY: false,
      writeStdout: () => {
        throw new Error('disk on fire\nsecond line');
      },
      writeStderr: (text) => (stderr += text),
      version: '9.9.9-test',
    });
    assert.equal(code, EXIT_INTERNAL);
    assert.equal(stderr, 's3-security-review: internal error: disk on fire\n');
  });
});
