import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UnitScheduler, type RunTicket, type Timers } from '../../src/diagnostics/unitScheduler';

/** Time that moves only when the test says so. */
class ManualClock implements Timers {
  private now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending].filter(([, timer]) => timer.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

/** Lets settled promises run their callbacks. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Unit {
  key: string;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('UnitScheduler', () => {
  test('collapses edits within the delay into one run, after the last edit', async () => {
    const clock = new ManualClock();
    const runs: string[] = [];
    const scheduler = new UnitScheduler<Unit>(async (unit) => void runs.push(unit.key), assert.fail, clock);
    scheduler.schedule({ key: 'a' }, 300);
    clock.advance(200);
    scheduler.schedule({ key: 'a' }, 300);
    clock.advance(200);
    assert.deepEqual(runs, []);
    clock.advance(100);
    await flush();
    assert.deepEqual(runs, ['a']);
  });

  test('a run overtaken by a newer edit is stale, the next one is current', async () => {
    const clock = new ManualClock();
    const gates = [deferred(), deferred()];
    const verdicts: boolean[] = [];
    const scheduler: UnitScheduler<Unit> = new UnitScheduler<Unit>(
      async (_unit, ticket: RunTicket) => {
        await gates[verdicts.length].promise;
        verdicts.push(scheduler.isCurrent(ticket));
      },
      assert.fail,
      clock,
    );
    scheduler.schedule({ key: 'a' }, 0);
    clock.advance(0);
    scheduler.schedule({ key: 'a' }, 300);
    gates[0].resolve();
    await flush();
    clock.advance(300);
    gates[1].resolve();
    await scheduler.whenIdle();
    assert.deepEqual(verdicts, [false, true]);
  });

  test('runs one unit at a time, in the order they became due', async () => {
    const clock = new ManualClock();
    const log: string[] = [];
    const gate = deferred();
    const scheduler = new UnitScheduler<Unit>(
      async (unit) => {
        log.push(`start ${unit.key}`);
        if (unit.key === 'a') await gate.promise;
        log.push(`end ${unit.key}`);
      },
      assert.fail,
      clock,
    );
    scheduler.schedule({ key: 'a' }, 0);
    scheduler.schedule({ key: 'b' }, 10);
    clock.advance(10);
    await flush();
    assert.deepEqual(log, ['start a']);
    gate.resolve();
    await scheduler.whenIdle();
    assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b']);
  });

  test('cancel drops a waiting run', async () => {
    const clock = new ManualClock();
    const runs: string[] = [];
    const scheduler = new UnitScheduler<Unit>(async (unit) => void runs.push(unit.key), assert.fail, clock);
    scheduler.schedule({ key: 'a' }, 300);
    assert.equal(scheduler.isPending('a'), true);
    scheduler.cancel('a');
    assert.equal(scheduler.isPending('a'), false);
    clock.advance(1000);
    await scheduler.whenIdle();
    assert.deepEqual(runs, []);
  });

  test('a failing run is reported and does not stop the queue', async () => {
    const clock = new ManualClock();
    const errors: string[] = [];
    const runs: string[] = [];
    const scheduler = new UnitScheduler<Unit>(
      async (unit) => {
        if (unit.key === 'bad') throw new Error('parser blew up');
        runs.push(unit.key);
      },
      (unit, error) => errors.push(`${unit.key}: ${(error as Error).message}`),
      clock,
    );
    scheduler.schedule({ key: 'bad' }, 0);
    scheduler.schedule({ key: 'good' }, 0);
    clock.advance(0);
    await scheduler.whenIdle();
    assert.deepEqual(errors, ['bad: parser blew up']);
    assert.deepEqual(runs, ['good']);
  });

  test('after dispose nothing runs and every ticket is stale', async () => {
    const clock = new ManualClock();
    const runs: string[] = [];
    const scheduler = new UnitScheduler<Unit>(async (unit) => void runs.push(unit.key), assert.fail, clock);
    scheduler.schedule({ key: 'a' }, 10);
    scheduler.dispose();
    clock.advance(100);
    await scheduler.whenIdle();
    assert.deepEqual(runs, []);
    assert.equal(scheduler.isCurrent({ key: 'a', generation: 1 }), false);
  });
});
