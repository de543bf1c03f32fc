// Limits: a pair in two different components of a large graph (5,000 actors and 20,000
// relationships each) gets a "no path" answer with its reason, not an error or a runaway search.
// Durations are printed for the record, never asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const api = testApp();
afterAll(() => api.close());

const ACTORS = 5_000;
const RELATIONSHIPS = 20_000;
const TYPES = ['SUPPLIES_ARMS_TO', 'COOPERATES_WITH', 'ATTACKED', 'PLEDGES_SUPPORT_TO'];

function component(prefix: string, seed: number) {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const id = (i: number) => `${prefix}-${i}`;
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: id(i),
    kind: 'Organization',
    name: `${prefix.toUpperCase()} ${i}`,
    aliases: [],
    description: null,
  }));
  const relationships = Array.from({ length: RELATIONSHIPS }, (_, i) => {
    // A ring keeps the component connected; the rest are random chords.
    const from = i < ACTORS ? i : random(ACTORS);
    let to = i < ACTORS ? (i + 1) % ACTORS : random(ACTORS);
    if (to === from) to = (from + 1) % ACTORS;
    return {
      id: `${prefix}-r${i}`,
      type: TYPES[i % TYPES.length],
      from: id(from),
      to: id(to),
      status: i % 5 === 0 ? 'reported' : 'fact',
      confidence: 0.5 + (i % 5) / 10,
      validFrom: `${2015 + (i % 10)}`,
      validTo: null,
      summary: `Chord ${i} of ${prefix}.`,
      sources: ['limits-source'],
      claimedBy: null,
      about: null,
    };
  });
  return { actors, relationships };
}

// An actor with no relationships at all.
const LONER = { id: 'loner', kind: 'Organization', name: 'Loner', aliases: [], description: null };

beforeAll(async () => {
  await resetDatabase(api.executor);
  const left = component('left', 7);
  const right = component('right', 11);
  const started = Date.now();
  await importBundle(api.executor, {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [...left.actors, ...right.actors, LONER],
    sources: [
      {
        id: 'limits-source',
        title: 'Generated',
        publisher: 'Test',
        published: '2024-01-01',
        url: null,
        kind: 'report',
      },
    ],
    relationships: [...left.relationships, ...right.relationships],
  });
  console.log(
    `paths limits: imported ${2 * ACTORS} actors, ${2 * RELATIONSHIPS} relationships in ${Date.now() - started} ms`,
  );
}, 600_000);

const QUERY = `query($from: ID!, $to: ID!, $k: Int, $options: PathOptions) {
  shortestPath(from: $from, to: $to, options: $options) { reason message unfilteredLength path { length } }
  paths(from: $from, to: $to, k: $k, options: $options) { reason paths { length } }
  connection(from: $from, to: $to, k: $k, options: $options) { reason explanation commonNeighbors { id } }
}`;

interface Answer {
  shortestPath: {
    reason: string | null;
    message: string;
    unfilteredLength: number | null;
    path: { length: number } | null;
  };
  paths: { reason: string | null; paths: { length: number }[] };
  connection: { reason: string | null; explanation: string; commonNeighbors: { id: string }[] };
}

async function timed(variables: Record<string, unknown>) {
  const started = Date.now();
  const result = await api.graphql<Answer>(QUERY, variables);
  const ms = Date.now() - started;
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { data: result.data as Answer, ms };
}

describe('path questions on a large graph', () => {
  it('two actors in different components: no path within reach, said once', async () => {
    for (const options of [{}, { maxHops: 6 }, { directed: true, statuses: ['fact'], minConfidence: 0.6 }]) {
      const { data, ms } = await timed({ from: 'left-17', to: 'right-4242', k: 10, options });
      console.log(`paths limits: unreachable pair, options ${JSON.stringify(options)}: ${ms} ms`);
      expect(data.shortestPath.path).toBeNull();
      expect(data.shortestPath.reason).toBe('NOT_WITHIN_MAX_HOPS');
      expect(data.shortestPath.unfilteredLength).toBeNull();
      expect(data.shortestPath.message).toMatch(
        /^There is no path between LEFT 17 and RIGHT 4242 of at most [46] hops\./,
      );
      expect(data.shortestPath.message.match(/6 hops/g)).toHaveLength(1);
      expect(data.paths).toEqual({ reason: 'NOT_WITHIN_MAX_HOPS', paths: [] });
      expect(data.connection.reason).toBe('NOT_WITHIN_MAX_HOPS');
      expect(data.connection.explanation).toBe(data.shortestPath.message);
      expect(data.connection.commonNeighbors).toEqual([]);
    }
  });

  it('an actor with no relationships: no path at all, and the message says which end has none', async () => {
    for (const [from, to] of [
      ['loner', 'left-17'],
      ['left-17', 'loner'],
    ]) {
      const { data } = await timed({ from, to, k: 3, options: {} });
      expect(data.shortestPath).toMatchObject({ path: null, reason: 'DIFFERENT_COMPONENTS', unfilteredLength: null });
      expect(data.shortestPath.message).toMatch(/ at all: Loner has no relationships\.$/);
      expect(data.shortestPath.message.match(/no path/g)).toHaveLength(1);
      expect(data.paths.reason).toBe('DIFFERENT_COMPONENTS');
    }
  });

  it('two actors in the same component: paths in order of length', async () => {
    const { data, ms } = await timed({ from: 'left-17', to: 'left-4242', k: 10, options: { maxHops: 6 } });
    console.log(`paths limits: reachable pair, k = 10, maxHops 6: ${ms} ms`);
    expect(data.shortestPath.reason).toBeNull();
    const lengths = data.paths.paths.map((p) => p.length);
    expect(lengths.length).toBe(10);
    expect(lengths[0]).toBe(data.shortestPath.path?.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });
});
