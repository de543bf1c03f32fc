// The alliance analytics on every seed bundle (the first article and the reviewed ones after it),
// over a real Neo4j: the two camps are named after the member most of their evidence runs through,
// and a dyad read from its pair's sides alone is the dyad of the whole projection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dyad } from '../../server/analytics/dyad.js';
import { readDyadProjection, readProjection } from '../../server/analytics/projection.js';
import { signedGraph } from '../../server/analytics/signed-graph.js';
import { filterParams } from '../../server/db/filter.js';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const api = testApp({ API_TOKEN: 'test-token-analytics-seeds' });
afterAll(() => api.close());
beforeAll(async () => {
  await resetDatabase(api.executor);
  await seedDatabase(api.executor);
}, 180_000);

interface Bloc {
  id: string;
  name: string;
  leader: { id: string };
  members: { id: string }[];
  evidence: {
    reason: string;
    weight: number;
    adversary: { id: string } | null;
    relationship: { from: { id: string }; to: { id: string } };
  }[];
}

async function blocs(): Promise<Bloc[]> {
  const result = await api.graphql<{ alliances: { blocs: Bloc[] } }>(`{
    alliances {
      blocs {
        id name leader { id } members { id }
        evidence(first: 50) { reason weight adversary { id } relationship { from { id } to { id } } }
      }
    }
  }`);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.alliances.blocs ?? [];
}

describe('alliances on every seed', () => {
  it("names Ukraine's camp and Russia's camp, not North Korea's, though North Korea has more ties", async () => {
    const [west, east, ...rest] = await blocs();
    expect(rest).toEqual([]);
    expect([west?.name, east?.name]).toEqual(["Ukraine's camp", "Russia's camp"]);
    expect(east?.members.map((m) => m.id).sort()).toEqual(['kim-jong-un', 'north-korea', 'russia', 'vladimir-putin']);
    expect(west?.members.map((m) => m.id)).toEqual(
      expect.arrayContaining(['ukraine', 'united-states', 'south-korea', 'germany', 'volodymyr-zelenskyy']),
    );
    for (const b of [west, east]) {
      expect(b?.id).toBe(b?.leader.id);
      expect(b?.members[0]?.id).toBe(b?.leader.id);
    }
  });

  it('makes the leader the member taking part in the most evidence weight', async () => {
    for (const b of await blocs()) {
      const members = new Set(b.members.map((m) => m.id));
      const part = new Map<string, number>();
      const credit = (id: string, w: number) => part.set(id, (part.get(id) ?? 0) + w);
      expect(b.evidence.length).toBeLessThan(50); // all of it, so the sums below are whole
      for (const e of b.evidence) {
        // A tie counts for both its ends; a shared adversary's for the member, not the adversary.
        for (const id of [e.relationship.from.id, e.relationship.to.id]) if (members.has(id)) credit(id, e.weight);
      }
      const best = Math.max(...part.values());
      expect(part.get(b.leader.id), b.name).toBeCloseTo(best, 6);
    }
  });
});

describe('dyads on every seed', () => {
  it('reads only the two sides and answers as the whole projection does, for every pair and filter', async () => {
    for (const input of [null, { statuses: ['fact', 'reported'] }, { knownOn: '2024-10-20' }, { asOf: '2024-06-20' }]) {
      const f = filterParams(input);
      const whole = signedGraph(await readProjection(api.executor, f, { claims: true }));
      // Every pair with a relationship or a claim between their sides, and a few without.
      const pairs = whole.pairs.map((p) => [p.u, p.v] as const).concat([[0, whole.ids.length - 1]]);
      for (const [u, v] of pairs) {
        const [a, b] = [whole.ids[u] as string, whole.ids[v] as string];
        for (const withMembers of [false, true]) {
          const options = { bucket: 'MONTH' as const, withMembers };
          const part = signedGraph(await readDyadProjection(api.executor, f, a, b, withMembers));
          expect(part.edges.length).toBeLessThanOrEqual(whole.edges.length);
          const x = part.index.get(a);
          const y = part.index.get(b);
          const fromPart =
            x === undefined || y === undefined
              ? { cooperation: 0, conflict: 0, net: 0, periods: [] }
              : dyad(part, x, y, options);
          expect(fromPart, `${a}–${b} ${JSON.stringify(input)} ${withMembers}`).toEqual(dyad(whole, u, v, options));
        }
      }
    }
  }, 120_000);
});
