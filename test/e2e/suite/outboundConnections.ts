// Records every attempt of the extension host process to reach another machine over TCP (or to resolve a
// name), without blocking it. The extension's analysis is local: no AWS call, no download.
import dns from 'node:dns';
import net from 'node:net';

export interface OutboundAttempt {
  target: string;
  stack: string;
}

interface RecorderState {
  attempts: OutboundAttempt[];
  recording: boolean;
}

// One state per process, shared by the preload (runner: NODE_OPTIONS=--require, so recording starts
// with the extension host itself, before any extension activates) and the suite's own bundle.
const STATE_KEY = Symbol.for('s3-security-review.e2e.outboundConnections');
const globalState = globalThis as unknown as Record<symbol, RecorderState | undefined>;
const state: RecorderState = (globalState[STATE_KEY] ??= { attempts: [], recording: false });

function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '' || host === 'localhost') return true;
  return /^127\./.test(host) || host === '::1' || /^::ffff:127\./.test(host);
}

function record(target: string): void {
  state.attempts.push({ target, stack: (new Error().stack ?? '').split('\n').slice(2, 9).join('\n') });
}

interface ConnectTarget {
  host?: string;
  port?: number | string;
  path?: string;
}

/** net.Socket#connect(options | port, host? | path, ...); Node's own callers pass [options, callback] arrays. */
function connectTarget(args: unknown[]): ConnectTarget {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) return first as ConnectTarget;
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { port: first as number, host: typeof args[1] === 'string' ? args[1] : undefined };
}

export function startRecordingOutboundConnections(): void {
  if (state.recording) return;
  state.recording = true;
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
    const target = connectTarget(args);
    if (target.path === undefined && !isLoopback(target.host)) record(`tcp ${target.host}:${target.port}`);
    return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  const originalLookup = dns.lookup;
  dns.lookup = function lookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) record(`dns ${hostname}`);
    return (originalLookup as (...a: unknown[]) => void).call(dns, hostname, ...rest);
  } as typeof dns.lookup;
}

export function outboundAttempts(): readonly OutboundAttempt[] {
  return state.attempts;
}

export function describeOutboundAttempts(list: readonly OutboundAttempt[]): string {
  return list.map((attempt) => `  ${attempt.target}\n${attempt.stack.replace(/^/gm, '      ')}`).join('\n');
}
