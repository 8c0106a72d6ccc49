import type { SourceLocation } from './location';
import type { AccessKind } from './exposure';

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  file: string;
  startOffset: number;
  endOffset: number;
  newText: string;
}

/** A fix computed in core, so the CLI can print it and tests can apply and re-analyse it. */
export interface Fix {
  title: string;
  /** The one right fix gets Ctrl+. in the editor. */
  isPreferred: boolean;
  edits: TextEdit[];
  /** Edits whose newText is a VS Code snippet (`${1:placeholder}`); the CLI shows them with placeholders filled. */
  snippet?: boolean;
}

export interface RelatedLocation {
  loc: SourceLocation;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One or two sentences in plain words: what, why, what would override it. */
  message: string;
  /** The exact element. */
  loc: SourceLocation;
  /** `aws_s3_bucket.site`, a logical id, or the file name for raw JSON. */
  resource: string;
  /** The bucket name when the files fix it. */
  bucketName?: string;
  related: RelatedLocation[];
  fixes: Fix[];
  /** For public-access findings. */
  publicAccess?: 'read' | 'write' | 'read-write';
  access?: AccessKind[];
  /** Set when an inline suppression silenced it (kept so reports can list suppressed findings). */
  suppressed?: { reason: string; loc: SourceLocation };
}
