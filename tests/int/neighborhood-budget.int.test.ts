// The neighbourhood's budget on a hub graph: which actors and relationships are kept, what
// `truncated` and the omitted counts say, checked against a plain-code oracle of the documented
// priority; graph(limit) says what it cut; degrees stay right when relationships are retracted,
// also concurrently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const TOKEN = 'test-token-budget';
const t = testApp({ API_TOKEN: TOKEN });
const auth = { authorization: `Bearer ${TOKEN}` };
afterAll(() => t.close());

const SPOKES = 40;
const FAR = 10;
const REPEATS = 10; // meetings between the hub and spoke 1, to fill the edge budget
const pad = (i: number) => String(i).padStart(2, '0');

interface Rel {
  id: string;
  type: 'MET_WITH';
  from: string;
  to: string;
  status: 'fact';
  confidence: number;
  validFrom: string;
  validTo: null;
  summary: string;
  sources: string[];
  claimedBy: null;
  about: null;
}
const actors = [
  { id: 'hub', kind: 'Person', name: 'Hub', aliases: [], description: 'Meets everyone.' },
  ...Array.from({ length: SPOKES }, (_, i) => ({
    id: `s${pad(i)}`,
    kind: 'Person',
    name: `Spoke ${pad(i)}`,
    aliases: [],
    description: 'Met the hub.',
  })),
  ...Array.from({ length: FAR }, (_, i) => ({
    id: `f${pad(i)}`,
    kind: 'Person',
    name: `Far ${pad(i)}`,
    aliases: [],
    description: 'Two hops out.',
  })),
];
const relationships: Rel[] = [];
const meet = (from: string, to: string, confidence: number, day: number, suffix = '') =>
  relationships.push({
    id: `${from}-met-${to}${suffix}`,
    type: 'MET_WITH',
    from,
    to,
    status: 'fact',
    confidence,
    validFrom: `2020-01-${pad(day)}`,
    validTo: null,
    summary: 'A meeting.',
    sources: ['src'],
    claimedBy: null,
    about: null,
  });
for (let i = 0; i < SPOKES; i++) meet('hub', `s${pad(i)}`, 0.5 + (i % 5) / 10, 1 + (i % 28));
for (let i = 0; i + 1 < SPOKES; i++) meet(`s${pad(i)}`, `s${pad(i + 1)}`, 0.6, 2);
for (let i = 0; i < FAR; i++) meet(`s${pad(i)}`, `f${pad(i)}`, 0.7, 3);
for (let k = 0; k < REPEATS; k++) meet('hub', 's01', 0.5 + k / 25, 4 + k, `-${k}`);
const bundle = {
  format: 'actor-graph-bundle',
  version: 1,
  actors,
  sources: [{ id: 'src', title: 'Minutes', publisher: 'Test', published: '2020-02-01', url: null, kind: 'article' }],
  relationships,
};

