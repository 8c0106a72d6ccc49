import type { AclDeclaration, BucketModel, DeclarationSet } from '../../model/bucket';
import type { ExposureCause } from '../../model/exposure';
import type { TextEdit } from '../../model/finding';
import type { FormatFixer } from '../../model/fixer';
import type { SourceLocation } from '../../model/location';
import type { SourceFile } from '../../model/sourceFile';
import { getEntry, type LObject, type LValue } from '../../model/value';
import { BLOCK_PUBLIC_ACCESS_PROPERTIES } from './bucketSettings';
import { escapeSnippetLiteral, newBoolean, newMap, newPlaceholder, newRaw, newRef, newSeq, newString, type NewValue } from './edit/newValue';
import { addOrgIdCondition, isIntrinsicLike, locateStatement, removeStatementEdits, replacePrincipal, type LocatedStatement } from './edit/statementEdits';
import { createTreeEditor, setEntries, type TreeEditor } from './edit/treeEditor';
import { referencedResources } from './references';
import { METADATA_KEY } from './suppressions';
import { BUCKET_POLICY_TYPE, BUCKET_TYPE, indexTemplate, type TemplateIndex, type TemplateResource } from './templateIndex';
import { templateFor } from './templateSource';
import { fixGuard } from '../guardedFixes';
import { templateParses } from './templateSource';

/** The account's root as principal: "this account", whatever account and partition the stack deploys to. */
const OWN_ACCOUNT_PRINCIPAL = newMap([
  ['AWS', newRaw("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'", '{"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}')],
]);

const LOG_BUCKET_PLACEHOLDER = 'log-bucket-name';
const REASON_PLACEHOLDER = 'why this is acceptable';

interface FixContext {
  index: TemplateIndex;
  editor: TreeEditor;
}

/** Fixes in the template's own syntax; the template is re-read from `file` so edits see exactly what is written. */
export function createCloudFormationFixer(set: DeclarationSet, file: SourceFile): FormatFixer {
  let context: FixContext | null | undefined;
  const load = (): FixContext | undefined => {
    if (context === undefined) {
      const source = templateFor(set, file);
      context = source.root && !source.problem ? { index: indexTemplate(source.root, file.path, source.lines), editor: createTreeEditor(source.syntax, file.text, file.path) } : null;
    }
    return context ?? undefined;
  };
  const guarded = fixGuard<FixContext>(load, file, (text) => cloudFormationParsesSafely(text, file.path));

  return {
    addPublicAccessBlock: guarded((ctx, bucket: BucketModel) => addPublicAccessBlock(ctx, bucket)),
    makeAclPrivate: guarded((ctx, acl: AclDeclaration) => makeAclPrivate(ctx, acl)),
    restrictPrincipalToAccount: guarded((ctx, cause: ExposureCause) => {
      const located = policyStatement(ctx, cause);
      return located ? replacePrincipal(ctx.editor, located.statement, OWN_ACCOUNT_PRINCIPAL) : undefined;
    }),
    addRestrictingCondition: guarded((ctx, cause: ExposureCause) => {
      const located = policyStatement(ctx, cause);
      return located ? addOrgIdCondition(ctx.editor, located.statement) : undefined;
    }),
    removeStatement: guarded((ctx, cause: ExposureCause) => removeStatement(ctx, cause)),
    addAccessLogging: guarded((ctx, bucket: BucketModel, declarations: DeclarationSet) => addAccessLogging(ctx, bucket, declarations ?? set)),
    suppress: guarded((ctx, ruleId: string, loc: SourceLocation, resourceAddress: string) => suppress(ctx, ruleId, loc, resourceAddress)),
  };
}

function bucketResource(ctx: FixContext, address: string): TemplateResource | undefined {
  const resource = ctx.index.resources.get(address);
  return resource?.type === BUCKET_TYPE ? resource : undefined;
}

/**
 * True when the node is written inside the resource. A YAML alias (`Properties: *shared`) is
 * located at its anchor; editing there would change every resource that shares it.
 */
function ownedBy(resource: TemplateResource, node: LValue): boolean {
  return node.loc.range.startOffset >= resource.loc.range.startOffset && node.loc.range.endOffset <= resource.loc.range.endOffset;
}

