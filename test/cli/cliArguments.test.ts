import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCliArguments, UsageError } from '../../src/cli/cliArguments';

const RULES = ['S3-PUBLIC-READ', 'S3-LOGGING-MISSING'];

function usageError(argv: string[]): string {
  try {
    parseCliArguments(argv, RULES);
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`expected ${argv.join(' ')} to be rejected`);
}

describe('parseCliArguments', () => {
  test('scan with every option', () => {
    const command = parseCliArguments(
      ['scan', '--format', 'sarif', '-o', 'out.sarif', '--fail-on', 'error', '--exclude', 'test/**', '--exclude=*.yml',
        '--own-account', '111111111111,222222222222', '--disable', 's3-logging-missing', '--no-color', 'a', 'b'],
      RULES,
    );
    assert.deepEqual(command, {
      kind: 'scan',
      options: {
        format: 'sarif',
        output: 'out.sarif',
        failOn: 'error',
        excludes: ['test/**', '*.yml'],
        ownAccountIds: ['111111111111', '222222222222'],
        disabledRules: ['S3-LOGGING-MISSING'],
        noColor: true,
        paths: ['a', 'b'],
      },
    });
  });

  test('defaults: text, fail on warning', () => {
    const command = parseCliArguments(['scan', '.'], RULES);
    assert.equal(command.kind, 'scan');
    if (command.kind === 'scan') {
      assert.equal(command.options.format, 'text');
      assert.equal(command.options.failOn, 'warning');
      assert.equal(command.options.output, undefined);
    }
  });

  test('help, version and rules', () => {
    assert.deepEqual(parseCliArguments(['--help'], RULES), { kind: 'help' });
    assert.deepEqual(parseCliArguments(['scan', '--help'], RULES), { kind: 'help' });
    assert.deepEqual(parseCliArguments(['--version'], RULES), { kind: 'version' });
    assert.deepEqual(parseCliArguments(['rules'], RULES), { kind: 'rules', format: 'text' });
    assert.deepEqual(parseCliArguments(['rules', '--format', 'json'], RULES), { kind: 'rules', format: 'json' });
  });

  test('usage errors say what is wrong', () => {
    assert.match(usageError([]), /no command/);
    assert.match(usageError(['scan']), /at least one file or folder/);
    assert.match(usageError(['scan', '--bogus', '.']), /unknown option --bogus/);
    assert.match(usageError(['scan', '.', '--format']), /--format needs a value/);
    assert.match(usageError(['scan', '--format', 'xml', '.']), /--format must be one of text, json, sarif/);
    assert.match(usageError(['scan', '--fail-on', 'critical', '.']), /--fail-on must be one of/);
    assert.match(usageError(['scan', '--own-account', '12345', '.']), /12-digit/);
    assert.match(usageError(['scan', '--disable', 'S3-NOPE', '.']), /unknown rule "S3-NOPE"/);
    assert.match(usageError(['scan', '--no-color=yes', '.']), /--no-color does not take a value/);
    assert.match(usageError(['deploy']), /unknown command "deploy"/);
    assert.match(usageError(['--format', 'json']), /unknown option --format/);
    assert.match(usageError(['rules', 'extra']), /unexpected argument extra/);
  });
});
