import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FIXTURES, positionOf, REPO_ROOT, runCliProcess } from './runCliProcess';

const FINDING_LINE = /^(\S+):(\d+):(\d+) {2}(error|warning|info) +(S3-[A-Z-]+) {2}(.+)$/;
const SUMMARY_LINE = /^(\d+) findings? \((\d+) errors?, (\d+) warnings?, (\d+) info\) in (\d+) files?; (\d+) suppressed$/;

function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

interface ParsedText {
  findings: Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }>;
  summary: { findings: number; errors: number; warnings: number; info: number; files: number; suppressed: number };
  lines: string[];
}

function parseTextReport(stdout: string): ParsedText {
  const lines = stdout.trimEnd().split('\n');
  const findings = lines.flatMap((line) => {
    const match = FINDING_LINE.exec(line);
    return match ? [{ file: match[1], line: Number(match[2]), column: Number(match[3]), severity: match[4], ruleId: match[5], message: match[6] }] : [];
  });
  const summaryMatch = SUMMARY_LINE.exec(lines[lines.length - 1]);
  assert.ok(summaryMatch, `last line is the summary: ${lines[lines.length - 1]}`);
  const [, total, errors, warnings, info, files, suppressed] = summaryMatch.map(Number);
  return { findings, summary: { findings: total, errors, warnings, info, files, suppressed }, lines };
}

function assertNoStackTrace(stderr: string) {
  assert.doesNotMatch(stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, `no stack trace on stderr:\n${stderr}`);
  assert.doesNotMatch(stderr, /node:internal/);
}

interface JsonReport {
  version: string;
  findings: Array<{
    ruleId: string;
    severity: string;
    message: string;
    file: string;
    resource: string;
    publicAccess?: string;
    location: { startLine: number; startColumn: number; endLine: number; endColumn: number; startOffset: number; endOffset: number };
    related: Array<{ file: string; message: string; location: { startLine: number } }>;
    fixes: Array<{ title: string; isPreferred: boolean; edits: Array<{ file: string; newText: string; startOffset: number; endOffset: number }> }>;
    suppressed?: { reason: string };
  }>;
  summary: { findings: number; error: number; warning: number; info: number; suppressed: number; filesAnalyzed: number; skipped: Array<{ path: string; reason: string }> };
}

describe('scan: text output and exit codes', () => {
  test('a public-read Terraform module fails the default gate and points at the principal', async () => {
    const run = await runCliProcess(['scan', '--no-color', 'public-read-tf']);
    assert.equal(run.code, 1, run.stderr);
    const report = parseTextReport(run.stdout);
    const publicRead = report.findings.find((finding) => finding.ruleId === 'S3-PUBLIC-READ');
    assert.ok(publicRead, run.stdout);
    assert.equal(publicRead.file, 'public-read-tf/main.tf');
    assert.equal(publicRead.severity, 'warning');
    assert.equal(publicRead.line, positionOf(fixture('public-read-tf/main.tf'), 'Principal').line);
    assert.equal(report.summary.findings, report.findings.length);
    assert.equal(report.summary.errors + report.summary.warnings + report.summary.info, report.summary.findings);
    assert.equal(report.summary.warnings, report.findings.filter((finding) => finding.severity === 'warning').length);
    assert.equal(report.summary.files, 1);
    assert.equal(report.summary.suppressed, 0);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour codes');
  });

  test('fixes are listed by title under their finding', async () => {
    const json = JSON.parse((await runCliProcess(['scan', '--format', 'json', 'public-read-tf'])).stdout) as JsonReport;
    const text = (await runCliProcess(['scan', 'public-read-tf'])).stdout;
    const withFix = json.findings.find((finding) => finding.fixes.length > 0);
    assert.ok(withFix, 'the public-read module offers at least one fix');
    for (const fix of withFix.fixes) assert.ok(text.includes(`    fix ${fix.title}`), `fix "${fix.title}" listed`);
  });

  test('a clean module passes with an all-zero summary', async () => {
    const run = await runCliProcess(['scan', 'clean-tf']);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.stdout.trim(), '0 findings (0 errors, 0 warnings, 0 info) in 1 file; 0 suppressed');
  });

  test('CloudFormation public write is an error; --fail-on never always passes', async () => {
    const run = await runCliProcess(['scan', 'cloudformation/template.yaml']);
    assert.equal(run.code, 1);
    const write = parseTextReport(run.stdout).findings.find((finding) => finding.ruleId === 'S3-PUBLIC-WRITE');
    assert.ok(write, run.stdout);
    assert.equal(write.severity, 'error');
    assert.equal(write.file, 'cloudformation/template.yaml');
    assert.equal(write.line, positionOf(fixture('cloudformation/template.yaml'), 'Principal').line);
    assert.equal((await runCliProcess(['scan', '--fail-on', 'never', 'cloudformation'])).code, 0);
  });

  test('--fail-on error ignores warnings; --fail-on info counts info', async () => {
    assert.equal((await runCliProcess(['scan', '--fail-on', 'error', 'public-read-tf'])).code, 0);
    const malformedDefault = await runCliProcess(['scan', 'malformed']);
    const parsed = parseTextReport(malformedDefault.stdout);
    const parseError = parsed.findings.find((finding) => finding.ruleId === 'S3-PARSE-ERROR');
    assert.ok(parseError, malformedDefault.stdout);
    assert.equal(malformedDefault.code, parsed.findings.some((finding) => finding.severity !== 'info') ? 1 : 0);
    assert.equal((await runCliProcess(['scan', '--fail-on', 'info', 'malformed'])).code, 1);
    assertNoStackTrace(malformedDefault.stderr);
  });

  test('a suppressed finding is counted, not listed, and does not fail the gate', async () => {
    const run = await runCliProcess(['scan', 'suppressed-tf']);
    const report = parseTextReport(run.stdout);
    assert.ok(report.summary.suppressed >= 1, run.stdout);
    assert.ok(!report.findings.some((finding) => finding.ruleId === 'S3-PUBLIC-READ'), run.stdout);
    assert.equal(run.code, report.findings.some((finding) => finding.severity !== 'info') ? 1 : 0);

    const json = JSON.parse((await runCliProcess(['scan', '--format', 'json', 'suppressed-tf'])).stdout) as JsonReport;
    const suppressed = json.findings.find((finding) => finding.ruleId === 'S3-PUBLIC-READ');
    assert.equal(suppressed?.suppressed?.reason, 'public web assets behind the CDN, reviewed by security');
  });

  test('--disable drops a rule and --own-account makes a grant internal', async () => {
    const disabled = JSON.parse((await runCliProcess(['scan', '--format', 'json', '--disable', 'S3-PUBLIC-READ', 'public-read-tf'])).stdout) as JsonReport;
    assert.ok(!disabled.findings.some((finding) => finding.ruleId === 'S3-PUBLIC-READ'));

    const shared = JSON.parse((await runCliProcess(['scan', '--format', 'json', 'cross-account-json'])).stdout) as JsonReport;
    assert.ok(shared.findings.some((finding) => finding.ruleId === 'S3-CROSS-ACCOUNT'), JSON.stringify(shared.findings));
    const own = JSON.parse((await runCliProcess(['scan', '--format', 'json', '--own-account', '111122223333', 'cross-account-json'])).stdout) as JsonReport;
    assert.ok(!own.findings.some((finding) => finding.ruleId === 'S3-CROSS-ACCOUNT'));
  });
});

