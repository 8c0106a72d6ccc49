import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SarifLog } from '../../src/cli/format/sarifTypes';
import { FINGERPRINT_KEY } from '../../src/cli/format/sarifFormat';
import { FIXTURES, positionOf, REPO_ROOT, runCliProcess } from '../cli/runCliProcess';
import { sarifValidator } from './sarifValidator';

const PUBLIC_RULES = new Set(['S3-PUBLIC-READ', 'S3-PUBLIC-WRITE', 'S3-PUBLIC-PERMISSIONS']);

async function sarifOf(args: string[], cwd = FIXTURES): Promise<SarifLog> {
  const run = await runCliProcess(['scan', '--format', 'sarif', '--fail-on', 'never', ...args], { cwd });
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as SarifLog;
}

describe('SARIF from the CLI over every fixture', () => {
  let log: SarifLog;
  before(async () => {
    log = await sarifOf(['.']);
  });

  test('is valid against the OASIS SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
  });

  test('describes the tool and every rule the way GitHub code scanning needs', () => {
    const run = log.runs[0];
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run.tool.driver.name, 'S3 Security Review');
    assert.equal(run.tool.driver.semanticVersion, manifest.version);
    assert.ok(run.tool.driver.informationUri.startsWith('https://'));
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.invocations[0].executionSuccessful, true);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(FIXTURES).href + '/');
    const ids = run.tool.driver.rules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 9);
    for (const rule of run.tool.driver.rules) {
      assert.equal(rule.helpUri, `https://github.com/s3-security-review/s3-security-review/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > 0, rule.id);
      assert.ok(rule.help.markdown.length > 0 && rule.help.text.length > 0, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.deepEqual(rule.properties.tags, ['security']);
      const severity = Number(rule.properties['security-severity']);
      assert.ok(severity > 0 && severity <= 10, `${rule.id} security-severity ${severity}`);
    }
    const severityOf = (id: string) => Number(run.tool.driver.rules.find((rule) => rule.id === id)?.properties['security-severity']);
    assert.ok(severityOf('S3-PUBLIC-WRITE') >= 9 && severityOf('S3-PUBLIC-PERMISSIONS') >= 9, 'write is critical');
    assert.ok(severityOf('S3-PUBLIC-READ') >= 7 && severityOf('S3-PUBLIC-READ') < 9, 'read is high');
    assert.ok(severityOf('S3-CROSS-ACCOUNT') < severityOf('S3-PUBLIC-READ'));
  });

  test('results: rule index, relative URIs, 1-based regions that match the file, resource and public access', () => {
    const run = log.runs[0];
    assert.ok(run.results.length > 0);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const location = result.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!location.artifactLocation.uri.startsWith('/') && !location.artifactLocation.uri.includes('\\'));
      const text = readFileSync(path.join(FIXTURES, decodeURIComponent(location.artifactLocation.uri)), 'utf8');
      const region = location.region;
      assert.ok(region && region.startLine !== undefined && region.startColumn !== undefined);
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
      const before = text.slice(0, region.charOffset);
      assert.equal(region.startLine, before.split('\n').length);
      assert.equal(region.startColumn, region.charOffset - (before.lastIndexOf('\n') + 1) + 1);
      assert.ok(result.message.text.length > 0);
      assert.ok(result.properties.resource.length > 0);
      if (PUBLIC_RULES.has(result.ruleId)) assert.ok(['read', 'write', 'read-write'].includes(result.properties.publicAccess ?? ''), result.ruleId);
    }
    const cfnWrite = run.results.find((result) => result.ruleId === 'S3-PUBLIC-WRITE' && result.locations[0].physicalLocation.artifactLocation.uri === 'cloudformation/template.yaml');
    assert.ok(cfnWrite);
    assert.equal(cfnWrite.level, 'error');
    assert.equal(cfnWrite.locations[0].physicalLocation.region?.startLine, positionOf(readFileSync(path.join(FIXTURES, 'cloudformation/template.yaml'), 'utf8'), 'Principal').line);
    assert.equal(cfnWrite.properties.resource, 'UploadBucketPolicy');
  });

  test('fingerprints are present and unique; suppressions carry the reason', () => {
    const results = log.runs[0].results;
    const fingerprints = results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    assert.ok(fingerprints.every((fingerprint) => /^[0-9a-f]{32}:\d+$/.test(fingerprint)));
    assert.equal(new Set(fingerprints).size, fingerprints.length);
    const suppressed = results.filter((result) => result.suppressions.length > 0);
    assert.ok(suppressed.length >= 1);
    const publicRead = suppressed.find((result) => result.ruleId === 'S3-PUBLIC-READ');
    assert.deepEqual(
      publicRead?.suppressions.map(({ kind, justification }) => ({ kind, justification })),
      [{ kind: 'inSource', justification: 'public web assets behind the CDN, reviewed by security' }],
    );
  });

  test('fixes are plain replacements within the file', () => {
    const fixes = log.runs[0].results.flatMap((result) => result.fixes ?? []);
    assert.ok(fixes.length > 0);
    for (const fix of fixes) {
      assert.ok(fix.description.text.length > 0);
      for (const change of fix.artifactChanges) {
        const text = readFileSync(path.join(FIXTURES, decodeURIComponent(change.artifactLocation.uri)), 'utf8');
        for (const replacement of change.replacements) {
          assert.doesNotMatch(replacement.insertedContent.text, /\$\{\d+[:|}]/);
          assert.ok(replacement.deletedRegion.charOffset + replacement.deletedRegion.charLength <= text.length);
          assert.ok((replacement.deletedRegion.startLine ?? 0) >= 1);
        }
      }
    }
  });
});

describe('SARIF fingerprints across edits', () => {
  let workspace: string;
  before(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 's3sr-sarif-'));
    cpSync(path.join(FIXTURES, 'public-read-tf'), path.join(workspace, 'module'), { recursive: true });
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('stay the same when lines are added above or the file is re-indented, change when the file moves', async () => {
    const file = path.join(workspace, 'module', 'main.tf');
    const original = readFileSync(file, 'utf8');
    const fingerprintsOf = (sarif: SarifLog) =>
      new Map(sarif.runs[0].results.map((result) => [`${result.ruleId} ${result.properties.resource}`, result.partialFingerprints[FINGERPRINT_KEY]]));
    const before = await sarifOf(['module'], workspace);
    assert.ok(before.runs[0].results.length > 0);

    writeFileSync(file, `# a comment added later\n\nterraform {\n}\n\n${original}`);
    const shifted = await sarifOf(['module'], workspace);
    const publicReadLine = (sarif: SarifLog) =>
      sarif.runs[0].results.find((result) => result.ruleId === 'S3-PUBLIC-READ')?.locations[0].physicalLocation.region?.startLine;
    assert.equal(publicReadLine(shifted), (publicReadLine(before) ?? 0) + 5);
    assert.deepEqual(fingerprintsOf(shifted), fingerprintsOf(before));

    writeFileSync(file, original.replace(/^ +/gm, (indent) => indent + indent));
    assert.deepEqual(fingerprintsOf(await sarifOf(['module'], workspace)), fingerprintsOf(before));

    writeFileSync(file, original);
    cpSync(path.join(workspace, 'module'), path.join(workspace, 'moved'), { recursive: true });
    const moved = fingerprintsOf(await sarifOf(['moved'], workspace));
    assert.equal(moved.size, fingerprintsOf(before).size);
    for (const [key, fingerprint] of fingerprintsOf(before)) assert.notEqual(moved.get(key), fingerprint, key);
  });
});
