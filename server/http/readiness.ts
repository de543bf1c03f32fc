// What /ready answers: whether a real read succeeds now, through the same executor, driver and
// read-transaction path the resolvers use. A `RETURN 1`, or a one-node match, answers well before
// Neo4j serves the application's queries again after a restart (they time out for a while), so the
// check runs the first page of `actors`, a query the client asks. The answer is kept for a moment,
// so that a load balancer polling /ready costs one read per READY_CACHE_MS however often it asks.
import { type Executor, TIMEOUTS } from '../db/executor.js';
import { query } from '../db/queries.js';

/** How long one answer is reused. */
export const READY_CACHE_MS = 1_000;
/**
 * A read that takes longer than this means "not ready": the limit the same read has when a client
 * asks it (a shorter one flaps to 503 on a busy machine while every client read still succeeds).
 */
export const READY_TIMEOUT_MS = TIMEOUTS.lookup;

const ACTORS = query('actors');
const FIRST_ACTOR = { kinds: null, ids: null, afterName: null, afterId: null, limit: 1 };

/**
 * Ready: the read succeeds within READY_TIMEOUT_MS. While the start-up writes the schema, queries
 * wait on it, so this says 503 then too.
 */
export function readinessCheck(
  executor: Executor,
  { now = Date.now, timeoutMs = READY_TIMEOUT_MS }: { now?: () => number; timeoutMs?: number } = {},
): () => Promise<boolean> {
  let last: { at: number; ready: Promise<boolean> } | undefined;
  return () => {
    const at = now();
    if (last && at - last.at < READY_CACHE_MS) return last.ready;
    const ready = executor
      .read(ACTORS, FIRST_ACTOR, { operation: 'ready', signal: AbortSignal.timeout(timeoutMs) })
      .then(
        () => true,
        () => false,
      );
    last = { at, ready };
    return ready;
  };
}
