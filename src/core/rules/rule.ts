import type { BucketModel, DeclarationSet } from '../model/bucket';
import type { BucketExposure } from '../model/exposure';
import type { Finding, Severity } from '../model/finding';
import type { FormatFixer } from '../model/fixer';

export interface RuleContext {
  set: DeclarationSet;
  bucket: BucketModel;
  exposure: BucketExposure;
  fixer: FormatFixer;
  options: RuleOptions;
}

export interface RuleOptions {
  /** Accounts that own the scanned buckets; grants to them are not "outside the account". */
  ownAccountIds: string[];
}

/** What a rule reports; the runner adds id, severity (after user overrides) and suppression. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity' | 'suppressed'>;

interface RuleMetadata {
  id: string;
  title: string;
  /** Default severity; users may override it per rule. */
  severity: Severity;
  /** Short description for SARIF `shortDescription` and the rule list. */
  summary: string;
  /** Markdown: what it means, why it matters, how to fix, what AWS documents. */
  docs: string;
}

/** Judges one bucket with its verdict. */
export interface BucketRule extends RuleMetadata {
  scope: 'bucket';
  check(context: RuleContext): RuleFinding[];
}

/** Judges a whole declaration set (parse problems, things that belong to no bucket). */
export interface SetRule extends RuleMetadata {
  scope: 'set';
  check(context: SetRuleContext): RuleFinding[];
}

export interface SetRuleContext {
  set: DeclarationSet;
  options: RuleOptions;
}

export type Rule = BucketRule | SetRule;
