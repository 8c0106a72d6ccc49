import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../src/core/analyze';
import { fileSizeLimitBytes, moduleNotAnalysedNote, oversizedFileNote, utf8Size } from '../../src/diagnostics/fileSizeLimit';

describe('fileSizeLimitBytes', () => {
  test('takes the setting in KB, never beyond what the analyzer reads', () => {
    assert.equal(fileSizeLimitBytes(100), 100 * 1024);
    assert.equal(fileSizeLimitBytes(1_000_000), MAX_FILE_BYTES);
    assert.equal(fileSizeLimitBytes(0), 1024);
  });
});

describe('utf8Size', () => {
  test('counts bytes, not characters', () => {
    assert.equal(utf8Size('abc'), 3);
    assert.equal(utf8Size('é'), 2);
  });
});

describe('oversizedFileNote', () => {
  test('says how to raise the limit when the setting is below what the analyzer can read', () => {
    const note = oversizedFileNote(300 * 1024 + 1, 100);
    assert.match(note, /skipped this file: it is 300 KB, over the 100 KB limit/);
    assert.match(note, /Raise "s3SecurityReview\.maxFileSizeKB" to at least 301/);
  });

  test('says the file must be split when no setting can cover it', () => {
    const note = oversizedFileNote(MAX_FILE_BYTES + 1, 5120);
    assert.doesNotMatch(note, /Raise/);
    assert.match(note, /split the file/);
  });
});

describe('moduleNotAnalysedNote', () => {
  test('names the files that kept the module from being judged', () => {
    const note = moduleNotAnalysedNote([{ name: 'generated.tf', bytes: 2 * 1024 * 1024 }], 1024);
    assert.match(note, /did not analyse this Terraform folder: generated\.tf \(2\.0 MB\) is over the 1024 KB limit/);
    assert.match(note, /to at least 2048/);
  });
});