/** Sets `Properties.<name>` of a resource, creating `Properties` when the resource has none. */
function setProperty(ctx: FixContext, resource: TemplateResource, name: string, value: NewValue): TextEdit[] | undefined {
  const properties = getEntry(resource.body, 'Properties');
  if (!properties) return single(ctx.editor.insertEntries(resource.body, [['Properties', newMap([[name, value]])]]));
  if (properties.value.kind === 'null') return single(ctx.editor.replaceEntryValue(resource.body, properties, newMap([[name, value]])));
  if (properties.value.kind !== 'object' || isIntrinsicLike(properties.value) || !ownedBy(resource, properties.value)) return undefined;
  return setEntries(ctx.editor, properties.value, [[name, value]]);
}

function addPublicAccessBlock(ctx: FixContext, bucket: BucketModel): TextEdit[] | undefined {
  const resource = bucketResource(ctx, bucket.resource.address);
  if (!resource) return undefined;
  const flagNames = Object.values(BLOCK_PUBLIC_ACCESS_PROPERTIES);
  const written = getEntry(resource.properties, 'PublicAccessBlockConfiguration');
  if (written && written.value.kind === 'object' && !isIntrinsicLike(written.value)) {
    const block = written.value;
    if (!ownedBy(resource, block)) return undefined;
    const notYetTrue = flagNames.filter((name) => {
      const value = getEntry(block, name)?.value;
      return !(value?.kind === 'boolean' && value.value);
    });
    return setEntries(ctx.editor, block, notYetTrue.map((name): [string, NewValue] => [name, newBoolean(true)]));
  }
  return setProperty(ctx, resource, 'PublicAccessBlockConfiguration', newMap(flagNames.map((name): [string, NewValue] => [name, newBoolean(true)])));
}

function makeAclPrivate(ctx: FixContext, acl: AclDeclaration): TextEdit[] | undefined {
  if (!acl.inlineOnBucket) return undefined;
  const resource = bucketResource(ctx, acl.resource.address);
  const properties = resource?.properties;
  const accessControl = getEntry(properties, 'AccessControl');
  if (!properties || !accessControl) return undefined;
  return single(ctx.editor.replaceEntryValue(properties, accessControl, newString('Private')));
}

/** The statement behind a cause, found in the template inside the BucketPolicy that holds it. */
function policyStatement(ctx: FixContext, cause: ExposureCause): (LocatedStatement & { policy: TemplateResource }) | undefined {
  const located = locateStatement(ctx.index.root, cause);
  if (!located) return undefined;
  const policy = [...ctx.index.resources.values()].find((resource) => resource.type === BUCKET_POLICY_TYPE && ownedBy(resource, located.statement));
  return policy ? { ...located, policy } : undefined;
}

function removeStatement(ctx: FixContext, cause: ExposureCause): TextEdit[] | undefined {
  const located = policyStatement(ctx, cause);
  if (!located) return undefined;
  const edits = removeStatementEdits(ctx.editor, located);
  if (edits !== 'only-statement') return edits;
  // The policy has nothing left: delete the BucketPolicy resource, unless something else refers to it.
  const policy = located.policy;
  const resources = getEntry(ctx.index.root, 'Resources')?.value;
  if (!policy || resources?.kind !== 'object' || resources.entries.length <= 1 || isReferenced(ctx.index, policy.logicalId)) return undefined;
  return single(ctx.editor.removeEntry(resources, policy.entry));
}

function isReferenced(index: TemplateIndex, logicalId: string): boolean {
  for (const resource of index.resources.values()) {
    if (resource.logicalId === logicalId) continue;
    const dependsOn = getEntry(resource.body, 'DependsOn')?.value;
    const explicit = dependsOn?.kind === 'array' ? dependsOn.items : dependsOn ? [dependsOn] : [];
    if (explicit.some((item) => item.kind === 'string' && item.value === logicalId)) return true;
    if (referencedResources(resource.body, index).includes(logicalId)) return true;
  }
  return referencedResources(getEntry(index.root, 'Outputs')?.value, index).includes(logicalId);
}

