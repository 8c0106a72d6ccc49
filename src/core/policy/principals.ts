import type { SourceLocation } from '../model/location';
import { UNKNOWN_PLACEHOLDER, type LEntry, type LValue } from '../model/value';
import type { Tri } from './tri';

/**
 * Who a statement's Principal / NotPrincipal names, judged the way S3 Block Public Access does:
 * `*` (or any wildcard in an AWS principal) is everyone; a web-identity provider (Federated
 * `graph.facebook.com`, `cognito-identity.amazonaws.com`, …) is anyone with such a login, which AWS's
 * own examples call public; service principals, canonical users and fixed accounts/ARNs are not public.
 */

export interface NamedAccount {
  account: string;
  node: LValue;
}

export interface PrincipalVerdict {
  /** Whether the statement applies to everyone (anonymous callers or any AWS account). */
  everyone: Tri;
  /** The element that makes it everyone (or may), for pin-pointing. */
  node?: LValue;
  /** Plain words for messages: `anyone (Principal "*")`. */
  who: string;
  /** Specific AWS accounts the principal names (for cross-account grants). */
  accounts: NamedAccount[];
  /** Set when an unresolved value decides. */
  unresolved?: { loc: SourceLocation; what: string };
}

const ACCOUNT_ID = /^\d{12}$/;
const IAM_OR_STS_ARN = /^arn:[^:]+:(?:iam|sts)::([^:]*):/;

type ValueClass =
  | { kind: 'everyone'; written: string }
  | { kind: 'account'; account: string }
  | { kind: 'specific' }
  | { kind: 'unknown'; what: string };

function classifyAwsText(text: string): ValueClass {
  if (text === '*' || /[*?]/.test(text)) return { kind: 'everyone', written: text };
  if (ACCOUNT_ID.test(text)) return { kind: 'account', account: text };
  const arn = IAM_OR_STS_ARN.exec(text);
  if (arn && ACCOUNT_ID.test(arn[1])) return { kind: 'account', account: arn[1] };
  return { kind: 'specific' };
}

function classifyAwsValue(value: LValue): ValueClass {
  switch (value.kind) {
    case 'string':
      return classifyAwsText(value.value);
    case 'number':
      return classifyAwsText(String(value.value));
    case 'unknown': {
      const partial = value.partial;
      // A template such as `arn:aws:iam::${?}:root` names one principal whatever the unresolved
      // account turns out to be (typically the caller's own account), so it is neither public nor
      // a known outside account.
      if (partial && partial !== UNKNOWN_PLACEHOLDER) {
        const literal = partial.split(UNKNOWN_PLACEHOLDER).join('');
        if (/[*?]/.test(literal)) return { kind: 'everyone', written: partial };
        if (IAM_OR_STS_ARN.test(partial.split(UNKNOWN_PLACEHOLDER).join('0'))) return { kind: 'specific' };
      }
      return { kind: 'unknown', what: `the principal has no literal value here (${value.reason})` };
    }
    default:
      return { kind: 'specific' };
  }
}

/** Web-identity providers are named by host; SAML/OIDC providers by an IAM ARN in one account. */
function classifyFederatedValue(value: LValue): ValueClass {
  if (value.kind === 'unknown') return { kind: 'unknown', what: `the federated principal has no literal value here (${value.reason})` };
  if (value.kind !== 'string') return { kind: 'specific' };
  const arn = IAM_OR_STS_ARN.exec(value.value);
  if (arn) return ACCOUNT_ID.test(arn[1]) ? { kind: 'account', account: arn[1] } : { kind: 'everyone', written: value.value };
  return { kind: 'everyone', written: value.value };
}

function classifyOtherValue(value: LValue): ValueClass {
  if (value.kind === 'string' && /[*?]/.test(value.value)) return { kind: 'everyone', written: value.value };
  return { kind: 'specific' };
}

function itemsOf(value: LValue): LValue[] {
  return value.kind === 'array' ? value.items : [value];
}

interface ClassifiedNode {
  node: LValue;
  classification: ValueClass;
  typeName: string;
}

function classifyPrincipalElement(principal: LValue): ClassifiedNode[] {
  if (principal.kind === 'string' && principal.value === '*') {
    return [{ node: principal, classification: { kind: 'everyone', written: '*' }, typeName: '' }];
  }
  if (principal.kind === 'unknown') {
    return [{ node: principal, classification: classifyAwsValue(principal), typeName: '' }];
  }
  if (principal.kind === 'object') {
    const result: ClassifiedNode[] = [];
    for (const entry of principal.entries) result.push(...classifyTypedEntry(entry));
    return result;
  }
  // Not valid IAM, but read leniently as a list of AWS principals.
  return itemsOf(principal).map((node) => ({ node, classification: classifyAwsValue(node), typeName: 'AWS' }));
}

