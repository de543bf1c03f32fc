// A dyad: the history of one pair of actors, period by period, GDELT-style: the cooperation sum
// (positive scores), the conflict sum (negative scores) and the net. Each relationship counts in
// the period of its day (valid start, or lacking one its knowledge time), once, whichever way it
// points. Claims count where they fall: a claim between the two scores as itself; a claim by one
// about something the other does is listed with score 0, since it is aimed at the party it names
// (an accuser's target, a denial's claimant), where the signed graph counts it. Pure.

import { relationshipType } from '../model/vocabulary.js';
import { compare, itemsOf, MEMBERSHIP_TYPES, round, type SignedGraph, type WeightedEdge } from './signed-graph.js';

export type Bucket = 'MONTH' | 'YEAR';

export interface DyadEvent {
  readonly relationship: string;
  readonly score: number;
  /** True when it joins the two sides; false for a claim by one side about the other's act. */
  readonly direct: boolean;
  readonly day: string;
}

export interface DyadPeriod {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly cooperation: number;
  readonly conflict: number;
  readonly net: number;
  readonly events: readonly DyadEvent[];
}

export interface Dyad {
  readonly cooperation: number;
  readonly conflict: number;
  readonly net: number;
  readonly periods: readonly DyadPeriod[];
}

export interface DyadOptions {
  readonly bucket: Bucket;
  /** Count the relationships of each side's members (leaders, officials, bodies) as the side's. */
  readonly withMembers: boolean;
}

const MEMBERSHIP = new Set(MEMBERSHIP_TYPES);

/** The actor and, when asked, its members: the `from` ends of memberships pointing at it. */
function side(graph: SignedGraph, actor: number, withMembers: boolean): Set<number> {
  const out = new Set([actor]);
  if (!withMembers) return out;
  for (const i of itemsOf(graph.edgesOf, actor)) {
    const e = graph.edges[i];
    if (e && MEMBERSHIP.has(e.type) && e.v === actor) out.add(e.u);
  }
  return out;
}

/** The actors who do what a relationship says: its `from`, or both ends of a symmetric type. */
function doers(claimed: { type: string; from: string; to: string }): string[] {
  return relationshipType(claimed.type)?.directed === false ? [claimed.from, claimed.to] : [claimed.from];
}

export function periodOf(day: string, bucket: Bucket): { period: string; start: string; end: string } {
  if (bucket === 'YEAR') {
    const year = day.slice(0, 4);
    return { period: year, start: `${year}-01-01`, end: `${year}-12-31` };
  }
  const month = day.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { period: month, start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** The pair's history; `a` and `b` are node indices of the graph and differ. */
export function dyad(graph: SignedGraph, a: number, b: number, options: DyadOptions): Dyad {
  const sideA = side(graph, a, options.withMembers);
  sideA.delete(b);
  const sideB = side(graph, b, options.withMembers);
  for (const v of sideA) sideB.delete(v);
  const sideOf = (v: number) => (sideA.has(v) ? 'a' : sideB.has(v) ? 'b' : null);

  const events = new Map<string, DyadEvent>();
  const add = (e: WeightedEdge, direct: boolean) => {
    if (!events.has(e.id))
      events.set(e.id, { relationship: e.id, score: direct ? round(e.score) : 0, direct, day: e.day });
  };
  for (const v of [...sideA, ...sideB]) {
    for (const i of itemsOf(graph.edgesOf, v)) {
      const e = graph.edges[i];
      if (e === undefined) continue;
      const from = sideOf(e.u);
      const to = sideOf(e.v);
      if (from !== null && to !== null && from !== to) {
        add(e, true);
        continue;
      }
      // A claim made by this side about something the other side does.
      if (e.about === null || e.u !== v || from === null) continue;
      const claimed = graph.claimed.get(e.about);
      if (claimed === undefined) continue;
      const other = from === 'a' ? sideB : sideA;
      if (doers(claimed).some((id) => other.has(graph.index.get(id) ?? -1))) add(e, false);
    }
  }

  const periods = new Map<string, { period: string; start: string; end: string; events: DyadEvent[] }>();
  for (const event of events.values()) {
    const p = periodOf(event.day, options.bucket);
    const entry = periods.get(p.period) ?? { ...p, events: [] };
    entry.events.push(event);
    periods.set(p.period, entry);
  }
  let cooperation = 0;
  let conflict = 0;
  const out = [...periods.values()]
    .sort((x, y) => compare(x.period, y.period))
    .map((p) => {
      const sorted = p.events.sort((x, y) => compare(x.day, y.day) || compare(x.relationship, y.relationship));
      const co = sorted.reduce((sum, e) => sum + Math.max(0, e.score), 0);
      const cf = sorted.reduce((sum, e) => sum + Math.min(0, e.score), 0);
      cooperation += co;
      conflict += cf;
      return { ...p, events: sorted, cooperation: round(co), conflict: round(cf), net: round(co + cf) };
    });
  return {
    cooperation: round(cooperation),
    conflict: round(conflict),
    net: round(cooperation + conflict),
    periods: out,
  };
}
