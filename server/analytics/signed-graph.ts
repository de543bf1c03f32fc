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
  /** Type and ends of every relationship a projected claim is about, whether or not it passed the filter. */
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

/** Builds the signed graph; actors that no edge touches are left out. Deterministic for equal input. */
export function signedGraph(projection: Projection): SignedGraph {
  const touched = new Set<string>();
  for (const e of projection.edges) {
    if (e.from === e.to) continue;
    touched.add(e.from);
    touched.add(e.to);
  }
  const actors = projection.actors.filter((a) => touched.has(a.id)).sort((x, y) => compare(x.id, y.id));
  const ids = actors.map((a) => a.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const weights = new Map<string, ReturnType<typeof weigh>>();
  const edges: WeightedEdge[] = [];
  for (const e of [...projection.edges].sort((x, y) => compare(x.id, y.id))) {
    const u = index.get(e.from);
    const v = index.get(e.to);
    if (u === undefined || v === undefined || u === v) continue;
    const unitKey = `${e.type} ${e.status}`;
    let unit = weights.get(unitKey);
    if (unit === undefined) {
      unit = weigh(e.type, 1, e.status);
      weights.set(unitKey, unit);
    }
    const { id, type, from, to, status, confidence, day, about } = e;
    const [weight, score] = [unit.weight * confidence, unit.score * confidence];
    edges.push({ id, type, from, to, status, confidence, day, about, kind: unit.kind, weight, score, u, v });
  }

  const pairIndex = new Map<number, number>();
  const pairs: { u: number; v: number; weight: number; edges: number[] }[] = [];
  const edgesOf: number[][] = ids.map(() => []);
  const n = ids.length;
  edges.forEach((e, i) => {
    const [u, v] = e.u < e.v ? [e.u, e.v] : [e.v, e.u];
    const key = u * n + v;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairs.length;
      pairIndex.set(key, p);
      pairs.push({ u, v, weight: 0, edges: [] });
    }
    const pair = pairs[p] as (typeof pairs)[number];
    pair.weight += e.weight;
    pair.edges.push(i);
    edgesOf[e.u]?.push(i);
    edgesOf[e.v]?.push(i);
  });
  const pairsOf: number[][] = ids.map(() => []);
  const strength = new Float64Array(n);
  pairs.forEach((p, i) => {
    pairsOf[p.u]?.push(i);
    pairsOf[p.v]?.push(i);
    strength[p.u] = (strength[p.u] ?? 0) + Math.abs(p.weight);
    strength[p.v] = (strength[p.v] ?? 0) + Math.abs(p.weight);
  });
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
