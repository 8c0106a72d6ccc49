// Measures, inside the extension host, what VS Code's "Running Extensions" view reports: how long
// require() of the extension's main module takes, and its activate() call until the returned promise
// settles. Installed by the runner's preload before any extension loads; the extension is not changed.
import Module from 'node:module';
import { performance } from 'node:perf_hooks';

export interface ActivationTiming {
  codeLoadingMs?: number;
  activateCallMs?: number;
  activateResolvedMs?: number;
}

const STATE_KEY = Symbol.for('s3-security-review.e2e.activationTiming');
const globalState = globalThis as unknown as Record<symbol, ActivationTiming | undefined>;

export function activationTiming(): ActivationTiming | undefined {
  return globalState[STATE_KEY];
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
interface ModuleInternals {
  _load: Loader;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
}

/** `mainPath`: the absolute path of the extension's main module (package.json "main", with .js). */
export function startTimingActivation(mainPath: string): void {
  if (globalState[STATE_KEY]) return;
  const timing: ActivationTiming = {};
  globalState[STATE_KEY] = timing;
  const internals = Module as unknown as ModuleInternals;
  const originalLoad = internals._load;
  internals._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    const isTarget = timing.codeLoadingMs === undefined && request.includes('extension') && resolvesTo(request, parent, isMain);
    const started = performance.now();
    const loaded = originalLoad.call(this, request, parent, isMain);
    if (!isTarget || typeof loaded !== 'object' || loaded === null) return loaded;
    timing.codeLoadingMs = performance.now() - started;
    return new Proxy(loaded as Record<string, unknown>, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== 'activate' || typeof value !== 'function') return value;
        return function timedActivate(this: unknown, ...args: unknown[]) {
          const callStarted = performance.now();
          const result: unknown = value.apply(this, args);
          timing.activateCallMs = performance.now() - callStarted;
          const settled = () => { timing.activateResolvedMs = performance.now() - callStarted; };
          Promise.resolve(result).then(settled, settled);
          return result;
        };
      },
    });
  };

  function resolvesTo(request: string, parent: unknown, isMain: boolean): boolean {
    try {
      return internals._resolveFilename(request, parent, isMain) === mainPath;
    } catch {
      return false;
    }
  }
}
