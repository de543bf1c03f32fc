// How many executor calls run in Neo4j at once. Past a database's few cores, more concurrent
// queries do not answer sooner: they share the cores, all of them slow down, and under a load the
// database cannot carry every query runs into its timeout and nothing is answered. So calls take a
// slot; a call that finds none waits its turn in order, and one that waits too long is refused at
// once as busy (503 with Retry-After), so the load that fits is served and the rest learns it fast.

/** A slot held by one call; give it back exactly once. */
export type Release = () => void;

interface Waiter {
  readonly resolve: (release: Release) => void;
  readonly reject: (error: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

export interface Gate {
  /**
   * Resolves with a slot when one is free within `waitMs`; rejects with `busy()` after that, or
   * with `cancelled()` when `signal` aborts first.
   */
  enter(options: {
    waitMs: number;
    signal?: AbortSignal | undefined;
    busy: () => unknown;
    cancelled: () => unknown;
  }): Promise<Release>;
  /** Calls running and calls waiting now (for logs and tests). */
  stats(): { running: number; waiting: number };
}

export function createGate(slots: number): Gate {
  if (!Number.isInteger(slots) || slots < 1) throw new Error(`A gate needs at least one slot, not ${slots}.`);
  let running = 0;
  const waiting: Waiter[] = [];

  const leave = (w: Waiter) => {
    if (w.timer) clearTimeout(w.timer);
    if (w.onAbort) w.signal?.removeEventListener('abort', w.onAbort);
    const i = waiting.indexOf(w);
    if (i >= 0) waiting.splice(i, 1);
  };

  const slot = (): Release => {
    running += 1;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      running -= 1;
      const next = waiting[0];
      if (next) {
        leave(next);
        next.resolve(slot());
      }
    };
  };

  return {
    enter({ waitMs, signal, busy, cancelled }) {
      if (signal?.aborted) return Promise.reject(cancelled());
      if (running < slots && waiting.length === 0) return Promise.resolve(slot());
      return new Promise<Release>((resolve, reject) => {
        const w: Waiter = { resolve, reject, timer: undefined, signal, onAbort: undefined };
        w.timer = setTimeout(() => {
          leave(w);
          reject(busy());
        }, waitMs);
        if (signal) {
          w.onAbort = () => {
            leave(w);
            reject(cancelled());
          };
          signal.addEventListener('abort', w.onAbort, { once: true });
        }
        waiting.push(w);
      });
    },
    stats: () => ({ running, waiting: waiting.length }),
  };
}
