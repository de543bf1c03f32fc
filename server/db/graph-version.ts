// The graph version: a counter that every data write bumps inside its own transaction, so answers
// derived from the whole graph (server/analytics) can be cached and checked with one cheap read.
// A write that bypasses these functions (a raw Cypher session) is not seen by the caches.
import type { Executor, Tx } from './executor.js';
import { cypher } from './queries.js';

const BUMP = cypher('graph-version-bump');
const READ = cypher('graph-version');

/** Call as the last statement of a write transaction: the new version commits with the data or not at all. */
export async function bumpGraphVersion(tx: Tx): Promise<string> {
  const [row] = await tx.run(BUMP);
  return String(row?.version);
}

/** The current version, e.g. `2b1c…:42`; `none` while nothing has been written through the app. */
export async function readGraphVersion(executor: Executor): Promise<string> {
  const [row] = await executor.read(READ, {}, { operation: 'graph-version' });
  return String(row?.version ?? 'none');
}
