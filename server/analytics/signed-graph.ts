// The signed graph behind the alliance analytics (docs/alliances.md): every relationship that
// passed the filter gets a signed weight from its type's Goldstein weight and its confidence, and
// the relationships between two actors add up to one tie. Pure: no database, no GraphQL.
import type { Actor, ReadonlyRecord } from '../model/bundle.js';
import { MEMBERSHIP_TYPES, relationshipType, statusInfo } from '../model/vocabulary.js';

/** An actor as the projection read it: the fields of an Actor row, so GraphQL needs no second read. */
export type ProjectedActor = ReadonlyRecord<Actor>;

/** A relationship as the projection read it. `day` is its valid start, or lacking one its knowledge time. */
export interface ProjectedEdge {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly status: string;
  readonly confidence: number;
  readonly day: string;
  /** For a claim: the id of the relationship it is about. */
  readonly about: string | null;
}

/** What one read of the database gives the analytics (server/analytics/projection.ts). */
export interface Projection {
  readonly actors: readonly ProjectedActor[];
  readonly edges: readonly ProjectedEdge[];
  /**
   * Type and ends of every relationship a projected claim is about, whether or not it passed the
   * filter (the dyad's); read without claims, empty.
   */
  readonly claimed: ReadonlyMap<string, { readonly type: string; readonly from: string; readonly to: string }>;
}

// Types by which one actor belongs to another (from joins to) — a leader or an official to their
// state, a body to the state it is part of — are marked `membership` in the vocabulary. They have
// no Goldstein weight (they are not acts of cooperation) and tie the member to its state.
export { MEMBERSHIP_TYPES };

/** The tie of a membership, scaled by confidence: the top of the scale, stronger than any single act. */
export const MEMBERSHIP_WEIGHT = 10;

export type EdgeKind = 'act' | 'membership' | 'unweighted';

export interface WeightedEdge extends ProjectedEdge {
  readonly kind: EdgeKind;
  /** Its part in the tie between its ends: the act's score, or the membership weight. */
  readonly weight: number;
  /** Its cooperation (+) or conflict (−) score: the type's weight × confidence; 0 without a weight. */
  readonly score: number;
  /** Node indices of its ends. */
  readonly u: number;
  readonly v: number;
}

/** All relationships between two actors (u < v), direction ignored. */
export interface Pair {
  readonly u: number;
  readonly v: number;
  /** The sum of the weights of its edges: > 0 friendly, < 0 hostile, 0 no tie. */
  readonly weight: number;
  /** Its edges are SignedGraph.edges[first] up to (not including) [end]: a pair's edges are adjacent there. */
  readonly first: number;
  readonly end: number;
}

/** Lists per node, packed: node k's are items[offsets[k]] up to (not including) items[offsets[k + 1]]. */
export interface Adjacency {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

export interface SignedGraph {
  /** Actor ids in ascending order; a node is its index here. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly actors: readonly ProjectedActor[];
  /** In pair order (see Pair), a pair's edges in id order. */
  readonly edges: readonly WeightedEdge[];
  readonly pairs: readonly Pair[];
  /** Per node, the indices of the pairs it is in. */
  readonly pairsOf: Adjacency;
  /** Per node, the indices of the edges it is an end of. */
  readonly edgesOf: Adjacency;
  /** Per node, the sum of |weight| of its ties: how much it is involved, friend or foe. */
  readonly strength: Float64Array;
  readonly claimed: Projection['claimed'];
}

/** The items of node k in a packed list, as a view (no copy). */
export function itemsOf(list: Adjacency, k: number): Int32Array {
  return list.items.subarray(list.offsets[k] as number, list.offsets[k + 1] as number);
}

/** Packs per-node lists from (node, item) entries, items of a node in entry order. */
function adjacency(n: number, nodes: Int32Array, items: Int32Array, count: number): Adjacency {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) offsets[(nodes[i] as number) + 1] = (offsets[(nodes[i] as number) + 1] as number) + 1;
  for (let k = 0; k < n; k++) offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const fill = offsets.slice(0, n);
  const packed = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const k = nodes[i] as number;
    packed[fill[k] as number] = items[i] as number;
    fill[k] = (fill[k] as number) + 1;
  }
  return { offsets, items: packed };
}

const MEMBERSHIP = new Set(MEMBERSHIP_TYPES);

/**
 * The kind, tie weight and score of one relationship, from the vocabulary: the type's weight ×
 * confidence × its status's tie weight (a planned act counts half, a cancelled or denied one not
 * at all: a called-off visit binds no one).
 */
export function weigh(
  type: string,
  confidence: number,
  status = 'fact',
): { kind: EdgeKind; weight: number; score: number } {
  const info = relationshipType(type);
  const factor = confidence * (statusInfo(status)?.tieWeight ?? 1);
  if (MEMBERSHIP.has(type)) return { kind: 'membership', weight: MEMBERSHIP_WEIGHT * factor, score: 0 };
  if (info === undefined || info.weight === null) return { kind: 'unweighted', weight: 0, score: 0 };
  const score = info.weight * factor;
  return { kind: 'act', weight: score, score };
}

/**
 * Builds the signed graph; actors that no edge touches are left out. Deterministic for equal input
 * in any order: actors in id order, pairs in the order of their ends' indices, a pair's edges in id
 * order. One pass after a bucket sort by the lower end, so no sort runs over all the edges.
 */