function addAccessLogging(ctx: FixContext, bucket: BucketModel, set: DeclarationSet): TextEdit[] | undefined {
  const resource = bucketResource(ctx, bucket.resource.address);
  if (!resource) return undefined;
  const logBucket = likelyLogBucket(bucket, set);
  const destination = logBucket ? newRef(logBucket) : newPlaceholder(1, LOG_BUCKET_PLACEHOLDER);
  const prefixText = `${bucket.bucketName.known ? bucket.bucketName.value : bucket.resource.address}/`;
  const prefix = logBucket ? newString(prefixText) : snippetSafe(newString(prefixText));
  const written = getEntry(resource.properties, 'LoggingConfiguration');
  if (written && written.value.kind === 'object' && !isIntrinsicLike(written.value)) {
    if (!ownedBy(resource, written.value)) return undefined;
    const entries: Array<[string, NewValue]> = [['DestinationBucketName', destination]];
    if (!getEntry(written.value, 'LogFilePrefix')) entries.push(['LogFilePrefix', prefix]);
    return setEntries(ctx.editor, written.value, entries);
  }
  return setProperty(ctx, resource, 'LoggingConfiguration', newMap([['DestinationBucketName', destination], ['LogFilePrefix', prefix]]));
}

/** Another template bucket that already serves as a log target, is set up for log delivery, or is named for logs. */
function likelyLogBucket(bucket: BucketModel, set: DeclarationSet): string | undefined {
  let best: { address: string; score: number } | undefined;
  for (const candidate of set.buckets) {
    const address = candidate.resource.address;
    if (candidate.partial || candidate.resource.type !== BUCKET_TYPE || address === bucket.resource.address) continue;
    let score = 0;
    if (set.buckets.some((other) => other !== candidate && other.logging?.targetBucketAddress === address)) score = 3;
    else if (candidate.acls.some((acl) => acl.canned?.value.known && acl.canned.value.value === 'log-delivery-write')) score = 2;
    else if (/log/i.test(address) || (candidate.bucketName.known && /log/i.test(candidate.bucketName.value))) score = 1;
    if (score > 0 && (!best || score > best.score)) best = { address, score };
  }
  return best?.address;
}

function suppress(ctx: FixContext, ruleId: string, loc: SourceLocation, resourceAddress: string): TextEdit[] | undefined {
  const offset = loc.range.startOffset;
  const resource =
    [...ctx.index.resources.values()].find((candidate) => candidate.loc.range.startOffset <= offset && candidate.loc.range.endOffset >= offset) ??
    ctx.index.resources.get(resourceAddress);
  if (!resource) return undefined;
  const item = newMap([
    ['rule', snippetSafe(newString(ruleId))],
    ['reason', newPlaceholder(1, REASON_PLACEHOLDER)],
  ]);
  const metadata = getEntry(resource.body, 'Metadata');
  if (!metadata) return single(ctx.editor.insertEntries(resource.body, [['Metadata', newMap([[METADATA_KEY, newMap([['ignore', newSeq([item])]])]])]]));
  if (!isEditableObject(metadata.value) || !ownedBy(resource, metadata.value)) return undefined;
  const ours = getEntry(metadata.value, METADATA_KEY);
  if (!ours) return single(ctx.editor.insertEntries(metadata.value, [[METADATA_KEY, newMap([['ignore', newSeq([item])]])]]));
  if (!isEditableObject(ours.value) || !ownedBy(resource, ours.value)) return undefined;
  const ignore = getEntry(ours.value, 'ignore');
  if (!ignore) return single(ctx.editor.insertEntries(ours.value, [['ignore', newSeq([item])]]));
  if (ignore.value.kind !== 'array' || !ownedBy(resource, ignore.value)) return undefined;
  return single(ctx.editor.appendItem(ignore.value, item));
}

function isEditableObject(value: { kind: string }): value is LObject {
  return value.kind === 'object' && !isIntrinsicLike(value as LObject);
}

function snippetSafe(value: NewValue): NewValue {
  return value.kind === 'scalar' ? newRaw(escapeSnippetLiteral(value.yaml), escapeSnippetLiteral(value.json)) : value;
}

function single(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? [edit] : undefined;
}

function cloudFormationParsesSafely(text: string, path: string): boolean {
  try {
    return templateParses(text, path);
  } catch {
    return false;
  }
}
