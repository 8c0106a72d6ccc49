import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../../src/cli/runCli';

const FIXTURES = path.join(__dirname, 'fixtures');

async function scanText(extraArgs: string[], options: { tty: boolean; env?: Record<string, string> }): Promise<string> {
  let stdout = '';
  const code = await runCli({
    argv: ['scan', ...extraArgs, 'public-read-tf'],
    cwd: FIXTURES,
    env: options.env ?? {},
    stdoutIsTTY: options.tty,
    writeStdout: (text) => (stdout += text),
    writeStderr: () => undefined,
    version: '0.0.0-test',
  });
  assert.equal(code, 1);
  return stdout;
}

const ESCAPE = '\u001b[';

describe('text colours', () => {
  test('coloured on a terminal', async () => {
    assert.ok((await scanText([], { tty: true })).includes(ESCAPE));
  });

  test('plain when piped, with --no-color, or with NO_COLOR set', async () => {
    const plain = await scanText([], { tty: false });
    assert.ok(!plain.includes(ESCAPE));
    assert.ok(!(await scanText(['--no-color'], { tty: true })).includes(ESCAPE));
    assert.ok(!(await scanText([], { tty: true, env: { NO_COLOR: '1' } })).includes(ESCAPE));
    const coloured = await scanText([], { tty: true });
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain, 'colour changes nothing but the escapes');
  });
});
