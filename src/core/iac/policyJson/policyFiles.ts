import type { BucketModel, DeclarationSet, ParseProblem } from '../../model/bucket';
import type { LineIndex } from '../../model/location';
import { getEntry, type LValue } from '../../model/value';
import { decodeJsonString, describeOffset, parseLocatedJsonWith } from '../jsonLocated';
import { bucketNameFromPolicy, entrySpan, fileResource, partialBucket } from './rawResource';

/** A bucket policy saved as a file: the whole document is the policy of one (partially described) bucket. */
export function readPolicyFile(path: string, root: LValue, lines: LineIndex): BucketModel {
  const resource = fileResource(path, 'bucket-policy-json', root, 'Statement', lines);
  const bucket = partialBucket(resource, bucketNameFromPolicy(root));
  bucket.policies.push({ resource, document: root, loc: root.loc, inlineOnBucket: false });
  return bucket;
}

/**
 * `aws s3api get-bucket-policy` output: `{"Policy": "<policy as an escaped JSON string>"}`. The
 * inner policy is parsed with each character mapped back to where its (possibly escaped) form
 * sits in the file, so findings land on the right characters.
 */
export function readGetBucketPolicyOutput(path: string, text: string, root: LValue, lines: LineIndex, set: DeclarationSet): void {
  const policyEntry = getEntry(root, 'Policy');
  const problemAt = (message: string, offset: number): ParseProblem => ({ message, loc: lines.location(path, offset, Math.min(text.length, offset + 1)) });
  if (!policyEntry || policyEntry.value.kind !== 'string') {
    set.parseProblems.push(problemAt('"Policy" is not a string', root.loc.range.startOffset));
    return;
  }
  const quote = policyEntry.value.loc.range.startOffset;
  const decoded = decodeJsonString(text, quote);
  if (!decoded) {
    set.parseProblems.push(problemAt('"Policy" is not a readable JSON string', quote));
    return;
  }
  const offsets = decoded.offsets;
  const inner = parseLocatedJsonWith(decoded.value, (start, end) => lines.location(path, offsets[start], offsets[Math.min(end, offsets.length - 1)]));
  if ('error' in inner) {
    const offset = offsets[Math.min(inner.error.offset, offsets.length - 1)];
    set.parseProblems.push(problemAt(`The "Policy" string is not valid JSON: ${inner.error.message} at ${describeOffset(text, offset)}`, offset));
    return;
  }
  const resource = fileResource(path, 's3api-get-bucket-policy', root, 'Policy', lines);
  const bucket = partialBucket(resource, bucketNameFromPolicy(inner.value));
  bucket.policies.push({ resource, document: inner.value, loc: entrySpan(path, lines, policyEntry), inlineOnBucket: false });
  set.buckets.push(bucket);
}
