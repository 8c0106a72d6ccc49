import type { AwsClients } from '../aws/clientFactory';
import type { AwsFailure, AwsResult } from '../aws/awsResult';
import { callAws } from '../aws/callAws';

/**
 * One collection run: every call goes through `call`, which counts requests, stops early once the
 * credentials have expired (thousands more calls would only fail the same way) and honours the
 * caller's AbortSignal.
 */
export class PostureSession {
  requests = 0;
  failedRequests = 0;
  private readonly failureCounts = new Map<string, number>();
  /** The first expiry seen; later calls return it without going to AWS. */
  expired?: AwsFailure;

  constructor(
    readonly clients: AwsClients,
    readonly signal?: AbortSignal,
  ) {}

  get profile(): string | undefined {
    return this.clients.profile;
  }

  failuresOfKind(kind: string): number {
    return this.failureCounts.get(kind) ?? 0;
  }

  async call<T>(action: string, send: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<AwsResult<T>> {
    if (this.signal?.aborted) return { ok: false, kind: 'aborted', needs: action, message: `${action} was cancelled.` };
    if (this.expired) return { ...this.expired, needs: action };
    this.requests++;
    const result = await callAws(action, () => send(this.signal), { profile: this.profile });
    if (!result.ok) {
      this.failedRequests++;
      this.failureCounts.set(result.kind, (this.failureCounts.get(result.kind) ?? 0) + 1);
      if (result.kind === 'expired') this.expired ??= result;
    }
    return result;
  }
}
