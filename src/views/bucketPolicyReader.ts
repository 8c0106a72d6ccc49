import type { AwsResult } from '../core/aws/awsResult';

/**
 * Reads a bucket's policy text as stored, for the read-only document the diagnostics analyse. The
 * AWS SDK is loaded on first use, never at activation.
 */
export async function readBucketPolicy(profileKey: string, bucket: string, region: string | null): Promise<AwsResult<string>> {
  const [{ createAwsClients }, { callAws }, { GetBucketPolicyCommand }] = await Promise.all([
    import('../core/aws/clientFactory'),
    import('../core/aws/callAws'),
    import('@aws-sdk/client-s3'),
  ]);
  const profile = profileKey || undefined;
  const clients = createAwsClients(profile ? { profile } : {});
  try {
    const s3 = clients.s3(region ?? (await clients.homeRegion()));
    const result = await callAws('s3:GetBucketPolicy', async () => (await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '', { profile });
    return result;
  } finally {
    clients.destroy();
  }
}
