import assert from 'node:assert/strict';
import type { DeclaredResource, PolicyAttachment } from '../../../src/core/model/bucket';
import type { SourceLocation } from '../../../src/core/model/location';
import { UNKNOWN_PLACEHOLDER, type LValue } from '../../../src/core/model/value';
import { evaluateBucketPolicy, type PolicyEvaluation } from '../../../src/core/policy/evaluateBucketPolicy';
import { parseLocatedJson as jsonToLValue } from '../../../src/core/iac/jsonLocated';

export const POLICY_FILE = 'policy.json';

/** Parses JSON that must be valid. */
export function parseJson(text: string, file = POLICY_FILE): LValue {
  const result = jsonToLValue(text, file);
  if ('error' in result) assert.fail(`test JSON does not parse: ${result.error.message} at ${result.error.offset}`);
  return result.value;
}

/**
 * Stands in for what the IaC lowerers produce for expressions with no literal value: every string
 * containing `${?}` becomes an LUnknown (`"${?}"` alone has no partial shape).
 */
export function unresolve(value: LValue): LValue {
  switch (value.kind) {
    case 'string':
      if (!value.value.includes(UNKNOWN_PLACEHOLDER)) return value;
      return {
        kind: 'unknown',
        reason: 'var.example has no default',
        partial: value.value === UNKNOWN_PLACEHOLDER ? undefined : value.value,
        loc: value.loc,
      };
    case 'array':
      return { ...value, items: value.items.map(unresolve) };
    case 'object':
      return { ...value, entries: value.entries.map((entry) => ({ ...entry, value: unresolve(entry.value) })) };
    default:
      return value;
  }
}

export function resource(address: string, overrides: Partial<DeclaredResource> = {}): DeclaredResource {
  const loc: SourceLocation = { file: POLICY_FILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, startOffset: 0, endOffset: 0 } };
  return { address, type: 'bucket-policy-json', format: 'bucket-policy-json', loc, headerLoc: loc, dependsOn: [], ...overrides };
}

export function attachment(text: string, address = POLICY_FILE): PolicyAttachment {
  const document = unresolve(parseJson(text));
  return { resource: resource(address), document, loc: document.loc, inlineOnBucket: false };
}

export interface Judged extends PolicyEvaluation {
  text: string;
}

/** Evaluates a policy for bucket `site` (or the given name; `undefined` = name unknown). */
export function judge(text: string, options: { bucketName?: string | null; ownAccountIds?: string[] } = {}): Judged {
  const bucketName = options.bucketName === null ? undefined : (options.bucketName ?? 'site');
  const evaluation = evaluateBucketPolicy(attachment(text), { ownAccountIds: options.ownAccountIds ?? ['111111111111'], bucketName });
  return { ...evaluation, text };
}

export function textAt(text: string, loc: SourceLocation): string {
  return text.slice(loc.range.startOffset, loc.range.endOffset);
}

/** One Allow statement for bucket `site`, as JSON text. */
export function allowStatement(parts: { principal?: unknown; action?: unknown; resource?: unknown; condition?: unknown; extra?: Record<string, unknown> }): string {
  const statement: Record<string, unknown> = {
    Sid: 'Grant',
    Effect: 'Allow',
    Principal: parts.principal ?? '*',
    Action: parts.action ?? 's3:GetObject',
    Resource: parts.resource ?? 'arn:aws:s3:::site/*',
    ...parts.extra,
  };
  if (parts.condition !== undefined) statement.Condition = parts.condition;
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
}

export function policyOf(...statements: Array<Record<string, unknown>>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** Access kinds granted for certain (certainty public) across all causes. */
export function publicAccess(judged: PolicyEvaluation): string[] {
  const kinds = new Set<string>();
  for (const cause of judged.causes) if (cause.certainty === 'public') for (const kind of cause.access) kinds.add(kind);
  return [...kinds].sort();
}

export function unknownAccess(judged: PolicyEvaluation): string[] {
  const kinds = new Set<string>();
  for (const cause of judged.causes) if (cause.certainty === 'unknown') for (const kind of cause.access) kinds.add(kind);
  return [...kinds].sort();
}