function classifyTypedEntry(entry: LEntry): ClassifiedNode[] {
  const type = entry.key.toLowerCase();
  const classify =
    type === 'aws' ? classifyAwsValue : type === 'federated' ? classifyFederatedValue : classifyOtherValue;
  if (entry.value.kind === 'unknown' && type === 'aws') {
    return [{ node: entry.value, classification: classifyAwsValue(entry.value), typeName: entry.key }];
  }
  if (entry.value.kind === 'unknown') {
    // An unresolved service or canonical-user principal still names a service or a user, not everyone.
    const classification: ValueClass = type === 'federated' ? classifyFederatedValue(entry.value) : { kind: 'specific' };
    return [{ node: entry.value, classification, typeName: entry.key }];
  }
  return itemsOf(entry.value).map((node) => ({ node, classification: classify(node), typeName: entry.key }));
}

function describeEveryone(found: ClassifiedNode): string {
  if (found.classification.kind !== 'everyone') return 'anyone';
  const written = found.classification.written;
  if (found.typeName.toLowerCase() === 'federated') return `anyone who signs in with ${written} (Federated principal)`;
  if (found.typeName === '') return 'anyone (Principal "*")';
  return written === '*' ? `anyone (Principal ${found.typeName} "*")` : `anyone (wildcard principal "${written}")`;
}

/** Judges an Allow's Principal element. */
export function judgePrincipal(principal: LValue): PrincipalVerdict {
  const classified = classifyPrincipalElement(principal);
  const accounts: NamedAccount[] = [];
  for (const item of classified) {
    if (item.classification.kind === 'account') accounts.push({ account: item.classification.account, node: item.node });
  }
  const everyone = classified.find((item) => item.classification.kind === 'everyone');
  if (everyone) return { everyone: 'yes', node: everyone.node, who: describeEveryone(everyone), accounts };
  const unknown = classified.find((item) => item.classification.kind === 'unknown');
  if (unknown && unknown.classification.kind === 'unknown') {
    return {
      everyone: 'maybe',
      node: unknown.node,
      who: 'an unresolved principal',
      accounts,
      unresolved: { loc: unknown.node.loc, what: unknown.classification.what },
    };
  }
  return { everyone: 'no', who: 'specific principals', accounts };
}

/**
 * `NotPrincipal` names who is left out. With Allow it grants everyone else, which is public
 * unless it leaves out everyone (`*`).
 */
export function judgeNotPrincipal(notPrincipal: LValue): PrincipalVerdict {
  const classified = classifyPrincipalElement(notPrincipal);
  if (classified.some((item) => item.classification.kind === 'everyone')) {
    return { everyone: 'no', who: 'nobody (NotPrincipal "*")', accounts: [] };
  }
  const unknown = classified.find((item) => item.classification.kind === 'unknown');
  const who = 'everyone except the principals listed in NotPrincipal';
  if (unknown && unknown.classification.kind === 'unknown') {
    return {
      everyone: 'maybe',
      node: notPrincipal,
      who,
      accounts: [],
      unresolved: { loc: unknown.node.loc, what: unknown.classification.what },
    };
  }
  return { everyone: 'yes', node: notPrincipal, who, accounts: [] };
}

/**
 * For a Deny: does it apply to everyone but fixed principals? `Principal "*"` denies everyone;
 * `NotPrincipal` with fixed principals denies everyone else, so only those principals remain.
 */
export function judgeDenyReach(principal: LValue | undefined, notPrincipal: LValue | undefined): Tri {
  if (principal) {
    const verdict = judgePrincipal(principal);
    if (verdict.everyone === 'yes') {
      const everyoneNode = verdict.node;
      // Only a true `*` covers every caller; a Federated web identity covers only its users.
      return everyoneNode?.kind === 'string' && everyoneNode.value === '*' ? 'yes' : 'no';
    }
    return verdict.everyone === 'maybe' ? 'maybe' : 'no';
  }
  if (notPrincipal) {
    const verdict = judgeNotPrincipal(notPrincipal);
    return verdict.everyone;
  }
  return 'no';
}

/**
 * The principal set as an order-independent key (type names and values sorted), or undefined
 * when part of it is unresolved; two statements with the same key name the same principals.
 */
export function canonicalPrincipalKey(principal: LValue): string | undefined {
  const canonical = (value: LValue): string | undefined => {
    switch (value.kind) {
      case 'string':
        return JSON.stringify(value.value);
      case 'number':
        return JSON.stringify(String(value.value));
      case 'array': {
        const items = value.items.map(canonical);
        return items.includes(undefined) ? undefined : `[${[...new Set(items as string[])].sort().join(',')}]`;
      }
      case 'object': {
        const entries = value.entries.map((entry) => {
          const inner = canonical(entry.value.kind === 'array' ? entry.value : { kind: 'array', items: [entry.value], loc: entry.value.loc });
          return inner === undefined ? undefined : `${JSON.stringify(entry.key.toLowerCase())}:${inner}`;
        });
        return entries.includes(undefined) ? undefined : `{${(entries as string[]).sort().join(',')}}`;
      }
      default:
        return undefined;
    }
  };
  return canonical(principal);
}
