import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { getEntry, toPlainJson, type LValue } from '../../../src/core/model/value';
import { parseLocatedJson as jsonToLValue, MAX_JSON_DEPTH as MAX_JSON_NESTING } from '../../../src/core/iac/jsonLocated';

function parsed(text: string): LValue {
  const result = jsonToLValue(text, 'f.json');
  if ('error' in result) assert.fail(`unexpected error: ${result.error.message}`);
  return result.value;
}

function errorOf(text: string): { message: string; offset: number } {
  const result = jsonToLValue(text, 'f.json');
  if (!('error' in result)) assert.fail('expected an error');
  return result.error;
}

function slice(text: string, value: { loc: { range: { startOffset: number; endOffset: number } } }): string {
  return text.slice(value.loc.range.startOffset, value.loc.range.endOffset);
}

describe('parseLocatedJson on policy-shaped input', () => {
  test('every key and value keeps its exact span', () => {
    const text = '{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", 12.5e1, true, null],\n  "Nested": {"k": {}}\n}';
    const root = parsed(text);
    assert.equal(root.kind, 'object');
    assert.equal(slice(text, root), text);
    const effect = getEntry(root, 'Effect');
    assert.ok(effect);
    assert.equal(text.slice(effect.keyLoc.range.startOffset, effect.keyLoc.range.endOffset), '"Effect"');
    assert.equal(slice(text, effect.value), '"Allow"');
    const action = getEntry(root, 'Action')?.value;
    assert.ok(action && action.kind === 'array');
    assert.deepEqual(action.items.map((item) => slice(text, item)), ['"s3:GetObject"', '12.5e1', 'true', 'null']);
    assert.equal(slice(text, action), '["s3:GetObject", 12.5e1, true, null]');
    assert.deepEqual(toPlainJson(root), { Effect: 'Allow', Action: ['s3:GetObject', 125, true, null], Nested: { k: {} } });
  });

  test('positions are 0-based lines and UTF-16 characters', () => {
    const text = '{\r\n  "a": "b"\r\n}';
    const entry = getEntry(parsed(text), 'a');
    assert.deepEqual(entry?.value.loc.range.start, { line: 1, character: 7 });
    assert.equal(entry?.value.loc.file, 'f.json');
  });

  test('escapes, \\u escapes and surrogate pairs decode; offsets stay on the written text', () => {
    const text = '{"s": "tab\\t quote\\" slash\\/ \\u00e9 \\ud83d\\ude00", "after": 1, "raw": "😀", "x": 2}';
    const root = parsed(text);
    assert.equal(getEntry(root, 's')?.value.kind === 'string' && (getEntry(root, 's')?.value as { value: string }).value, 'tab\t quote" slash/ é 😀');
    const after = getEntry(root, 'after');
    assert.ok(after);
    assert.equal(slice(text, after.value), '1');
    assert.equal(slice(text, getEntry(root, 'raw')?.value as LValue), '"😀"');
    assert.equal(slice(text, getEntry(root, 'x')?.value as LValue), '2');
  });

  test('duplicate keys are all kept, in order; lookups take the last', () => {
    const root = parsed('{"Effect": "Deny", "Effect": "Allow"}');
    assert.equal(root.kind === 'object' && root.entries.length, 2);
    const effect = getEntry(root, 'Effect')?.value;
    assert.equal(effect?.kind === 'string' && effect.value, 'Allow');
  });

  test('a byte-order mark is skipped', () => {
    const text = '\uFEFF{"a": 1}';
    const root = parsed(text);
    assert.equal(root.loc.range.startOffset, 1);
  });

  const errors: Array<[string, string, RegExp, number]> = [
    ['empty input', '   ', /end of input/, 3],
    ['a trailing comma', '{"a": 1,}', /quoted property name|expected a value/, 8],
    ['a trailing comma in an array', '[1, 2 , ]', /quoted property name|expected a value/, 8],
    ['an unterminated string', '{"a": "b', /Unterminated string/, 6],
    ['text after the value', '{"a": 1} x', /after the JSON value/, 9],
    ['a leading zero', '[01]', /Malformed number|Expected ',' or ']'/, 2],
    ['a bare minus', '[-]', /Malformed number|Expected ',' or ']'/, 1],
    ['a raw control character in a string', '"a\nb"', /Control character/, 2],
    ['a bad escape', '"\\x"', /Invalid escape/, 1],
    ['a short \\u escape', '"\\u12"', /Malformed \\u escape/, 1],
    ['a missing colon', '{"a" 1}', /Expected ':'/, 5],
    ['an unquoted key', '{a: 1}', /quoted property name/, 1],
    ['a comment', '{"a": 1 // no\n}', /Expected ',' or '}'/, 8],
    ['single quotes', "{'a': 1}", /quoted property name/, 1],
    ['a missing value', '{"a": }', /expected a value/, 6],
    ['an unclosed array', '[1, 2', /end of input inside an array/, 5],
    ['NaN', '[NaN]', /expected a value/, 1],
  ];
  for (const [label, text, message, offset] of errors) {
    test(`reports ${label} with its offset`, () => {
      const error = errorOf(text);
      assert.match(error.message, message);
      assert.equal(error.offset, offset);
    });
  }

  test('nesting beyond the limit is an error, not a stack overflow', () => {
    const deep = '['.repeat(MAX_JSON_NESTING + 2) + ']'.repeat(MAX_JSON_NESTING + 2);
    assert.match(errorOf(deep).message, /deep|nest/i);
    const huge = '['.repeat(200_000);
    assert.match(errorOf(huge).message, /deep|nest/i);
    const fine = '['.repeat(MAX_JSON_NESTING) + ']'.repeat(MAX_JSON_NESTING);
    assert.equal(parsed(fine).kind, 'array');
  });

  test('any JSON value parses to the same plain value as JSON.parse, spans matching the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const result = jsonToLValue(text, 'f.json');
        assert.ok('value' in result);
        assert.deepEqual(toPlainJson(result.value), JSON.parse(text));
        assert.equal(slice(text, result.value), text);
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '\\', 'u', '1', '-', 'e', ' ', 't', 'n') })), (text) => {
        const result = jsonToLValue(text, 'f.json');
        if ('error' in result) {
          assert.equal(typeof result.error.message, 'string');
          assert.ok(result.error.offset >= 0 && result.error.offset <= text.length);
        } else {
          assert.deepEqual(toPlainJson(result.value), JSON.parse(text.replace(/^\uFEFF/, '')));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
