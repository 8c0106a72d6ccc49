import { formatBytes } from './collectFiles';
import type { RuleDescription } from './scanReport';

export function helpText(version: string, maxFileBytes: number): string {
  return `S3 Security Review ${version}: finds publicly readable or writable S3 buckets in Terraform,
CloudFormation/SAM/CDK templates and bucket-policy JSON.

Usage:
  s3-security-review scan [options] <paths…>
  s3-security-review rules [--format text|json]
  s3-security-review posture [--profile P]… [--region R]… [--format json|csv|md] [--output FILE]
  s3-security-review --help | --version

Scan options:
  -f, --format text|json|sarif   Report format (default: text)
  -o, --output FILE              Write the report to FILE instead of stdout
      --fail-on LEVEL            Exit 1 when an unsuppressed finding is at or above LEVEL:
                                 error, warning (default), info, or never
      --exclude GLOB             Skip files/folders matching GLOB while recursing (repeatable),
                                 from the current or the scanned folder: "test/**", "*.yml"
      --own-account ID           12-digit account that owns the buckets; grants to it are not
                                 "outside the account" (repeatable, or comma-separated)
      --disable RULE             Do not run RULE (repeatable; see "rules")
      --no-color                 Plain text output (also: NO_COLOR environment variable)

Posture options (reads live AWS accounts with the standard credential chain):
  -p, --profile NAME             Read the account of this profile (repeatable; default: the
                                 default chain, AWS_PROFILE included)
  -r, --region REGION            Examine only buckets in REGION (repeatable); others are listed
                                 with a reason, never hidden
  -f, --format json|csv|md       Output format (default: json; several profiles give a JSON array)
  -o, --output FILE              Write to FILE instead of stdout
      --concurrency N            Buckets examined at once (1-64, default 16)
AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured. Posture exit codes: 0 read,
2 usage error, 3 credentials missing or expired.

Folders are searched recursively for .tf, .tfvars, .json, .yaml, .yml and .template files;
node_modules, .terraform, hidden folders and cdk.out/asset.* are skipped. Files named on the
command line are always scanned. Files over ${formatBytes(maxFileBytes)} and binary files are skipped with a note.

Suppress a finding in Terraform/YAML with a comment on the line before the element (or at
the end of its line); a suppression needs a reason:
  # s3-security-review:ignore RULE-ID reason why this is fine
CloudFormation resources can also say so in Metadata:
  Metadata: { s3-security-review: { ignore: [ { rule: RULE-ID, reason: "…" } ] } }

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error,
3 internal error.
`;
}

export function rulesText(rules: readonly RuleDescription[], docsUrl: (ruleId: string) => string): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length), 0);
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(idWidth)}  ${rule.severity.padEnd(7)}  ${rule.title}\n${' '.repeat(idWidth + 11)}${docsUrl(rule.id)}`,
  );
  return `${lines.join('\n')}\n`;
}

export function rulesJson(rules: readonly RuleDescription[], docsUrl: (ruleId: string) => string): string {
  const list = rules.map((rule) => ({ id: rule.id, severity: rule.severity, title: rule.title, summary: rule.summary, docsUrl: docsUrl(rule.id) }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
