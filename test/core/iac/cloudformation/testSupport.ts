import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyTextEdits } from '../../../../src/core/analysis/textEdits';
import type { BucketModel, DeclarationSet } from '../../../../src/core/model/bucket';
import type { ExposureCause } from '../../../../src/core/model/exposure';
import type { TextEdit } from '../../../../src/core/model/finding';
import type { SourceLocation } from '../../../../src/core/model/location';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { getEntry, type LObject, type LValue } from '../../../../src/core/model/value';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** A fixture as the analyzer sees it: path relative to the repository, text as stored. */
export function readFixture(relativePath: string): SourceFile {
  const path = `test/fixtures/${relativePath}`;
  return { path, text: readFileSync(join(REPO_ROOT, path), 'utf8') };
}

/** The text a location covers. */
export function textAt(file: SourceFile | string, loc: SourceLocation): string {
  const text = typeof file === 'string' ? file : file.text;
  return text.slice(loc.range.startOffset, loc.range.endOffset);
}

/** How the rules decide a fix is a snippet (src/core/rules/makeFix.ts): it has a tab stop or placeholder. */
export function isSnippet(edits: TextEdit[]): boolean {
  return edits.some((edit) => /\$\{\d+[:}]|\$\d/.test(edit.newText));
}

/** Applies edits the way a user accepting every snippet default would. */
export function applyEdits(file: SourceFile, edits: TextEdit[] | undefined): SourceFile {
  assert.ok(edits && edits.length > 0, 'expected edits');
  for (const edit of edits) assert.equal(edit.file, file.path);
  return { path: file.path, text: applyTextEdits(file.text, edits, isSnippet(edits)) };
}

export function bucketByAddress(set: DeclarationSet, address: string): BucketModel {
  const bucket = set.buckets.find((candidate) => candidate.resource.address === address);
  assert.ok(bucket, `bucket ${address} in ${set.buckets.map((b) => b.resource.address).join(', ')}`);
  return bucket;
}

export function statements(document: LValue): LObject[] {
  const value = getEntry(document, 'Statement')?.value;
  const items = value?.kind === 'array' ? value.items : value ? [value] : [];
  return items.filter((item): item is LObject => item.kind === 'object');
}

/** Walks a path of keys (strings) and list positions (numbers) through a located tree. */
export function at(value: LValue | undefined, ...path: Array<string | number>): LValue {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') current = current?.kind === 'array' ? current.items[step] : undefined;
    else current = getEntry(current, step)?.value;
  }
  assert.ok(current, `no value at ${path.join('.')}`);
  return current;
}

/** A policy cause the way the exposure engine reports one: the statement and its Principal. */
export function policyCause(bucket: BucketModel, statementIndex: number, policyIndex = 0): ExposureCause {
  const policy = bucket.policies[policyIndex];
  assert.ok(policy, 'policy');
  const statement = statements(policy.document)[statementIndex];
  assert.ok(statement, `statement ${statementIndex}`);
  const principal = getEntry(statement, 'Principal') ?? getEntry(statement, 'NotPrincipal');
  return {
    source: 'policy',
    certainty: 'public',
    access: ['read'],
    grantedBy: ['s3:GetObject'],
    loc: principal?.value.loc ?? statement.loc,
    statementLoc: statement.loc,
    resourceAddress: policy.resource.address,
    why: 'test cause',
    policy,
    statement,
  };
}

export function fcRuns(defaultRuns = 300): number {
  const fromEnv = Number(process.env.FC_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

/** Every location in the set lies inside the text. */
export function assertLocationsInside(set: unknown, text: string): void {
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const range = (value as { range?: { startOffset?: unknown; endOffset?: unknown } }).range;
    if (range && typeof range.startOffset === 'number' && typeof range.endOffset === 'number') {
      assert.ok(range.startOffset >= 0 && range.startOffset <= range.endOffset && range.endOffset <= text.length, `range ${range.startOffset}-${range.endOffset} in ${text.length}`);
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(set);
}

/** Text shaped like a template, then damaged: slices cut, characters inserted, a piece repeated. */
export function mutatedText(sources: SourceFile[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...sources.map((source) => source.text)),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.constantFrom('!', '!Ref ', '{', '[', '"', "'", ':', '\n  ', '- ', '#', '&a ', '*a', '\\', '${'))), { maxLength: 4 }),
    )
    .map(([text, cuts]) => {
      let result = text;
      for (const [position, length, insert] of cuts) {
        const at = result.length === 0 ? 0 : position % result.length;
        result = result.slice(0, at) + insert + result.slice(at + length);
      }
      return result;
    });
}
