import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from './runCliProcess';

const BUILT_CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

// `npm test` builds first; a bare unit-test run without dist/ skips this instead of failing.
describe('the bundled CLI (dist/cli.js)', { skip: existsSync(BUILT_CLI) ? false : 'dist/cli.js not built' }, () => {
  test('loads the Terraform grammar from next to the bundle and reports like the source', () => {
    const run = spawnSync(process.execPath, [BUILT_CLI, 'scan', '--format', 'json', 'public-read-tf', 'cloudformation', 'policy-json'], {
      cwd: FIXTURES,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    const parseErrors = report.findings.filter((finding) => finding.ruleId === 'S3-PARSE-ERROR');
    assert.deepEqual(parseErrors.map((finding) => finding.message), []);
    const publicFiles = new Set(report.findings.filter((finding) => finding.ruleId.startsWith('S3-PUBLIC-')).map((finding) => finding.file));
    assert.deepEqual([...publicFiles].sort(), ['cloudformation/template.yaml', 'policy-json/bucket-policy.json', 'public-read-tf/main.tf']);
  });
});
