export type RawJsonKind = 'bucket-policy-json' | 's3api-get-bucket-policy' | 's3api-get-bucket-acl' | 's3api-get-public-access-block';

/**
 * Which raw S3 JSON this is, by its top-level shape: a bucket policy (`Statement`), or the output
 * of `aws s3api get-bucket-policy` (`{"Policy": "<json>"}`), `get-bucket-acl` (`Owner` + `Grants`)
 * or `get-public-access-block` (`PublicAccessBlockConfiguration`). A file that does not parse is
 * still recognised by its keys, so its syntax error gets reported rather than the file skipped.
 */
export function detectRawJsonKind(text: string): RawJsonKind | undefined {
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (!body.startsWith('{') || !/"(?:Statement|Policy|Grants|PublicAccessBlockConfiguration)"/.test(body)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return sniffKeys(body);
  }
  if (!isRecord(parsed)) return undefined;
  // CloudFormation templates hold policies too; they are not raw policy files.
  if ('Resources' in parsed || 'AWSTemplateFormatVersion' in parsed) return undefined;
  if (typeof parsed.Policy === 'string') return 's3api-get-bucket-policy';
  if (Array.isArray(parsed.Grants) && ('Owner' in parsed || Object.keys(parsed).length === 1)) return 's3api-get-bucket-acl';
  if (isRecord(parsed.PublicAccessBlockConfiguration)) return 's3api-get-public-access-block';
  if ('Statement' in parsed) return 'bucket-policy-json';
  return undefined;
}

function sniffKeys(body: string): RawJsonKind | undefined {
  if (/"Resources"\s*:/.test(body) || /"AWSTemplateFormatVersion"\s*:/.test(body)) return undefined;
  if (/^\{\s*"Policy"\s*:\s*"/.test(body)) return 's3api-get-bucket-policy';
  if (/"Grants"\s*:\s*\[/.test(body)) return 's3api-get-bucket-acl';
  if (/"PublicAccessBlockConfiguration"\s*:\s*\{/.test(body)) return 's3api-get-public-access-block';
  if (/"Statement"\s*:/.test(body) && /"Effect"\s*:/.test(body)) return 'bucket-policy-json';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
