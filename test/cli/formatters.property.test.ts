import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatJson } from '../../src/cli/format/jsonFormat';
import { FINGERPRINT_KEY, toSarifLog } from '../../src/cli/format/sarifFormat';
import { formatText } from '../../src/cli/format/textFormat';
import { summarize } from '../../src/cli/scanReport';
import { sarifValidator } from '../sarif/sarifValidator';
import { fcRuns, scanReportArbitrary, TEST_RULES, testDocsUrl } from './findingArbitraries';

const validateSarif = sarifValidator();
const sarifOptions = { version: '1.2.3', rules: TEST_RULES, ruleDocsUrl: testDocsUrl, cwd: '/work/repo' };

describe('report formatters on random findings', () => {
  test('SARIF is always valid against the OASIS 2.1.0 schema and keeps GitHub code scanning needs', () => {
    fc.assert(
      fc.property(scanReportArbitrary, (report) => {
        const log = toSarifLog(report, sarifOptions);
        const roundTripped: unknown = JSON.parse(JSON.stringify(log));
        assert.deepEqual(validateSarif(roundTripped), []);
        const run = log.runs[0];
        assert.equal(run.results.length, report.findings.length);
        const fingerprints = new Set<string>();
        run.results.forEach((result, index) => {
          const finding = report.findings[index];
          assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
          assert.equal(result.ruleId, finding.ruleId);
          const region = result.locations[0].physicalLocation.region;
          assert.ok(region && region.startLine !== undefined && region.startLine >= 1 && (region.startColumn ?? 0) >= 1);
          const fingerprint = result.partialFingerprints[FINGERPRINT_KEY];
          assert.match(fingerprint, /^[0-9a-f]{32}:\d+$/);
          assert.ok(!fingerprints.has(fingerprint), 'fingerprints identify one result each');
          fingerprints.add(fingerprint);
          assert.equal(result.properties.resource, finding.resource);
          if (finding.publicAccess) assert.equal(result.properties.publicAccess, finding.publicAccess);
          assert.equal(result.suppressions.length, finding.suppressed ? 1 : 0);
        });
        for (const rule of run.tool.driver.rules) assert.ok(rule.helpUri.startsWith('https://'));
      }),
      { numRuns: fcRuns() },
    );
  });

  test('text and JSON never throw and agree with the summary', () => {
    fc.assert(
      fc.property(scanReportArbitrary, fc.boolean(), (report, color) => {
        const summary = summarize(report);
        const text = formatText(report, { color });
        const lastLine = text.trimEnd().split('\n').pop() ?? '';
        assert.ok(lastLine.includes(`; ${summary.suppressed} suppressed`), lastLine);
        if (!color) assert.ok(!text.includes('\u001b['));
        const json = JSON.parse(formatJson(report, '1.2.3')) as { findings: Array<{ location: { startLine: number } }>; summary: { findings: number } };
        assert.equal(json.findings.length, report.findings.length);
        assert.equal(json.summary.findings, report.findings.filter((finding) => !finding.suppressed).length);
        for (const finding of json.findings) assert.ok(finding.location.startLine >= 1);
      }),
      { numRuns: fcRuns() },
    );
  });

  test('fingerprints do not move when lines are inserted above the finding', () => {
    fc.assert(
      fc.property(scanReportArbitrary, fc.string({ unit: fc.constantFrom('\n', ' ', '# note\n'), minLength: 1, maxLength: 10 }), (report, prefix) => {
        const shifted = {
          ...report,
          texts: new Map([...report.texts].map(([file, text]) => [file, prefix + text])),
          findings: report.findings.map((finding) => ({ ...finding, loc: shift(finding.loc, prefix) })),
        };
        const before = toSarifLog(report, sarifOptions).runs[0].results.map((result) => result.partialFingerprints);
        const after = toSarifLog(shifted, sarifOptions).runs[0].results.map((result) => result.partialFingerprints);
        assert.deepEqual(after, before);
      }),
      { numRuns: fcRuns() },
    );
  });
});

function shift<T extends { range: { start: { line: number; character: number }; end: { line: number; character: number }; startOffset: number; endOffset: number } }>(loc: T, prefix: string): T {
  const lines = prefix.split('\n').length - 1;
  const lastLineLength = prefix.length - (prefix.lastIndexOf('\n') + 1);
  const move = (position: { line: number; character: number }) => ({
    line: position.line + lines,
    character: position.line === 0 ? position.character + lastLineLength : position.character,
  });
  return {
    ...loc,
    range: { start: move(loc.range.start), end: move(loc.range.end), startOffset: loc.range.startOffset + prefix.length, endOffset: loc.range.endOffset + prefix.length },
  };
}
