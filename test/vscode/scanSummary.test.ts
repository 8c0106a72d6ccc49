import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanSummary } from '../../src/commands/scanSummary';

describe('scanSummary', () => {
  test('counts findings and files, most severe rule first', () => {
    const summary = scanSummary({
      findings: [
        { ruleId: 'S3-PUBLIC-READ', fileKey: 'a.tf' },
        { ruleId: 'S3-BPA-MISSING', fileKey: 'a.tf' },
        { ruleId: 'S3-PUBLIC-WRITE', fileKey: 'b.yaml' },
        { ruleId: 'S3-PUBLIC-READ', fileKey: 'c.json' },
      ],
      filesAnalysed: 12,
      filesSkipped: 0,
      cancelled: false,
    });
    assert.equal(summary, '4 findings in 3 files: 1 public write, 2 public read, 1 without Block Public Access.');
  });

  test('says so when nothing was found', () => {
    assert.equal(
      scanSummary({ findings: [], filesAnalysed: 1, filesSkipped: 0, cancelled: false }),
      'No findings in 1 file analysed.',
    );
  });

  test('mentions cancellation, skipped files and rules it has no words for', () => {
    const summary = scanSummary({
      findings: [{ ruleId: 'S3-NEW-RULE', fileKey: 'a.tf' }],
      filesAnalysed: 3,
      filesSkipped: 2,
      cancelled: true,
    });
    assert.equal(summary, 'Scan cancelled. 1 finding in 1 file: 1 S3-NEW-RULE. 2 files skipped (too large).');
  });
});