/** The documented budget, in plain code: what neighborhood(id, depth, limit) should answer. */
function oracle(id: string, depth: number, limit: number) {
  const name = new Map(actors.map((a) => [a.id, a.name]));
  const degree = new Map<string, number>();
  const adjacent = new Map<string, Set<string>>();
  for (const r of relationships) {
    for (const [a, b] of [
      [r.from, r.to],
      [r.to, r.from],
    ] as const) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      adjacent.set(a, (adjacent.get(a) ?? new Set()).add(b));
    }
  }
  const hops = new Map([[id, 0]]);
  let frontier = [id];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const a of frontier)
      for (const b of adjacent.get(a) ?? [])
        if (!hops.has(b)) {
          hops.set(b, d);
          next.push(b);
        }
    frontier = next;
  }
  const reached = [...hops.keys()].filter((a) => a !== id);
  const key = (a: string) => [hops.get(a) ?? 0, -(degree.get(a) ?? 0), name.get(a) ?? ''] as const;
  reached.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1);
  });
  const kept = new Set([id, ...reached.slice(0, limit)]);
  const inside = (a: string) => hops.has(a);
  const touching = relationships.filter((r) => (kept.has(r.from) || kept.has(r.to)) && inside(r.from) && inside(r.to));
  const among = touching
    .filter((r) => kept.has(r.from) && kept.has(r.to))
    .sort((a, b) => b.confidence - a.confidence || (a.validFrom < b.validFrom ? 1 : -1) || (a.id < b.id ? -1 : 1))
    .slice(0, 4 * limit);
  return {
    nodes: [...kept].sort(),
    edges: among.map((r) => r.id).sort(),
    omittedNodes: reached.length - (kept.size - 1),
    omittedEdges: touching.length - among.length,
  };
}

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    nodes { id degree } edges { id } truncated omittedNodes omittedEdges } }`;

async function neighborhood(id: string, depth: number, limit?: number) {
  const result = await t.graphql<{
    neighborhood: {
      nodes: { id: string; degree: number }[];
      edges: { id: string }[];
      truncated: boolean;
      omittedNodes: number;
      omittedEdges: number;
    };
  }>(NEIGHBORHOOD, { id, depth, limit });
  expect(result.errors).toBeUndefined();
  const answer = result.data?.neighborhood;
  if (!answer) throw new Error('no neighbourhood');
  return answer;
}

beforeAll(async () => {
  await resetDatabase(t.executor);
  await importBundle(t.executor, bundle);
});

describe('neighborhood within a budget', () => {
  for (const [depth, limit] of [
    [1, 10],
    [1, 2],
    [1, 1],
    [2, 45],
    [2, 5],
    [2, 100],
  ] as const) {
    it(`keeps what the documented priority keeps, and counts the rest (depth ${depth}, limit ${limit})`, async () => {
      const answer = await neighborhood('hub', depth, limit);
      const expected = oracle('hub', depth, limit);
      expect({
        nodes: answer.nodes.map((n) => n.id).sort(),
        edges: answer.edges.map((e) => e.id).sort(),
        omittedNodes: answer.omittedNodes,
        omittedEdges: answer.omittedEdges,
      }).toEqual(expected);
      expect(answer.truncated).toBe(expected.omittedNodes + expected.omittedEdges > 0);
    });
  }

  it('cuts the relationships to four per kept actor, the most confident first', async () => {
    const answer = await neighborhood('hub', 1, 1);
    expect(answer.nodes.map((n) => n.id).sort()).toEqual(['hub', 's01']);
    expect(answer.edges).toHaveLength(4);
    expect(answer.truncated).toBe(true);
    // Spoke 1 meets the hub REPEATS + 1 times; the four kept are the most confident of those.
    const between = relationships.filter((r) => r.from === 'hub' && r.to === 's01');
    const best = between.sort((a, b) => b.confidence - a.confidence).slice(0, 4);
    expect(answer.edges.map((e) => e.id).sort()).toEqual(best.map((r) => r.id).sort());
  });

  it('says nothing was cut when everything fits', async () => {
    const answer = await neighborhood('f03', 1);
    expect(answer).toMatchObject({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
    expect(answer.nodes.map((n) => n.id).sort()).toEqual(['f03', 's03']);
  });

  it('refuses a budget outside 1..2000, naming the argument', async () => {
    for (const limit of [0, 2001]) {
      const result = await t.graphql(NEIGHBORHOOD, { id: 'hub', depth: 1, limit });
      expect(result.errors?.[0]?.message).toMatch(/^limit: /);
      expect(result.data ?? null).toBeNull();
    }
  });
});

describe('graph(limit) says what it cut', () => {
  it('counts the relationships and actors past the limit', async () => {
    const result = await t.graphql<{
      graph: {
        nodes: { id: string }[];
        edges: { id: string }[];
        truncated: boolean;
        omittedNodes: number;
        omittedEdges: number;
      };
    }>('{ graph(limit: 5) { nodes { id } edges { id } truncated omittedNodes omittedEdges } }');
    expect(result.errors).toBeUndefined();
    const graph = result.data?.graph;
    expect(graph?.edges).toHaveLength(5);
    expect(graph?.truncated).toBe(true);
    expect(graph?.omittedEdges).toBe(relationships.length - 5);
    expect(graph?.omittedNodes).toBe(actors.length - (graph?.nodes.length ?? 0));
    const all = await t.graphql<{ graph: { truncated: boolean; omittedEdges: number } }>(
      '{ graph(limit: 5000) { truncated omittedNodes omittedEdges } }',
    );
    expect(all.data?.graph).toEqual({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });
});

describe('degrees', () => {
  it('stay the count of live relationships when several are retracted at once', async () => {
    const before = await neighborhood('hub', 1, 1);
    const hubDegree = before.nodes.find((n) => n.id === 'hub')?.degree;
    expect(hubDegree).toBe(SPOKES + REPEATS);
    const retract = relationships.filter((r) => r.from === 'hub').slice(0, 8);
    const results = await Promise.all(
      retract.map((r) =>
        t.graphql(`mutation($id: ID!) { retractRelationship(id: $id, reason: "Test.") { id } }`, { id: r.id }, auth),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    // Retracting one again changes nothing.
    await t.graphql(
      `mutation($id: ID!) { retractRelationship(id: $id, reason: "Again.") { id } }`,
      {
        id: retract[0]?.id,
      },
      auth,
    );
    const after = await t.graphql<{ actor: { degree: number }; stats: { mostConnected: { degree: number }[] } }>(
      '{ actor(id: "hub") { degree } stats(top: 1) { mostConnected { degree } } }',
    );
    expect(after.errors).toBeUndefined();
    expect(after.data?.actor.degree).toBe(SPOKES + REPEATS - 8);
    expect(after.data?.stats.mostConnected[0]?.degree).toBe(SPOKES + REPEATS - 8);
  });
});
