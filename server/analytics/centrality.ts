// Centrality on the structural graph: every relationship that passed the filter, weighted or not,
// joins its two actors; several relationships between one pair make one link (PageRank weighs it
// by their number). Degree is the share of the other actors linked; PageRank is the power
// iteration graphology-metrics runs; betweenness is Brandes's algorithm, exact up to
// EXACT_BETWEENNESS_UP_TO actors and estimated above it from a seeded sample of source actors,
// scaled up (the answer says how many it used). All three are checked against graphology-metrics
// in tests/unit/analytics-centrality.test.ts; they run here on adjacency arrays because building
// graphology's graph object costs more than the measures at 100,000 relationships. Pure.
import { seededRandom } from './random.js';
import { compare, type SignedGraph } from './signed-graph.js';

export type Measure = 'DEGREE' | 'BETWEENNESS' | 'PAGERANK';

/** Exact betweenness costs one breadth-first search per actor; past this many actors it is sampled. */
export const EXACT_BETWEENNESS_UP_TO = 2_000;
/** Source actors of the betweenness estimate on larger graphs. */
export const BETWEENNESS_SAMPLE = 200;
const SEED = 29;

export interface Ranking {
  readonly measure: Measure;
  readonly exact: boolean;
  /** Source actors of a betweenness estimate; null when exact. */
  readonly sampled: number | null;
  /** Node indices, highest score first (ties by id). */
  readonly order: Int32Array;
  readonly scores: Float64Array;
}

/** Distinct neighbours per node, as adjacency arrays, with the number of relationships per link. */
interface Links {
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly counts: Float64Array;
}

function links(graph: SignedGraph): Links {
  const n = graph.ids.length;
  const offsets = new Int32Array(n + 1);
  for (const p of graph.pairs) {
    offsets[p.u + 1] = (offsets[p.u + 1] as number) + 1;
    offsets[p.v + 1] = (offsets[p.v + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * graph.pairs.length);
  const counts = new Float64Array(2 * graph.pairs.length);
  const put = (u: number, v: number, count: number) => {
    const at = fill[u] as number;
    neighbours[at] = v;
    counts[at] = count;
    fill[u] = at + 1;
  };
  for (const p of graph.pairs) {
    put(p.u, p.v, p.end - p.first);
    put(p.v, p.u, p.end - p.first);
  }
  return { offsets, neighbours, counts };
}

/** PageRank over the links weighted by their relationship counts, as graphology-metrics computes it. */
export function pagerank(l: Links, n: number, alpha = 0.85, maxIterations = 100, tolerance = 1e-6): Float64Array {
  const p = 1 / n;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = l.offsets[i] as number; j < (l.offsets[i + 1] as number); j++) {
      strength[i] = (strength[i] as number) + (l.counts[j] as number);
    }
  }
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (strength[i] === 0) dangling += x[i] as number;
    const base = alpha * dangling * p + (1 - alpha) * p;
    next.fill(base);
    for (let i = 0; i < n; i++) {
      const s = strength[i] as number;
      if (s === 0) continue;
      const share = (alpha * (x[i] as number)) / s;
      for (let j = l.offsets[i] as number; j < (l.offsets[i + 1] as number); j++) {
        const v = l.neighbours[j] as number;
        next[v] = (next[v] as number) + share * (l.counts[j] as number);
      }
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs((next[i] as number) - (x[i] as number));
    [x, next] = [next, x];
    if (error < n * tolerance) break;
  }
  return x;
}

/**
 * Brandes's betweenness from the given source nodes, summed, for an undirected unweighted graph;
 * normalised like graphology-metrics (by (n−1)(n−2), so each unordered pair counts twice) and, for a
 * sample, scaled by n / sources. The search records each link of the shortest-path DAG as it finds
 * it (`before[k]` precedes `after[k]`), so the accumulation walks those links backwards instead of
 * every neighbour of every node again, testing distances.
 */
export function brandes(l: Links, n: number, sources: ArrayLike<number>): Float64Array {
  const { offsets, neighbours } = l;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const before = new Int32Array(neighbours.length);
  const after = new Int32Array(neighbours.length);
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k] as number;
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    distance[s] = 0;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let links = 0;
    while (head < tail) {
      const v = order[head++] as number;
      const next = (distance[v] as number) + 1;
      const sv = sigma[v] as number;
      const end = offsets[v + 1] as number;
      for (let j = offsets[v] as number; j < end; j++) {
        const w = neighbours[j] as number;
        let dw = distance[w] as number;
        if (dw === -1) {
          dw = next;
          distance[w] = next;
          order[tail++] = w;
        }
        if (dw === next) {
          sigma[w] = (sigma[w] as number) + sv;
          before[links] = v;
          after[links] = w;
          links++;
        }
      }
    }
    // Links were found in breadth-first order, so walking them backwards meets every link out of
    // a node after all the links out of its successors: its delta is complete when it is used.
    for (let i = links - 1; i >= 0; i--) {
      const v = before[i] as number;
      const w = after[i] as number;
      delta[v] = (delta[v] as number) + ((sigma[v] as number) / (sigma[w] as number)) * (1 + (delta[w] as number));
    }
    for (let i = 1; i < tail; i++) {
      const w = order[i] as number;
      centrality[w] = (centrality[w] as number) + (delta[w] as number);
    }
  }
  const scale = (n <= 2 ? 1 : 1 / ((n - 1) * (n - 2))) * (n / Math.max(1, sources.length));
  for (let i = 0; i < n; i++) centrality[i] = (centrality[i] as number) * scale;
  return centrality;
}

/** A seeded sample of `k` distinct nodes out of `n` (all of them, in order, when k ≥ n). */
export function sample(n: number, k: number, seed = SEED): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (k >= n) return all;
  const random = seededRandom(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i] as number;
    all[i] = all[j] as number;
    all[j] = t;
  }
  return all.slice(0, k).sort();
}

/** Scores every actor of the graph by one measure and ranks them. */
export function centrality(graph: SignedGraph, measure: Measure, exactUpTo = EXACT_BETWEENNESS_UP_TO): Ranking {
  const n = graph.ids.length;
  const l = links(graph);
  let scores: Float64Array;
  let sampled: number | null = null;
  if (measure === 'BETWEENNESS') {
    const sources = sample(n, n <= exactUpTo ? n : BETWEENNESS_SAMPLE);
    if (sources.length < n) sampled = sources.length;
    scores = brandes(l, n, sources);
  } else if (measure === 'PAGERANK') {
    scores = pagerank(l, n);
  } else {
    const others = Math.max(1, n - 1);
    scores = Float64Array.from(
      { length: n },
      (_, i) => ((l.offsets[i + 1] as number) - (l.offsets[i] as number)) / others,
    );
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (x, y) => (scores[y] as number) - (scores[x] as number) || compare(graph.ids[x] ?? '', graph.ids[y] ?? ''),
  );
  return { measure, exact: sampled === null, sampled, order, scores };
}
