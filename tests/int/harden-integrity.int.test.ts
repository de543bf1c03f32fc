// Data integrity under concurrency and round trips (issue 14): relationship ids unique across all
// types however writes race, and the registry that makes them so kept for graphs written before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { applySchema } from '../../server/db/schema.js';
import { importBundle } from '../../server/import/import-bundle.js';
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.js';
import { openExecutor, resetDatabase, testConfig } from '../helpers/db.js';

const TOKEN = 'integrity-token-5b2e90c4a1d7';
const config = testConfig({ API_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
const executor = openExecutor(config);
const app = createApp({ config, executor });
afterAll(() => executor.close());

// biome-ignore lint/suspicious/noExplicitAny: responses are read by their known shape
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
async function call(query: string, variables: unknown = {}): Promise<Body> {
  const response = await app.fetch('http://actor-graph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Body;
}

/** Country-to-country types that need no `about`: eight writers, eight different types. */
const TYPES = [
  'ALLIED_WITH',
  'ATTACKED',
  'CONDEMNS',
  'COOPERATES_WITH',
  'GRANTS_PERMISSION_TO',
  'INVADED',
  'PLEDGES_SUPPORT_TO',
  'REQUESTS_AID_FROM',
] as const;

const ADD = 'mutation($input: RelationshipInput!) { addRelationship(input: $input) { id type from { id } } }';

async function storedUnder(id: string): Promise<{ type: string; n: number }[]> {
  const rows = await executor.read(
    'MATCH ()-[r {id: $id}]->() RETURN type(r) AS type, count(*) AS n',
    { id },
    { operation: 'test-stored-under' },
  );
  return rows.map((r) => ({ type: String(r.type), n: Number(r.n) }));
}

beforeAll(async () => {
  await resetDatabase(executor);
  await importBundle(executor, {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [
      { id: 'race-a', kind: 'Country', name: 'Race A' },
      { id: 'race-b', kind: 'Country', name: 'Race B' },
    ],
    sources: [{ id: 'race-source', title: 'Race', publisher: 'Test', published: '2024-01-01', kind: 'article' }],
    relationships: [],
  });
});

describe('relationship ids under concurrency', () => {
  it('stores exactly one relationship per id when 8 writes of different types race, 20 rounds', async () => {
    const write = (id: string, type: string) =>
      call(ADD, {
        input: {
          id,
          type,
          from: 'race-a',
          to: 'race-b',
          status: 'fact',
          confidence: 0.9,
          summary: `${id}, ${type}.`,
          sources: ['race-source'],
        },
      });
    for (let round = 0; round < 20; round += 1) {
      const id = `race-${round}`;
      const raced = await Promise.all(TYPES.map((type) => write(id, type)));
      expect((await storedUnder(id)).length, `round ${round}`).toBeLessThanOrEqual(1);
      // On this shared machine a racing write may run out of time; a client retries those (at most 3 times).
      let results = raced;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        results = await Promise.all(
          results.map((r, i) =>
            r.errors?.some((e) => e.extensions?.code === 'TIMEOUT') ? write(id, TYPES[i] as string) : r,
          ),
        );
      }
      const stored = await storedUnder(id);
      expect(stored, `round ${round}`).toHaveLength(1);
      expect(stored[0]?.n).toBe(1);
      // Whoever succeeded says what was stored; every other names the stored type.
      for (const r of results) {
        if (!r.errors) expect(r.data.addRelationship.type).toBe(stored[0]?.type);
        else {
          expect(r.errors[0]?.extensions?.code, JSON.stringify(r.errors)).toMatch(
            /^(CONFLICT|BAD_USER_INPUT|TIMEOUT)$/,
          );
          if (r.errors[0]?.extensions?.code !== 'TIMEOUT')
            expect(r.errors[0]?.message).toContain(String(stored[0]?.type));
        }
      }
    }
  }, 600_000);

  it('refuses an id already stored under another type in a bundle import, writing nothing', async () => {
    const result = await call('mutation($b: JSON!) { importBundle(bundle: $b) { relationships } }', {
      b: {
        format: 'actor-graph-bundle',
        version: 1,
        actors: [],
        sources: [],
        relationships: [
          {
            id: 'race-0',
            type: 'ALLIED_WITH',
            from: 'race-b',
            to: 'race-a',
            status: 'fact',
            confidence: 0.9,
            summary: 'Moved.',
            sources: ['race-source'],
          },
        ],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toMatch(/CONFLICT|BAD_USER_INPUT/);
    expect(await storedUnder('race-0')).toHaveLength(1);
  });

  it('registers the ids of relationships written before the registry existed', async () => {
    await executor.write(
      `MATCH (a:Actor {id: 'race-a'}), (b:Actor {id: 'race-b'})
       CREATE (a)-[:CONDEMNS {id: 'legacy-1', status: 'fact', confidence: 0.5, summary: 'Old.', sources: ['race-source'], knownSince: date('2024-01-01')}]->(b)`,
      {},
      { operation: 'test-legacy' },
    );
    await applySchema(executor, RELATIONSHIP_TYPES);
    const [row] = await executor.read(
      'MATCH (k:RelationshipId {id: $id}) RETURN k.type AS type, k.from AS from, k.to AS to',
      { id: 'legacy-1' },
      { operation: 'test-registry' },
    );
    expect(row).toEqual({ type: 'CONDEMNS', from: 'race-a', to: 'race-b' });
    const again = await call(ADD, {
      input: {
        id: 'legacy-1',
        type: 'ATTACKED',
        from: 'race-a',
        to: 'race-b',
        status: 'fact',
        confidence: 0.9,
        summary: 'Other type.',
        sources: ['race-source'],
      },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await storedUnder('legacy-1')).toEqual([{ type: 'CONDEMNS', n: 1 }]);
  });
});
