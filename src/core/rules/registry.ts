import type { Rule } from './rule';
import { blockPublicAccessMissingRule } from './s3-bpa-missing/rule';
import { crossAccountRule } from './s3-cross-account/rule';
import { loggingMissingRule } from './s3-logging-missing/rule';
import { loggingToSelfRule } from './s3-logging-to-self/rule';
import { parseErrorRule } from './s3-parse-error/rule';
import { publicPermissionsRule } from './s3-public-permissions/rule';
import { publicReadRule } from './s3-public-read/rule';
import { publicUnknownRule } from './s3-public-unknown/rule';
import { publicWriteRule } from './s3-public-write/rule';

/** Every rule, most severe first. */
export const allRules: readonly Rule[] = [
  publicWriteRule,
  publicPermissionsRule,
  publicReadRule,
  publicUnknownRule,
  crossAccountRule,
  blockPublicAccessMissingRule,
  loggingMissingRule,
  loggingToSelfRule,
  parseErrorRule,
];

export const DOCS_BASE_URL = 'https://github.com/s3-security-review/s3-security-review/blob/main/docs/rules';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}

export function findRule(ruleId: string): Rule | undefined {
  return allRules.find((rule) => rule.id === ruleId);
}
