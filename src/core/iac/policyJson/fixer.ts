import type { AclDeclaration, BucketModel, DeclarationSet } from '../../model/bucket';
import type { ExposureCause } from '../../model/exposure';
import type { TextEdit } from '../../model/finding';
import type { FormatFixer } from '../../model/fixer';
import type { SourceFile } from '../../model/sourceFile';
import { getEntry, type LObject, type LValue } from '../../model/value';
import { newBoolean, newMap, newRaw, type NewValue } from '../cloudformation/edit/newValue';
import { addOrgIdCondition, locateStatement, removeStatementEdits, replacePrincipal } from '../cloudformation/edit/statementEdits';
import { createTreeEditor, setEntries, type TreeEditor } from '../cloudformation/edit/treeEditor';
import { parseLocatedJson } from '../jsonLocated';
import { detectRawJsonKind, type RawJsonKind } from './detect';
import { fixGuard } from '../guardedFixes';

/** AWS documentation's example account id, as the default of the account placeholder. */
const ACCOUNT_PLACEHOLDER = '111122223333';
const PUBLIC_GROUP_URIS = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);
const FLAG_KEYS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'];

interface FixContext {
  kind: RawJsonKind;
  root: LValue;
  editor: TreeEditor;
}

/**
 * Fixes for raw JSON. A policy file can be narrowed or trimmed; s3api ACL and Block Public Access
 * output can be corrected (to paste back into `put-bucket-acl` / `put-public-access-block`).
 * The policy inside `get-bucket-policy` output is an escaped string: no fixes there. JSON holds no
 * comments, so nothing can be suppressed.
 */
export function createRawJsonFixer(_set: DeclarationSet, file: SourceFile): FormatFixer {
  let context: FixContext | null | undefined;
  const load = (): FixContext | undefined => {
    if (context === undefined) {
      const kind = detectRawJsonKind(file.text);
      const parsed = kind ? parseLocatedJson(file.text, file.path) : undefined;
      context = kind && parsed && 'value' in parsed ? { kind, root: parsed.value, editor: createTreeEditor('json', file.text, file.path) } : null;
    }
    return context ?? undefined;
  };
  const guarded = fixGuard<FixContext>(load, file, (text) => 'value' in parseLocatedJson(text, file.path));
  const policyStatement = (ctx: FixContext, cause: ExposureCause) => (ctx.kind === 'bucket-policy-json' ? locateStatement(ctx.root, cause) : undefined);

  return {
    addPublicAccessBlock: guarded((ctx, _bucket: BucketModel) => turnOnBlockPublicAccess(ctx)),
    makeAclPrivate: guarded((ctx, _acl: AclDeclaration) => removePublicGrants(ctx)),
    restrictPrincipalToAccount: guarded((ctx, cause: ExposureCause) => {
      const located = policyStatement(ctx, cause);
      return located ? replacePrincipal(ctx.editor, located.statement, ownAccountPrincipal(located.statement)) : undefined;
    }),
    addRestrictingCondition: guarded((ctx, cause: ExposureCause) => {
      const located = policyStatement(ctx, cause);
      return located ? addOrgIdCondition(ctx.editor, located.statement) : undefined;
    }),
    removeStatement: guarded((ctx, cause: ExposureCause) => {
      const located = policyStatement(ctx, cause);
      const edits = located ? removeStatementEdits(ctx.editor, located) : undefined;
      // A policy with no statement left is not a policy; deleting the file is the user's call.
      return edits === 'only-statement' ? undefined : edits;
    }),
    addAccessLogging: () => undefined,
    suppress: () => undefined,
  };
}

/** `arn:<partition>:iam::<account>:root`, the partition taken from the statement's own ARNs. */
function ownAccountPrincipal(statement: LObject): NewValue {
  const resource = getEntry(statement, 'Resource')?.value;
  const first = resource?.kind === 'array' ? resource.items[0] : resource;
  const partition = first?.kind === 'string' ? /^arn:(aws[a-z-]*):/.exec(first.value)?.[1] : undefined;
  return newMap([['AWS', newRaw('', `"arn:${partition ?? 'aws'}:iam::\${1:${ACCOUNT_PLACEHOLDER}}:root"`)]]);
}

function turnOnBlockPublicAccess(ctx: FixContext): TextEdit[] | undefined {
  if (ctx.kind !== 's3api-get-public-access-block') return undefined;
  const configuration = getEntry(ctx.root, 'PublicAccessBlockConfiguration')?.value;
  if (configuration?.kind !== 'object') return undefined;
  const notYetTrue = FLAG_KEYS.filter((key) => {
    const value = getEntry(configuration, key)?.value;
    return !(value?.kind === 'boolean' && value.value);
  });
  return setEntries(ctx.editor, configuration, notYetTrue.map((key): [string, NewValue] => [key, newBoolean(true)]));
}

function removePublicGrants(ctx: FixContext): TextEdit[] | undefined {
  if (ctx.kind !== 's3api-get-bucket-acl') return undefined;
  const grants = getEntry(ctx.root, 'Grants')?.value;
  if (grants?.kind !== 'array') return undefined;
  const publicGrants = grants.items.flatMap((grant, index) => {
    const uri = getEntry(getEntry(grant, 'Grantee')?.value, 'URI')?.value;
    return uri?.kind === 'string' && PUBLIC_GROUP_URIS.has(uri.value.replace(/^https:/, 'http:')) ? [index] : [];
  });
  return publicGrants.length > 0 ? ctx.editor.removeItems(grants, publicGrants) : undefined;
}
