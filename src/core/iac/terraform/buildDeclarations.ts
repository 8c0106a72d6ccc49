import type {
  BucketModel,
  DeclarationSet,
  DeclaredResource,
  PolicyAttachment,
  PublicAccessBlockDeclaration,
  TrailDeclaration,
} from '../../model/bucket';
import { bucketNameOfTarget, bucketTarget, type BucketTarget } from './bucketLinks';
import { readTrail } from './cloudtrail';
import { declaredResource } from './declaredResource';
import type { Evaluator } from './evaluate';
import { existenceOf, type Existence } from './existence';
import { unknownValue } from './lvalues';
import type { ResourceEntry } from './moduleIndex';
import { S3SettingsReader } from './s3Settings';
import { attributeOf, blockOf, type HclAttribute, type HclFile } from './syntaxTree';

export type ModuleDeclarations = Pick<DeclarationSet, 'buckets' | 'accountPublicAccessBlocks' | 'trails'>;

const SPLIT_RESOURCE_TYPES = new Set([
  'aws_s3_bucket_policy',
  'aws_s3_bucket_acl',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_logging',
]);

/**
 * One BucketModel per `aws_s3_bucket` (count/for_each included: one model per resource address), with
 * the split resources linked by reference or by literal name. A split resource whose bucket is not
 * declared here gets a partial model of its own, so its policy or ACL is still judged.
 */
export function buildDeclarations(evaluator: Evaluator): ModuleDeclarations {
  const builder = new DeclarationBuilder(evaluator);
  return builder.build();
}

class DeclarationBuilder {
  private readonly reader: S3SettingsReader;
  private readonly byAddress = new Map<string, BucketModel>();
  private readonly byName = new Map<string, BucketModel>();
  private readonly partialBuckets = new Map<string, BucketModel>();
  private readonly accountBlocks: PublicAccessBlockDeclaration[] = [];
  private readonly trails: TrailDeclaration[] = [];
  private readonly existences = new Map<string, Existence>();

  constructor(private readonly evaluator: Evaluator) {
    this.reader = new S3SettingsReader(evaluator);
  }

  build(): ModuleDeclarations {
    // A resource that count / for_each create zero times declares nothing.
    const entries = [...this.evaluator.index.resources.values()].filter((entry) => this.existence(entry).exists !== 'no');
    for (const entry of entries) if (entry.type === 'aws_s3_bucket') this.addBucket(entry);
    // After every bucket is known by name, so a literal target name links whatever the order.
    for (const entry of entries) if (entry.type === 'aws_s3_bucket') this.addInlineLogging(entry);
    for (const entry of entries) {
      if (SPLIT_RESOURCE_TYPES.has(entry.type)) this.addSplitResource(entry);
      else if (entry.type === 'aws_s3_account_public_access_block') {
        this.accountBlocks.push(this.reader.publicAccessBlock(this.resource(entry), entry.block, entry.file, 'account'));
      } else if (entry.type === 'aws_cloudtrail') {
        this.trails.push(readTrail(this.evaluator, this.resource(entry), entry.block, entry.file));
      }
    }
    return {
      buckets: [...this.byAddress.values(), ...this.partialBuckets.values()],
      accountPublicAccessBlocks: this.accountBlocks,
      trails: this.trails,
    };
  }

  private addBucket(entry: ResourceEntry): void {
    const resource = this.resource(entry);
    const { block, file } = entry;
    const bucket: BucketModel = {
      resource,
      bucketName: this.evaluator.bucketName(entry).name,
      policies: [],
      acls: [],
      partial: false,
    };
    // Legacy (AWS provider v3) inline arguments still configure the bucket.
    const acl = this.reader.inlineAcl(resource, block, file);
    if (acl) bucket.acls.push(acl);
    const policy = attributeOf(block.body, 'policy');
    if (policy) bucket.policies.push(this.policy(resource, policy, file, true));
    this.byAddress.set(entry.address, bucket);
    if (bucket.bucketName.known && !this.byName.has(bucket.bucketName.value)) this.byName.set(bucket.bucketName.value, bucket);
  }

