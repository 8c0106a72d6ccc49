import type { BucketRule } from '../rule';

export const crossAccountRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-CROSS-ACCOUNT',
  title: 'Bucket is shared with another AWS account',
  severity: 'info',
  summary: 'A bucket policy grants access to a principal in a specific other AWS account.',
  docs: `A statement names a principal in an AWS account that is not one of yours (configure your accounts
with \`s3SecurityReview.ownAccountIds\` or \`--own-account\`). This is not public, but the data is shared
outside the account — the same thing IAM Access Analyzer and Amazon Macie's bucket inventory report as
"shared outside".

Check that the account is one you trust and that the actions are the least needed.`,
  check(context) {
    const bucketName = context.bucket.bucketName.known ? context.bucket.bucketName.value : undefined;
    return context.exposure.crossAccount.map((grant) => ({
      message: grant.why,
      loc: grant.loc,
      resource: grant.resourceAddress,
      bucketName,
      related: grant.statementLoc !== grant.loc ? [{ loc: grant.statementLoc, message: 'The statement that grants it' }] : [],
      fixes: [],
      access: grant.access,
    }));
  },
};
