// The admission gate of the executor (server/db/admission.ts): at most `slots` calls at once, the
// rest in order, refused as busy after their wait, taken out of the line when their caller leaves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGate, type Release } from '../../server/db/admission.js';

const BUSY = new Error('busy');
const CANCELLED = new Error('cancelled');
const options = (waitMs: number, signal?: AbortSignal) => ({
  waitMs,
  signal,
  busy: () => BUSY,
  cancelled: () => CANCELLED,
});

describe('createGate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets `slots` calls in at once and the next ones in the order they came, as slots come back', async () => {
    const gate = createGate(2);
    const a = await gate.enter(options(1000));
    const b = await gate.enter(options(1000));
    expect(gate.stats()).toEqual({ running: 2, waiting: 0 });
    const order: string[] = [];
    const c = gate.enter(options(1000)).then((r) => {
      order.push('c');
      return r;
    });
    const d = gate.enter(options(1000)).then((r) => {
      order.push('d');
      return r;
    });
    await Promise.resolve();
    expect(gate.stats()).toEqual({ running: 2, waiting: 2 });
    expect(order).toEqual([]);
    b();
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(gate.stats()).toEqual({ running: 2, waiting: 1 });
    a();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('does not let a newcomer pass those already waiting', async () => {
    const gate = createGate(1);
    const first = await gate.enter(options(1000));
    const waiting = gate.enter(options(1000));
    first();
    // The slot went to the waiting call, so a newcomer waits too.
    const late = gate.enter(options(1000));
    await Promise.resolve();
    expect(gate.stats()).toEqual({ running: 1, waiting: 1 });
    (await waiting)();
    (await late)();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a call as busy when no slot comes back within its wait, and forgets it', async () => {
    const gate = createGate(1);
    const held = await gate.enter(options(1000));
    const refused = gate.enter(options(200));
    const outcome = refused.then(
      () => 'entered',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(199);
    expect(gate.stats().waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe(BUSY);
    expect(gate.stats()).toEqual({ running: 1, waiting: 0 });
    held();
    // The slot it would have had is free for the next call at once.
    const next = await gate.enter(options(0));
    next();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('takes a waiting call out of the line when its caller aborts, and refuses an aborted one at once', async () => {
    const gate = createGate(1);
    const held = await gate.enter(options(1000));
    const controller = new AbortController();
    const waiting = gate.enter(options(1000, controller.signal)).then(
      () => 'entered',
      (e: unknown) => e,
    );
    controller.abort();
    expect(await waiting).toBe(CANCELLED);
    expect(gate.stats()).toEqual({ running: 1, waiting: 0 });
    await expect(gate.enter(options(1000, controller.signal))).rejects.toBe(CANCELLED);
    held();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('counts a slot given back twice only once', async () => {
    const gate = createGate(1);
    const release: Release = await gate.enter(options(1000));
    release();
    release();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
    const again = await gate.enter(options(0));
    expect(gate.stats().running).toBe(1);
    again();
  });

  it('needs at least one slot', () => {
    expect(() => createGate(0)).toThrow('at least one slot');
  });
});
