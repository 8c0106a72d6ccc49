import type { AclDeclaration, BucketModel, DeclarationSet } from './bucket';
import type { ExposureCause } from './exposure';
import type { TextEdit } from './finding';
import type { SourceLocation } from './location';

/**
 * Format-specific text edits behind the format-neutral rules. Each method returns the edits that
 * make the change in the file's own syntax (HCL, YAML, JSON), or undefined when this format cannot
 * express it here (the rule then offers no such fix). Edits must leave the file parseable, and
 * re-analysis of the edited text must no longer report what the fix addresses.
 */
export interface FormatFixer {
  /** Turn all four Block Public Access flags on for this bucket: add the resource/properties, or flip written flags to true. */
  addPublicAccessBlock(bucket: BucketModel): TextEdit[] | undefined;
  /** Make this ACL private: canned ACL to `private`, grants to AllUsers/AuthenticatedUsers removed. */
  makeAclPrivate(acl: AclDeclaration): TextEdit[] | undefined;
  /**
   * Replace the public principal of the statement behind `cause` with the bucket's own account
   * (snippet with a placeholder for the account id / ARN).
   */
  restrictPrincipalToAccount(cause: ExposureCause): TextEdit[] | undefined;
  /** Add a condition that makes the statement non-public (snippet: `aws:PrincipalOrgID` = placeholder). */
  addRestrictingCondition(cause: ExposureCause): TextEdit[] | undefined;
  /** Delete the statement behind `cause` from its policy, leaving the rest valid. */
  removeStatement(cause: ExposureCause): TextEdit[] | undefined;
  /** Add server access logging to the bucket (target placeholder, prefix `<bucket>/`). */
  addAccessLogging(bucket: BucketModel, set: DeclarationSet): TextEdit[] | undefined;
  /** Insert a suppression for `ruleId` covering `loc` (snippet with a `reason` placeholder). */
  suppress(ruleId: string, loc: SourceLocation, resourceAddress: string): TextEdit[] | undefined;
}
