import type { AclDeclaration, AclGrantDeclaration, PolicyAttachment } from './bucket';
import type { SourceLocation } from './location';
import type { LObject } from './value';

/** What a grant lets someone do, by IAM access level (read includes List; write includes Tagging). */
export type AccessKind = 'read' | 'write' | 'permissions';

export type Certainty = 'public' | 'unknown';

/**
 * One reason the bucket is (or may be) public: a policy statement or an ACL grant that reaches
 * everyone, and what stops it, if anything.
 */
export interface ExposureCause {
  source: 'policy' | 'acl';
  /** `public`: AWS would call it public. `unknown`: it would be public unless an unresolved value says otherwise. */
  certainty: Certainty;
  access: AccessKind[];
  /** Actions (or ACL permissions) that grant it, as written, e.g. `s3:GetObject`, `s3:Get*`, `READ`. */
  grantedBy: string[];
  /** The element to squiggle: the Principal (or the wildcard action, or the ACL attribute / grantee). */
  loc: SourceLocation;
  /** The whole statement or ACL resource. */
  statementLoc: SourceLocation;
  /** Statement Sid, when it has one. */
  sid?: string;
  /** Address of the resource that carries the grant. */
  resourceAddress: string;
  /** One sentence: why this is public — which principal, which actions, which condition is missing or too loose. */
  why: string;
  /** Set when something keeps this grant from taking effect; the grant is then not counted as public. */
  neutralizedBy?: Neutralizer;
  /** Set when the outcome depends on apply order or an unresolved setting that may neutralize it. */
  mayBeNeutralizedBy?: Neutralizer;
  /** For policy causes: the policy and the statement node, so fixers can edit it. */
  policy?: PolicyAttachment;
  statement?: LObject;
  /** For ACL causes: the ACL and, when a grant (not a canned ACL) is the cause, that grant. */
  acl?: AclDeclaration;
  grant?: AclGrantDeclaration;
}

export interface Neutralizer {
  /** e.g. `RestrictPublicBuckets`, `IgnorePublicAcls`, `BucketOwnerEnforced`, `Deny statement "DenyAll"`. */
  setting: string;
  /** Where that setting is written, when it is. */
  loc?: SourceLocation;
  why: string;
}

/** A grant to a specific principal outside the bucket's own account (Access Analyzer's "shared outside"). */
export interface CrossAccountGrant {
  accounts: string[];
  access: AccessKind[];
  loc: SourceLocation;
  statementLoc: SourceLocation;
  sid?: string;
  resourceAddress: string;
  why: string;
}

export interface AccessState {
  state: 'public' | 'not-public' | 'unknown';
}

/** The verdict on one bucket. */
export interface BucketExposure {
  read: AccessState['state'];
  write: AccessState['state'];
  permissions: AccessState['state'];
  /** Every cause found, including neutralized ones (their `neutralizedBy` says why they do not count). */
  causes: ExposureCause[];
  crossAccount: CrossAccountGrant[];
  /** Problems that made part of the verdict unknown (unparseable policy, unresolved document). */
  unknowns: Array<{ loc: SourceLocation; why: string }>;
  /** Information for the message: e.g. that the April-2023 defaults (BPA on) would make the apply fail. */
  notes: string[];
}
