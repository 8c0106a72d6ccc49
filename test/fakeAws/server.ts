import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerS3, s3OperationOf, type FakeRequest } from './s3Routes';
import type { FakeAccount, FakeFault, FakeOperation } from './scenario';
import { answerCloudTrail, answerQuery, cloudTrailOperationOf, IAM_NS, queryOperationOf, STS_NS } from './serviceRoutes';
import { extraRouteModules } from './routeModules';
import { headFault, jsonFault, queryFault, s3Fault, type FakeResponse } from './wire';

/**
 * A local HTTP server that speaks the AWS wire formats the posture collector uses: S3 and S3 Control
 * REST-XML (path style), STS and IAM query, CloudTrail JSON 1.1. A request it has no route for is
 * answered 500 and recorded in `unrouted`, so a test that sends something unexpected fails loudly.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  service: string;
  region: string;
  operation?: FakeOperation;
  bucket?: string;
  /** The trail name or ARN a CloudTrail call asked about. */
  trail?: string;
  /** The access key id the request was signed with (the id is in the Authorization header; no secret is). */
  accessKeyId: string;
  status: number;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly account: FakeAccount;
  readonly requests: RecordedRequest[];
  readonly unrouted: RecordedRequest[];
  /** Requests for one operation (optionally one bucket). */
  calls(operation: FakeOperation, bucket?: string): RecordedRequest[];
  /** Largest number of requests that were being answered at the same time. */
  readonly peakInFlight: number;
  /** Throws when any request had no route. */
  assertAllRouted(): void;
  close(): Promise<void>;
}

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDFAKEFAKEFAKEFAKE', secretAccessKey: 'fake-secret-not-a-real-key' } as const;

export async function startFakeAws(account: FakeAccount): Promise<FakeAws> {
  const requests: RecordedRequest[] = [];
  const unrouted: RecordedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;

  const server: Server = createServer((incoming, outgoing) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    readBody(incoming)
      .then(async (body) => {
        const request = toFakeRequest(incoming, body);
        const routed = route(account, request);
        if (account.latencyMs && account.latencyMs > 0) await delay(account.latencyMs);
        const response = routed?.response ?? noRoute(request);
        const record: RecordedRequest = {
          method: request.method,
          url: incoming.url ?? '',
          service: request.service,
          region: request.region,
          operation: routed?.operation,
          bucket: routed?.bucket,
          trail: routed?.trail,
          accessKeyId: request.accessKeyId,
          status: response.status,
        };
        requests.push(record);
        if (!routed) unrouted.push(record);
        send(outgoing, response, request.method === 'HEAD');
      })
      .catch((error: unknown) => send(outgoing, { status: 500, body: `fake AWS crashed: ${String(error)}` }, false))
      .finally(() => inFlight--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    account,
    requests,
    unrouted,
    calls: (operation, bucket) => requests.filter((request) => request.operation === operation && (bucket === undefined || request.bucket === bucket)),
    get peakInFlight() {
      return peakInFlight;
    },
    assertAllRouted() {
      if (unrouted.length > 0) {
        throw new Error(`fake AWS had no route for: ${unrouted.map((request) => `${request.method} ${request.url} (${request.service})`).join(', ')}`);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Routed {
  operation: FakeOperation;
  bucket?: string;
  trail?: string;
  response: FakeResponse;
}

function route(account: FakeAccount, request: FakeRequest): Routed | undefined {
  const query = request.service === 'sts' || request.service === 'iam' ? queryOperationOf(request) : undefined;
  if (query) {
    const fault = takeFault(account, query, request, undefined, undefined);
    const response = fault ? queryFault(fault.error, request.service === 'sts' ? STS_NS : IAM_NS) : answerQuery(account, query);
    return { operation: query, response };
  }
  const trailOperation = cloudTrailOperationOf(request);
  if (trailOperation) {
    const trail = trailOf(request.body);
    const fault = takeFault(account, trailOperation, request, undefined, trail);
    return { operation: trailOperation, trail, response: fault ? jsonFault(fault.error) : answerCloudTrail(account, request, trailOperation) };
  }
  for (const module of extraRouteModules) {
    const routed = module.route(account, request);
    if (routed) return routed;
  }
  if (request.service !== 's3') return undefined;
  const s3 = s3OperationOf(request);
  if (!s3) return undefined;
  if (account.disabledRegions?.includes(request.region)) {
    return { ...s3, response: request.method === 'HEAD' ? headFault('InvalidToken') : s3Fault('InvalidToken') };
  }
  const fault = takeFault(account, s3.operation, request, s3.bucket, undefined);
  if (fault) return { ...s3, response: request.method === 'HEAD' ? headFault(fault.error) : s3Fault(fault.error) };
  return { ...s3, response: answerS3(account, request, s3.operation, s3.bucket) };
}

function trailOf(body: string): string | undefined {
  try {
    const input = JSON.parse(body) as { Name?: string; TrailName?: string };
    return input.Name ?? input.TrailName;
  } catch {
    return undefined;
  }
}

/** The first matching fault, used up by one when it has a count. Route modules call it for their operations. */
export function takeFault(account: FakeAccount, operation: FakeOperation, request: FakeRequest, bucket: string | undefined, trail: string | undefined): FakeFault | undefined {
  const fault = (account.faults ?? []).find(
    (candidate) =>
      (candidate.operation === '*' || candidate.operation === operation) &&
      (candidate.bucket === undefined || candidate.bucket === bucket) &&
      (candidate.region === undefined || candidate.region === request.region) &&
      (candidate.trail === undefined || (trail !== undefined && (trail === candidate.trail || trail.endsWith(`:trail/${candidate.trail}`)))) &&
      (candidate.times === undefined || candidate.times > 0),
  );
  if (fault && fault.times !== undefined) fault.times--;
  return fault;
}

function noRoute(request: FakeRequest): FakeResponse {
  return {
    status: 500,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>FakeAwsNoRoute</Code><Message>fake AWS has no route for ${request.method} ${request.path} (${request.service})</Message></Error>`,
  };
}

function toFakeRequest(incoming: IncomingMessage, body: string): FakeRequest {
  const url = new URL(incoming.url ?? '/', 'http://fake');
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(incoming.headers.authorization ?? ''));
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: incoming.headers,
    body,
    accessKeyId: scope?.[1] ?? 'unsigned',
    region: scope?.[2] ?? 'unsigned',
    service: scope?.[3] ?? 'unsigned',
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function send(outgoing: ServerResponse, response: FakeResponse, head: boolean): void {
  const body = head ? '' : (response.body ?? '');
  outgoing.writeHead(response.status, {
    'x-amz-request-id': 'FAKEREQUEST',
    'content-length': String(Buffer.byteLength(body)),
    ...(response.headers ?? {}),
  });
  outgoing.end(body);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
