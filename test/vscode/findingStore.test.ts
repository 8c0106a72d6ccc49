import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AnalysisUnit } from '../../src/diagnostics/documentSelection';
import { FindingStore } from '../../src/diagnostics/findingStore';
import type { FileResult, StoredFinding } from '../../src/diagnostics/unitResults';

const moduleUnit: AnalysisUnit = { kind: 'terraform-module', key: 'module file:///m', folderUri: 'file:///m' };
const policyUnit: AnalysisUnit = { kind: 'single-file', key: 'file file:///p.json', fileUri: 'file:///p.json' };

function stored(ruleId: string, line: number, message = `${ruleId} here`): StoredFinding {
  return {
    ruleId,
    severity: 'error',
    message,
    range: { start: { line, character: 2 }, end: { line, character: 8 } },
    related: [],
    fixes: [],
    sources: new Map(),
  };
}

function results(entries: Record<string, StoredFinding[]>): Map<string, FileResult> {
  return new Map(Object.entries(entries).map(([key, findings]) => [key, { findings, notes: [] }]));
}

describe('FindingStore', () => {
  test('shows each file its unit’s results and reports which files changed', () => {
    const store = new FindingStore();
    const changed = store.set(moduleUnit, results({ 'file:///m/a.tf': [stored('S3-PUBLIC-READ', 1)], 'file:///m/b.tf': [] }), false);
    assert.deepEqual(changed.sort(), ['file:///m/a.tf', 'file:///m/b.tf']);
    assert.equal(store.fileResult('file:///m/a.tf')?.findings.length, 1);
    assert.equal(store.fileResult('file:///p.json'), undefined);
  });

  test('replacing a unit also republishes files it no longer has', () => {
    const store = new FindingStore();
    store.set(moduleUnit, results({ 'file:///m/a.tf': [], 'file:///m/gone.tf': [stored('S3-BPA-MISSING', 0)] }), false);
    const changed = store.set(moduleUnit, results({ 'file:///m/a.tf': [] }), false);
    assert.deepEqual(changed.sort(), ['file:///m/a.tf', 'file:///m/gone.tf']);
    assert.equal(store.fileResult('file:///m/gone.tf'), undefined);
  });

  test('a unit with no files left is removed', () => {
    const store = new FindingStore();
    store.set(policyUnit, results({ 'file:///p.json': [] }), true);
    store.set(policyUnit, new Map(), true);
    assert.equal(store.has(policyUnit.key), false);
  });

  test('finds the finding behind a diagnostic by file, range, rule and message', () => {
    const store = new FindingStore();
    const read = stored('S3-PUBLIC-READ', 3);
    const write = stored('S3-PUBLIC-WRITE', 3);
    store.set(moduleUnit, results({ 'file:///m/a.tf': [read, write] }), false);
    const range = { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } };
    assert.deepEqual(store.findingsAt('file:///m/a.tf', range, 'S3-PUBLIC-WRITE', write.message), [write]);
    assert.deepEqual(store.findingsAt('file:///m/a.tf', range, 'S3-PUBLIC-WRITE', 'another message'), []);
    assert.deepEqual(store.findingsAt('file:///m/a.tf', { ...range, end: { line: 3, character: 9 } }, 'S3-PUBLIC-READ', read.message), []);
    assert.deepEqual(store.findingsAt('file:///m/b.tf', range, 'S3-PUBLIC-READ', read.message), []);
  });

  test('keeps the scan mark with the unit', () => {
    const store = new FindingStore();
    store.set(policyUnit, results({ 'file:///p.json': [] }), true);
    assert.equal(store.isScanned(policyUnit.key), true);
    store.set(moduleUnit, results({ 'file:///m/a.tf': [] }), false);
    assert.equal(store.isScanned(moduleUnit.key), false);
  });

  test('after a scan, drops scanned units it did not visit unless a document of them is open', () => {
    const store = new FindingStore();
    store.set(moduleUnit, results({ 'file:///m/a.tf': [stored('S3-PUBLIC-READ', 1)] }), true);
    store.set(policyUnit, results({ 'file:///p.json': [stored('S3-PUBLIC-WRITE', 1)] }), true);
    const changed = store.endScan(new Set(), (unit) => unit.key === moduleUnit.key);
    assert.deepEqual(changed, ['file:///p.json']);
    assert.equal(store.has(policyUnit.key), false);
    assert.equal(store.has(moduleUnit.key), true);
    assert.equal(store.isScanned(moduleUnit.key), false);
  });

  test('after a scan, keeps the units it visited', () => {
    const store = new FindingStore();
    store.set(policyUnit, results({ 'file:///p.json': [] }), true);
    assert.deepEqual(store.endScan(new Set([policyUnit.key]), () => false), []);
    assert.equal(store.isScanned(policyUnit.key), true);
  });

  test('clear returns every file that showed something', () => {
    const store = new FindingStore();
    store.set(moduleUnit, results({ 'file:///m/a.tf': [] }), false);
    store.set(policyUnit, results({ 'file:///p.json': [] }), true);
    assert.deepEqual(store.clear().sort(), ['file:///m/a.tf', 'file:///p.json']);
    assert.deepEqual(store.allUnits(), []);
  });
});
