import type { DeclaredResource, PolicyAttachment } from '../../model/bucket';
import { getEntry, type LValue, type Resolvable } from '../../model/value';
import { readEmbeddedPolicy } from './embeddedPolicy';
import { asResolvableString, isNoValue, type IntrinsicResolver } from './intrinsics';
import { bucketNamed } from './bucketSettings';
import { directBucketReference } from './references';
import { BUCKET_POLICY_TYPE, entrySpan, type TemplateIndex } from './templateIndex';
import type { TemplateSource } from './templateSource';

/** An `AWS::S3::BucketPolicy` and the bucket it is attached to. */
export interface BucketPolicyLink {
  attachment: PolicyAttachment;
  /** Logical id of the template bucket it attaches to, when it names one. */
  bucketLogicalId?: string;
  bucketName: Resolvable<string>;
}

export function readBucketPolicies(
  index: TemplateIndex,
  resolver: IntrinsicResolver,
  source: TemplateSource,
  declaredResourceOf: (logicalId: string) => DeclaredResource,
): BucketPolicyLink[] {
  const links: BucketPolicyLink[] = [];
  for (const template of index.resources.values()) {
    if (template.type !== BUCKET_POLICY_TYPE) continue;
    const resource = declaredResourceOf(template.logicalId);
    const bucketEntry = getEntry(template.properties, 'Bucket');
    const resolvedBucket = bucketEntry ? resolver.resolve(bucketEntry.value) : undefined;
    const bucketName = asResolvableString(resolvedBucket, 'the policy names no bucket');
    const bucketLogicalId = directBucketReference(bucketEntry?.value, index) ?? bucketNamed(bucketName, resolver, index);

    const documentEntry = getEntry(template.properties, 'PolicyDocument');
    const attachment: PolicyAttachment = {
      resource,
      document: documentEntry ? readDocument(documentEntry.value, resolver, source) : { kind: 'unknown', reason: 'the BucketPolicy has no PolicyDocument', loc: resource.headerLoc },
      loc: documentEntry ? entrySpan(index, documentEntry) : resource.headerLoc,
      inlineOnBucket: false,
    };
    links.push({ attachment, bucketLogicalId, bucketName: bucketLogicalId ? resolver.bucketName(bucketLogicalId) : bucketName });
  }
  return links;
}

function readDocument(written: LValue, resolver: IntrinsicResolver, source: TemplateSource): LValue {
  if (written.kind === 'string') return readEmbeddedPolicy(written, source);
  const resolved = resolver.resolve(written);
  if (isNoValue(resolved)) return { kind: 'unknown', reason: 'PolicyDocument is removed by AWS::NoValue', loc: written.loc };
  return resolved.kind === 'string' ? readEmbeddedPolicy(resolved, source) : resolved;
}
