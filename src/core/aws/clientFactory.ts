import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3ControlClient, type S3ControlClientConfig } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { customEndpointFor } from './endpointConfig';

export type AwsCredentialsOption = S3ClientConfig['credentials'];
export type AwsRequestHandlerOption = S3ClientConfig['requestHandler'];

export interface AwsClientOptions {
  /** Named profile; SSO, credential_process and assume-role profiles all resolve through the SDK's chain. */
  profile?: string;
  /** Region for account-wide calls (STS, IAM, S3 Control, ListBuckets). Default: the profile's or env region, else us-east-1. */
  region?: string;
  /** Attempts per call including the first, with the SDK's adaptive retry (default 5). */
  maxAttempts?: number;
  /** Fixed credentials or a provider (tests, embedding hosts); default: the SDK's node provider chain for `profile`. */
  credentials?: AwsCredentialsOption;
  /**
   * One endpoint for every service (tests, S3-compatible stores). When unset the SDK honours
   * `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` itself.
   */
  endpoint?: string;
  /** Path-style S3 addressing; default on whenever a custom S3 endpoint is in effect. */
  forcePathStyle?: boolean;
  /** Replaces the HTTP handler (tests); the factory then leaves its lifetime to the caller. */
  requestHandler?: AwsRequestHandlerOption;
  /** Sockets per host for the factory's own HTTP handler (default 128). */
  maxSockets?: number;
}

/** Every client the posture collector needs, one per service (and one per region where AWS wants it). */
export interface AwsClients {
  readonly profile?: string;
  /** The region used for account-wide calls. */
  homeRegion(): Promise<string>;
  s3(region: string): S3Client;
  s3Control(region: string): S3ControlClient;
  cloudTrail(region: string): CloudTrailClient;
  sts(): Promise<STSClient>;
  iam(): Promise<IAMClient>;
  /** Closes sockets; the factory's clients must not be used afterwards. */
  destroy(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const FALLBACK_REGION = 'us-east-1';
const USER_AGENT = 's3-security-review';

export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  const credentials = options.credentials ?? fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  const ownHandler = options.requestHandler ? undefined : createHttpHandler(options.maxSockets ?? 128);
  const requestHandler = options.requestHandler ?? ownHandler;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
  const common = {
    credentials,
    requestHandler,
    maxAttempts,
    retryMode: 'adaptive',
    customUserAgent: USER_AGENT,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };

  let homeRegion: Promise<string> | undefined;
  const resolveHomeRegion = (): Promise<string> => {
    homeRegion ??= options.region
      ? Promise.resolve(options.region)
      : configuredRegion(options.profile).then((region) => region ?? FALLBACK_REGION);
    return homeRegion;
  };

  const s3Endpoint = options.endpoint ?? customEndpointFor('S3');
  const forcePathStyle = options.forcePathStyle ?? s3Endpoint !== undefined;
  const s3Clients = new Map<string, S3Client>();
  const s3ControlClients = new Map<string, S3ControlClient>();
  const cloudTrailClients = new Map<string, CloudTrailClient>();
  let sts: STSClient | undefined;
  let iam: IAMClient | undefined;

  const pooled = <C>(pool: Map<string, C>, region: string, make: () => C): C => {
    let client = pool.get(region);
    if (!client) {
      client = make();
      pool.set(region, client);
    }
    return client;
  };

  return {
    profile: options.profile,
    homeRegion: resolveHomeRegion,
    s3: (region) =>
      pooled(s3Clients, region, () => new S3Client({ ...common, region, forcePathStyle, followRegionRedirects: true })),
    // S3 Control puts the account id in front of the host (`123456789012.s3-control…`), also in front
    // of a custom endpoint, where a loopback or S3-compatible host has no such name (an IP literal is
    // not even a valid URL then). With a custom endpoint the request goes to it as written; the
    // account stays in the x-amz-account-id header.
    s3Control: (region) =>
      pooled(s3ControlClients, region, () => {
        const custom = options.endpoint ?? customEndpointFor('S3_CONTROL');
        return new S3ControlClient({
          ...common,
          region,
          ...(custom ? { disableHostPrefix: true, ...fixedEndpoint(custom) } : {}),
        });
      }),
    cloudTrail: (region) => pooled(cloudTrailClients, region, () => new CloudTrailClient({ ...common, region })),
    sts: async () => (sts ??= new STSClient({ ...common, region: await resolveHomeRegion() })),
    iam: async () => (iam ??= new IAMClient({ ...common, region: await resolveHomeRegion() })),
    // The clients hold nothing but the shared HTTP handler: closing it closes them all. An injected
    // handler belongs to the caller and stays open.
    destroy: () => ownHandler?.destroy(),
  };
}

/** An endpoint taken as written; signing stays the client's own (SigV4 for `s3` in its region). */
function fixedEndpoint(endpoint: string): { endpointProvider?: S3ControlClientConfig['endpointProvider'] } {
  try {
    const url = new URL(endpoint);
    return { endpointProvider: () => ({ url }) };
  } catch {
    return {}; // not a URL: the SDK reports it on the first call, where callAws turns it into a failure
  }
}

function createHttpHandler(maxSockets: number): NodeHttpHandler {
  return new NodeHttpHandler({
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
    connectionTimeout: 5_000,
    requestTimeout: 60_000,
  });
}

/** The region the SDK would pick for this profile (env, then config file), or undefined when none is set. */
async function configuredRegion(profile: string | undefined): Promise<string | undefined> {
  const probe = new STSClient(profile ? { profile } : {});
  try {
    const region = await probe.config.region();
    return typeof region === 'string' && region.length > 0 ? region : undefined;
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}
