import type { Severity } from '../../core/model/finding';
import type { RuleDescription } from '../scanReport';
import type { SarifLevel, SarifRule } from './sarifTypes';

export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub code scanning ranks security alerts by `security-severity` (0–10: ≥9 critical, ≥7 high,
 * ≥4 medium, else low). Anyone writing objects or rewriting the ACL/policy is the worst case; public
 * reads leak data; sharing with a named account is a review item; missing logging or guards are hygiene.
 */
const SECURITY_SEVERITY: Record<string, number> = {
  'S3-PUBLIC-WRITE': 9.0,
  'S3-PUBLIC-PERMISSIONS': 9.0,
  'S3-PUBLIC-READ': 7.5,
  'S3-BPA-MISSING': 5.0,
  'S3-CROSS-ACCOUNT': 4.0,
  'S3-LOGGING-MISSING': 3.0,
  'S3-LOGGING-TO-SELF': 3.0,
  'S3-PUBLIC-UNKNOWN': 2.0,
  'S3-PARSE-ERROR': 2.0,
};
const DEFAULT_SECURITY_SEVERITY = 2.0;

export function securitySeverity(ruleId: string): string {
  return (SECURITY_SEVERITY[ruleId] ?? DEFAULT_SECURITY_SEVERITY).toFixed(1);
}

/** `S3-PUBLIC-READ` → `S3PublicRead`: SARIF wants a readable identifier without spaces. */
export function ruleName(ruleId: string): string {
  return ruleId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => (/^[A-Z0-9]+$/.test(part) && part.length > 2 ? part[0] + part.slice(1).toLowerCase() : part))
    .join('');
}

export function sarifRule(rule: RuleDescription, helpUri: string): SarifRule {
  const docs = rule.docs.trim() || rule.summary;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary || rule.title },
    fullDescription: { text: firstParagraph(docs) || rule.summary || rule.title },
    help: { text: markdownToText(docs), markdown: docs },
    helpUri,
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] ?? 'warning' },
    properties: { tags: ['security'], 'security-severity': securitySeverity(rule.id) },
  };
}

/** A rule the registry does not list (should not happen): still described, so `ruleIndex` stays valid. */
export function placeholderRule(ruleId: string, helpUri: string): SarifRule {
  return sarifRule({ id: ruleId, title: ruleId, severity: 'warning', summary: ruleId, docs: '' }, helpUri);
}

function firstParagraph(markdown: string): string {
  for (const block of markdown.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (trimmed && !trimmed.startsWith('#') && !trimmed.startsWith('```')) return markdownToText(trimmed).replace(/\s*\n\s*/g, ' ');
  }
  return '';
}

/** Plain text for viewers that do not render markdown: headings, emphasis, code ticks and link syntax removed. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n?/gm, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (_match, label: string, url: string) => (label ? `${label} (${url})` : url))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    // Single emphasis only when it opens after a space, so `s3:Get*` wildcards stay as written.
    .replace(/(^|[\s(])[*_]([^*_\s](?:[^*_\n]*[^*_\s])?)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .trim();
}