describe('scan: JSON output', () => {
  test('version, findings with 1-based positions and offsets, and a summary that adds up', async () => {
    const run = await runCliProcess(['scan', '--format', 'json', '--fail-on', 'never', '.']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(report.version, manifest.version);
    assert.ok(report.findings.length > 0);
    for (const finding of report.findings) {
      const text = fixture(finding.file);
      const { startLine, startColumn, startOffset, endOffset } = finding.location;
      const before = text.slice(0, startOffset);
      assert.equal(startLine, before.split('\n').length, `${finding.ruleId} line agrees with its offset`);
      assert.equal(startColumn, startOffset - (before.lastIndexOf('\n') + 1) + 1, `${finding.ruleId} column agrees with its offset`);
      assert.ok(endOffset >= startOffset && endOffset <= text.length);
      assert.ok(finding.resource.length > 0);
    }
    const unsuppressed = report.findings.filter((finding) => !finding.suppressed);
    assert.equal(report.summary.findings, unsuppressed.length);
    assert.equal(report.summary.error, unsuppressed.filter((finding) => finding.severity === 'error').length);
    assert.equal(report.summary.suppressed, report.findings.length - unsuppressed.length);
    const policy = report.findings.find((finding) => finding.file === 'policy-json/bucket-policy.json' && finding.ruleId === 'S3-PUBLIC-READ');
    assert.equal(policy?.publicAccess, 'read');
    const write = report.findings.find((finding) => finding.ruleId === 'S3-PUBLIC-WRITE');
    assert.ok(write?.publicAccess === 'write' || write?.publicAccess === 'read-write');
  });

  test('fix edits carry plain text: snippet placeholders are filled', async () => {
    const report = JSON.parse((await runCliProcess(['scan', '--format', 'json', '--fail-on', 'never', '.'])).stdout) as JsonReport;
    const edits = report.findings.flatMap((finding) => finding.fixes.flatMap((fix) => fix.edits));
    assert.ok(edits.length > 0);
    for (const edit of edits) assert.doesNotMatch(edit.newText, /\$\{\d+[:|}]|\$\d/, edit.newText);
  });
});

describe('scan: walking folders', () => {
  let workspace: string;

  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 's3sr-cli-'));
    const policy = fixture('policy-json/bucket-policy.json');
    const put = (relative: string, content: string | Buffer) => {
      mkdirSync(path.dirname(path.join(workspace, relative)), { recursive: true });
      writeFileSync(path.join(workspace, relative), content);
    };
    put('repo/policies/public.json', policy);
    put('repo/node_modules/dep/policy.json', policy);
    put('repo/.hidden/policy.json', policy);
    put('repo/.terraform/modules/x/policy.json', policy);
    put('repo/cdk.out/asset.0123abcd/policy.json', policy);
    put('repo/cdk.out/App.template.json', fixtureAsJsonTemplate());
    put('repo/excluded/policy.json', policy);
    put('repo/binary.tf', Buffer.from([0x72, 0x65, 0x73, 0x00, 0x01, 0x02]));
    put('repo/package.json', '{ "name": "not-iac" }');
    symlinkSync('..', path.join(workspace, 'repo', 'policies', 'loop'), 'dir');
    // One byte over the analyzer's 5 MiB limit, but otherwise a harmless policy.
    const huge = `{ "Version": "2012-10-17", "Statement": [] ${' '.repeat(5 * 1024 * 1024)}}`;
    put('repo/huge.json', huge);
  });

  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('skips dependency, hidden and CDK asset folders, follows a symlink loop once, notes binary and huge files', async () => {
    const run = await runCliProcess(['scan', '--format', 'json', '--fail-on', 'never', '--exclude', 'excluded/**', 'repo'], { cwd: workspace });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const files = new Set(report.findings.map((finding) => finding.file));
    assert.ok(files.has('repo/policies/public.json'), [...files].join(', '));
    assert.ok(files.has('repo/cdk.out/App.template.json'), [...files].join(', '));
    for (const file of files) assert.doesNotMatch(file, /node_modules|\.hidden|\.terraform|asset\.|excluded|loop/);
    const skipped = new Map(report.summary.skipped.map((entry) => [entry.path, entry.reason]));
    assert.match(skipped.get('repo/binary.tf') ?? '', /binary/);
    assert.match(skipped.get('repo/huge.json') ?? '', /larger than 5 MiB/);
    assert.ok(skipped.has('repo/package.json'), 'unrecognised JSON is reported as skipped');
    assert.equal(report.summary.filesAnalyzed, 2);

    const text = await runCliProcess(['scan', '--fail-on', 'never', 'repo'], { cwd: workspace });
    assert.ok(text.stdout.includes('note: skipped repo/binary.tf: binary file'), text.stdout);
    assert.ok(text.stdout.includes('note: skipped repo/huge.json: larger than 5 MiB'), text.stdout);
  });

  test('a hidden folder named on the command line is scanned', async () => {
    const report = JSON.parse((await runCliProcess(['scan', '--format', 'json', 'repo/.hidden'], { cwd: workspace })).stdout) as JsonReport;
    assert.ok(report.findings.some((finding) => finding.file === 'repo/.hidden/policy.json'));
  });

  test('--output writes the report to a file and keeps stdout empty', async () => {
    const output = path.join(workspace, 'report.json');
    const run = await runCliProcess(['scan', '--format', 'json', '--output', output, 'repo/policies'], { cwd: workspace });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Report written to/);
    const report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
    assert.ok(report.findings.length > 0);
  });
});

