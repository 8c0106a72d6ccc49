import type { Rule } from './rule';

/** The Markdown page a diagnostic's code links to. */
export function renderRuleDoc(rule: Rule): string {
  return `# ${rule.id}: ${rule.title}

Default severity: **${rule.severity}** · Scope: ${rule.scope === 'bucket' ? 'each bucket' : 'each file'}

${rule.summary}

${rule.docs}

## Suppressing

Terraform or YAML: a comment on the line above the element, with a reason (a suppression without one is not honoured):

\`\`\`hcl
# s3-security-review:ignore ${rule.id} public website assets, reviewed 2026-12
\`\`\`

CloudFormation (YAML or JSON), on the resource:

\`\`\`yaml
Metadata:
  s3-security-review:
    ignore:
      - rule: ${rule.id}
        reason: public website assets, reviewed 2026-12
\`\`\`

Or turn the rule off in the settings (\`s3SecurityReview.rules.disabled\`) or on the command line (\`--disable ${rule.id}\`).
`;
}
