// The analytics as the API serves them. Per request one cheap read of the graph version; then the
// signed graph of a filter is read and built once per version and shared by blocs and centrality,
// a dyad reads only its pair's part of it, and each answer is kept until any write moves the
// version (server/db/graph-version.ts).
import type { Executor } from '../db/executor.js';
import type { FilterParams } from '../db/filter.js';
import { readGraphVersion } from '../db/graph-version.js';
import { type Alliances, alliances } from './blocs.js';
import { VersionedCache } from './cache.js';
import { centrality, type Measure, type Ranking } from './centrality.js';
import { type Dyad, type DyadOptions, dyad } from './dyad.js';
import { readDyadProjection, readProjection } from './projection.js';
import { type SignedGraph, signedGraph } from './signed-graph.js';

/** An answer with the graph it was computed on (its actors' rows) and that graph's version. */
export interface Answer<T> {
  readonly version: string;
  readonly graph: SignedGraph;
  readonly value: T;
}

/** Signed graphs kept (one per filter: the large part) and answers kept (several per graph). */
export const GRAPHS_KEPT = 4;
export const ANSWERS_KEPT = 64;

export interface Analytics {
  alliances(f: FilterParams): Promise<Answer<Alliances>>;
  centrality(f: FilterParams, measure: Measure): Promise<Answer<Ranking>>;
  /** The pair's history; an actor the filter leaves without relationships has an empty one. */
  dyad(f: FilterParams, a: string, b: string, options: DyadOptions): Promise<Answer<Dyad>>;
}

export function createAnalytics(executor: Executor): Analytics {
  const graphs = new VersionedCache(GRAPHS_KEPT);
  const answers = new VersionedCache(ANSWERS_KEPT);

  /** An answer computed on the graph `read` gives (by default the whole filtered graph, shared). */
  async function answer<T>(
    f: FilterParams,
    key: unknown[],
    compute: (graph: SignedGraph) => T,
    read?: () => Promise<SignedGraph>,
  ): Promise<Answer<T>> {
    const version = await readGraphVersion(executor);
    const filterKey = JSON.stringify(f);
    return answers.get(version, JSON.stringify([filterKey, ...key]), async () => {
      const graph = await (
        read ??
        (() =>
          graphs.get(version, filterKey, async () => signedGraph(await readProjection(executor, f, { claims: false }))))
      )();
      return { version, graph, value: compute(graph) };
    });
  }

  return {
    alliances: (f) => answer(f, ['alliances'], (graph) => alliances(graph)),
    centrality: (f, measure) => answer(f, ['centrality', measure], (graph) => centrality(graph, measure)),
    dyad: (f, a, b, options) =>
      answer(
        f,
        ['dyad', a, b, options.bucket, options.withMembers],
        (graph) => {
          const u = graph.index.get(a);
          const v = graph.index.get(b);
          if (u === undefined || v === undefined) return { cooperation: 0, conflict: 0, net: 0, periods: [] };
          return dyad(graph, u, v, options);
        },
        async () => signedGraph(await readDyadProjection(executor, f, a, b, options.withMembers)),
      ),
  };
}

// One per executor (that is, per app and database), created on first use.
const byExecutor = new WeakMap<Executor, Analytics>();

export function analyticsFor(executor: Executor): Analytics {
  let analytics = byExecutor.get(executor);
  if (analytics === undefined) {
    analytics = createAnalytics(executor);
    byExecutor.set(executor, analytics);
  }
  return analytics;
}
