import type {
  GetBucketEncryptionCommandOutput,
  GetBucketLoggingCommandOutput,
  MetricsConfiguration,
} from '@aws-sdk/client-s3';
import type { AwsFailure, AwsResult } from '../aws/awsResult';
import type { EncryptionPosture, LoggingPosture, RequestMetricsPosture } from './types';

/** What an unreadable aspect says: unknown, why, and the permission when a denial is the cause. */
export function unknownBecause(failure: AwsFailure): { state: 'unknown'; reason: string; needs?: string } {
  return { state: 'unknown', reason: failure.message, ...(failure.kind === 'denied' && failure.needs ? { needs: failure.needs } : {}) };
}

export function loggingOf(bucket: string, result: AwsResult<GetBucketLoggingCommandOutput>): LoggingPosture {
  if (!result.ok) return unknownBecause(result);
  const enabled = result.value?.LoggingEnabled;
  if (!enabled || !enabled.TargetBucket) return { state: 'off', reason: 'Server access logging is not enabled.' };
  const toSelf = enabled.TargetBucket === bucket;
  return {
    state: 'on',
    target: enabled.TargetBucket,
    prefix: enabled.TargetPrefix ?? '',
    ...(toSelf
      ? {
          toSelf: true,
          evidence: [
            'Access logs are delivered to the bucket itself: every delivery writes log objects into the bucket, which are logged in turn, so the logs grow without end and mix with the data.',
          ],
        }
      : {}),
  };
}

export function encryptionOf(result: AwsResult<GetBucketEncryptionCommandOutput>): EncryptionPosture {
  if (!result.ok) return unknownBecause(result);
  if (result.absent !== undefined) return { state: 'off', reason: 'No default encryption is configured.' };
  const rule = result.value?.ServerSideEncryptionConfiguration?.Rules?.find((candidate) => candidate.ApplyServerSideEncryptionByDefault);
  const byDefault = rule?.ApplyServerSideEncryptionByDefault;
  if (!byDefault?.SSEAlgorithm) return { state: 'off', reason: 'The encryption configuration has no default rule.' };
  return {
    state: 'on',
    algorithm: byDefault.SSEAlgorithm,
    ...(byDefault.KMSMasterKeyID ? { kmsKeyId: byDefault.KMSMasterKeyID } : {}),
    ...(rule?.BucketKeyEnabled !== undefined ? { bucketKeyEnabled: rule.BucketKeyEnabled } : {}),
  };
}

export function requestMetricsOf(result: AwsResult<MetricsConfiguration[]>): RequestMetricsPosture {
  if (!result.ok) return unknownBecause(result);
  const configurations = (result.value ?? []).map((configuration) => {
    const filter = describeMetricsFilter(configuration);
    return { id: configuration.Id ?? '', ...(filter ? { filter } : {}) };
  });
  if (configurations.length === 0) return { state: 'off', reason: 'No CloudWatch request metrics configuration.' };
  return { state: 'on', configurations };
}

function describeMetricsFilter(configuration: MetricsConfiguration): string | undefined {
  const filter = configuration.Filter;
  if (!filter) return undefined;
  const parts: string[] = [];
  const and = filter.And;
  const prefix = filter.Prefix ?? and?.Prefix;
  if (prefix !== undefined) parts.push(`prefix ${prefix}`);
  const tags = [...(filter.Tag ? [filter.Tag] : []), ...(and?.Tags ?? [])];
  for (const tag of tags) parts.push(`tag ${tag.Key ?? ''}=${tag.Value ?? ''}`);
  const accessPoint = filter.AccessPointArn ?? and?.AccessPointArn;
  if (accessPoint) parts.push(`access point ${accessPoint}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

/** GetBucketLocation's answer as a region: empty/null is us-east-1, the legacy `EU` is eu-west-1. */
export function regionOfLocationConstraint(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
