/**
 * The one place that bounds how much runs against AWS at once. Tasks start in the order they were
 * queued; a failing task frees its slot like a finished one.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
}

export const DEFAULT_CONCURRENCY = 16;

export function createLimiter(concurrency: number = DEFAULT_CONCURRENCY): Limiter {
  const limit = Number.isFinite(concurrency) && concurrency >= 1 ? Math.floor(concurrency) : DEFAULT_CONCURRENCY;
  const waiting: Array<() => void> = [];
  let active = 0;

  const release = (): void => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = (): void => {
          active++;
          let running: Promise<T>;
          try {
            running = task();
          } catch (error) {
            running = Promise.reject(error);
          }
          running.then(
            (value) => {
              release();
              resolve(value);
            },
            (error: unknown) => {
              release();
              reject(error);
            },
          );
        };
        if (active < limit) start();
        else waiting.push(start);
      });
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
  };
}
