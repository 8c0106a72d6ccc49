import type { DeclarationSet } from '../../model/bucket';
import { LineIndex } from '../../model/location';
import type { SourceFile } from '../../model/sourceFile';
import { describeOffset, parseLocatedJson } from '../jsonLocated';
import { detectRawJsonKind } from './detect';
import { readGetBucketPolicyOutput, readPolicyFile } from './policyFiles';
import { readGetBucketAclOutput, readGetPublicAccessBlockOutput } from './s3apiOutputs';

/** A raw S3 JSON file (bucket policy or s3api output) as declarations; undefined when it is none of those. */
export function parseRawJson(file: SourceFile): DeclarationSet | undefined {
  const kind = detectRawJsonKind(file.text);
  if (!kind) return undefined;
  const set: DeclarationSet = { format: kind, buckets: [], accountPublicAccessBlocks: [], trails: [], suppressions: [], parseProblems: [] };
  const lines = new LineIndex(file.text);
  try {
    const parsed = parseLocatedJson(file.text, file.path);
    if ('error' in parsed) {
      const offset = parsed.error.offset;
      set.parseProblems.push({
        message: `${parsed.error.message} at ${describeOffset(file.text, offset)}`,
        loc: lines.location(file.path, offset, Math.min(file.text.length, offset + 1)),
      });
      return set;
    }
    const root = parsed.value;
    switch (kind) {
      case 'bucket-policy-json':
        set.buckets.push(readPolicyFile(file.path, root, lines));
        break;
      case 's3api-get-bucket-policy':
        readGetBucketPolicyOutput(file.path, file.text, root, lines, set);
        break;
      case 's3api-get-bucket-acl':
        set.buckets.push(readGetBucketAclOutput(file.path, root, lines));
        break;
      case 's3api-get-public-access-block':
        set.buckets.push(readGetPublicAccessBlockOutput(file.path, root, lines));
        break;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    set.parseProblems.push({ message: `The file could not be analysed: ${message}`, loc: lines.location(file.path, 0, 0) });
  }
  return set;
}
