import type { BucketRule } from '../rule';
import { publicCauseFinding, publicRuleKindOf, standingPublicCauses } from '../publicCause';

export const publicReadRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-PUBLIC-READ',
  title: 'Bucket is publicly readable',
  severity: 'warning',
  summary: 'A bucket policy or ACL lets anyone (or any AWS account) read or list objects.',
  docs: `Anyone on the internet can read or list objects in this bucket: a bucket policy statement allows a
public principal read actions (\`s3:GetObject\`, \`s3:ListBucket\`, \`s3:Get*\`, …) with no condition that AWS
counts as restricting, or an ACL grants \`READ\` to the AllUsers or AuthenticatedUsers group
(\`public-read\`, \`authenticated-read\` — "authenticated" means any AWS account in the world).

Conditions on \`aws:Referer\` or \`aws:UserAgent\` do not make a statement private: anyone can send those
headers. Only fixed values of keys such as \`aws:SourceVpce\`, \`aws:SourceIp\` (narrow CIDRs),
\`aws:PrincipalOrgID\`, \`aws:PrincipalAccount\`, \`aws:SourceArn\` or \`aws:SourceAccount\` restrict it.

If the bucket is meant to serve a public website, prefer CloudFront with origin access control and keep the
bucket private; otherwise suppress the finding with a reason. See AWS: *The meaning of "public"* and AWS
Config's \`s3-bucket-public-read-prohibited\`.`,
  check(context) {
    return standingPublicCauses(context)
      .filter((cause) => publicRuleKindOf(cause.access) === 'read')
      .map((cause) => publicCauseFinding(context, cause, 'Anyone can read this bucket’s data.'));
  },
};
