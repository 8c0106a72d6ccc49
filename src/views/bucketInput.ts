/**
 * What the user typed into "Add bucket…": a bucket name or an `s3://bucket/optional/key` URI.
 * Names follow the general-purpose bucket naming rules (3–63 characters of lowercase letters,
 * digits, dots and hyphens, starting and ending with a letter or digit); older buckets in us-east-1
 * may hold capitals and underscores, so those are accepted too rather than refused.
 */
export type BucketInput = { ok: true; name: string } | { ok: false; message: string };

const LEGACY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;

export function parseBucketInput(raw: string): BucketInput {
  let text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a bucket name or an s3:// URI.' };
  const uri = /^s3:\/\/([^/]*)(\/.*)?$/i.exec(text);
  if (uri) text = uri[1];
  else if (/^arn:[\w-]+:s3:::/.test(text)) text = text.replace(/^arn:[\w-]+:s3:::/, '').split('/')[0];
  if (text === '') return { ok: false, message: 'The s3:// URI names no bucket.' };
  if (!LEGACY_NAME.test(text)) {
    return { ok: false, message: `"${text}" is not a bucket name: 3–63 letters, digits, dots or hyphens, starting and ending with a letter or digit.` };
  }
  if (text.includes('..')) return { ok: false, message: `"${text}" is not a bucket name: two dots in a row.` };
  return { ok: true, name: text };
}
