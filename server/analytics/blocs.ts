// Blocs: a partition of the signed graph that keeps friendly ties inside blocs and hostile ties
// between them (structural balance), with what no partition could satisfy reported as frustration.
// docs/alliances.md explains the method; in short:
//   1. "The enemy of my enemy": for every actor with two or more adversaries, a hidden node stands
//      for the side against it, tied to each adversary at ADVERSARY_SHARE of their hostility, so
//      actors that share adversaries are drawn together, more weakly than by a tie of their own.
//   2. From every node in a bloc of its own, local moves and merges lower the frustration (hostile
//      weight inside blocs plus friendly weight across them) until none does; the hidden nodes
//      are dropped at the end.
// Deterministic: nodes in id order, ties broken by the lower index.
import { compare, itemsOf, round, type SignedGraph } from './signed-graph.js';

/** The weight of a shared adversary, as a share of the hostility to it. */
export const ADVERSARY_SHARE = 0.5;
/** How many evidence items and frustrated ties each answer keeps (the API serves at most these). */
export const MAX_EVIDENCE = 50;
export const MAX_FRUSTRATED = 100;

const EPS = 1e-9;
const MAX_ROUNDS = 50;

/** A graph of n real nodes and some hidden ones, as adjacency arrays. */
interface Augmented {
  readonly size: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
}

function augmented(graph: SignedGraph, share: number): Augmented {
  const n = graph.ids.length;
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const p of graph.pairs) {
    if (p.weight === 0) continue;
    from.push(p.u);
    to.push(p.v);
    weight.push(p.weight);
  }
  let size = n;
  for (let k = 0; k < n; k++) {
    let hostile = 0;
    for (const i of itemsOf(graph.pairsOf, k)) if ((graph.pairs[i]?.weight ?? 0) < 0) hostile++;
    if (hostile < 2) continue;
    const side = size++;
    for (const i of itemsOf(graph.pairsOf, k)) {
      const p = graph.pairs[i];
      if (p === undefined || p.weight >= 0) continue;
      from.push(side);
      to.push(p.u === k ? p.v : p.u);
      weight.push(share * -p.weight);
    }
  }
  const offsets = new Int32Array(size + 1);
  for (const u of from) offsets[u + 1] = (offsets[u + 1] as number) + 1;
  for (const v of to) offsets[v + 1] = (offsets[v + 1] as number) + 1;
  for (let i = 0; i < size; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, size);
  const neighbours = new Int32Array(2 * from.length);
  const weights = new Float64Array(2 * from.length);
  const put = (u: number, v: number, w: number) => {
    const at = fill[u] as number;
    neighbours[at] = v;
    weights[at] = w;
    fill[u] = at + 1;
  };
  from.forEach((u, i) => {
    const v = to[i] as number;
    const w = weight[i] as number;
    put(u, v, w);
    put(v, u, w);
  });
  return {
    size,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    weight: Float64Array.from(weight),
    offsets,
    neighbours,
    weights,
  };
}

/** Bloc labels with their sizes, and the labels no node uses, for a node that leaves to be alone. */
class Labels {
  readonly sizes: Int32Array;
  private readonly free: number[] = [];
  constructor(readonly bloc: Int32Array) {
    this.sizes = new Int32Array(bloc.length);
    for (const b of bloc) this.sizes[b] = (this.sizes[b] as number) + 1;
    for (let b = bloc.length - 1; b >= 0; b--) if (this.sizes[b] === 0) this.free.push(b);
  }
  move(v: number, to: number): void {
    const from = this.bloc[v] as number;
    this.sizes[from] = (this.sizes[from] as number) - 1;
    if (this.sizes[from] === 0) this.free.push(from);
    this.sizes[to] = (this.sizes[to] as number) + 1;
    this.bloc[v] = to;
  }
  /** An unused label; one exists whenever a node shares its bloc, since there are as many labels as nodes. */
  fresh(): number {
    let b = this.free.pop();
    while (b !== undefined && this.sizes[b] !== 0) b = this.free.pop();
    if (b === undefined) throw new Error('No free bloc label: a node alone in its bloc asked for another.');
    return b;
  }
}

/** Marks a node and its neighbours for another look: their sums towards the blocs have changed. */
function touch(g: Augmented, dirty: Uint8Array, v: number): void {
  dirty[v] = 1;
  for (let j = g.offsets[v] as number; j < (g.offsets[v + 1] as number); j++) dirty[g.neighbours[j] as number] = 1;
}

