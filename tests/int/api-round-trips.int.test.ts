// Round trips to Neo4j per GraphQL request, counted through the real driver (the executor's
// onQuery hook): a deeply nested query costs a few queries, one per nesting level at most, and
// the count does not grow when the graph does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SEED, importBundle, seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

let queries = 0;
const t = testApp({}, () => {
  queries += 1;
});
afterAll(() => t.close());
beforeAll(async () => {
  await resetDatabase(t.executor);
  await seedDatabase(t.executor, [BASE_SEED]);
});

async function roundTrips(query: string): Promise<{ trips: number; data: Record<string, any> }> {
  queries = 0;
  const result = await t.graphql<Record<string, any>>(query);
  expect(result.errors).toBeUndefined();
  return { trips: queries, data: result.data ?? {} };
}

// Nested pages are bounded, as the cost budget asks of any client (docs/security.md).
const NESTED = `{ relationships(first: 500) { totalCount nodes { id sentence
  from { name degree relationships(first: 10) { id sources { id } to { name } } }
  to { name }
  claims { claimedBy { name } from { name } about { id to { name } } }
  about { id from { name } }
  claimedBy { name }
  disputed
  sources { title relationships(first: 10) { id } } } } }`;

/** n more actors, each with an alleged arms supply, an accusation and a denial about it. */
function growth(n: number) {
  const actors = Array.from({ length: n }, (_, i) => ({ id: `grow-${i}`, kind: 'Country', name: `Growland ${i}` }));
  const relationships = actors.flatMap((a) => [
    {
      id: `${a.id}-arms`,
      type: 'SUPPLIES_ARMS_TO',
      from: a.id,
      to: 'russia',
      status: 'alleged',
      confidence: 0.5,
      summary: `${a.name} is said to supply arms to Russia.`,
      sources: ['grow-report'],
      claimedBy: 'ukraine',
    },
    {
      id: `${a.id}-accused`,
      type: 'ACCUSES',
      from: 'ukraine',
      to: a.id,
      status: 'fact',
      confidence: 0.9,
      summary: `Ukraine accuses ${a.name}.`,
      sources: ['grow-report'],
      about: `${a.id}-arms`,
    },
    {
      id: `${a.id}-denies`,
      type: 'DENIES',
      from: a.id,
      to: 'ukraine',
      status: 'fact',
      confidence: 0.9,
      summary: `${a.name} denies it.`,
      sources: ['grow-report'],
      about: `${a.id}-arms`,
    },
  ]);
  return {
    format: 'actor-graph-bundle',
    version: 1,
    actors,
    sources: [
      { id: 'grow-report', title: 'Growth report', publisher: 'Test Wire', published: '2024-12-01', kind: 'report' },
    ],
    relationships,
  };
}

describe('round trips per request', () => {
  it('resolves a deeply nested query over the whole graph in a few queries that do not grow with the data', async () => {
    const small = await roundTrips(NESTED);
    expect(small.data.relationships.totalCount).toBe(27);
    // relationships + Actor.relationships + claims + about + claimedBy actors + Source.relationships
    expect(small.trips).toBeLessThanOrEqual(6);

    await importBundle(t.executor, growth(40));
    const large = await roundTrips(NESTED);
    expect(large.data.relationships.totalCount).toBe(27 + 120);
    expect(large.trips).toBe(small.trips);
    const disputed = large.data.relationships.nodes.filter((r: { disputed: boolean }) => r.disputed);
    expect(disputed.length).toBe(2 + 40);
  });

  it('answers each flat root field in one query', async () => {
    for (const query of [
      '{ actors(first: 500) { totalCount nodes { id degree } } }',
      '{ actors(filter: {search: "Grow"}) { totalCount nodes { name } } }',
      '{ relationships(first: 500) { nodes { from { name } to { name } sources { title } sentence } } }',
      '{ graph { nodes { id degree } edges { id from { id } to { id } sources { id } } } }',
      '{ neighborhood(id: "russia", depth: 2) { nodes { id } edges { from { name } to { name } } } }',
      '{ disputed { id from { name } to { name } } }',
      '{ timeline(actor: "russia") { totalCount nodes { id from { name } to { name } } } }',
      '{ stats { actors mostConnected { actor { name degree } degree } } }',
      '{ sources { id title } }',
    ]) {
      expect({ query, trips: (await roundTrips(query)).trips }).toEqual({ query, trips: 1 });
    }
    expect((await roundTrips('{ relationshipTypes { type } }')).trips).toBe(0);
  });
});
