export interface SourceFile {
  /** As given by the caller (absolute or workspace-relative); findings report it unchanged. */
  path: string;
  text: string;
}