  private addInlineLogging(entry: ResourceEntry): void {
    const bucket = this.byAddress.get(entry.address);
    const logging = blockOf(entry.block.body, 'logging');
    if (!bucket || !logging) return;
    const target = attributeOf(logging.body, 'target_bucket');
    const targetAddress = target ? this.targetAddress(undefined, target, entry.file) : undefined;
    bucket.logging = this.reader.logging(bucket.resource, logging.body, logging.span, entry.file, true, targetAddress);
  }

  private addSplitResource(entry: ResourceEntry): void {
    const resource = this.resource(entry);
    const { block, file } = entry;
    const bucketAttribute = attributeOf(block.body, 'bucket');
    const target: BucketTarget = bucketAttribute
      ? bucketTarget(this.evaluator, entry, bucketAttribute.value, file)
      : { kind: 'name', name: { known: false, reason: 'no `bucket` argument is written' }, key: `resource:${entry.address}` };
    const bucket = this.bucketFor(target, resource);
    switch (entry.type) {
      case 'aws_s3_bucket_policy': {
        const policy = attributeOf(block.body, 'policy');
        bucket.policies.push(
          policy
            ? this.policy(resource, policy, file, false)
            : { resource, document: unknownValue('no policy argument is written', resource.loc), loc: resource.loc, inlineOnBucket: false },
        );
        break;
      }
      case 'aws_s3_bucket_acl':
        bucket.acls.push(this.reader.bucketAcl(resource, block, file));
        break;
      case 'aws_s3_bucket_public_access_block':
        bucket.publicAccessBlock ??= this.reader.publicAccessBlock(resource, block, file, 'bucket');
        break;
      case 'aws_s3_bucket_ownership_controls':
        bucket.ownership ??= this.reader.ownership(resource, block, file);
        break;
      case 'aws_s3_bucket_logging': {
        const target = attributeOf(block.body, 'target_bucket');
        bucket.logging ??= this.reader.logging(resource, block.body, block.span, file, false, target ? this.targetAddress(entry, target, file) : undefined);
        break;
      }
    }
  }

  private existence(entry: ResourceEntry): Existence {
    const cached = this.existences.get(entry.address);
    if (cached) return cached;
    const existence = existenceOf(this.evaluator, entry);
    this.existences.set(entry.address, existence);
    return existence;
  }

  private bucketFor(target: BucketTarget, resource: DeclaredResource): BucketModel {
    if (target.kind === 'resource') {
      const declared = this.byAddress.get(target.address);
      if (declared) return declared;
    } else if (target.name.known) {
      const named = this.byName.get(target.name.value);
      if (named) return named;
    }
    const key = target.kind === 'resource' ? `resource:${target.address}` : target.key;
    const existing = this.partialBuckets.get(key);
    if (existing) return existing;
    const partial: BucketModel = {
      resource,
      bucketName: bucketNameOfTarget(this.evaluator, target).name,
      policies: [],
      acls: [],
      partial: true,
    };
    this.partialBuckets.set(key, partial);
    return partial;
  }

  private targetAddress(entry: ResourceEntry | undefined, target: HclAttribute, file: HclFile): string | undefined {
    const linked = bucketTarget(this.evaluator, entry, target.value, file);
    if (linked.kind === 'resource') return linked.address;
    if (linked.name.known) return this.byName.get(linked.name.value)?.resource.address;
    return undefined;
  }

  private policy(resource: DeclaredResource, attribute: HclAttribute, file: HclFile, inlineOnBucket: boolean): PolicyAttachment {
    return {
      resource,
      document: this.evaluator.jsonDocument(attribute.value, file),
      loc: file.lines.location(file.path, attribute.span.start, attribute.span.end),
      inlineOnBucket,
    };
  }

  private resource(entry: ResourceEntry): DeclaredResource {
    return declaredResource(entry, this.evaluator.index, this.existence(entry));
  }
}

