import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeJsonString, MAX_JSON_DEPTH, parseLocatedJson } from '../../../../src/core/iac/jsonLocated';
import { toPlainJson, type LValue } from '../../../../src/core/model/value';
import { at, fcRuns, textAt } from '../cloudformation/testSupport';

function parse(text: string): LValue {
  const result = parseLocatedJson(text, 'policy.json');
  if ('error' in result) assert.fail(`unexpected error: ${result.error.message} at ${result.error.offset}`);
  return result.value;
}

function parseError(text: string): { message: string; offset: number } {
  const result = parseLocatedJson(text, 'policy.json');
  assert.ok('error' in result, `expected an error for ${JSON.stringify(text)}`);
  return result.error;
}

describe('parseLocatedJson', () => {
  test('locates every key and value exactly, quotes and brackets included', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Principal": "*", "N": -1.5e3, "B": false, "Z": null } ]\n}';
    const root = parse(text);
    assert.equal(root.kind, 'object');
    assert.equal(textAt(text, root.loc), text);
    if (root.kind !== 'object') return;
    assert.equal(textAt(text, root.entries[0].keyLoc), '"Version"');
    assert.deepEqual(root.entries[0].keyLoc.range.start, { line: 1, character: 2 });
    const statement = at(root, 'Statement', 0);
    assert.equal(textAt(text, statement.loc), '{ "Effect": "Allow", "Principal": "*", "N": -1.5e3, "B": false, "Z": null }');
    assert.equal(textAt(text, at(root, 'Statement').loc), '[ { "Effect": "Allow", "Principal": "*", "N": -1.5e3, "B": false, "Z": null } ]');
    const principal = at(statement, 'Principal');
    assert.deepEqual(principal, { kind: 'string', value: '*', loc: principal.loc });
    assert.equal(textAt(text, principal.loc), '"*"');
    assert.deepEqual(principal.loc.range.start, { line: 2, character: 51 });
    assert.equal(at(statement, 'N').kind === 'number' && (at(statement, 'N') as { value: number }).value, -1500);
    assert.equal(textAt(text, at(statement, 'N').loc), '-1.5e3');
    assert.equal(textAt(text, at(statement, 'B').loc), 'false');
    assert.equal(textAt(text, at(statement, 'Z').loc), 'null');
    assert.equal(at(root, 'Statement').loc.file, 'policy.json');
  });

  test('decodes escapes and keeps the escaped span as the location', () => {
    const text = '{"k\\u0041y": "a\\"b\\\\c\\/d\\n\\t\\b\\f\\r", "pair": "\\ud83d\\ude00", "raw": "😀x"}';
    const root = parse(text);
    assert.deepEqual(toPlainJson(root), JSON.parse(text));
    if (root.kind !== 'object') return;
    assert.equal(root.entries[0].key, 'kAy');
    assert.equal(textAt(text, root.entries[0].keyLoc), '"k\\u0041y"');
    assert.equal(textAt(text, at(root, 'pair').loc), '"\\ud83d\\ude00"');
    assert.equal((at(root, 'pair') as { value: string }).value, '😀');
    const raw = at(root, 'raw');
    assert.equal(textAt(text, raw.loc), '"😀x"');
    assert.equal(raw.loc.range.end.character - raw.loc.range.start.character, 5, 'UTF-16 columns: quote + 2 units + x + quote');
  });

  test('keeps duplicate keys in order (IAM and getEntry read the last)', () => {
    const root = parse('{"Effect": "Deny", "Effect": "Allow"}');
    assert.equal(root.kind === 'object' && root.entries.length, 2);
    assert.equal((at(root, 'Effect') as { value: string }).value, 'Allow');
  });

  test('tolerates a byte-order mark and offsets still index the original text', () => {
    const text = '\uFEFF{"a": "b"}';
    const root = parse(text);
    assert.equal(textAt(text, root.loc), '{"a": "b"}');
    assert.equal(root.loc.range.startOffset, 1);
  });

  test('reports where malformed input went wrong', () => {
    const cases: Array<[string, number]> = [
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ['[1 2]', 3],
      ['{"a": tru}', 6],
      ['{"a": "b', 6],
      ['{"a": "\\x"}', 7],
      ['{"a": "\u0001"}', 7],
      ['{"a": 01}', 7],
      ['{"a": -}', 6],
      ['{} {}', 3],
      ['', 0],
      ['   ', 3],
      ["{'a': 1}", 1],
      ['{"a": "\\u12G4"}', 7],
    ];
    for (const [text, offset] of cases) {
      const error = parseError(text);
      assert.equal(error.offset, offset, `${JSON.stringify(text)}: ${error.message}`);
      assert.ok(error.message.length > 0);
    }
  });

  test('refuses nesting past the depth guard instead of overflowing the stack', () => {
    const deep = '['.repeat(MAX_JSON_DEPTH + 10) + ']'.repeat(MAX_JSON_DEPTH + 10);
    assert.match(parseError(deep).message, /Nesting deeper/);
    const huge = '['.repeat(200_000);
    assert.match(parseError(huge).message, /Nesting deeper/);
    const ok = '['.repeat(100) + ']'.repeat(100);
    assert.equal(parse(ok).kind, 'array');
  });

  test('agrees with JSON.parse on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const root = parse(text);
        assert.deepEqual(toPlainJson(root), JSON.parse(text));
        assert.equal(root.loc.range.startOffset, 0);
        assert.equal(root.loc.range.endOffset, text.length);
      }),
      { numRuns: fcRuns() },
    );
  });

  test('never throws, and accepts exactly what JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.jsonValue().map((v) => JSON.stringify(v).slice(1))), (text) => {
        const result = parseLocatedJson(text, 'x.json');
        let accepted = true;
        try {
          JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        } catch {
          accepted = false;
        }
        assert.equal('value' in result, accepted, JSON.stringify(text));
        if ('error' in result) assert.ok(result.error.offset >= 0 && result.error.offset <= text.length);
      }),
      { numRuns: fcRuns() },
    );
  });
});

describe('decodeJsonString', () => {
  test('maps each decoded character to where it is written', () => {
    const text = 'x = "a\\"b\\u0041\\/c"';
    const decoded = decodeJsonString(text, 4);
    assert.ok(decoded);
    assert.equal(decoded.value, 'a"bA/c');
    assert.deepEqual(decoded.offsets, [5, 6, 8, 9, 15, 17, 18]);
    assert.equal(decoded.end, text.length);
    assert.equal(decodeJsonString(text, 0), undefined);
    assert.equal(decodeJsonString('"unterminated', 0), undefined);
  });
});
