// readinessCheck over a stub executor: ready means the read went through executor.read (the
// resolvers' path) and succeeded; a failed or slow read is "not ready"; one answer serves a second.
import { describe, expect, it } from 'vitest';
import type { CallOptions, Executor } from '../../server/db/executor.js';
import { READY_CACHE_MS, readinessCheck } from '../../server/http/readiness.js';

function stub(answer: (options: CallOptions) => Promise<unknown>) {
  const calls: CallOptions[] = [];
  const executor = {
    read: (_q: string, _p: unknown, options: CallOptions) => {
      calls.push(options);
      return answer(options);
    },
  } as unknown as Executor;
  return { executor, calls };
}

describe('readinessCheck', () => {
  it('is ready when a read through the executor succeeds, and asks again only after the cache time', async () => {
    let clock = 0;
    const { executor, calls } = stub(async () => [{ id: 'a' }]);
    const ready = readinessCheck(executor, { now: () => clock, timeoutMs: 50 });
    expect(await ready()).toBe(true);
    expect(await ready()).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ operation: 'ready' });
    clock += READY_CACHE_MS;
    expect(await ready()).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it('is not ready when the read fails, or does not answer before its signal ends it', async () => {
    let clock = 0;
    let mode: 'fail' | 'hang' = 'fail';
    const { executor } = stub(
      (options) =>
        new Promise((_, reject) => {
          if (mode === 'fail') reject(new Error('TIMEOUT'));
          else options.signal?.addEventListener('abort', () => reject(new Error('CANCELLED')));
        }),
    );
    const ready = readinessCheck(executor, { now: () => clock, timeoutMs: 50 });
    expect(await ready()).toBe(false);
    clock += READY_CACHE_MS;
    mode = 'hang';
    expect(await ready()).toBe(false);
  });
});
