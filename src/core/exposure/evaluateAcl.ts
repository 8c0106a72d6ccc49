import type { AclDeclaration, AclGrantDeclaration, AclPermission } from '../model/bucket';
import type { AccessKind, ExposureCause } from '../model/exposure';

/**
 * S3 counts an ACL as public when it grants anything to the predefined AllUsers group (anyone,
 * even anonymous) or AuthenticatedUsers group (anyone with any AWS account). The LogDelivery group
 * is S3's own log writer, not the public. (S3 User Guide: "The meaning of public" › ACLs;
 * "Access control list (ACL) overview" › Amazon S3 predefined groups, canned ACL.)
 */

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/allusers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/authenticatedusers';

interface PublicCannedAcl {
  access: AccessKind[];
  grants: string;
}

/** Canned ACLs that grant a public group something, with what they grant on a bucket. */
const PUBLIC_CANNED_ACLS: Record<string, PublicCannedAcl> = {
  'public-read': { access: ['read'], grants: 'READ to AllUsers, so anyone can list the bucket’s objects' },
  'public-read-write': {
    access: ['read', 'write'],
    grants: 'READ and WRITE to AllUsers, so anyone can list the bucket’s objects and write objects into it',
  },
  'authenticated-read': {
    access: ['read'],
    grants: 'READ to AuthenticatedUsers — anyone with any AWS account, not just yours — so they can list the bucket’s objects',
  },
};

const PRIVATE_CANNED_ACLS = new Set([
  'private',
  'aws-exec-read',
  'bucket-owner-read',
  'bucket-owner-full-control',
  'log-delivery-write',
]);

/** What each ACL permission lets a grantee do on a bucket. */
const PERMISSION_ACCESS: Record<AclPermission, AccessKind[]> = {
  READ: ['read'],
  WRITE: ['write'],
  READ_ACP: ['read'],
  WRITE_ACP: ['permissions'],
  FULL_CONTROL: ['read', 'write', 'permissions'],
};

const PERMISSION_WORDS: Record<AclPermission, string> = {
  READ: 'list the bucket’s objects',
  WRITE: 'write and overwrite objects',
  READ_ACP: 'read the bucket’s ACL',
  WRITE_ACP: 'change the bucket’s ACL',
  FULL_CONTROL: 'list, write, and change the bucket’s ACL',
};

/** `PublicRead` (CloudFormation) and `public-read` (S3 API) name the same canned ACL. */
export function normalizeCannedAcl(value: string): string {
  return value
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

function cannedCause(acl: AclDeclaration): ExposureCause | undefined {
  const canned = acl.canned;
  if (!canned) return undefined;
  const base = {
    source: 'acl' as const,
    loc: canned.loc,
    statementLoc: acl.resource.loc,
    resourceAddress: acl.resource.address,
    acl,
  };
  if (!canned.value.known) {
    return {
      ...base,
      certainty: 'unknown',
      access: ['read', 'write'],
      grantedBy: ['(unresolved canned ACL)'],
      why: `The canned ACL of ${acl.resource.address} has no literal value here (${canned.value.reason}); public-read or public-read-write would make the bucket public.`,
    };
  }
  const name = normalizeCannedAcl(canned.value.value);
  const publicAcl = PUBLIC_CANNED_ACLS[name];
  if (publicAcl) {
    return {
      ...base,
      certainty: 'public',
      access: publicAcl.access,
      grantedBy: [name],
      why: `The canned ACL "${name}" on ${acl.resource.address} grants ${publicAcl.grants}.`,
    };
  }
  if (PRIVATE_CANNED_ACLS.has(name)) return undefined;
  return {
    ...base,
    certainty: 'unknown',
    access: ['read', 'write'],
    grantedBy: [canned.value.value],
    why: `"${canned.value.value}" on ${acl.resource.address} is not a canned ACL S3 knows, so what it grants cannot be decided.`,
  };
}

type GranteeClass = { kind: 'public'; group: string } | { kind: 'not-public' } | { kind: 'unknown'; what: string };

function classifyGrantee(grant: AclGrantDeclaration): GranteeClass {
  if (!grant.grantee.known) return { kind: 'unknown', what: `the grantee has no literal value here (${grant.grantee.reason})` };
  const grantee = grant.grantee.value;
  if (grantee.uri !== undefined) {
    const uri = grantee.uri.trim().toLowerCase().replace(/^https:/, 'http:').replace(/\/+$/, '');
    if (uri === ALL_USERS) return { kind: 'public', group: 'AllUsers (anyone, even without an AWS account)' };
    if (uri === AUTHENTICATED_USERS) return { kind: 'public', group: 'AuthenticatedUsers (anyone with any AWS account)' };
    return { kind: 'not-public' };
  }
  if (grantee.type === 'unknown' && grantee.id === undefined && grantee.email === undefined) {
    return { kind: 'unknown', what: 'the grantee cannot be identified' };
  }
  return { kind: 'not-public' };
}

function grantCause(acl: AclDeclaration, grant: AclGrantDeclaration): ExposureCause | undefined {
  const grantee = classifyGrantee(grant);
  if (grantee.kind === 'not-public') return undefined;
  const base = {
    source: 'acl' as const,
    loc: grant.granteeLoc,
    statementLoc: grant.loc,
    resourceAddress: acl.resource.address,
    acl,
    grant,
  };
  const permission = grant.permission.known ? grant.permission.value : undefined;
  const access: AccessKind[] = (permission && PERMISSION_ACCESS[permission]) || ['read', 'write', 'permissions'];
  const written = permission ?? '(unresolved permission)';
  if (grantee.kind === 'unknown') {
    return {
      ...base,
      certainty: 'unknown',
      access,
      grantedBy: [written],
      why: `An ACL grant of ${written} on ${acl.resource.address} would be public if it names AllUsers or AuthenticatedUsers, but ${grantee.what}.`,
    };
  }
  if (!permission || !(permission in PERMISSION_ACCESS)) {
    return {
      ...base,
      certainty: 'unknown',
      access,
      grantedBy: [written],
      why: `An ACL grant on ${acl.resource.address} gives ${grantee.group} a permission that has no literal value here.`,
    };
  }
  return {
    ...base,
    certainty: 'public',
    access,
    grantedBy: [permission],
    why: `An ACL grant on ${acl.resource.address} gives ${permission} to ${grantee.group}, so they can ${PERMISSION_WORDS[permission]}.`,
  };
}

/** Public (or possibly public) grants of one ACL: its canned ACL and each grant. Never throws. */
export function evaluateAcl(acl: AclDeclaration): ExposureCause[] {
  try {
    const causes: ExposureCause[] = [];
    const canned = cannedCause(acl);
    if (canned) causes.push(canned);
    for (const grant of acl.grants) {
      const cause = grantCause(acl, grant);
      if (cause) causes.push(cause);
    }
    return causes;
  } catch {
    return [];
  }
}
