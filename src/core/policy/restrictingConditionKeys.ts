/**
 * THE list of condition keys whose fixed values make a public-principal statement non-public.
 *
 * Source: Amazon S3 User Guide, "Blocking public access to your Amazon S3 storage" › "The meaning
 * of 'public'" › "Bucket policies": a policy is non-public only when it grants access to fixed
 * values (no wildcard, no IAM policy variable) of an AWS principal, user, role or service principal
 * (e.g. aws:PrincipalOrgID), a set of CIDRs with aws:SourceIp (not broader than /8 for IPv4 or /32
 * for IPv6), aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount,
 * s3:x-amz-server-side-encryption-aws-kms-key-id, aws:userid outside the pattern "AROLEID:*",
 * s3:DataAccessPointArn (the access point name may be a wildcard when the account is fixed) and
 * s3:DataAccessPointAccount.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 *
 * Keys such as aws:Referer, aws:UserAgent, aws:SecureTransport or s3:prefix are deliberately absent:
 * anyone can send a Referer or User-Agent header, and the others say how or what, not who.
 */

export type RestrictingValueRule =
  /** Every value fixed: no `*`, no `?`, no `${…}`. */
  | 'fixed'
  /** IP ranges (IpAddress operator) no broader than AWS's public threshold. */
  | 'cidr'
  /** Fixed, or a role's unique id followed by `:*` (every session of one role). */
  | 'userid'
  /** Fixed up to `accesspoint/`; the access point name itself may be a wildcard. */
  | 'accessPointArn'
  /** Fixed, or a fixed organization path ending in `/*` (every account below that OU). */
  | 'orgPath';

export type RestrictingKeyGroup = 'principal' | 'network' | 'source' | 'access-point' | 'encryption';

export interface RestrictingConditionKey {
  /** Canonical spelling; matching is case-insensitive, as IAM matches condition key names. */
  key: string;
  group: RestrictingKeyGroup;
  /** What a fixed value pins down, in plain words, for messages. */
  pins: string;
  values: RestrictingValueRule;
  /** Where AWS says so. */
  reference: string;
}

const MEANING_OF_PUBLIC = 'S3 User Guide: The meaning of "public" (bucket policies)';
const PRINCIPAL_KEYS = `${MEANING_OF_PUBLIC}: "An AWS principal, user, role, or service principal (e.g. aws:PrincipalOrgID)"`;
// These perimeter keys pin an organization, account or endpoint owner exactly as aws:PrincipalOrgID
// and aws:SourceVpce do; they are newer than the archived copy of the S3 page we could read, and
// are documented in the IAM User Guide's global condition context keys.
const PERIMETER_KEYS = 'IAM User Guide: AWS global condition context keys (organization / VPC endpoint owner keys)';

export const RESTRICTING_CONDITION_KEYS: readonly RestrictingConditionKey[] = [
  { key: 'aws:PrincipalOrgID', group: 'principal', pins: 'the caller’s AWS organization', values: 'fixed', reference: PRINCIPAL_KEYS },
  { key: 'aws:PrincipalOrgPaths', group: 'principal', pins: 'the caller’s organizational unit', values: 'orgPath', reference: PRINCIPAL_KEYS },
  { key: 'aws:PrincipalAccount', group: 'principal', pins: 'the caller’s AWS account', values: 'fixed', reference: PRINCIPAL_KEYS },
  { key: 'aws:PrincipalArn', group: 'principal', pins: 'the calling principal', values: 'fixed', reference: PRINCIPAL_KEYS },
  { key: 'aws:userid', group: 'principal', pins: 'the calling principal', values: 'userid', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceIp', group: 'network', pins: 'the caller’s IP range', values: 'cidr', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceVpc', group: 'network', pins: 'the VPC the request comes from', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceVpce', group: 'network', pins: 'the VPC endpoint the request comes through', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 'aws:VpceAccount', group: 'network', pins: 'the account that owns the VPC endpoint', values: 'fixed', reference: PERIMETER_KEYS },
  { key: 'aws:VpceOrgID', group: 'network', pins: 'the organization that owns the VPC endpoint', values: 'fixed', reference: PERIMETER_KEYS },
  { key: 'aws:VpceOrgPaths', group: 'network', pins: 'the organizational unit that owns the VPC endpoint', values: 'orgPath', reference: PERIMETER_KEYS },
  { key: 'aws:SourceArn', group: 'source', pins: 'the AWS resource the request is made for', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceAccount', group: 'source', pins: 'the account of the AWS resource the request is made for', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceOwner', group: 'source', pins: 'the owner of the AWS resource the request is made for', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 'aws:SourceOrgID', group: 'source', pins: 'the organization of the AWS resource the request is made for', values: 'fixed', reference: PERIMETER_KEYS },
  { key: 'aws:SourceOrgPaths', group: 'source', pins: 'the organizational unit of the AWS resource the request is made for', values: 'orgPath', reference: PERIMETER_KEYS },
  { key: 's3:DataAccessPointArn', group: 'access-point', pins: 'the access point the request comes through', values: 'accessPointArn', reference: MEANING_OF_PUBLIC },
  { key: 's3:DataAccessPointAccount', group: 'access-point', pins: 'the account that owns the access point', values: 'fixed', reference: MEANING_OF_PUBLIC },
  { key: 's3:x-amz-server-side-encryption-aws-kms-key-id', group: 'encryption', pins: 'the KMS key the request must use', values: 'fixed', reference: MEANING_OF_PUBLIC },
];

const BY_LOWER_KEY = new Map(RESTRICTING_CONDITION_KEYS.map((entry) => [entry.key.toLowerCase(), entry]));

export function findRestrictingKey(key: string): RestrictingConditionKey | undefined {
  return BY_LOWER_KEY.get(key.toLowerCase());
}

/** Keys people use to "protect" a public statement that do not restrict who can call, with why. */
const NOT_RESTRICTING_EXPLAINED: Record<string, string> = {
  'aws:referer': 'aws:Referer is a header any client can set',
  'aws:useragent': 'aws:UserAgent is a header any client can set',
  'aws:securetransport': 'aws:SecureTransport only requires HTTPS, which anyone can use',
  's3:prefix': 's3:prefix limits which keys can be listed, not who can list them',
  'aws:currenttime': 'aws:CurrentTime limits when, not who',
  'aws:epochtime': 'aws:EpochTime limits when, not who',
  'aws:requestedregion': 'aws:RequestedRegion limits where, not who',
};

export function whyKeyDoesNotRestrict(key: string): string {
  return NOT_RESTRICTING_EXPLAINED[key.toLowerCase()] ?? `${key} does not limit who can call`;
}
