import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_ANALYSIS_SETTINGS, readAnalysisSettings, toAnalyzeOptions } from '../../src/diagnostics/analysisSettings';

function reader(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => values[key];
}

describe('readAnalysisSettings', () => {
  test('takes well-formed values as they are', () => {
    const settings = readAnalysisSettings(
      reader({
        'rules.disabled': ['S3-LOGGING-MISSING'],
        'rules.severity': { 'S3-BPA-MISSING': 'info' },
        exclude: ['**/build/**'],
        ownAccountIds: ['123456789012'],
        analyzeOnType: false,
        maxFileSizeKB: 100,
      }),
    );
    assert.deepEqual(settings, {
      disabledRules: ['S3-LOGGING-MISSING'],
      severityOverrides: { 'S3-BPA-MISSING': 'info' },
      exclude: ['**/build/**'],
      ownAccountIds: ['123456789012'],
      analyzeOnType: false,
      maxFileSizeKB: 100,
    });
  });

  test('falls back to the defaults when nothing is set', () => {
    assert.deepEqual(readAnalysisSettings(reader({})), DEFAULT_ANALYSIS_SETTINGS);
  });

  test('drops values of the wrong shape instead of passing them on', () => {
    const settings = readAnalysisSettings(
      reader({
        'rules.disabled': ['S3-PUBLIC-READ', 42, '  ', null],
        'rules.severity': { 'S3-PUBLIC-READ': 'fatal', 'S3-PUBLIC-WRITE': 'error', 'S3-BPA-MISSING': 3 },
        exclude: 'node_modules',
        ownAccountIds: [' 111122223333 '],
        analyzeOnType: 'yes',
        maxFileSizeKB: -5,
      }),
    );
    assert.deepEqual(settings.disabledRules, ['S3-PUBLIC-READ']);
    assert.deepEqual(settings.severityOverrides, { 'S3-PUBLIC-WRITE': 'error' });
    assert.deepEqual(settings.exclude, DEFAULT_ANALYSIS_SETTINGS.exclude);
    assert.deepEqual(settings.ownAccountIds, ['111122223333']);
    assert.equal(settings.analyzeOnType, true);
    assert.equal(settings.maxFileSizeKB, DEFAULT_ANALYSIS_SETTINGS.maxFileSizeKB);
  });

  test('an array is not a severity map', () => {
    assert.deepEqual(readAnalysisSettings(reader({ 'rules.severity': ['error'] })).severityOverrides, {});
  });
});

describe('toAnalyzeOptions', () => {
  test('passes the rule and account settings to the analyzer', () => {
    const settings = { ...DEFAULT_ANALYSIS_SETTINGS, disabledRules: ['S3-CROSS-ACCOUNT'], ownAccountIds: ['123456789012'], severityOverrides: { 'S3-PUBLIC-READ': 'warning' as const } };
    assert.deepEqual(toAnalyzeOptions(settings), {
      ownAccountIds: ['123456789012'],
      disabledRules: ['S3-CROSS-ACCOUNT'],
      severityOverrides: { 'S3-PUBLIC-READ': 'warning' },
    });
  });
});