/**
 * Moves single nodes to the bloc they are most tied to while that lowers the frustration. A pass
 * visits the nodes in order but skips those no move has touched since their last look (`dirty`):
 * their sums are the same, so they would stay; the moves are those of a pass over every node.
 */
function localMoves(g: Augmented, labels: Labels, dirty: Uint8Array): boolean {
  const { bloc, sizes } = labels;
  const sum = new Float64Array(g.size);
  const stamp = new Int32Array(g.size).fill(-1);
  const seen: number[] = [];
  let look = 0;
  let movedAny = false;
  for (let pass = 0; pass < MAX_ROUNDS; pass++) {
    let moved = false;
    for (let v = 0; v < g.size; v++) {
      if (dirty[v] === 0) continue;
      dirty[v] = 0;
      look++;
      const current = bloc[v] as number;
      seen.length = 0;
      for (let j = g.offsets[v] as number; j < (g.offsets[v + 1] as number); j++) {
        const c = bloc[g.neighbours[j] as number] as number;
        if (stamp[c] !== look) {
          stamp[c] = look;
          sum[c] = 0;
          seen.push(c);
        }
        sum[c] = (sum[c] as number) + (g.weights[j] as number);
      }
      // Moving v from bloc A to bloc B changes the frustration by sum(A) − sum(B); a bloc of its own is 0.
      let best = current;
      let bestSum = stamp[current] === look ? (sum[current] as number) : 0;
      if (seen.length > 1) seen.sort((a, b) => a - b);
      for (const c of seen) {
        if ((sum[c] as number) > bestSum + EPS) {
          best = c;
          bestSum = sum[c] as number;
        }
      }
      if (bestSum < -EPS && (sizes[current] as number) > 1) best = labels.fresh();
      if (best !== current) {
        labels.move(v, best);
        touch(g, dirty, v);
        dirty[v] = 0;
        moved = true;
        movedAny = true;
      }
    }
    if (!moved) break;
  }
  return movedAny;
}

/** Merges pairs of blocs whose ties to each other are friendly on balance (largest first). */
function merges(g: Augmented, labels: Labels, dirty: Uint8Array): boolean {
  const { bloc } = labels;
  const between = new Map<number, number>();
  for (let i = 0; i < g.from.length; i++) {
    const a = bloc[g.from[i] as number] as number;
    const b = bloc[g.to[i] as number] as number;
    if (a === b) continue;
    const key = a < b ? a * g.size + b : b * g.size + a;
    between.set(key, (between.get(key) ?? 0) + (g.weight[i] as number));
  }
  const friendly = [...between].filter(([, w]) => w > EPS).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  // Disjoint pairs only: each merge then lowers the frustration by its own friendly weight.
  const into = new Map<number, number>();
  for (const [key] of friendly) {
    const a = Math.floor(key / g.size);
    const b = key % g.size;
    if (into.has(a) || into.has(b)) continue;
    into.set(b, a);
    into.set(a, a);
  }
  let merged = false;
  for (let v = 0; v < g.size; v++) {
    const target = into.get(bloc[v] as number);
    if (target !== undefined && target !== bloc[v]) {
      labels.move(v, target);
      touch(g, dirty, v);
      merged = true;
    }
  }
  return merged;
}

/** The bloc of every node of the graph (an arbitrary label per bloc). */
export function partition(graph: SignedGraph, share = ADVERSARY_SHARE): Int32Array {
  const g = augmented(graph, share);
  const labels = new Labels(Int32Array.from({ length: g.size }, (_, i) => i));
  const dirty = new Uint8Array(g.size).fill(1);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const moved = localMoves(g, labels, dirty);
    if (!merges(g, labels, dirty) && !moved) break;
  }
  return labels.bloc.slice(0, graph.ids.length);
}

export type EvidenceReason = 'TIE' | 'SHARED_ADVERSARY';

export interface Evidence {
  readonly relationship: string;
  readonly reason: EvidenceReason;
  /** Its weight in the partition: a tie's weight, or ADVERSARY_SHARE of the hostility. */
  readonly weight: number;
  /** For SHARED_ADVERSARY: the outside actor that two or more members are hostile to. */
  readonly adversary: string | null;
}

export interface BlocRelation {
  /** The index of the other bloc in Alliances.blocs. */
  readonly bloc: number;
  readonly cooperation: number;
  readonly conflict: number;
  readonly net: number;
  readonly relationships: number;
}

