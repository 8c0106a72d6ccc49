import type { BlockPublicAccessFlag } from '../../model/bucket';
import type { BucketRule } from '../rule';
import { makeFix } from '../makeFix';

const FLAG_NAMES: Record<BlockPublicAccessFlag, string> = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
};

export const blockPublicAccessMissingRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-BPA-MISSING',
  title: 'Block Public Access is not fully on',
  severity: 'info',
  summary: 'The bucket (and the account, in these files) does not turn on all four S3 Block Public Access settings.',
  docs: `S3 Block Public Access is the guard rail that keeps a future policy or ACL change from making the bucket
public. AWS recommends all four settings (\`BlockPublicAcls\`, \`IgnorePublicAcls\`, \`BlockPublicPolicy\`,
\`RestrictPublicBuckets\`) on every bucket that is not meant to be public, and at the account level.

The files are judged as written: a template may manage an existing bucket, so the April-2023 default (Block
Public Access on for new buckets) is not assumed. An account-level \`aws_s3_account_public_access_block\` in
the same files counts.`,
  check(context) {
    const { bucket, set } = context;
    if (bucket.partial) return [];
    const flags = Object.keys(FLAG_NAMES) as BlockPublicAccessFlag[];
    const accountBlocks = set.accountPublicAccessBlocks;
    const isOn = (flag: BlockPublicAccessFlag): boolean => {
      const own = bucket.publicAccessBlock?.flags[flag];
      if (own?.known && own.value) return true;
      return accountBlocks.some((block) => {
        const value = block.flags[flag];
        return value.known && value.value;
      });
    };
    const isUnknown = (flag: BlockPublicAccessFlag): boolean => {
      const own = bucket.publicAccessBlock?.flags[flag];
      return (own !== undefined && !own.known) || accountBlocks.some((block) => !block.flags[flag].known);
    };
    const off = flags.filter((flag) => !isOn(flag) && !isUnknown(flag));
    if (off.length === 0) return [];
    const block = bucket.publicAccessBlock;
    const firstWrittenOff = off.map((flag) => block?.flagLocs[flag]).find((loc) => loc !== undefined);
    const loc = firstWrittenOff ?? block?.resource.headerLoc ?? bucket.resource.headerLoc;
    const names = off.map((flag) => FLAG_NAMES[flag]).join(', ');
    const message = block
      ? `Block Public Access leaves ${names} off for ${bucket.resource.address}; a later policy or ACL change could make it public.`
      : `${bucket.resource.address} has no Block Public Access in these files (${names} off); nothing stops a policy or ACL from making it public.`;
    const edits = context.fixer.addPublicAccessBlock(bucket);
    return [
      {
        message,
        loc,
        resource: bucket.resource.address,
        bucketName: bucket.bucketName.known ? bucket.bucketName.value : undefined,
        related: block && loc !== block.resource.headerLoc ? [{ loc: block.resource.headerLoc, message: 'The Block Public Access resource' }] : [],
        fixes: edits && edits.length > 0 ? [makeFix('Turn on all four Block Public Access settings', edits, true)] : [],
      },
    ];
  },
};
