import type { AccessKind } from '../model/exposure';
import type { SourceLocation } from '../model/location';
import { getEntry, type LObject, type LValue } from '../model/value';
import { readActionSpec, type ActionSpec } from './actions';
import { readResourceSpec, type ResourceSpec } from './resources';

/** A part of the policy the engine could not judge, and which access it may concern. */
export interface PolicyUnknown {
  loc: SourceLocation;
  why: string;
  access: AccessKind[];
}

export const ALL_ACCESS: AccessKind[] = ['read', 'write', 'permissions'];

/**
 * Statements beyond this are not judged: S3 caps a bucket policy at 20 KB, which holds fewer, and
 * comparing every Allow with every Deny must stay quick on garbage input.
 */
export const MAX_STATEMENTS = 250;

export interface PolicyStatement {
  node: LObject;
  index: number;
  sid?: string;
  effect: 'allow' | 'deny' | 'unresolved' | 'invalid';
  effectNode?: LValue;
  principal?: LValue;
  notPrincipal?: LValue;
  actions?: ActionSpec;
  resources?: ResourceSpec;
  condition?: LValue;
}

/** Policy element names are matched case-insensitively; the last duplicate wins, as in IAM. */
function element(statement: LObject, name: string): LValue | undefined {
  return getEntry(statement, name, true)?.value;
}

function readEffect(effect: LValue | undefined): PolicyStatement['effect'] {
  if (!effect) return 'invalid';
  if (effect.kind === 'unknown') return 'unresolved';
  if (effect.kind !== 'string') return 'invalid';
  const value = effect.value.toLowerCase();
  return value === 'allow' ? 'allow' : value === 'deny' ? 'deny' : 'invalid';
}

function readStatement(node: LObject, index: number): PolicyStatement {
  const sidNode = element(node, 'Sid');
  const effectNode = element(node, 'Effect');
  return {
    node,
    index,
    sid: sidNode?.kind === 'string' && sidNode.value !== '' ? sidNode.value : undefined,
    effect: readEffect(effectNode),
    effectNode,
    principal: element(node, 'Principal'),
    notPrincipal: element(node, 'NotPrincipal'),
    actions: readActionSpec(element(node, 'Action'), element(node, 'NotAction')),
    resources: readResourceSpec(element(node, 'Resource'), element(node, 'NotResource')),
    condition: element(node, 'Condition'),
  };
}

export interface ReadStatementsResult {
  statements: PolicyStatement[];
  unknowns: PolicyUnknown[];
}

/** Reads the Statement list of a policy document; what cannot be read becomes an unknown. */
export function readStatements(document: LValue): ReadStatementsResult {
  const unknowns: PolicyUnknown[] = [];
  if (document.kind === 'unknown') {
    unknowns.push({
      loc: document.loc,
      why: `The bucket policy has no literal value here (${document.reason}), so whether it grants public access cannot be decided.`,
      access: ALL_ACCESS,
    });
    return { statements: [], unknowns };
  }
  if (document.kind !== 'object') {
    unknowns.push({ loc: document.loc, why: 'The bucket policy is not a JSON object, so it cannot be judged.', access: ALL_ACCESS });
    return { statements: [], unknowns };
  }
  const statementElement = element(document, 'Statement');
  if (!statementElement) return { statements: [], unknowns };
  if (statementElement.kind === 'unknown') {
    unknowns.push({
      loc: statementElement.loc,
      why: `The policy's Statement list has no literal value here (${statementElement.reason}), so whether it grants public access cannot be decided.`,
      access: ALL_ACCESS,
    });
    return { statements: [], unknowns };
  }
  const items = statementElement.kind === 'array' ? statementElement.items : [statementElement];
  const statements: PolicyStatement[] = [];
  items.forEach((item, index) => {
    if (index >= MAX_STATEMENTS) return;
    if (item.kind === 'object') statements.push(readStatement(item, index));
    else if (item.kind === 'unknown') {
      unknowns.push({
        loc: item.loc,
        why: `Statement ${index + 1} has no literal value here (${item.reason}), so whether it grants public access cannot be decided.`,
        access: ALL_ACCESS,
      });
    }
  });
  if (items.length > MAX_STATEMENTS) {
    unknowns.push({
      loc: statementElement.loc,
      why: `The policy has ${items.length} statements; only the first ${MAX_STATEMENTS} were judged.`,
      access: ALL_ACCESS,
    });
  }
  return { statements, unknowns };
}

export function statementLabel(statement: PolicyStatement): string {
  return statement.sid ? `Statement "${statement.sid}"` : `Statement ${statement.index + 1}`;
}
