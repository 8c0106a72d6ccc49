/**
 * Every AWS call ends as a value: the answer, a documented "absent" answer, or a typed failure
 * that says what went wrong and, when a permission is missing, which one. Nothing above this layer
 * sees an SDK exception.
 */

export type AwsFailureKind =
  | 'denied'
  | 'throttled'
  | 'expired'
  | 'credentials'
  | 'not-found'
  | 'region'
  | 'network'
  | 'aborted'
  | 'error';

export interface AwsFailure {
  ok: false;
  kind: AwsFailureKind;
  /** The IAM action the call needs; set for `denied` (and on every failure, for the record). */
  needs?: string;
  /** The AWS error code (`AccessDenied`, `SlowDown`, …) or Node error code, when there is one. */
  code?: string;
  /** Plain words for the user, with the next step when there is one (`aws sso login --profile X`). */
  message: string;
  /** For `region`: the bucket's region when AWS named it. */
  region?: string;
}

export type AwsSuccess<T> =
  | { ok: true; value: T; absent?: undefined }
  /** A documented "nothing configured" answer (NoSuchBucketPolicy, …): a value, not an error. */
  | { ok: true; value: undefined; absent: string };

export type AwsResult<T> = AwsSuccess<T> | AwsFailure;

/**
 * Error codes with which S3 says "this bucket has no such configuration". They are answers: a bucket
 * without a policy has no policy, it is not a failed read.
 */
export const ABSENT_ANSWER_CODES: ReadonlySet<string> = new Set([
  'NoSuchBucketPolicy',
  'NoSuchPublicAccessBlockConfiguration',
  'OwnershipControlsNotFoundError',
  'ServerSideEncryptionConfigurationNotFoundError',
]);

const DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AllAccessDisabled',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'Forbidden',
  'InsufficientDependencyServiceAccessPermissionException',
]);

const THROTTLED_CODES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'BandwidthLimitExceeded',
  'ProvisionedThroughputExceededException',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
]);

const EXPIRED_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
]);

const BAD_CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'MissingAuthenticationToken',
  'IncompleteSignature',
]);

const NOT_FOUND_CODES = new Set(['NoSuchBucket', 'NotFound', 'TrailNotFoundException', 'NoSuchEntity']);

/**
 * S3 answers these when a request reaches the wrong region or a region the account has not enabled
 * (opt-in regions reject credentials they were never issued for).
 */
const REGION_CODES = new Set([
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
  'InvalidRegion',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  cause?: unknown;
}

export interface ClassifyContext {
  /** The IAM action behind the call, e.g. `s3:GetBucketLogging`. */
  action: string;
  /** The named profile in use, for the sign-in hint. */
  profile?: string;
}

/** The AWS error code of an SDK exception (or a Node network error code). */
export function errorCodeOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const shape = error as ErrorShape;
  for (const candidate of [shape.Code, shape.code, shape.name]) {
    if (typeof candidate === 'string' && candidate.length > 0 && candidate !== 'Error') return candidate;
  }
  return undefined;
}

/** Turns anything thrown by an SDK call into a typed failure; never throws itself. */
export function classifyAwsError(error: unknown, context: ClassifyContext): AwsFailure {
  const shape: ErrorShape = error && typeof error === 'object' ? (error as ErrorShape) : {};
  const code = errorCodeOf(error);
  const status = shape.$metadata?.httpStatusCode;
  const rawMessage = redactSecrets(typeof shape.message === 'string' ? shape.message : String(error));
  const needs = context.action;
  const base = { ok: false as const, needs, code };

  if (code === 'AbortError' || code === 'ABORT_ERR') {
    return { ...base, kind: 'aborted', message: `${context.action} was cancelled.` };
  }
  if (code && DENIED_CODES.has(code)) {
    return { ...base, kind: 'denied', message: `Access denied: the credentials lack ${needs}.` };
  }
  if (code && EXPIRED_CODES.has(code)) {
    return { ...base, kind: 'expired', message: expiredMessage(context.profile) };
  }
  if (isSsoOrTokenExpiry(code, rawMessage)) {
    return { ...base, kind: 'expired', message: expiredMessage(context.profile) };
  }
  if (code && THROTTLED_CODES.has(code)) {
    return {
      ...base,
      kind: 'throttled',
      message: `AWS kept throttling ${needs} (${code}) after the SDK's retries; try again later or lower the concurrency.`,
    };
  }
  if (code === 'CredentialsProviderError' || code === 'TokenProviderError' || (code && BAD_CREDENTIAL_CODES.has(code))) {
    return {
      ...base,
      kind: 'credentials',
      message: `${credentialSubject(context.profile)} could not be used (${code}): ${rawMessage}`,
    };
  }
  if (code && REGION_CODES.has(code)) {
    const region = shape.$response?.headers?.['x-amz-bucket-region'];
    return {
      ...base,
      kind: 'region',
      region: region || undefined,
      message: region
        ? `The bucket is in ${region}, which these credentials could not reach (${code}).`
        : `The request could not be served in this region (${code}): ${rawMessage}`,
    };
  }
  if (code && NOT_FOUND_CODES.has(code)) {
    return { ...base, kind: 'not-found', message: `Not found (${code}): ${rawMessage}` };
  }
  if ((code && NETWORK_CODES.has(code)) || isNetworkCause(shape.cause)) {
    return { ...base, kind: 'network', message: `The AWS endpoint could not be reached (${code ?? 'network error'}): ${rawMessage}` };
  }
  if (status === 403) {
    return { ...base, kind: 'denied', message: `Access denied (HTTP 403): the credentials lack ${needs}.` };
  }
  if (status === 404) {
    return { ...base, kind: 'not-found', message: `Not found (HTTP 404): ${rawMessage}` };
  }
  if (status === 429 || status === 503) {
    return { ...base, kind: 'throttled', message: `AWS kept throttling ${needs} (HTTP ${status}) after the SDK's retries.` };
  }
  return { ...base, kind: 'error', message: `${needs} failed${code ? ` (${code})` : ''}: ${rawMessage}` };
}

function expiredMessage(profile: string | undefined): string {
  const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  return `${credentialSubject(profile)} have expired. Sign in again (for SSO: \`${login}\`) and refresh.`;
}

function credentialSubject(profile: string | undefined): string {
  return profile ? `The credentials of profile "${profile}"` : 'The AWS credentials';
}

function isSsoOrTokenExpiry(code: string | undefined, message: string): boolean {
  if (code !== 'CredentialsProviderError' && code !== 'TokenProviderError' && code !== 'UnauthorizedException') return false;
  return /expired|sso session|token refresh|refresh the sso|aws sso login/i.test(message);
}

function isNetworkCause(cause: unknown): boolean {
  const code = errorCodeOf(cause);
  return code !== undefined && NETWORK_CODES.has(code);
}

/** Access keys and session tokens never leave this layer, even inside an error message. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '[redacted key id]')
    .replace(/(x-amz-security-token|SessionToken|aws_session_token|aws_secret_access_key|SecretAccessKey)(["'=:\s]+)[A-Za-z0-9/+=]{16,}/gi, '$1$2[redacted]');
}
