/**
 * The standard endpoint overrides (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`). The SDK applies
 * them itself; the factory only needs to know whether one is in effect, to adapt what a custom host
 * cannot serve (S3 Control's account sub-domain, S3 virtual-host buckets).
 */
export function customEndpointFor(serviceEnvSuffix: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)) return undefined;
  const specific = env[`AWS_ENDPOINT_URL_${serviceEnvSuffix}`];
  if (specific && specific.trim().length > 0) return specific.trim();
  const general = env.AWS_ENDPOINT_URL;
  return general && general.trim().length > 0 ? general.trim() : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}