export function signedGraph(projection: Projection): SignedGraph {
  const all = new Map<string, number>();
  projection.actors.forEach((a, i) => {
    all.set(a.id, i);
  });
  // Each end looked up once, as its place among the projection's actors (-1: an edge left out).
  const m = projection.edges.length;
  const starting = new Int32Array(m);
  const ending = new Int32Array(m);
  const touched = new Uint8Array(projection.actors.length);
  projection.edges.forEach((e, i) => {
    const f = all.get(e.from);
    const t = all.get(e.to);
    if (f === undefined || t === undefined || f === t) {
      starting[i] = -1;
      return;
    }
    starting[i] = f;
    ending[i] = t;
    touched[f] = 1;
    touched[t] = 1;
  });
  const kept = projection.actors.map((_, i) => i).filter((i) => touched[i] === 1);
  kept.sort((x, y) =>
    compare((projection.actors[x] as ProjectedActor).id, (projection.actors[y] as ProjectedActor).id),
  );
  const actors = kept.map((i) => projection.actors[i] as ProjectedActor);
  const ids = actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const rank = new Int32Array(projection.actors.length);
  kept.forEach((i, k) => {
    rank[i] = k;
  });

  // The ends of each edge as nodes (and lower index first), bucketed by the lower end.
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    if ((starting[i] as number) < 0) {
      lo[i] = -1;
      continue;
    }
    const u = rank[starting[i] as number] as number;
    const v = rank[ending[i] as number] as number;
    starting[i] = u;
    ending[i] = v;
    const low = Math.min(u, v);
    lo[i] = low;
    hi[i] = Math.max(u, v);
    starts[low + 1] = (starts[low + 1] as number) + 1;
  }
  for (let k = 0; k < n; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
  const order = new Int32Array(starts[n] as number);
  const fill = starts.slice(0, n);
  for (let i = 0; i < m; i++) {
    const u = lo[i] as number;
    if (u < 0) continue;
    order[fill[u] as number] = i;
    fill[u] = (fill[u] as number) + 1;
  }
  const byEnd = (x: number, y: number) =>
    (hi[x] as number) - (hi[y] as number) ||
    compare((projection.edges[x] as ProjectedEdge).id, (projection.edges[y] as ProjectedEdge).id);
  for (let k = 0; k < n; k++) {
    const [first, end] = [starts[k] as number, starts[k + 1] as number];
    if (end - first > 1) order.subarray(first, end).sort(byEnd);
  }

  const units = new Map<string, Map<string, ReturnType<typeof weigh>>>();
  const unitOf = (type: string, status: string) => {
    let byStatus = units.get(type);
    if (byStatus === undefined) {
      byStatus = new Map();
      units.set(type, byStatus);
    }
    let unit = byStatus.get(status);
    if (unit === undefined) {
      unit = weigh(type, 1, status);
      byStatus.set(status, unit);
    }
    return unit;
  };
  const count = order.length;
  const edges: WeightedEdge[] = new Array(count);
  const pairs: Pair[] = [];
  // (node, edge) and (node, pair) entries, packed into per-node lists at the end.
  const edgeNodes = new Int32Array(2 * count);
  const edgeItems = new Int32Array(2 * count);
  const pairNodes = new Int32Array(2 * count);
  const pairItems = new Int32Array(2 * count);
  let pairEntries = 0;
  let first = 0;
  let weight = 0;
  for (let at = 0; at < count; at++) {
    const i = order[at] as number;
    const e = projection.edges[i] as ProjectedEdge;
    const u = starting[i] as number;
    const v = ending[i] as number;
    const unit = unitOf(e.type, e.status);
    const { id, type, from, to, status, confidence, day, about } = e;
    edges[at] = {
      id,
      type,
      from,
      to,
      status,
      confidence,
      day,
      about,
      kind: unit.kind,
      weight: unit.weight * confidence,
      score: unit.score * confidence,
      u,
      v,
    };
    edgeNodes[2 * at] = u;
    edgeItems[2 * at] = at;
    edgeNodes[2 * at + 1] = v;
    edgeItems[2 * at + 1] = at;
    weight += unit.weight * confidence;
    // The pair ends after its last edge: the next edge has other ends, or there is none.
    const next = at + 1 < count ? (order[at + 1] as number) : -1;
    if (next < 0 || lo[next] !== lo[i] || hi[next] !== hi[i]) {
      const p = pairs.length;
      pairs.push({ u: lo[i] as number, v: hi[i] as number, weight, first, end: at + 1 });
      pairNodes[pairEntries] = lo[i] as number;
      pairItems[pairEntries++] = p;
      pairNodes[pairEntries] = hi[i] as number;
      pairItems[pairEntries++] = p;
      first = at + 1;
      weight = 0;
    }
  }
  const strength = new Float64Array(n);
  for (const p of pairs) {
    strength[p.u] = (strength[p.u] as number) + Math.abs(p.weight);
    strength[p.v] = (strength[p.v] as number) + Math.abs(p.weight);
  }
  return {
    ids,
    index,
    actors,
    edges,
    pairs,
    pairsOf: adjacency(n, pairNodes, pairItems, pairEntries),
    edgesOf: adjacency(n, edgeNodes, edgeItems, 2 * count),
    strength,
    claimed: projection.claimed,
  };
}

/** Code-unit order, the same in every locale: ids are ASCII slugs. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sums rounded to micro-units, so 6.640000000000001 reads 6.64 and equal sums compare equal. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}
