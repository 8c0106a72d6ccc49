import type { BucketRule, RuleFinding } from '../rule';
import { fixesForCause, publicAccessLabel } from '../publicCause';

export const publicUnknownRule: BucketRule = {
  scope: 'bucket',
  id: 'S3-PUBLIC-UNKNOWN',
  title: 'Public access cannot be decided from the files',
  severity: 'info',
  summary: 'A grant would be public unless a value the files do not fix (a variable, an apply order) says otherwise.',
  docs: `The files grant access that would be public, but whether it is depends on something that has no literal
value here: a variable without a default, an attribute known only after apply, a CloudFormation parameter
without a default, or the order in which Terraform or CloudFormation applies two independent resources (for
example a public ACL and \`BucketOwnerEnforced\` object ownership, or a public policy and a Block Public Access
resource with nothing ordering them).

S3 Security Review never raises a public alarm built on a guess: it says "unknown" and names what is
missing. Give the value a literal default, add \`depends_on\` / \`DependsOn\` to fix the order, or turn on Block
Public Access so the question does not arise.`,
  check(context) {
    const findings: RuleFinding[] = [];
    const bucketName = context.bucket.bucketName.known ? context.bucket.bucketName.value : undefined;
    for (const cause of context.exposure.causes) {
      if (cause.neutralizedBy) continue;
      const orderDependent = cause.certainty === 'public' && cause.mayBeNeutralizedBy;
      if (cause.certainty !== 'unknown' && !orderDependent) continue;
      const because = cause.mayBeNeutralizedBy ? ` ${cause.mayBeNeutralizedBy.why}` : '';
      findings.push({
        message: `Possibly public: ${cause.why}${because}`,
        loc: cause.loc,
        resource: cause.resourceAddress,
        bucketName,
        related: cause.mayBeNeutralizedBy?.loc
          ? [{ loc: cause.mayBeNeutralizedBy.loc, message: `${cause.mayBeNeutralizedBy.setting} is set here` }]
          : [],
        fixes: fixesForCause(context, cause),
        publicAccess: publicAccessLabel(cause.access),
        access: cause.access,
      });
    }
    for (const unknown of context.exposure.unknowns) {
      findings.push({
        message: `Public access unknown: ${unknown.why}`,
        loc: unknown.loc,
        resource: context.bucket.resource.address,
        bucketName,
        related: [],
        fixes: [],
      });
    }
    return findings;
  },
};
