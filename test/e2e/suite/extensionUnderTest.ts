import * as vscode from 'vscode';

/** publisher.name of package.json; the runner passes it, @vscode/test-cli users get the default. */
export const EXTENSION_ID = process.env.E2E_EXTENSION_ID || 's3-security-review.s3-security-review';
/** Diagnostic.source of every diagnostic the extension publishes. */
export const DIAGNOSTIC_SOURCE = 'S3 Security Review';

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}
