import type { SourceLocation } from '../model/location';
import { UNKNOWN_PLACEHOLDER, type LValue } from '../model/value';
import {
  ANY_RUN,
  anyBut,
  literalPattern,
  parseIamWildcard,
  type GlobPattern,
} from './globPattern';
import { patternsCover, patternsIntersect } from './globSetQuestions';
import { triAnd, type Tri } from './tri';

/**
 * A statement's Resource / NotResource against the bucket under review. Bucket actions need the
 * bucket ARN (`arn:aws:s3:::b`), object actions an object ARN (`arn:aws:s3:::b/key`). A bucket
 * policy may only name its own bucket (S3 rejects other resources), so when the bucket's name is
 * not known every S3 bucket ARN stands for it.
 */

export type ResourceKind = 'bucket' | 'object';

export interface ResourceSpec {
  negated: boolean;
  patterns: GlobPattern[];
  /** Items with no literal value and no template shape: could be the bucket, its objects, or `*`. */
  opaque: LValue[];
  /** Values as written (the policy's partition is read from them). */
  written: string[];
}

export interface ResourceTargets {
  bucket: GlobPattern;
  object: GlobPattern;
  /** False when the bucket's name is unknown and any bucket ARN stands for it. */
  nameKnown: boolean;
}

/**
 * The bucket lives in one partition (aws, aws-cn, aws-us-gov, …); a policy names it in the
 * partition of its own ARNs, so that partition is taken from them.
 */
export function resourceTargets(bucketName: string | undefined, partition: string): ResourceTargets {
  const prefix = literalPattern(`arn:${partition}:s3:::`);
  const name = bucketName !== undefined ? literalPattern(bucketName) : [anyBut('/', false), anyBut('/', true)];
  const bucket = [...prefix, ...name];
  return { bucket, object: [...bucket, ...literalPattern('/'), anyBut('', false), ANY_RUN], nameKnown: bucketName !== undefined };
}

export function readResourceSpec(resource: LValue | undefined, notResource: LValue | undefined): ResourceSpec | undefined {
  const element = resource ?? notResource;
  if (!element) return undefined;
  const spec: ResourceSpec = { negated: !resource, patterns: [], opaque: [], written: [] };
  const items = element.kind === 'array' ? element.items : [element];
  for (const item of items) {
    if (item.kind === 'string') {
      spec.patterns.push(parseIamWildcard(item.value));
      spec.written.push(item.value);
    } else if (item.kind === 'unknown') {
      if (item.partial && item.partial !== UNKNOWN_PLACEHOLDER) {
        // `${?}/*` or `arn:aws:s3:::${?}/*`: the unresolved piece is one ARN segment (a bucket ARN
        // or name), so the shape still tells bucket from objects.
        spec.patterns.push(parseIamWildcard(item.partial));
        spec.written.push(item.partial);
      } else {
        spec.opaque.push(item);
        spec.written.push(UNKNOWN_PLACEHOLDER);
      }
    }
  }
  return spec;
}

function anyIntersects(patterns: GlobPattern[], target: GlobPattern): Tri {
  let result: Tri = 'no';
  for (const pattern of patterns) {
    const answer = patternsIntersect([pattern, target]);
    if (answer === 'yes') return 'yes';
    if (answer === 'maybe') result = 'maybe';
  }
  return result;
}

/** Does the statement apply to the bucket ARN / to some object of the bucket? */
export function resourceCovered(spec: ResourceSpec, kind: ResourceKind, targets: ResourceTargets): Tri {
  const target = targets[kind];
  if (!spec.negated) {
    const hit = anyIntersects(spec.patterns, target);
    if (hit === 'yes') return 'yes';
    return spec.opaque.length > 0 ? 'maybe' : hit;
  }
  // NotResource: applies unless the listed resources leave out everything of this kind.
  if (spec.opaque.length > 0) return 'maybe';
  const excluded = patternsCover([target], spec.patterns);
  if (excluded === 'yes') return 'no';
  if (excluded === 'maybe') return 'maybe';
  // With an unknown bucket name, an exclusion that names some bucket may name this one.
  if (!targets.nameKnown && anyIntersects(spec.patterns, target) !== 'no') return 'maybe';
  return 'yes';
}

/**
 * Does a Deny's Resource cover everything of this kind that an Allow's Resource grants? Only then
 * does the Deny take the grant away completely.
 */
export function denyCoversGrant(allow: ResourceSpec, deny: ResourceSpec, kind: ResourceKind, targets: ResourceTargets): Tri {
  if (allow.opaque.length > 0 || deny.opaque.length > 0) return 'maybe';
  const target = targets[kind];
  if (!deny.negated) {
    if (allow.negated) return patternsCover([target], deny.patterns);
    const grantedPatterns = allow.patterns.filter((pattern) => patternsIntersect([pattern, target]) !== 'no');
    return triAnd(...grantedPatterns.map((pattern) => patternsCover([pattern, target], deny.patterns)));
  }
  // Deny NotResource N denies everything outside N: it covers the grant when the grant and N do not meet.
  if (!allow.negated) {
    const meets = allow.patterns.some((granted) =>
      deny.patterns.some((kept) => patternsIntersect([granted, kept, target]) !== 'no'),
    );
    return meets ? 'no' : 'yes';
  }
  // Both negated: the grant is everything outside A, the Deny everything outside N; covered when N ⊆ A.
  return triAnd(...deny.patterns.map((kept) => patternsCover([kept, target], allow.patterns)));
}

export function firstOpaqueLoc(spec: ResourceSpec): SourceLocation | undefined {
  return spec.opaque[0]?.loc;
}

const S3_ARN_PARTITION = /^arn:(aws[a-z-]*):s3:/;

/** The partition the policy's S3 ARNs are written in; `aws` when none says. */
export function partitionOf(specs: Array<ResourceSpec | undefined>): string {
  for (const spec of specs) {
    for (const written of spec?.written ?? []) {
      const match = S3_ARN_PARTITION.exec(written);
      if (match) return match[1];
    }
  }
  return 'aws';
}
