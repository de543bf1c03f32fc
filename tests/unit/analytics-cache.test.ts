// The versioned cache: an answer never outlives its graph version, concurrent askers share one
// computation, failures are forgotten, and the least recently used key leaves first.
import { describe, expect, it } from 'vitest';
import { VersionedCache } from '../../server/analytics/cache.js';

describe('VersionedCache', () => {
  it('computes once per key and version, and again after the version moves', async () => {
    const cache = new VersionedCache(10);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('v1', 'k', compute)).toBe(1);
    expect(await cache.get('v1', 'k', compute)).toBe(1);
    expect(await cache.get('v2', 'k', compute)).toBe(2);
    expect(await cache.get('v1', 'k', compute)).toBe(3);
  });

  it('shares one computation among concurrent askers', async () => {
    const cache = new VersionedCache(10);
    let runs = 0;
    let release: (v: number) => void = () => {};
    const compute = () => {
      runs++;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const both = Promise.all([cache.get('v', 'k', compute), cache.get('v', 'k', compute)]);
    release(42);
    expect(await both).toEqual([42, 42]);
    expect(runs).toBe(1);
  });

  it('forgets a failure, so the next ask computes again', async () => {
    const cache = new VersionedCache(10);
    await expect(cache.get('v', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('v', 'k', async () => 'up')).toBe('up');
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const cache = new VersionedCache(2);
    await cache.get('v', 'a', async () => 1);
    await cache.get('v', 'b', async () => 2);
    await cache.get('v', 'a', async () => 1);
    await cache.get('v', 'c', async () => 3);
    expect(cache.keys()).toEqual(['a', 'c']);
  });
});
