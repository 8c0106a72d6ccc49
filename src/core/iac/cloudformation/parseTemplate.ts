import type { BucketModel, DeclarationSet, DeclaredResource } from '../../model/bucket';
import { LineIndex } from '../../model/location';
import type { SourceFile } from '../../model/sourceFile';
import { getEntry, type Resolvable } from '../../model/value';
import { readBucketPolicies } from './bucketPolicies';
import { readBucketSettings } from './bucketSettings';
import { IntrinsicResolver } from './intrinsics';
import { referencedResources } from './references';
import { commentSuppressions, metadataSuppressions } from './suppressions';
import { BUCKET_TYPE, declaredResource, indexTemplate, TRAIL_TYPE, type TemplateIndex } from './templateIndex';
import { readTemplate, rememberTemplate } from './templateSource';
import { readTrail } from './trails';

export function parseCloudFormation(file: SourceFile): DeclarationSet {
  const set: DeclarationSet = { format: 'cloudformation', buckets: [], accountPublicAccessBlocks: [], trails: [], suppressions: [], parseProblems: [] };
  try {
    const source = readTemplate(file);
    rememberTemplate(set, source);
    if (source.problem) {
      set.parseProblems.push(source.problem);
      return set;
    }
    if (!source.root || source.root.kind !== 'object') {
      set.parseProblems.push({ message: 'The template is not a mapping of sections', loc: source.lines.location(file.path, 0, Math.min(file.text.length, 1)) });
      return set;
    }
    const index = indexTemplate(source.root, file.path, source.lines);
    const resolver = new IntrinsicResolver(index);
    const declared = new Map<string, DeclaredResource>();
    const declaredResourceOf = (logicalId: string): DeclaredResource => {
      let resource = declared.get(logicalId);
      if (!resource) {
        resource = declaredResource(index.resources.get(logicalId)!, dependenciesOf(logicalId, index));
        const exists = existenceOf(logicalId, index, resolver);
        if (exists) resource.exists = exists;
        declared.set(logicalId, resource);
      }
      return resource;
    };

    const bucketsById = new Map<string, BucketModel>();
    for (const template of index.resources.values()) {
      if (template.type !== BUCKET_TYPE) continue;
      const resource = declaredResourceOf(template.logicalId);
      const settings = readBucketSettings(template, resource, resolver, index);
      const bucket: BucketModel = {
        resource,
        bucketName: resolver.bucketName(template.logicalId),
        policies: [],
        acls: settings.acl ? [settings.acl] : [],
        partial: false,
      };
      if (settings.publicAccessBlock) bucket.publicAccessBlock = settings.publicAccessBlock;
      if (settings.ownership) bucket.ownership = settings.ownership;
      if (settings.logging) bucket.logging = settings.logging;
      bucketsById.set(template.logicalId, bucket);
      set.buckets.push(bucket);
    }

    // A policy on a bucket the template does not declare still describes that bucket, partially.
    const externalBuckets = new Map<string, BucketModel>();
    for (const link of readBucketPolicies(index, resolver, source, declaredResourceOf)) {
      const owner = link.bucketLogicalId ? bucketsById.get(link.bucketLogicalId) : undefined;
      if (owner) {
        owner.policies.push(link.attachment);
        continue;
      }
      const key = link.bucketName.known ? `name:${link.bucketName.value}` : `policy:${link.attachment.resource.address}`;
      const existing = externalBuckets.get(key);
      if (existing) {
        existing.policies.push(link.attachment);
        continue;
      }
      const bucket: BucketModel = { resource: link.attachment.resource, bucketName: link.bucketName, policies: [link.attachment], acls: [], partial: true };
      externalBuckets.set(key, bucket);
      set.buckets.push(bucket);
    }

    for (const template of index.resources.values()) {
      if (template.type === TRAIL_TYPE) set.trails.push(readTrail(template, declaredResourceOf(template.logicalId), resolver, index));
    }
    set.suppressions.push(...metadataSuppressions(index), ...commentSuppressions(source));
    return set;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    set.parseProblems.push({ message: `The template could not be analysed: ${message}`, loc: new LineIndex(file.text).location(file.path, 0, 0) });
    return set;
  }
}

/** `DependsOn` plus every resource the properties refer to: CloudFormation creates those first. */
function dependenciesOf(logicalId: string, index: TemplateIndex): string[] {
  const template = index.resources.get(logicalId);
  if (!template) return [];
  const dependsOn: string[] = [];
  const explicit = getEntry(template.body, 'DependsOn')?.value;
  const names = explicit?.kind === 'array' ? explicit.items : explicit ? [explicit] : [];
  for (const name of names) {
    if (name.kind === 'string' && !dependsOn.includes(name.value)) dependsOn.push(name.value);
  }
  for (const referenced of referencedResources(getEntry(template.body, 'Properties')?.value, index)) {
    if (referenced !== logicalId && !dependsOn.includes(referenced)) dependsOn.push(referenced);
  }
  return dependsOn;
}

/** A resource with a `Condition` is created only when the condition holds (CloudFormation, Conditions). */
function existenceOf(logicalId: string, index: TemplateIndex, resolver: IntrinsicResolver): Resolvable<boolean> | undefined {
  const condition = getEntry(index.resources.get(logicalId)?.body, 'Condition')?.value;
  if (!condition) return undefined;
  if (condition.kind !== 'string') return { known: false, reason: `the Condition of ${logicalId} is not a condition name` };
  return resolver.condition(condition.value);
}
