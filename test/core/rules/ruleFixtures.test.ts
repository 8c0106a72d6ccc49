/**
 * One runner for every rule (KICS-style): each folder src/core/rules/<rule>/fixtures holds
 * positive-* and negative-* files or module folders, and expected.json lists, per fixture, the
 * findings of that rule (1-based line, optional column and publicAccess). Every fix offered on a
 * positive fixture is applied and the fixture re-analysed: the finding must be gone and the files
 * must still parse.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeFiles } from '../../../src/core/analyze';
import { applyTextEdits } from '../../../src/core/analysis/textEdits';
import type { Finding } from '../../../src/core/model/finding';
import type { SourceFile } from '../../../src/core/model/sourceFile';
import { allRules } from '../../../src/core/rules/registry';

interface ExpectedFinding {
  line: number;
  column?: number;
  publicAccess?: 'read' | 'write' | 'read-write';
  messageIncludes?: string;
}

const RULES_DIR = join('src', 'core', 'rules');

function ruleFolders(): Array<{ folder: string; ruleId: string }> {
  return readdirSync(RULES_DIR)
    .filter((name) => existsSync(join(RULES_DIR, name, 'rule.ts')))
    .map((name) => ({ folder: join(RULES_DIR, name), ruleId: name.toUpperCase() }));
}

function readFixture(path: string): SourceFile[] {
  if (!statSync(path).isDirectory()) return [{ path, text: readFileSync(path, 'utf8') }];
  return readdirSync(path).flatMap((name) => readFixture(join(path, name)));
}

function activeFindings(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId && !finding.suppressed);
}

function applyFix(files: SourceFile[], finding: Finding, fixIndex: number): SourceFile[] {
  const fix = finding.fixes[fixIndex];
  return files.map((file) => {
    const edits = fix.edits.filter((edit) => edit.file === file.path);
    return edits.length === 0 ? file : { path: file.path, text: applyTextEdits(file.text, edits, fix.snippet === true) };
  });
}

test('every rule in the registry has a fixture folder and every folder is a registered rule', () => {
  const folders = ruleFolders().map((entry) => entry.ruleId).sort();
  const registered = allRules.map((rule) => rule.id).sort();
  assert.deepEqual(folders, registered);
});

for (const { folder, ruleId } of ruleFolders()) {
  describe(ruleId, () => {
    const fixturesDir = join(folder, 'fixtures');
    const expectedPath = join(folder, 'expected.json');
    test('has positive and negative fixtures and an expected.json', () => {
      assert.ok(existsSync(fixturesDir), `${fixturesDir} is missing`);
      assert.ok(existsSync(expectedPath), `${expectedPath} is missing`);
      const names = readdirSync(fixturesDir);
      assert.ok(names.some((name) => name.startsWith('positive')), 'no positive fixture');
      assert.ok(names.some((name) => name.startsWith('negative')), 'no negative fixture');
    });
    if (!existsSync(fixturesDir) || !existsSync(expectedPath)) return;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Record<string, ExpectedFinding[]>;
    for (const name of readdirSync(fixturesDir).sort()) {
      test(name, async () => {
        const wanted = expected[name];
        assert.ok(wanted, `expected.json has no entry for ${name}`);
        if (name.startsWith('negative')) assert.equal(wanted.length, 0, 'a negative fixture expects no finding');
        else assert.ok(wanted.length > 0, 'a positive fixture expects at least one finding');

        const files = readFixture(join(fixturesDir, name));
        const result = await analyzeFiles(files);
        const found = activeFindings(result.findings, ruleId);
        const describeFound = found.map((finding) => `${finding.loc.range.start.line + 1}:${finding.loc.range.start.character + 1} ${finding.message}`);
        assert.equal(found.length, wanted.length, `findings of ${ruleId}:\n${describeFound.join('\n')}`);
        for (const expectation of wanted) {
          const match = found.find(
            (finding) =>
              finding.loc.range.start.line + 1 === expectation.line &&
              (expectation.column === undefined || finding.loc.range.start.character + 1 === expectation.column),
          );
          assert.ok(match, `no ${ruleId} finding at ${expectation.line}:${expectation.column ?? '*'}; found:\n${describeFound.join('\n')}`);
          if (expectation.publicAccess) assert.equal(match.publicAccess, expectation.publicAccess);
          if (expectation.messageIncludes) assert.ok(match.message.includes(expectation.messageIncludes), match.message);
        }
        const parseErrorsBefore = result.findings.filter((finding) => finding.ruleId === 'S3-PARSE-ERROR').length;
        if (ruleId !== 'S3-PARSE-ERROR') assert.equal(parseErrorsBefore, 0, 'fixture does not parse');

        for (const finding of found) {
          for (let index = 0; index < finding.fixes.length; index++) {
            const fixed = applyFix(files, finding, index);
            const after = await analyzeFiles(fixed);
            const title = finding.fixes[index].title;
            assert.ok(
              after.findings.filter((other) => other.ruleId === 'S3-PARSE-ERROR').length <= parseErrorsBefore,
              `fix "${title}" broke the syntax:\n${fixed.map((file) => file.text).join('\n---\n')}`,
            );
            assert.ok(
              activeFindings(after.findings, ruleId).length < found.length,
              `fix "${title}" did not remove the finding at ${finding.loc.range.start.line + 1}:\n${fixed.map((file) => file.text).join('\n---\n')}`,
            );
          }
        }
      });
    }
  });
}
