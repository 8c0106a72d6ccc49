import type { ExposureCause } from '../../../model/exposure';
import type { TextEdit } from '../../../model/finding';
import { getEntry, type LObject, type LValue } from '../../../model/value';
import { newMap, newPlaceholder, type NewValue } from './newValue';
import { setEntries, type TreeEditor } from './treeEditor';
import { findPath, type TreeStep } from './treeSearch';

/** Default text of the organization id placeholder (the shape AWS documents use). */
export const ORG_ID_PLACEHOLDER = 'o-xxxxxxxxxx';

export interface LocatedStatement {
  statement: LObject;
  path: TreeStep[];
}

/** The statement behind a policy cause, found again in a freshly parsed tree by its exact span. */
export function locateStatement(root: LValue, cause: ExposureCause): LocatedStatement | undefined {
  if (cause.source !== 'policy') return undefined;
  const range = (cause.statement?.loc ?? cause.statementLoc).range;
  const path = findPath(root, range.startOffset, range.endOffset, 'object');
  const statement = path?.[path.length - 1].node;
  if (!path || statement?.kind !== 'object' || isIntrinsicLike(statement)) return undefined;
  return { statement, path };
}

/** Replaces `Principal` (or turns `NotPrincipal` into `Principal`) with the given value. */
export function replacePrincipal(editor: TreeEditor, statement: LObject, principal: NewValue): TextEdit[] | undefined {
  const written = getEntry(statement, 'Principal');
  if (written) {
    const edit = editor.replaceEntryValue(statement, written, principal);
    return edit ? [edit] : undefined;
  }
  const negated = getEntry(statement, 'NotPrincipal');
  if (!negated) return undefined;
  const edit = editor.replaceEntryValue(statement, negated, principal);
  return edit ? [editor.replaceKey(negated, 'Principal'), edit] : undefined;
}

/**
 * Adds `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "<org id>"}}`, merging into an
 * existing Condition block. A fixed organization id makes the statement non-public (IAM
 * Access Analyzer and S3 treat aws:PrincipalOrgID with a literal value as restricting).
 */
export function addOrgIdCondition(editor: TreeEditor, statement: LObject): TextEdit[] | undefined {
  const orgId = newPlaceholder(1, ORG_ID_PLACEHOLDER);
  const condition = getEntry(statement, 'Condition');
  if (!condition) {
    const edit = editor.insertEntries(statement, [['Condition', newMap([['StringEquals', newMap([['aws:PrincipalOrgID', orgId]])]])]]);
    return edit ? [edit] : undefined;
  }
  if (condition.value.kind !== 'object' || isIntrinsicLike(condition.value)) return undefined;
  const stringEquals = getEntry(condition.value, 'StringEquals');
  if (!stringEquals) {
    const edit = editor.insertEntries(condition.value, [['StringEquals', newMap([['aws:PrincipalOrgID', orgId]])]]);
    return edit ? [edit] : undefined;
  }
  if (stringEquals.value.kind !== 'object' || isIntrinsicLike(stringEquals.value)) return undefined;
  return setEntries(editor, stringEquals.value, [['aws:PrincipalOrgID', orgId]]);
}

/** Removes the statement from its `Statement` list; `only-statement` when it is the policy's only one. */
export function removeStatementEdits(editor: TreeEditor, located: LocatedStatement): TextEdit[] | 'only-statement' | undefined {
  const step = located.path[located.path.length - 1];
  const holder = located.path[located.path.length - 2];
  if (step.parent?.kind === 'array' && step.index !== undefined && holder?.entry?.key === 'Statement') {
    if (step.parent.items.length <= 1) return 'only-statement';
    return editor.removeItems(step.parent, [step.index]);
  }
  if (step.entry?.key === 'Statement') return 'only-statement';
  return undefined;
}

/** `{ "Fn::If": … }`, `{ "Ref": … }`: a value computed by CloudFormation, not a mapping to edit. */
export function isIntrinsicLike(value: LValue): boolean {
  return value.kind === 'object' && value.entries.length === 1 && (value.entries[0].key === 'Ref' || value.entries[0].key.startsWith('Fn::'));
}
