// Valid time (asOf, between) against knowledge time (knownOn) on a small bundle where they differ:
// things that held long before anyone reported them, and plans reported before they happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const t = testApp();
afterAll(() => t.close());

const country = (id: string) => ({ id, kind: 'Country', name: id.toUpperCase() });
const rel = (id: string, type: string, extra: Record<string, unknown>) => ({
  id,
  type,
  from: 'aa',
  to: 'bb',
  status: 'fact',
  confidence: 0.9,
  summary: `Relationship ${id}.`,
  ...extra,
});

beforeAll(async () => {
  await resetDatabase(t.executor);
  await importBundle(t.executor, {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [country('aa'), country('bb')],
    sources: [
      { id: 'march', title: 'March report', publisher: 'Wire', published: '2024-03-01', kind: 'report' },
      { id: 'september', title: 'September report', publisher: 'Wire', published: '2024-09-01', kind: 'report' },
    ],
    relationships: [
      // Held since 2023, but first reported in September 2024.
      rel('old-secret', 'SUPPLIES_ARMS_TO', { validFrom: '2023-01', sources: ['september'] }),
      // Reported in March 2024 as planned for May 2024.
      rel('may-visit', 'VISITED', { status: 'planned', validFrom: '2024-05', validTo: '2024-05', sources: ['march'] }),
      // Held 2022 to June 2023, reported in March 2024.
      rel('past-cooperation', 'COOPERATES_WITH', { validFrom: '2022', validTo: '2023-06', sources: ['march'] }),
    ],
  });
});

const ids = async (filter: Record<string, unknown>) => {
  const result = await t.graphql<{ relationships: { nodes: { id: string }[] } }>(
    'query($f: RelationshipFilter) { relationships(filter: $f) { nodes { id } } }',
    { f: filter },
  );
  expect(result.errors).toBeUndefined();
  return (result.data?.relationships.nodes ?? []).map((n) => n.id).sort();
};

describe('asOf versus knownOn', () => {
  it('asOf answers what held on a day, whenever it became known', async () => {
    expect(await ids({ asOf: '2023-03-01' })).toEqual(['old-secret', 'past-cooperation']);
    expect(await ids({ asOf: '2023-06-30' })).toEqual(['old-secret', 'past-cooperation']); // last day of June
    expect(await ids({ asOf: '2023-07-01' })).toEqual(['old-secret']);
    expect(await ids({ asOf: '2024-05-15' })).toEqual(['may-visit', 'old-secret']);
  });

  it('knownOn answers what had been reported by a day, whenever it held', async () => {
    expect(await ids({ knownOn: '2024-02-29' })).toEqual([]);
    expect(await ids({ knownOn: '2024-03-01' })).toEqual(['may-visit', 'past-cooperation']);
    expect(await ids({ knownOn: '2024-06-30' })).toEqual(['may-visit', 'past-cooperation']);
    expect(await ids({ knownOn: '2024-09-01' })).toEqual(['may-visit', 'old-secret', 'past-cooperation']);
  });

  it('combines them: what held on a day as it was known on a later one', async () => {
    expect(await ids({ asOf: '2023-03-01', knownOn: '2024-06-30' })).toEqual(['past-cooperation']);
    expect(await ids({ asOf: '2023-03-01', knownOn: '2024-12-31' })).toEqual(['old-secret', 'past-cooperation']);
  });

  it('between selects valid time overlapping a range', async () => {
    expect(await ids({ between: { from: '2024-05-31', to: '2024-06-30' } })).toEqual(['may-visit', 'old-secret']);
    expect(await ids({ between: { to: '2022-12-31' } })).toEqual(['past-cooperation']);
    expect(await ids({ between: { from: '2023-07-01' } })).toEqual(['may-visit', 'old-secret']);
  });
});
