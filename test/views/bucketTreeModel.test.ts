import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CollectPostureOptions } from '../../src/core/posture/collectPosture';
import type { AccountPosture } from '../../src/core/posture/types';
import { BucketTreeModel, type CollectionProgress, type ModelChange } from '../../src/views/bucketTreeModel';
import { accountPosture, goodBucket, publicBucket } from './postureFixtures';

/** A collector that lists `names`, then reports each as `make(name)`, the way collectPosture calls back. */
function fakeCollector(names: string[], make = goodBucket) {
  const calls: CollectPostureOptions[] = [];
  const collect = async (options: CollectPostureOptions): Promise<AccountPosture> => {
    calls.push(options);
    const only = options.onlyBuckets?.map((entry) => (typeof entry === 'string' ? entry : entry.name));
    const listed = only ?? [...names, ...(options.addedBuckets ?? [])];
    options.onListed?.(listed.map((name) => ({ name, source: 'listed' as const })));
    const buckets = [];
    for (const name of listed) {
      if (options.signal?.aborted) {
        const error = new Error('cancelled');
        error.name = 'AbortError';
        throw error;
      }
      const bucket = make(name);
      buckets.push(bucket);
      options.onBucket?.(bucket);
    }
    return accountPosture(buckets, { ...(options.profile ? { profile: options.profile } : {}) });
  };
  return { collect, calls };
}

describe('BucketTreeModel', () => {
  test('buckets fill in one at a time, each change naming its bucket, with progress counts', async () => {
    const { collect, calls } = fakeCollector(['b-2', 'b-1']);
    const changes: ModelChange[] = [];
    const model = new BucketTreeModel(collect, (change) => changes.push(change));
    model.setProfiles(['']);
    const progress: CollectionProgress[] = [];
    await model.refreshAll({ onProgress: (p) => progress.push({ ...p }), regions: ['eu-west-1'], concurrency: 4 });
    const entry = model.entry('');
    assert.deepEqual(entry?.slots.map((slot) => slot.name), ['b-1', 'b-2']);
    assert.ok(entry?.slots.every((slot) => slot.posture !== undefined));
    assert.deepEqual(
      changes.filter((change) => change?.bucket).map((change) => change?.bucket),
      ['b-2', 'b-1'],
    );
    assert.deepEqual(progress.at(-1), { examined: 2, total: 2 });
    assert.equal(calls[0].profile, undefined);
    assert.deepEqual(calls[0].regions, ['eu-west-1']);
    assert.equal(calls[0].concurrency, 4);
    assert.equal(model.hasResults, true);
  });

  test('each profile is collected with its name, and added buckets are passed per profile', async () => {
    const { collect, calls } = fakeCollector(['b']);
    const model = new BucketTreeModel(collect, () => {});
    model.setProfiles(['dev', 'prod']);
    await model.refreshAll({ addedBuckets: (profile) => (profile === 'prod' ? ['other-account-bucket'] : []) });
    assert.deepEqual(calls.map((call) => [call.profile, call.addedBuckets]), [
      ['dev', []],
      ['prod', ['other-account-bucket']],
    ]);
    assert.deepEqual(model.entry('prod')?.slots.map((slot) => slot.name), ['b', 'other-account-bucket']);
  });

  test('refreshing one bucket re-reads only it and keeps the others', async () => {
    let makePublic = false;
    const { collect, calls } = fakeCollector(['a', 'b'], (name) => (makePublic && name === 'b' ? publicBucket(name) : goodBucket(name)));
    const model = new BucketTreeModel(collect, () => {});
    model.setProfiles(['']);
    await model.refreshAll();
    makePublic = true;
    await model.refreshBuckets('', ['b']);
    assert.deepEqual(calls[1].onlyBuckets, [{ name: 'b', region: 'eu-west-1', source: 'listed' }]);
    assert.equal(model.slot('', 'b')?.posture?.publicAccess.state, 'public');
    assert.equal(model.slot('', 'a')?.posture?.publicAccess.state, 'not-public');
    assert.deepEqual(model.currentPosture(model.entry('') as never)?.buckets.map((bucket) => bucket.name), ['a', 'b']);
  });

  test('a bucket added by name joins the account', async () => {
    const { collect, calls } = fakeCollector(['a']);
    const model = new BucketTreeModel(collect, () => {});
    model.setProfiles(['']);
    await model.refreshAll();
    await model.refreshBuckets('', ['added-one']);
    assert.deepEqual(calls[1].onlyBuckets, [{ name: 'added-one', source: 'added' }]);
    assert.deepEqual(model.entry('')?.slots.map((slot) => slot.name), ['a', 'added-one']);
  });

  test('the cache restores every account as stale until it is read again', async () => {
    const { collect } = fakeCollector(['a']);
    const first = new BucketTreeModel(collect, () => {});
    first.setProfiles(['prod']);
    await first.refreshAll();
    const cache = JSON.parse(JSON.stringify(first.toCache())) as unknown;

    const second = new BucketTreeModel(collect, () => {});
    second.setProfiles(['prod', 'dev']);
    second.restore(cache);
    assert.equal(second.entry('prod')?.stale, true);
    assert.equal(second.slot('prod', 'a')?.stale, true);
    assert.equal(second.entry('dev')?.posture, undefined);
    await second.refreshAll();
    assert.equal(second.entry('prod')?.stale, false);
    assert.notEqual(second.slot('prod', 'a')?.stale, true);
  });

  test('a malformed cache is ignored', () => {
    const model = new BucketTreeModel(fakeCollector([]).collect, () => {});
    model.setProfiles(['']);
    for (const junk of [undefined, null, 42, 'x', { version: 2, accounts: {} }, { version: 1, accounts: { '': { buckets: 'no' } } }]) model.restore(junk);
    assert.equal(model.entry('')?.posture, undefined);
  });

  test('cancelling stops the collection and keeps only examined buckets', async () => {
    const abort = new AbortController();
    const { collect } = fakeCollector(['a', 'b', 'c'], (name) => {
      if (name === 'a') abort.abort();
      return goodBucket(name);
    });
    const model = new BucketTreeModel(collect, () => {});
    model.setProfiles(['']);
    await assert.rejects(model.refreshAll({ signal: abort.signal }), (error: Error) => error.name === 'AbortError');
    assert.deepEqual(model.entry('')?.slots.map((slot) => slot.name), ['a']);
    assert.equal(model.entry('')?.loading, false);
  });

  test('a collector that fails outright is recorded on its account, not thrown', async () => {
    const model = new BucketTreeModel(async () => {
      throw new Error('boom');
    }, () => {});
    model.setProfiles(['']);
    await model.refreshAll();
    assert.equal(model.entry('')?.failure, 'boom');
    assert.equal(model.hasResults, true);
  });
});
