// "As of D" on the seed: the states that hold on D plus the events up to D, or only those of a
// window ending on D. Relationships, paths and the analytics read the one filter, so all three
// must agree; bad windows are refused naming the argument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const api = testApp();
afterAll(() => api.close());
beforeAll(async () => {
  await resetDatabase(api.executor);
  await seedDatabase(api.executor);
}, 120_000);

async function ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const ids = async (filter: Record<string, unknown>) =>
  (
    await ask<{ relationships: { nodes: { id: string }[] } }>(
      'query($f: RelationshipFilter) { relationships(filter: $f, first: 500) { nodes { id } } }',
      { f: filter },
    )
  ).relationships.nodes.map((n) => n.id);

const ACCUSATIONS = [
  'volodymyr-zelenskyy-accuses-north-korea-of-arming-russia-2024-10-13',
  'united-states-accuses-north-korea-of-arming-russia',
  'kim-yong-hyun-accuses-north-korea-of-sending-troops',
];
const SUMMITS = ['kim-jong-un-met-with-vladimir-putin-2023-09', 'vladimir-putin-met-with-kim-jong-un-2024-06'];
const KHARKIV = 'russia-attacked-ukraine-kharkiv-2024-01-02';
const STATES = [
  'vladimir-putin-leads-russia',
  'russia-cooperates-with-north-korea',
  'north-korea-sends-troops-to-russia',
];

describe('asOf keeps the events up to the day', () => {
  it('shows on 2024-10-20 the accusations, the summits and the Kharkiv strike beside the states', async () => {
    const shown = await ids({ asOf: '2024-10-20' });
    expect(shown).toEqual(
      expect.arrayContaining([...ACCUSATIONS, ...SUMMITS, KHARKIV, 'russia-invaded-ukraine', ...STATES]),
    );
    // The visit planned for 14–20 October had happened by then; nothing after the day is shown.
    expect(shown).toContain('joe-biden-visit-to-germany-expected-2024-10');
    expect(await ids({ asOf: '2024-10-12' })).not.toContain(
      'volodymyr-zelenskyy-accuses-north-korea-of-arming-russia-2024-10-13',
    );
  });

  it('with a window of 30 days drops the older events and keeps every state', async () => {
    const shown = await ids({ asOf: '2024-10-20', window: 30 });
    expect(shown).toEqual(expect.arrayContaining([...ACCUSATIONS, ...STATES]));
    for (const old of [...SUMMITS, KHARKIV, 'russia-invaded-ukraine']) expect(shown).not.toContain(old);
    // June's summit is inside a year's window, the Kharkiv strike (2 January) is not.
    const year = await ids({ asOf: '2024-10-20', window: 365 });
    expect(year).toContain('vladimir-putin-met-with-kim-jong-un-2024-06');
    expect(year).toContain(KHARKIV);
    expect(await ids({ asOf: '2024-10-20', window: 280 })).not.toContain(KHARKIV);
    // A month-precise event lasts its month: on 29 July, a 30-day window (from 30 June) reaches back into June.
    expect(await ids({ asOf: '2024-07-29', window: 30 })).toContain('vladimir-putin-met-with-kim-jong-un-2024-06');
    expect(await ids({ asOf: '2024-07-30', window: 30 })).not.toContain('vladimir-putin-met-with-kim-jong-un-2024-06');
  });

  it('means the same for paths and for the analytics', async () => {
    const PATH = `query($o: PathOptions) { shortestPath(from: "kim-jong-un", to: "vladimir-putin", options: $o) {
      path { length edges { id } } } }`;
    type P = { shortestPath: { path: { length: number; edges: { id: string }[] } | null } };
    const all = await ask<P>(PATH, { o: { asOf: '2024-10-20' } });
    expect(all.shortestPath.path?.length).toBe(1);
    const month = await ask<P>(PATH, { o: { asOf: '2024-10-20', window: 30 } });
    expect(month.shortestPath.path?.length).toBeGreaterThan(1);
    for (const e of month.shortestPath.path?.edges ?? []) expect(SUMMITS).not.toContain(e.id);

    for (const f of [{ asOf: '2024-10-20' }, { asOf: '2024-10-20', window: 30 }, { asOf: '2024-06-30', window: 90 }]) {
      const data = await ask<{ alliances: { relationshipCount: number }; relationships: { totalCount: number } }>(
        'query($f: RelationshipFilter) { alliances(filter: $f) { relationshipCount } relationships(filter: $f) { totalCount } }',
        { f },
      );
      expect(data.alliances.relationshipCount).toBe(data.relationships.totalCount);
    }
  });

  it('refuses a window without asOf, or out of range, naming it', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ window: 30 }, 'filter.window: needs asOf'],
      [{ asOf: '2024-10-20', window: 0 }, 'filter.window: must be between 1 and 36525, got 0'],
      [{ asOf: '2024-10-20', window: 100000 }, 'filter.window: must be between'],
    ];
    for (const [f, message] of cases) {
      const result = await api.graphql('query($f: RelationshipFilter) { relationships(filter: $f) { totalCount } }', {
        f,
      });
      expect(result.errors?.[0]?.message).toContain(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const path = await api.graphql(
      'query { shortestPath(from: "kim-jong-un", to: "russia", options: { window: 30 }) { path { length } } }',
    );
    expect(path.errors?.[0]?.message).toContain('options.window: needs asOf');
  });
});
