import type { DeclarationSet, Suppression } from '../model/bucket';
import type { Finding, Severity } from '../model/finding';
import type { FormatFixer } from '../model/fixer';
import { evaluateBucketExposure } from '../exposure';
import { withResourcesThatExist } from '../exposure/resourceExistence';
import { makeFix } from '../rules/makeFix';
import { allRules } from '../rules/registry';
import type { Rule, RuleFinding, RuleOptions } from '../rules/rule';

export interface RuleSelection {
  disabledRules: ReadonlySet<string>;
  severityOverrides: Readonly<Record<string, Severity>>;
  options: RuleOptions;
}

/** Runs every enabled rule over one declaration set and marks what inline suppressions cover. */
export function runRules(declared: DeclarationSet, fixer: FormatFixer, selection: RuleSelection): Finding[] {
  const set = withResourcesThatExist(declared);
  const enabled = allRules.filter((rule) => !selection.disabledRules.has(rule.id));
  const findings: Finding[] = [];
  const emit = (rule: Rule, found: RuleFinding[]): void => {
    for (const finding of found) {
      const suppressEdits = fixer.suppress(rule.id, finding.loc, finding.resource);
      const fixes =
        suppressEdits && suppressEdits.length > 0
          ? [...finding.fixes, makeFix(`Suppress ${rule.id} here (with a reason)`, suppressEdits, false)]
          : finding.fixes;
      const reported: Finding = { ...finding, fixes, ruleId: rule.id, severity: selection.severityOverrides[rule.id] ?? rule.severity };
      // Set only when present: deleting an undefined key afterwards would slow every later use of the object.
      const suppressed = suppressionFor(rule.id, finding, set.suppressions);
      if (suppressed) reported.suppressed = suppressed;
      findings.push(reported);
    }
  };
  for (const rule of enabled) {
    if (rule.scope === 'set') emit(rule, rule.check({ set, options: selection.options }));
  }
  for (const bucket of set.buckets) {
    const exposure = evaluateBucketExposure(bucket, set, selection.options);
    for (const rule of enabled) {
      if (rule.scope === 'bucket') emit(rule, rule.check({ set, bucket, exposure, fixer, options: selection.options }));
    }
  }
  return findings;
}

function suppressionFor(ruleId: string, finding: RuleFinding, suppressions: Suppression[]): Finding['suppressed'] {
  const match = suppressions.find(
    (suppression) =>
      suppression.ruleId.toUpperCase() === ruleId &&
      suppression.reason.trim().length > 0 &&
      suppression.appliesTo.file === finding.loc.file &&
      finding.loc.range.startOffset >= suppression.appliesTo.range.startOffset &&
      finding.loc.range.startOffset <= suppression.appliesTo.range.endOffset,
  );
  return match ? { reason: match.reason.trim(), loc: match.loc } : undefined;
}
