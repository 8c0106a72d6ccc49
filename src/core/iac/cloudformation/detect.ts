/**
 * Cheap, text-only: is this file a CloudFormation (or SAM / CDK-synthesized) template? A template
 * declares `AWSTemplateFormatVersion`, or `Resources` with at least one `Type: AWS::…`; CDK writes
 * its output as `cdk.out/<Stack>.template.json`.
 */
export function looksLikeCloudFormation(path: string, text: string): boolean {
  const lowerPath = path.toLowerCase().replace(/\\/g, '/');
  if (/\.(tf|tfvars|hcl)$/.test(lowerPath) || lowerPath.endsWith('.tf.json') || lowerPath.endsWith('.tfstate')) return false;
  if (/(^|\/)cdk\.out\/[^/]+\.template\.json$/.test(lowerPath)) return true;
  if (/(^|[{,])[ \t]*["']?AWSTemplateFormatVersion["']?[ \t]*:/m.test(text)) return true;
  return /(^|[{,])[ \t]*["']?Resources["']?[ \t]*:/m.test(text) && /["']?Type["']?[ \t]*:[ \t]*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(text);
}
