/** Timer functions, injectable so tests drive time by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Identifies one run; it is stale once its key was scheduled or cancelled again after the run started. */
export interface RunTicket {
  readonly key: string;
  readonly generation: number;
}

/**
 * Debounces analysis per unit and runs one analysis at a time (analysis is CPU-bound; running two at
 * once only delays both). A unit scheduled again before its timer fires waits the full delay again;
 * one scheduled while it runs gets a new generation, so the running result can be dropped as stale.
 */
export class UnitScheduler<T extends { key: string }> {
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, unknown>();
  private readonly queue = new Map<string, T>();
  private running: string | undefined;
  private idleWaiters: Array<() => void> = [];
  private disposed = false;

  constructor(
    private readonly run: (item: T, ticket: RunTicket) => Promise<void>,
    private readonly onError: (item: T, error: unknown) => void,
    private readonly clock: Timers = systemTimers,
  ) {}

  schedule(item: T, delayMs: number): void {
    if (this.disposed) return;
    this.bump(item.key);
    this.clearTimer(item.key);
    this.timers.set(
      item.key,
      this.clock.setTimeout(() => {
        this.timers.delete(item.key);
        this.queue.set(item.key, item);
        this.pump();
      }, delayMs),
    );
  }

  /** Drops a pending run and marks a running one stale. */
  cancel(key: string): void {
    this.bump(key);
    this.clearTimer(key);
    this.queue.delete(key);
    this.resolveIfIdle();
  }

  isCurrent(ticket: RunTicket): boolean {
    return !this.disposed && (this.generations.get(ticket.key) ?? 0) === ticket.generation;
  }

  isPending(key: string): boolean {
    return this.timers.has(key) || this.queue.has(key) || this.running === key;
  }

  /** Resolves once no run is waiting or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
    this.queue.clear();
    this.resolveIfIdle();
  }

  private pump(): void {
    if (this.running !== undefined || this.disposed) return;
    const next = this.queue.values().next();
    if (next.done) {
      this.resolveIfIdle();
      return;
    }
    const item = next.value;
    this.queue.delete(item.key);
    this.running = item.key;
    const ticket: RunTicket = { key: item.key, generation: this.generations.get(item.key) ?? 0 };
    const settle = () => {
      this.running = undefined;
      this.pump();
    };
    let runPromise: Promise<void>;
    try {
      runPromise = this.run(item, ticket);
    } catch (error) {
      runPromise = Promise.reject(error);
    }
    runPromise
      .catch((error: unknown) => {
        try {
          this.onError(item, error);
        } catch {
          // A failing error reporter must not stall the queue.
        }
      })
      .finally(settle);
  }

  private bump(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }

  private clearTimer(key: string): void {
    const handle = this.timers.get(key);
    if (handle !== undefined) {
      this.clock.clearTimeout(handle);
      this.timers.delete(key);
    }
  }

  private isIdle(): boolean {
    return this.running === undefined && this.queue.size === 0 && this.timers.size === 0;
  }

  private resolveIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
