import type { BucketRule } from '../rule';
import { publicCauseFinding, publicRuleKindOf, standingPublicCauses } from '../publicCause';

export const publicWriteRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-PUBLIC-WRITE',
  title: 'Bucket is publicly writable',
  severity: 'error',
  summary: 'A bucket policy or ACL lets anyone (or any AWS account) upload, overwrite or delete objects.',
  docs: `Anyone on the internet can put or delete objects in this bucket: a bucket policy statement allows a
public principal (\`"*"\`, \`{"AWS": "*"}\` or \`NotPrincipal\`) write actions such as \`s3:PutObject\` or
\`s3:DeleteObject\` with no condition that AWS counts as restricting, or an ACL grants \`WRITE\` to the
AllUsers or AuthenticatedUsers group (\`public-read-write\`).

Public write lets strangers host malware or illegal content on your account, run up your bill and destroy
data. AWS Config's \`s3-bucket-public-write-prohibited\` and Trusted Advisor flag the same condition.

**Fix**: turn on S3 Block Public Access (all four settings), make the ACL private, restrict the principal to
your account, or add a condition on a key AWS recognises as restricting (\`aws:PrincipalOrgID\`,
\`aws:SourceVpce\`, \`aws:SourceArn\`, …). See AWS: *Blocking public access to your Amazon S3 storage — The
meaning of "public"*.`,
  check(context) {
    return standingPublicCauses(context)
      .filter((cause) => publicRuleKindOf(cause.access) === 'write')
      .map((cause) =>
        publicCauseFinding(
          context,
          cause,
          cause.access.includes('permissions')
            ? 'Anyone can upload, overwrite or delete objects in this bucket, and rewrite its permissions.'
            : 'Anyone can upload, overwrite or delete objects in this bucket.',
        ),
      );
  },
};
