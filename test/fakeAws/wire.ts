import type { FakeErrorKind } from './scenario';

/** How an answer goes back on the wire; the server writes it as is. */
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export const S3_NS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function xmlOk(body: string, headers: Record<string, string> = {}): FakeResponse {
  return { status: 200, headers: { 'content-type': 'application/xml', ...headers }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
}

export function jsonOk(value: unknown): FakeResponse {
  return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(value) };
}

let requestCounter = 0;
export function requestId(): string {
  requestCounter++;
  return `FAKE${requestCounter.toString(16).toUpperCase().padStart(12, '0')}`;
}

interface ErrorSpec {
  status: number;
  code: string;
  message: string;
}

/** S3 (and S3 Control) error: `<Error><Code>…` with the documented status. */
export function s3Error(code: string, status: number, message: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}): FakeResponse {
  const fields = Object.entries(extra)
    .map(([key, value]) => `<${key}>${xmlEscape(value)}</${key}>`)
    .join('');
  return {
    status,
    headers: { 'content-type': 'application/xml', ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>${fields}<RequestId>${requestId()}</RequestId><HostId>ZmFrZQ==</HostId></Error>`,
  };
}

const S3_FAULTS: Record<FakeErrorKind, ErrorSpec> = {
  AccessDenied: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  AllAccessDisabled: { status: 403, code: 'AllAccessDisabled', message: 'All access to this Amazon S3 resource has been disabled.' },
  SlowDown: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  Throttling: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  ExpiredToken: { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' },
  InvalidToken: { status: 400, code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.' },
  NoSuchBucket: { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' },
  InternalError: { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
};

export function s3Fault(kind: FakeErrorKind): FakeResponse {
  const spec = S3_FAULTS[kind];
  return s3Error(spec.code, spec.status, spec.message);
}

/** HEAD answers carry no body: the status (and x-amz-bucket-region) is all the SDK sees. */
export function headFault(kind: FakeErrorKind, headers: Record<string, string> = {}): FakeResponse {
  return { status: S3_FAULTS[kind].status, headers };
}

const QUERY_FAULTS: Record<FakeErrorKind, ErrorSpec> = {
  AccessDenied: { status: 403, code: 'AccessDenied', message: 'User is not authorized to perform this action' },
  AllAccessDisabled: { status: 403, code: 'AccessDenied', message: 'User is not authorized to perform this action' },
  SlowDown: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  Throttling: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
  ExpiredToken: { status: 400, code: 'ExpiredToken', message: 'The security token included in the request is expired' },
  InvalidToken: { status: 403, code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' },
  NoSuchBucket: { status: 404, code: 'NoSuchEntity', message: 'not found' },
  InternalError: { status: 500, code: 'InternalFailure', message: 'internal failure' },
};

/** Query-protocol error (STS, IAM): `<ErrorResponse><Error><Type/><Code/><Message/></Error>…`. */
export function queryFault(kind: FakeErrorKind, namespace: string): FakeResponse {
  const spec = QUERY_FAULTS[kind];
  return {
    status: spec.status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${namespace}"><Error><Type>${spec.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${spec.code}</Code><Message>${xmlEscape(spec.message)}</Message></Error><RequestId>${requestId()}</RequestId></ErrorResponse>`,
  };
}

const JSON_FAULTS: Record<FakeErrorKind, ErrorSpec> = {
  AccessDenied: { status: 400, code: 'AccessDeniedException', message: 'User is not authorized to perform this operation' },
  AllAccessDisabled: { status: 400, code: 'AccessDeniedException', message: 'User is not authorized to perform this operation' },
  SlowDown: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  Throttling: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  ExpiredToken: { status: 400, code: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
  InvalidToken: { status: 400, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' },
  NoSuchBucket: { status: 400, code: 'TrailNotFoundException', message: 'Unknown trail' },
  InternalError: { status: 500, code: 'InternalFailure', message: 'internal failure' },
};

/** JSON 1.1 error (CloudTrail): `{"__type": "…", "message": "…"}` with x-amzn-ErrorType. */
export function jsonFault(kind: FakeErrorKind): FakeResponse {
  return jsonError(JSON_FAULTS[kind].code, JSON_FAULTS[kind].message, JSON_FAULTS[kind].status);
}

export function jsonError(code: string, message: string, status = 400): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
    body: JSON.stringify({ __type: code, message }),
  };
}
