import { ABSENT_ANSWER_CODES, classifyAwsError, errorCodeOf, type AwsResult } from './awsResult';

export interface CallAwsOptions {
  /** The named profile in use, so an expired session names the right `aws sso login --profile`. */
  profile?: string;
  /** Error codes that mean "nothing configured" for this call; defaults to the documented S3 set. */
  absentCodes?: ReadonlySet<string>;
}

/**
 * The one wrapper every AWS call goes through. `action` is the IAM permission the call needs
 * (`s3:GetBucketLogging`); a denial names it, so the user knows exactly what to grant.
 * The SDK has already retried throttling by the time an error arrives here.
 */
export async function callAws<T>(action: string, fn: () => Promise<T>, options: CallAwsOptions = {}): Promise<AwsResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const code = errorCodeOf(error);
    const absent = options.absentCodes ?? ABSENT_ANSWER_CODES;
    if (code && absent.has(code)) return { ok: true, value: undefined, absent: code };
    return classifyAwsError(error, { action, profile: options.profile });
  }
}