export interface Bloc {
  /** The leader's id: stable while the leader stays. */
  readonly id: string;
  readonly name: string;
  readonly leader: string;
  /** Member ids, the most involved first. */
  readonly members: readonly string[];
  readonly cohesion: number;
  readonly relations: readonly BlocRelation[];
  readonly evidence: readonly Evidence[];
}

export interface FrustratedTie {
  readonly a: string;
  readonly b: string;
  readonly weight: number;
  readonly inside: boolean;
  readonly relationships: readonly string[];
}

export interface Alliances {
  readonly blocs: readonly Bloc[];
  readonly frustration: {
    readonly count: number;
    readonly weight: number;
    readonly hostileInside: number;
    readonly friendlyAcross: number;
    /** The heaviest, at most MAX_FRUSTRATED. */
    readonly ties: readonly FrustratedTie[];
  };
  readonly actorCount: number;
  readonly relationshipCount: number;
}

/**
 * The first `k` of `items` by `key`, highest first, equal keys in `order`: what sorting all of them
 * would give, but only the items at or above the k-th highest key are sorted (a bloc of 9,000
 * members has tens of thousands of pieces of evidence, of which 50 are kept).
 */
function heaviest<T>(items: readonly T[], key: (item: T) => number, k: number, order: (x: T, y: T) => number): T[] {
  let kept = items;
  if (items.length > k) {
    const keys = Float64Array.from(items, key).sort();
    const least = keys[keys.length - k] as number;
    kept = items.filter((item) => key(item) >= least);
  }
  return [...kept].sort((x, y) => key(y) - key(x) || order(x, y)).slice(0, k);
}

/** "Russia's camp", "United States' camp". */
export function campName(name: string): string {
  return name.endsWith('s') ? `${name}' camp` : `${name}'s camp`;
}

