/**
 * Bucket nodes carry a `resourceUri` on this scheme so a FileDecorationProvider can paint their badge.
 * The path names the account (or profile, before the account is known) and the bucket.
 */
export const BUCKET_URI_SCHEME = 's3-security-review';

export interface BucketUriParts {
  /** The profile key the bucket was collected under ('' for the default credential chain). */
  profileKey: string;
  bucket: string;
}

export function bucketUriPath(parts: BucketUriParts): string {
  return `/${encodeURIComponent(parts.profileKey || '~default')}/${encodeURIComponent(parts.bucket)}`;
}

export function parseBucketUriPath(path: string): BucketUriParts | undefined {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) return undefined;
  try {
    const profile = decodeURIComponent(match[1]);
    return { profileKey: profile === '~default' ? '' : profile, bucket: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}
