import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob } from '../../../src/core/analysis/pathGlob';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern).matches(path);
}

describe('compileGlob', () => {
  test('a pattern without a slash matches a name at any depth', () => {
    assert.ok(matches('*.tf', 'main.tf'));
    assert.ok(matches('*.tf', 'infra/modules/main.tf'));
    assert.ok(!matches('*.tf', 'main.tfvars'));
    assert.ok(matches('fixtures', 'test/fixtures'));
    assert.ok(!matches('fixtures', 'test/fixtures2'));
  });

  test('a pattern with a slash is anchored at the scan folder', () => {
    assert.ok(matches('test/**', 'test/a/b.tf'));
    assert.ok(matches('test/**', 'test'), 'dir/** prunes the folder itself');
    assert.ok(!matches('test/**', 'src/test/a.tf'));
    assert.ok(matches('./test/*.tf', 'test/a.tf'));
    assert.ok(!matches('test/*.tf', 'test/sub/a.tf'));
  });

  test('** spans folders, * and ? stay in one segment', () => {
    assert.ok(matches('**/fixtures/**', 'a/b/fixtures/c/d.json'));
    assert.ok(matches('**/fixtures/**', 'fixtures/x.json'));
    assert.ok(matches('infra/**/*.yaml', 'infra/x.yaml'));
    assert.ok(matches('infra/**/*.yaml', 'infra/a/b/x.yaml'));
    assert.ok(matches('a?c.tf', 'abc.tf'));
    assert.ok(!matches('a?c.tf', 'a/c.tf'));
  });

  test('braces, classes and escaping of regex characters', () => {
    assert.ok(matches('*.{yaml,yml}', 'x/t.yml'));
    assert.ok(!matches('*.{yaml,yml}', 'x/t.json'));
    assert.ok(matches('[ab].tf', 'b.tf'));
    assert.ok(!matches('[!ab].tf', 'b.tf'));
    assert.ok(matches('cdk.out', 'app/cdk.out'));
    assert.ok(!matches('cdk.out', 'app/cdkXout'));
    assert.ok(matches('a+b(1).tf', 'a+b(1).tf'));
  });

  test('backslash separators in the pattern are read as slashes', () => {
    assert.ok(matches('test\\**', 'test/a.tf'));
  });
});