describe('usage and errors', () => {
  test('an unknown option and a missing path end with exit 2, a one-line reason and no stack trace', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['scan', '--bogus', '.'], /unknown option --bogus/],
      [['scan', 'no/such/folder'], /path not found: no\/such\/folder/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliProcess(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
      assert.match(run.stderr, /--help/);
      assert.equal(run.stdout, '');
      assertNoStackTrace(run.stderr);
    }
  });

  test('an unwritable --output is a clear error, not a crash', async () => {
    const run = await runCliProcess(['scan', '--output', path.join(FIXTURES, 'no-such-dir', 'out.txt'), 'clean-tf']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot write .*out\.txt \(ENOENT\)/);
    assertNoStackTrace(run.stderr);
  });

  test('--help, --version and rules', async () => {
    const help = await runCliProcess(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage:/);
    assert.match(help.stdout, /--fail-on/);
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal((await runCliProcess(['--version'])).stdout.trim(), manifest.version);
    const rules = await runCliProcess(['rules']);
    assert.equal(rules.code, 0);
    for (const id of ['S3-PUBLIC-WRITE', 'S3-PUBLIC-READ', 'S3-PUBLIC-PERMISSIONS', 'S3-PUBLIC-UNKNOWN', 'S3-CROSS-ACCOUNT', 'S3-BPA-MISSING', 'S3-LOGGING-MISSING', 'S3-LOGGING-TO-SELF', 'S3-PARSE-ERROR']) {
      assert.match(rules.stdout, new RegExp(`^${id} +(error|warning|info) +\\S`, 'm'));
      assert.ok(rules.stdout.includes(`/docs/rules/${id}.md`), id);
    }
  });
});

/** The CloudFormation fixture as JSON, the way `cdk synth` writes templates. */
function fixtureAsJsonTemplate(): string {
  return JSON.stringify(
    {
      Resources: {
        UploadBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'example-cdk' } },
        UploadBucketPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: 'UploadBucket' },
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::example-cdk/*' }],
            },
          },
        },
      },
    },
    null,
    1,
  );
}
