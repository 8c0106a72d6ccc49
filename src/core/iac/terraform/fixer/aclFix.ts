import type { AclDeclaration, AclGrantDeclaration } from '../../../model/bucket';
import type { TextEdit } from '../../../model/finding';
import { attributeOf, blockOf, blocksOf, type HclBlock } from '../syntaxTree';
import type { FixContext } from './fixContext';

/** The two groups that make an ACL grant public (S3 User Guide, "Amazon S3 predefined groups"). */
const PUBLIC_GROUPS = new Set(['http://acs.amazonaws.com/groups/global/AllUsers', 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers']);

export function isPublicGrant(grant: AclGrantDeclaration): boolean {
  return grant.grantee.known && grant.grantee.value.type === 'Group' && PUBLIC_GROUPS.has((grant.grantee.value.uri ?? '').replace(/^https:/, 'http:'));
}

/** Canned ACL to `"private"`; grant blocks to AllUsers / AuthenticatedUsers removed. */
export function makeAclPrivate(context: FixContext, acl: AclDeclaration): TextEdit[] | undefined {
  const entry = context.parsed.index.resources.get(acl.resource.address);
  const layout = entry ? context.layout(entry.file.path) : undefined;
  if (!entry || !layout) return undefined;
  const edits: TextEdit[] = [];
  const cannedAttribute = attributeOf(entry.block.body, 'acl');
  if (acl.canned && cannedAttribute && !(acl.canned.value.known && acl.canned.value.value === 'private')) {
    edits.push(layout.replace(cannedAttribute.value.span, '"private"'));
  }
  const publicGrantStarts = new Set(acl.grants.filter(isPublicGrant).map((grant) => grant.loc.range.startOffset));
  for (const grantBlock of grantBlocks(entry.block, acl.inlineOnBucket)) {
    if (publicGrantStarts.has(grantBlock.span.start)) edits.push(layout.removal(grantBlock.span));
  }
  return edits.length > 0 ? edits : undefined;
}

function grantBlocks(block: HclBlock, inline: boolean): HclBlock[] {
  if (inline) return blocksOf(block.body, 'grant');
  const policy = blockOf(block.body, 'access_control_policy');
  return policy ? blocksOf(policy.body, 'grant') : [];
}
