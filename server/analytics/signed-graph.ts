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
  /** Indices into SignedGraph.edges. */
  readonly edges: readonly number[];
}

export interface SignedGraph {
  /** Actor ids in ascending order; a node is its index here. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly actors: readonly ProjectedActor[];
  readonly edges: readonly WeightedEdge[];
  readonly pairs: readonly Pair[];
  /** Per node, the indices of the pairs it is in. */
  readonly pairsOf: readonly (readonly number[])[];
  /** Per node, the indices of the edges it is an end of. */
  readonly edgesOf: readonly (readonly number[])[];
  /** Per node, the sum of |weight| of its ties: how much it is involved, friend or foe. */
  readonly strength: Float64Array;
  readonly claimed: Projection['claimed'];
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
  const touched = new Uint8Array(projection.actors.length);
  for (const e of projection.edges) {
    if (e.from === e.to) continue;
    const f = all.get(e.from);
    const t = all.get(e.to);
    if (f === undefined || t === undefined) continue;
    touched[f] = 1;
    touched[t] = 1;
  }
  const actors = projection.actors.filter((_, i) => touched[i] === 1).sort((x, y) => compare(x.id, y.id));
  const ids = actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;

  // The ends of each edge (and lower index first), bucketed by the lower end; -1 for an edge left out.
  const m = projection.edges.length;
  const starting = new Int32Array(m);
  const ending = new Int32Array(m);
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const starts = new Int32Array(n + 1);
  projection.edges.forEach((e, i) => {
    const u = index.get(e.from);
    const v = index.get(e.to);
    if (u === undefined || v === undefined || u === v) {
      lo[i] = -1;
      return;
    }
    const low = Math.min(u, v);
    starting[i] = u;
    ending[i] = v;
    lo[i] = low;
    hi[i] = Math.max(u, v);
    starts[low + 1] = (starts[low + 1] as number) + 1;
  });
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
  const edges: WeightedEdge[] = [];
  const pairs: { u: number; v: number; weight: number; edges: number[] }[] = [];
  const edgesOf: number[][] = ids.map(() => []);
  const pairsOf: number[][] = ids.map(() => []);
  let pair: (typeof pairs)[number] | undefined;
  for (const i of order) {
    const e = projection.edges[i] as ProjectedEdge;
    const u = starting[i] as number;
    const v = ending[i] as number;
    const unit = unitOf(e.type, e.status);
    const { id, type, from, to, status, confidence, day, about } = e;
    const at = edges.length;
    edges.push({
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
    });
    edgesOf[u]?.push(at);
    edgesOf[v]?.push(at);
    if (pair === undefined || pair.u !== lo[i] || pair.v !== hi[i]) {
      pair = { u: lo[i] as number, v: hi[i] as number, weight: 0, edges: [] };
      pairsOf[pair.u]?.push(pairs.length);
      pairsOf[pair.v]?.push(pairs.length);
      pairs.push(pair);
    }
    pair.weight += unit.weight * confidence;
    pair.edges.push(at);
  }
  const strength = new Float64Array(n);
  for (const p of pairs) {
    strength[p.u] = (strength[p.u] as number) + Math.abs(p.weight);
    strength[p.v] = (strength[p.v] as number) + Math.abs(p.weight);
  }
  return { ids, index, actors, edges, pairs, pairsOf, edgesOf, strength, claimed: projection.claimed };
}

/** Code-unit order, the same in every locale: ids are ASCII slugs. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sums rounded to micro-units, so 6.640000000000001 reads 6.64 and equal sums compare equal. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6 + 0;
}
