import type { BucketModel, DeclaredResource, IacFormat } from '../../model/bucket';
import type { LineIndex, SourceLocation } from '../../model/location';
import { getEntry, type LEntry, type LValue, type Resolvable } from '../../model/value';

/** The whole file as the one "resource" a raw JSON file declares. */
export function fileResource(path: string, format: IacFormat, root: LValue, headerKey: string, lines: LineIndex): DeclaredResource {
  const header = getEntry(root, headerKey);
  const start = root.loc.range.startOffset;
  return {
    address: baseName(path),
    type: format,
    format,
    loc: root.loc,
    headerLoc: header ? header.keyLoc : lines.location(path, start, start + 1),
    dependsOn: [],
  };
}

/** A bucket the file describes only in part: absent settings are "not in this file", not "absent". */
export function partialBucket(resource: DeclaredResource, bucketName: Resolvable<string>): BucketModel {
  return { resource, bucketName, policies: [], acls: [], partial: true };
}

export function entrySpan(path: string, lines: LineIndex, entry: LEntry): SourceLocation {
  return lines.location(path, entry.keyLoc.range.startOffset, Math.max(entry.keyLoc.range.endOffset, entry.value.loc.range.endOffset));
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * The bucket a policy is about, read from its Resource ARNs (`arn:aws:s3:::name` or
 * `arn:aws:s3:::name/key`): known only when every statement names the same single bucket.
 */
export function bucketNameFromPolicy(document: LValue): Resolvable<string> {
  const statementValue = getEntry(document, 'Statement')?.value;
  const statements = statementValue?.kind === 'array' ? statementValue.items : statementValue ? [statementValue] : [];
  const names = new Set<string>();
  for (const statement of statements) {
    const resource = getEntry(statement, 'Resource')?.value;
    const values = resource?.kind === 'array' ? resource.items : resource ? [resource] : [];
    for (const value of values) {
      if (value.kind !== 'string') return { known: false, reason: 'a Resource is not a literal ARN' };
      const match = /^arn:[a-z-]+:s3:::([^/]*)(?:\/.*)?$/.exec(value.value);
      if (!match) continue;
      if (match[1] === '' || /[*?$]/.test(match[1])) return { known: false, reason: `the Resource ${value.value} does not name one bucket` };
      names.add(match[1]);
    }
  }
  if (names.size === 1) return { known: true, value: [...names][0] };
  return { known: false, reason: names.size === 0 ? 'the policy names no bucket ARN' : 'the policy names several buckets' };
}
