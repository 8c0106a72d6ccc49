// Writes docs/rules/<RULE-ID>.md from the rule registry, so the docs the diagnostics link to never drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDoc } from '../src/core/rules/ruleDoc';
import { allRules } from '../src/core/rules/registry';

const outDir = join('docs', 'rules');
mkdirSync(outDir, { recursive: true });
for (const rule of allRules) writeFileSync(join(outDir, `${rule.id}.md`), renderRuleDoc(rule));
console.log(`wrote ${allRules.length} rule docs to ${outDir}`);
