// The graph version on a real Neo4j: every data write bumps it in its own transaction, a refused
// write does not, concurrent writers never lose a bump, and an emptied database starts a new epoch.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readGraphVersion } from '../../server/db/graph-version.js';
import { importBundle } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const TOKEN = 'test-token-graph-version';
const api = testApp({ API_TOKEN: TOKEN });
afterAll(() => api.close());
beforeEach(() => resetDatabase(api.executor));

const auth = { authorization: `Bearer ${TOKEN}` };
const country = (id: string) => ({ id, kind: 'Country', name: id.toUpperCase(), aliases: [], description: null });
const bundle = (actors: object[], relationships: object[] = []) => ({
  format: 'actor-graph-bundle',
  version: 1,
  actors,
  sources: [{ id: 's', title: 'Report', publisher: 'Wire', published: '2024-01-10', url: null, kind: 'article' }],
  relationships,
});
const attack = {
  id: 'aa-attacked-bb',
  type: 'ATTACKED',
  from: 'aa',
  to: 'bb',
  status: 'fact',
  confidence: 0.9,
  validFrom: '2024-01-02',
  validTo: '2024-01-02',
  summary: 'AA struck BB.',
  sources: ['s'],
  claimedBy: null,
  about: null,
};
const counter = (version: string) => Number(version.split(':')[1]);
const epoch = (version: string) => version.split(':')[0];

describe('graph version', () => {
  it('is none on an empty database and moves with every import, in the same epoch', async () => {
    expect(await readGraphVersion(api.executor)).toBe('none');
    await importBundle(api.executor, bundle([country('aa'), country('bb')]));
    const first = await readGraphVersion(api.executor);
    expect(first).toMatch(/^[0-9a-f-]{36}:1$/);
    await importBundle(api.executor, bundle([country('aa'), country('bb')], [attack]));
    const second = await readGraphVersion(api.executor);
    expect(epoch(second)).toBe(epoch(first));
    expect(counter(second)).toBe(2);
  });

  it('does not move when a write is refused, and moves when the API retracts', async () => {
    await importBundle(api.executor, bundle([country('aa'), country('bb')], [attack]));
    const before = await readGraphVersion(api.executor);
    await expect(importBundle(api.executor, bundle([], [{ ...attack, id: 'x', to: 'zz' }]))).rejects.toThrow(
      /unknown actor/,
    );
    const missing = await api.graphql('mutation { retractRelationship(id: "nope", reason: "test") { id } }', {}, auth);
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await readGraphVersion(api.executor)).toBe(before);

    const retracted = await api.graphql(
      'mutation { retractRelationship(id: "aa-attacked-bb", reason: "wrong day") { id retractedAt } }',
      {},
      auth,
    );
    expect(retracted.errors).toBeUndefined();
    expect(counter(await readGraphVersion(api.executor))).toBe(counter(before) + 1);
  });

  it('counts every one of concurrent writers', async () => {
    await importBundle(api.executor, bundle([country('aa')]));
    const before = counter(await readGraphVersion(api.executor));
    const writers = Array.from({ length: 8 }, (_, i) =>
      api.graphql(
        'mutation($input: ActorInput!) { upsertActor(input: $input) { id } }',
        { input: { id: `writer-${i}`, kind: 'Country', name: `Writer ${i}` } },
        auth,
      ),
    );
    for (const result of await Promise.all(writers)) expect(result.errors).toBeUndefined();
    expect(counter(await readGraphVersion(api.executor))).toBe(before + 8);
  });

  it('starts a new epoch when the database is emptied and written again', async () => {
    await importBundle(api.executor, bundle([country('aa')]));
    const old = await readGraphVersion(api.executor);
    await resetDatabase(api.executor);
    expect(await readGraphVersion(api.executor)).toBe('none');
    await importBundle(api.executor, bundle([country('aa')]));
    const fresh = await readGraphVersion(api.executor);
    expect(counter(fresh)).toBe(1);
    expect(epoch(fresh)).not.toBe(epoch(old));
  });
});
