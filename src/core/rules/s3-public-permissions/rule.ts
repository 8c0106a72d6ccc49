import type { BucketRule } from '../rule';
import { publicCauseFinding, publicRuleKindOf, standingPublicCauses } from '../publicCause';

export const publicPermissionsRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-PUBLIC-PERMISSIONS',
  title: "Anyone can change the bucket's permissions",
  severity: 'error',
  summary: 'A bucket policy or ACL lets anyone change the bucket policy or ACLs (full control).',
  docs: `A public principal may call permissions-management actions (\`s3:PutBucketPolicy\`,
\`s3:PutBucketAcl\`, \`s3:PutObjectAcl\`, …) or an ACL grants \`WRITE_ACP\` / \`FULL_CONTROL\` to the AllUsers or
AuthenticatedUsers group. Whoever can change the permissions can grant themselves everything else: this is
a bucket takeover.

A grant that also allows writing objects (\`s3:*\`, \`FULL_CONTROL\`) is reported once, as
[S3-PUBLIC-WRITE](S3-PUBLIC-WRITE.md), whose message names the permissions it includes.

**Fix**: remove the statement or grant, or turn on all four S3 Block Public Access settings.`,
  check(context) {
    return standingPublicCauses(context)
      .filter((cause) => publicRuleKindOf(cause.access) === 'permissions')
      .map((cause) =>
        publicCauseFinding(context, cause, 'Anyone can rewrite the bucket’s permissions and grant themselves full access.'),
      );
  },
};
