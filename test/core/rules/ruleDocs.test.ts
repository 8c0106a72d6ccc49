import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules, ruleDocsUrl } from '../../../src/core/rules/registry';
import { renderRuleDoc } from '../../../src/core/rules/ruleDoc';

test('docs/rules/<ID>.md is what the registry renders (run `npm run docs` after changing a rule)', () => {
  for (const rule of allRules) {
    const written = readFileSync(join('docs', 'rules', `${rule.id}.md`), 'utf8');
    assert.equal(written, renderRuleDoc(rule), `docs/rules/${rule.id}.md is stale`);
  }
});

test('every rule links to its own documentation page', () => {
  for (const rule of allRules) assert.ok(ruleDocsUrl(rule.id).endsWith(`/docs/rules/${rule.id}.md`));
});

test('the README lists every rule with a link to its page', () => {
  const readme = readFileSync('README.md', 'utf8');
  for (const rule of allRules) assert.ok(readme.includes(`(docs/rules/${rule.id}.md)`), `${rule.id} missing from README`);
});
