import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeMarkdown } from '../../src/views/markdownEscape';

describe('escapeMarkdown', () => {
  test('backslash-escapes every Markdown special so a name renders literally', () => {
    assert.equal(escapeMarkdown('a_b*c`d[e](f)'), 'a\\_b\\*c\\`d\\[e\\]\\(f\\)');
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('# heading'), '\\# heading');
  });

  test('breaks autolinks and command links', () => {
    const escaped = escapeMarkdown('see https://evil.example and [x](command:workbench.action.quit)');
    assert.ok(!escaped.includes('https://'));
    assert.ok(!escaped.includes('](command:'));
  });

  test('joins lines so a value cannot start a block of its own', () => {
    assert.equal(escapeMarkdown('one\n- two\r\n> three'), 'one \\- two \\> three');
  });

  test('leaves letters, digits, spaces and non-ASCII alone', () => {
    assert.equal(escapeMarkdown('my bucket 42 → café'), 'my bucket 42 → café');
  });
});
