// Centrality: degree, PageRank and betweenness of server/analytics against graphology-metrics' own
// on random graphs, the seeded estimate above the exact limit, and the seed's ranks.

import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { BETWEENNESS_SAMPLE, centrality, sample } from '../../server/analytics/centrality.js';
import { seededRandom } from '../../server/analytics/random.js';
import { type ProjectedEdge, type SignedGraph, signedGraph } from '../../server/analytics/signed-graph.js';
import { projectionOf, seedBundle } from './analytics-fixtures.js';

type Scores = Record<string, number>;
const require = createRequire(import.meta.url);
const metrics = {
  betweenness: require('graphology-metrics/centrality/betweenness.js') as (
    g: UndirectedGraph,
    o: { getEdgeWeight: null; normalized: boolean },
  ) => Scores,
  pagerank: require('graphology-metrics/centrality/pagerank.js') as (
    g: UndirectedGraph,
    o: { getEdgeWeight: string },
  ) => Scores,
  degree: (require('graphology-metrics/centrality/degree.js') as { degreeCentrality: (g: UndirectedGraph) => Scores })
    .degreeCentrality,
};

/** A random graph of n countries with about m relationships, some pairs repeated, some isolated. */
function randomGraph(seed: number, n: number, m: number): SignedGraph {
  const random = seededRandom(seed);
  const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
  const edges: ProjectedEdge[] = [];
  for (let i = 0; i < m; i++) {
    const from = ids[Math.floor(random() ** 2 * n)] as string; // skewed: a few hubs
    const to = ids[Math.floor(random() * n)] as string;
    edges.push({
      id: `r${i}`,
      type: 'COOPERATES_WITH',
      from,
      to,
      status: 'fact',
      confidence: 1,
      day: '2024-01-01',
      about: null,
    });
  }
  return signedGraph({
    actors: ids.map((id) => ({ id, kind: 'Country', name: id, aliases: [], description: null })),
    edges,
    claimed: new Map(),
  });
}

function graphologyOf(graph: SignedGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  graph.ids.forEach((id) => {
    g.addNode(id);
  });
  for (const p of graph.pairs) g.addEdge(graph.ids[p.u], graph.ids[p.v], { count: p.end - p.first });
  return g;
}

describe('degree and PageRank', () => {
  for (const seed of [1, 2]) {
    it(`equal graphology-metrics' (random graph ${seed}, PageRank weighted by relationships per link)`, () => {
      const graph = randomGraph(seed, 150, 400);
      const g = graphologyOf(graph);
      const [degree, pagerank] = [metrics.degree(g), metrics.pagerank(g, { getEdgeWeight: 'count' })];
      const ours = { degree: centrality(graph, 'DEGREE'), pagerank: centrality(graph, 'PAGERANK') };
      graph.ids.forEach((id, i) => {
        expect(ours.degree.scores[i], id).toBeCloseTo(degree[id] ?? Number.NaN, 12);
        expect(ours.pagerank.scores[i], id).toBeCloseTo(pagerank[id] ?? Number.NaN, 9);
      });
    });
  }
});

describe('betweenness', () => {
  for (const seed of [1, 2, 3]) {
    it(`equals graphology-metrics' exact betweenness (random graph ${seed})`, () => {
      const graph = randomGraph(seed, 120, 300);
      const ours = centrality(graph, 'BETWEENNESS');
      expect(ours).toMatchObject({ exact: true, sampled: null });
      const theirs = metrics.betweenness(graphologyOf(graph), { getEdgeWeight: null, normalized: true });
      graph.ids.forEach((id, i) => {
        expect(ours.scores[i], id).toBeCloseTo(theirs[id] ?? Number.NaN, 9);
      });
    });
  }

  it('is estimated from a seeded sample above the exact limit, says how many, and finds the same hubs', () => {
    const graph = randomGraph(4, 400, 1200);
    const exact = centrality(graph, 'BETWEENNESS');
    const estimate = centrality(graph, 'BETWEENNESS', 100);
    expect(estimate).toMatchObject({ exact: false, sampled: BETWEENNESS_SAMPLE });
    expect(centrality(graph, 'BETWEENNESS', 100).scores).toEqual(estimate.scores);
    const top = (r: typeof exact, k: number) => new Set([...r.order.slice(0, k)]);
    const shared = [...top(estimate, 10)].filter((v) => top(exact, 10).has(v)).length;
    expect(shared).toBeGreaterThanOrEqual(8);
    const hub = exact.order[0] as number;
    expect(Math.abs((estimate.scores[hub] as number) - (exact.scores[hub] as number))).toBeLessThan(
      0.25 * (exact.scores[hub] as number),
    );
  });

  it('samples distinct sources, all of them in order when the sample is as large as the graph', () => {
    const s = sample(1000, 50);
    expect(new Set(s).size).toBe(50);
    expect([...s].every((v) => v >= 0 && v < 1000)).toBe(true);
    expect([...sample(5, 10)]).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('on the seed', () => {
  const graph = signedGraph(projectionOf(seedBundle()));
  const top = (measure: 'DEGREE' | 'BETWEENNESS' | 'PAGERANK') => {
    const r = centrality(graph, measure);
    return [...r.order.slice(0, 3)].map((v) => [graph.ids[v], r.scores[v]]);
  };

  it('ranks North Korea first by degree: it has relationships with 8 of the 10 others', () => {
    expect(top('DEGREE')[0]).toEqual(['north-korea', 0.8]);
  });

  it('ranks by PageRank shares that add up to one', () => {
    const r = centrality(graph, 'PAGERANK');
    expect(r.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(top('PAGERANK')[0]?.[0]).toBe('north-korea');
  });
});
