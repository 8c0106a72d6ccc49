import type { FakeRequest } from './s3Routes';
import type { FakeAccount } from './scenario';
import type { Routed } from './server';

/**
 * A service the fake answers beyond the posture collector's reads. `route` returns undefined for a
 * request that is not its own, so the next module (or the core S3 routes) can take it.
 */
export interface FakeRouteModule {
  name: string;
  route(account: FakeAccount, request: FakeRequest): Routed | undefined;
}

/** Tried in order before the core S3 routes; each service module adds itself here. */
export const extraRouteModules: FakeRouteModule[] = [];