/** Partitions the graph and describes each bloc: members, leader, cohesion, relations, evidence. */
export function alliances(graph: SignedGraph, share = ADVERSARY_SHARE): Alliances {
  const label = partition(graph, share);
  const n = graph.ids.length;
  const groups = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const group = groups.get(label[v] as number) ?? [];
    group.push(v);
    groups.set(label[v] as number, group);
  }
  const unordered = [...groups.values()];
  const blocOf = new Int32Array(n);
  unordered.forEach((members, b) => {
    for (const v of members) blocOf[v] = b;
  });

  // The evidence of each bloc, and how much of it each member takes part in: the member most of
  // what holds a bloc together runs through is its most central, its leader.
  const found: Evidence[][] = unordered.map(() => []);
  const held = new Float64Array(n);
  for (const e of graph.edges) {
    if (e.kind !== 'act' || e.weight <= 0 || blocOf[e.u] !== blocOf[e.v]) continue;
    found[blocOf[e.u] as number]?.push({ relationship: e.id, reason: 'TIE', weight: round(e.weight), adversary: null });
    held[e.u] = (held[e.u] as number) + e.weight;
    held[e.v] = (held[e.v] as number) + e.weight;
  }
  // Shared adversaries: an outside actor two or more members are hostile to (on balance).
  const hostileBy = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    hostileBy.clear();
    for (const i of itemsOf(graph.pairsOf, k)) {
      const p = graph.pairs[i];
      if (p === undefined || p.weight >= 0) continue;
      const member = p.u === k ? p.v : p.u;
      const b = blocOf[member] as number;
      if (b === blocOf[k]) continue;
      const list = hostileBy.get(b) ?? [];
      list.push(i);
      hostileBy.set(b, list);
    }
    for (const [b, pairs] of hostileBy) {
      if (pairs.length < 2) continue;
      for (const i of pairs) {
        const p = graph.pairs[i] as (typeof graph.pairs)[number];
        const member = p.u === k ? p.v : p.u;
        for (let j = p.first; j < p.end; j++) {
          const e = graph.edges[j];
          if (e === undefined || e.kind !== 'act' || e.weight >= 0) continue;
          found[b]?.push({
            relationship: e.id,
            reason: 'SHARED_ADVERSARY',
            weight: round(share * -e.weight),
            adversary: graph.ids[k] ?? null,
          });
          held[member] = (held[member] as number) + share * -e.weight;
        }
      }
    }
  }

  // Members by their part in the evidence; without any (a state and its leader alone), by strength.
  // Rounded, so that sums equal but for the order of their terms compare equal.
  const part = held.map(round);
  const strength = graph.strength.map(round);
  const byPart = (x: number, y: number) =>
    (part[y] as number) - (part[x] as number) ||
    (strength[y] as number) - (strength[x] as number) ||
    compare(graph.ids[x] ?? '', graph.ids[y] ?? '');
  for (const members of unordered) members.sort(byPart);
  const order = unordered.map((_, b) => b);
  order.sort(
    (x, y) =>
      (unordered[y] as number[]).length - (unordered[x] as number[]).length ||
      byPart((unordered[x] as number[])[0] as number, (unordered[y] as number[])[0] as number),
  );
  const memberLists = order.map((b) => unordered[b] as number[]);
  const evidence = order.map((b) => found[b] as Evidence[]);
  memberLists.forEach((members, b) => {
    for (const v of members) blocOf[v] = b;
  });

  const inside = new Float64Array(memberLists.length);
  const touching = new Float64Array(memberLists.length);
  const frustrated: number[] = [];
  let hostileInside = 0;
  let friendlyAcross = 0;
  let frustration = 0;
  graph.pairs.forEach((p, at) => {
    if (p.weight === 0) return;
    const a = blocOf[p.u] as number;
    const b = blocOf[p.v] as number;
    const magnitude = Math.abs(p.weight);
    touching[a] = (touching[a] as number) + magnitude;
    if (a === b) inside[a] = (inside[a] as number) + p.weight;
    else touching[b] = (touching[b] as number) + magnitude;
    if ((a === b) === p.weight < 0) {
      if (a === b) hostileInside++;
      else friendlyAcross++;
      frustration += magnitude;
      frustrated.push(at);
    }
  });
  const pairOf = (i: number) => graph.pairs[i] as (typeof graph.pairs)[number];
  const ties = heaviest(
    frustrated,
    (i) => Math.abs(round(pairOf(i).weight)),
    MAX_FRUSTRATED,
    (x, y) =>
      compare(graph.ids[pairOf(x).u] ?? '', graph.ids[pairOf(y).u] ?? '') ||
      compare(graph.ids[pairOf(x).v] ?? '', graph.ids[pairOf(y).v] ?? ''),
  ).map((i): FrustratedTie => {
    const p = pairOf(i);
    return {
      a: graph.ids[p.u] ?? '',
      b: graph.ids[p.v] ?? '',
      weight: round(p.weight),
      inside: blocOf[p.u] === blocOf[p.v],
      relationships: graph.edges.slice(p.first, p.end).map((e) => e.id),
    };
  });

  const relations = memberLists.map(() => new Map<number, { cooperation: number; conflict: number; count: number }>());
  for (const e of graph.edges) {
    if (e.weight === 0) continue;
    const a = blocOf[e.u] as number;
    const b = blocOf[e.v] as number;
    if (a === b) continue;
    for (const [mine, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const map = relations[mine] as Map<number, { cooperation: number; conflict: number; count: number }>;
      const r = map.get(other) ?? { cooperation: 0, conflict: 0, count: 0 };
      if (e.weight > 0) r.cooperation += e.weight;
      else r.conflict += e.weight;
      r.count++;
      map.set(other, r);
    }
  }

  const blocs = memberLists.map((members, b): Bloc => {
    const leader = members[0] as number;
    const leaderId = graph.ids[leader] ?? '';
    const name = graph.actors[leader]?.name ?? leaderId;
    const touched = touching[b] as number;
    return {
      id: leaderId,
      name: campName(name),
      leader: leaderId,
      members: members.map((v) => graph.ids[v] ?? ''),
      cohesion: touched === 0 ? 0 : round((inside[b] as number) / touched),
      relations: [...(relations[b] ?? new Map())]
        .sort(([x], [y]) => x - y)
        .map(([other, r]) => ({
          bloc: other,
          cooperation: round(r.cooperation),
          conflict: round(r.conflict),
          net: round(r.cooperation + r.conflict),
          relationships: r.count,
        })),
      evidence: heaviest(
        evidence[b] ?? [],
        (e) => e.weight,
        MAX_EVIDENCE,
        (x, y) => compare(x.relationship, y.relationship),
      ),
    };
  });
  return {
    blocs,
    frustration: {
      count: hostileInside + friendlyAcross,
      weight: round(frustration),
      hostileInside,
      friendlyAcross,
      ties,
    },
    actorCount: n,
    relationshipCount: graph.edges.length,
  };
}
