/** The bucket's ARN and its page in the S3 console, per AWS partition. */
export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition || 'aws'}:s3:::${bucket}`;
}

const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

export function bucketConsoleUrl(partition: string, bucket: string, region: string | null): string {
  const host = CONSOLE_HOSTS[partition] ?? CONSOLE_HOSTS.aws;
  const query = region ? `?region=${encodeURIComponent(region)}` : '';
  return `https://${host}/s3/buckets/${encodeURIComponent(bucket)}${query}`;
}
