import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLimiter, DEFAULT_CONCURRENCY } from '../../../src/core/aws/limiter';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createLimiter', () => {
  test('never runs more than the limit at once, and starts tasks in queue order', async () => {
    const limiter = createLimiter(3);
    const gates = Array.from({ length: 10 }, deferred);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const all = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return index;
      }),
    );
    await Promise.resolve();
    assert.deepEqual(started, [0, 1, 2]);
    assert.equal(limiter.pending, 7);
    for (const gate of gates) {
      gate.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(await Promise.all(all), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal(peak, 3);
    assert.equal(limiter.active, 0);
  });

  test('a failing task (rejecting or throwing synchronously) frees its slot', async () => {
    const limiter = createLimiter(1);
    await assert.rejects(limiter.run(() => Promise.reject(new Error('no'))), /no/);
    await assert.rejects(
      limiter.run(() => {
        throw new Error('sync');
      }),
      /sync/,
    );
    assert.equal(await limiter.run(async () => 'next'), 'next');
    assert.equal(limiter.active, 0);
  });

  test('a nonsense limit falls back to the default', async () => {
    for (const limit of [0, -1, Number.NaN]) {
      const limiter = createLimiter(limit);
      const gate = deferred();
      const tasks = Array.from({ length: DEFAULT_CONCURRENCY + 2 }, () => limiter.run(() => gate.promise));
      await Promise.resolve();
      assert.equal(limiter.active, DEFAULT_CONCURRENCY);
      gate.resolve();
      await Promise.all(tasks);
    }
  });
});
