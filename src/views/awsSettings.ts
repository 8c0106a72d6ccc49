import { DEFAULT_CONCURRENCY } from '../core/aws/limiter';

/** The `s3SecurityReview.aws.*` settings, checked: a hand-edited settings.json can hold anything. */
export interface AwsSettings {
  /** Named profiles to read; empty: the default credential chain (AWS_PROFILE, env keys, default profile). */
  profiles: string[];
  /** Only buckets in these regions are examined; the others are still listed, marked. */
  regions: string[];
  concurrency: number;
}

export const MAX_CONCURRENCY = 64;

export function readAwsSettings(get: (key: string) => unknown): AwsSettings {
  return {
    profiles: uniqueStrings(get('aws.profiles')),
    regions: uniqueStrings(get('aws.regions')),
    concurrency: concurrencyOf(get('aws.concurrency')),
  };
}

/** The tree's profile keys: '' stands for the default credential chain. */
export function profileKeys(settings: AwsSettings): string[] {
  return settings.profiles.length > 0 ? settings.profiles : [''];
}

function uniqueStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const strings = value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter((item) => item.length > 0);
  return [...new Set(strings)];
}

function concurrencyOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_CONCURRENCY;
  return Math.min(MAX_CONCURRENCY, Math.max(1, Math.floor(value)));
}
