// The signed graph: weights read from the vocabulary for every type, memberships, pairs summed
// whichever way their relationships point, and what is left out.
import { describe, expect, it } from 'vitest';
import {
  MEMBERSHIP_TYPES,
  MEMBERSHIP_WEIGHT,
  type ProjectedEdge,
  signedGraph,
  weigh,
} from '../../server/analytics/signed-graph.js';
import { relationshipType, vocabulary } from '../../server/model/vocabulary.js';
import { projectionOf, seedBundle } from './analytics-fixtures.js';

const actor = (id: string) => ({ id, kind: 'Country', name: id, aliases: [], description: null });
const rel = (id: string, type: string, from: string, to: string, confidence = 1, status = 'fact'): ProjectedEdge => ({
  id,
  type,
  from,
  to,
  status,
  confidence,
  day: '2024-01-01',
  about: null,
});

describe('weights', () => {
  it("give every type of the vocabulary its own weight × confidence, or none, or a membership's", () => {
    for (const t of vocabulary.relationshipTypes) {
      const w = weigh(t.type, 0.5);
      if (MEMBERSHIP_TYPES.includes(t.type)) {
        expect(w, t.type).toEqual({ kind: 'membership', weight: MEMBERSHIP_WEIGHT * 0.5, score: 0 });
      } else if (t.weight === null) {
        expect(w, t.type).toEqual({ kind: 'unweighted', weight: 0, score: 0 });
      } else {
        expect(w, t.type).toEqual({ kind: 'act', weight: t.weight * 0.5, score: t.weight * 0.5 });
      }
    }
  });

  it('count a claim between its claimant and its target with the claim type’s own weight', () => {
    const accuses = vocabulary.relationshipTypes.find((t) => t.type === 'ACCUSES');
    expect(weigh('ACCUSES', 0.95).weight).toBeCloseTo((accuses?.weight ?? Number.NaN) * 0.95);
    expect(weigh('ACCUSES', 0.95).weight).toBeLessThan(0);
  });

  it('take the membership types from the vocabulary', () => {
    expect([...MEMBERSHIP_TYPES].sort()).toEqual(['LEADS', 'PART_OF', 'SERVES_IN']);
  });

  it('count a planned act half and a cancelled or denied one not at all', () => {
    const visit = relationshipType('VISITED')?.weight ?? Number.NaN;
    expect(weigh('VISITED', 0.8, 'planned')).toEqual({ kind: 'act', weight: visit * 0.4, score: visit * 0.4 });
    expect(weigh('VISITED', 0.8, 'cancelled').weight).toBe(0);
    expect(weigh('SUPPLIES_ARMS_TO', 0.3, 'denied').weight).toBe(0);
    expect(weigh('SUPPLIES_ARMS_TO', 0.6, 'alleged').weight).toBeCloseTo(8.3 * 0.6);
    const graph = signedGraph({
      actors: [actor('a'), actor('b')],
      edges: [rel('v1', 'VISITED', 'a', 'b', 1, 'cancelled'), rel('v2', 'VISITED', 'b', 'a', 1, 'planned')],
      claimed: new Map(),
    });
    expect(graph.pairs[0]?.weight).toBeCloseTo(visit * 0.5);
  });
});

describe('signedGraph', () => {
  it('sums the relationships of a pair into one tie, whichever way they point', () => {
    const graph = signedGraph({
      actors: ['x', 'y', 'z', 'lonely'].map(actor),
      edges: [
        rel('a', 'SUPPLIES_ARMS_TO', 'x', 'y', 0.5),
        rel('b', 'ACCUSES', 'y', 'x', 1),
        rel('c', 'SENDS_TROOPS_TO', 'y', 'z'),
        rel('self', 'ATTACKED', 'z', 'z'),
      ],
      claimed: new Map(),
    });
    expect(graph.ids).toEqual(['x', 'y', 'z']);
    const xy = graph.pairs.find((p) => graph.ids[p.u] === 'x' && graph.ids[p.v] === 'y');
    expect(xy?.weight).toBeCloseTo(8.3 * 0.5 - 2);
    expect(graph.edges.slice(xy?.first, xy?.end).map((e) => e.id)).toEqual(['a', 'b']);
    // A relationship without a weight links its ends (for centrality) but is no tie.
    const yz = graph.pairs.find((p) => graph.ids[p.u] === 'y' && graph.ids[p.v] === 'z');
    expect(yz?.weight).toBe(0);
    expect(graph.strength[graph.index.get('y') ?? -1]).toBeCloseTo(Math.abs(8.3 * 0.5 - 2));
  });

  it('ties the seed’s leaders and officials to their states at the membership weight', () => {
    const graph = signedGraph(projectionOf(seedBundle()));
    const tie = (a: string, b: string) =>
      graph.pairs.find(
        (p) => (graph.ids[p.u] === a && graph.ids[p.v] === b) || (graph.ids[p.u] === b && graph.ids[p.v] === a),
      )?.weight;
    expect(tie('vladimir-putin', 'russia')).toBeCloseTo(MEMBERSHIP_WEIGHT * 0.99);
    expect(tie('kim-yong-hyun', 'south-korea')).toBeCloseTo(MEMBERSHIP_WEIGHT * 0.98);
    // The UN monitors only claim; with no relationship of their own they are not in the graph.
    expect(graph.index.has('un-sanctions-monitors')).toBe(false);
  });
});
