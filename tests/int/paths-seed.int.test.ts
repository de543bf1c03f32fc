// Path questions on the seed graph, through GraphQL: lengths, ends, filters respected in every
// edge, valid and knowledge time, the reasons for no path, validation, and round trips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEvent } from '../../server/db/executor.js';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const events: QueryEvent[] = [];
const api = testApp({}, (e) => events.push(e));
afterAll(() => api.close());
beforeAll(async () => {
  await resetDatabase(api.executor);
  await seedDatabase(api.executor);
}, 120_000);

const KIM = 'kim-jong-un';
const PUTIN = 'vladimir-putin';
const BIDEN = 'joe-biden';
const ZELENSKYY = 'volodymyr-zelenskyy';
const NO_ALLEGATIONS = ['fact', 'reported', 'planned', 'cancelled'];

const PATH = `
  length weakestConfidence
  nodes { id name }
  edges {
    id type status confidence knownSince
    validFrom { start } validTo { end }
    from { id } to { id }
    sources { id title }
  }`;

interface Edge {
  id: string;
  type: string;
  status: string;
  confidence: number;
  knownSince: string;
  validFrom: { start: string } | null;
  validTo: { end: string } | null;
  from: { id: string };
  to: { id: string };
  sources: { id: string; title: string }[];
}
interface Path {
  length: number;
  weakestConfidence: number;
  nodes: { id: string; name: string }[];
  edges: Edge[];
}
interface Outcome {
  reason: string | null;
  message: string;
  unfilteredLength?: number | null;
}

async function ask<T>(query: string, variables: Record<string, unknown>) {
  const result = await api.graphql<T>(query, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const shortest = (from: string, to: string, options: Record<string, unknown> = {}) =>
  ask<{ shortestPath: Outcome & { path: Path | null } }>(
    `query($from: ID!, $to: ID!, $options: PathOptions) {
      shortestPath(from: $from, to: $to, options: $options) { reason message unfilteredLength path { ${PATH} } }
    }`,
    { from, to, options },
  ).then((d) => d.shortestPath);

const allShortest = (from: string, to: string, options: Record<string, unknown> = {}) =>
  ask<{ allShortestPaths: Outcome & { paths: Path[] } }>(
    `query($from: ID!, $to: ID!, $options: PathOptions) {
      allShortestPaths(from: $from, to: $to, options: $options) { reason message paths { ${PATH} } }
    }`,
    { from, to, options },
  ).then((d) => d.allShortestPaths);

const kPaths = (from: string, to: string, k: number, options: Record<string, unknown> = {}) =>
  ask<{ paths: Outcome & { paths: Path[] } }>(
    `query($from: ID!, $to: ID!, $k: Int, $options: PathOptions) {
      paths(from: $from, to: $to, k: $k, options: $options) { reason message paths { ${PATH} } }
    }`,
    { from, to, k, options },
  ).then((d) => d.paths);

const connection = (from: string, to: string, options: Record<string, unknown> = {}) =>
  ask<{
    connection: Outcome & { paths: Path[]; commonNeighbors: { id: string }[]; explanation: string; steps: string[] };
  }>(
    `query($from: ID!, $to: ID!, $options: PathOptions) {
      connection(from: $from, to: $to, options: $options) {
        reason message explanation steps commonNeighbors { id } paths { ${PATH} }
      }
    }`,
    { from, to, options },
  ).then((d) => d.connection);

/** Each edge joins its two nodes, in either direction, and the ends are the ones asked for. */
function expectChain(path: Path, from: string, to: string) {
  expect(path.nodes[0]?.id).toBe(from);
  expect(path.nodes.at(-1)?.id).toBe(to);
  expect(path.edges).toHaveLength(path.length);
  expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
  path.edges.forEach((e, i) => {
    expect([e.from.id, e.to.id].sort()).toEqual([path.nodes[i]?.id, path.nodes[i + 1]?.id].sort());
    expect(e.sources.length).toBeGreaterThan(0);
  });
  expect(path.weakestConfidence).toBe(Math.min(...path.edges.map((e) => e.confidence)));
}

describe('path questions on the seed graph', () => {
  it('Kim Jong Un to Putin: they met, so one hop; every shortest path is a meeting', async () => {
    const one = await shortest(KIM, PUTIN);
    expect(one.reason).toBeNull();
    expect(one.path?.length).toBe(1);
    expectChain(one.path as Path, KIM, PUTIN);
    const all = await allShortest(KIM, PUTIN);
    expect(all.paths.length).toBeGreaterThanOrEqual(2); // two meetings: Sep 2023 and Jun 2024
    for (const p of all.paths) {
      expect(p.length).toBe(1);
      expect(p.edges[0]?.type).toBe('MET_WITH');
    }
    expect(new Set(all.paths.map((p) => p.edges[0]?.id)).size).toBe(all.paths.length);
    // The one shortest path is the best supported of them.
    expect(one.path?.weakestConfidence).toBe(Math.max(...all.paths.map((p) => p.weakestConfidence)));
  });

  it('Kim Jong Un to Putin as of a day before September 2023 takes the long way', async () => {
    const asOf = '2023-08-01';
    const answer = await kPaths(KIM, PUTIN, 3, { asOf });
    expect(answer.paths.length).toBeGreaterThan(0);
    expect(answer.paths[0]?.length).toBeGreaterThan(1);
    for (const p of answer.paths) {
      expectChain(p, KIM, PUTIN);
      for (const e of p.edges) {
        expect((e.validFrom?.start ?? e.knownSince) <= asOf).toBe(true);
        expect(e.validTo === null || e.validTo.end >= asOf).toBe(true);
      }
    }
  });

  it('Biden to Kim Jong Un: three hops, and none when directions must be followed', async () => {
    const one = await shortest(BIDEN, KIM);
    expect(one.path?.length).toBe(3);
    expectChain(one.path as Path, BIDEN, KIM);
    const directed = await shortest(BIDEN, KIM, { directed: true });
    expect(directed.path).toBeNull();
    expect(directed.reason).toBe('FILTERED_OUT');
    expect(directed.unfilteredLength).toBe(3);
    expect(directed.message).toContain('Joe Biden');
  });

  it('Biden to Kim Jong Un with allegations excluded uses no alleged or denied relationship', async () => {
    const all = await kPaths(BIDEN, KIM, 10);
    const statuses = new Set(all.paths.flatMap((p) => p.edges.map((e) => e.status)));
    expect(statuses.has('alleged')).toBe(true); // so the filter below has something to remove
    const filtered = await kPaths(BIDEN, KIM, 10, { statuses: NO_ALLEGATIONS });
    expect(filtered.paths.length).toBeGreaterThan(0);
    for (const p of filtered.paths) {
      expectChain(p, BIDEN, KIM);
      for (const e of p.edges) expect(NO_ALLEGATIONS).toContain(e.status);
    }
    const lengths = filtered.paths.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('Zelenskyy to Putin: two hops; with allegations excluded still sourced; before Sep 2023 three', async () => {
    const plain = await connection(ZELENSKYY, PUTIN);
    expect(plain.paths[0]?.length).toBe(2);
    const strict = await connection(ZELENSKYY, PUTIN, { statuses: NO_ALLEGATIONS });
    expect(strict.reason).toBeNull();
    for (const p of strict.paths) {
      expectChain(p, ZELENSKYY, PUTIN);
      for (const e of p.edges) expect(['alleged', 'denied']).not.toContain(e.status);
    }
    const first = strict.paths[0] as Path;
    expect(strict.steps).toHaveLength(first.length);
    for (const e of first.edges) for (const s of e.sources) expect(strict.explanation).toContain(s.id);
    const before = await shortest(ZELENSKYY, PUTIN, { asOf: '2023-08-01' });
    expect(before.path?.length).toBe(3);
    expect(before.path?.edges.map((e) => e.type)).toContain('INVADED');
  });

  it('connection names the common neighbours and explains the first path hop by hop', async () => {
    const answer = await connection(KIM, PUTIN);
    const ids = answer.commonNeighbors.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['north-korea', 'russia']));
    expect(ids).not.toContain(KIM);
    expect(answer.explanation).toMatch(/^Kim Jong Un met with Vladimir Putin \(/);
    expect(answer.explanation).toContain('source');
  });

  it('knowledge time: nothing known before the sources existed', async () => {
    const answer = await shortest(KIM, PUTIN, { knownOn: '2010-01-01' });
    expect(answer.path).toBeNull();
    expect(answer.reason).toBe('FILTERED_OUT');
    expect(answer.unfilteredLength).toBe(1);
  });

  it('says why there is no path: unknown actor, same actor, too few hops', async () => {
    const unknown = await shortest(KIM, 'nobody-at-all');
    expect(unknown.reason).toBe('UNKNOWN_ACTOR');
    expect(unknown.message).toContain('nobody-at-all');
    const same = await allShortest(KIM, KIM);
    expect(same.reason).toBe('SAME_ACTOR');
    expect(same.paths).toEqual([]);
    const near = await kPaths(BIDEN, KIM, 3, { maxHops: 2 });
    expect(near.reason).toBe('NOT_WITHIN_MAX_HOPS');
    expect(near.paths).toEqual([]);
    expect(near.message).toContain('3 hops');
    const gone = await connection(BIDEN, KIM, { maxHops: 1 });
    expect(gone.reason).toBe('NOT_WITHIN_MAX_HOPS');
    expect(gone.explanation).toBe(gone.message);
  });

  it('rejects out-of-range options, naming the argument and the value', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'paths(from: $a, to: $b, options: {maxHops: 0}) { message }',
        {},
        'options.maxHops: must be between 1 and 6, got 0',
      ],
      [
        'paths(from: $a, to: $b, options: {maxHops: 7}) { message }',
        {},
        'options.maxHops: must be between 1 and 6, got 7',
      ],
      ['paths(from: $a, to: $b, k: 0) { message }', {}, 'k: must be between 1 and 10, got 0'],
      ['paths(from: $a, to: $b, k: 11) { message }', {}, 'k: must be between 1 and 10, got 11'],
      [
        'shortestPath(from: $a, to: $b, options: {minConfidence: 1.5}) { message }',
        {},
        'options.minConfidence: must be between 0 and 1, got 1.5',
      ],
      [
        'connection(from: $a, to: $b, options: {minConfidence: -0.1}) { message }',
        {},
        'options.minConfidence: must be between 0 and 1, got -0.1',
      ],
    ];
    for (const [field, , message] of cases) {
      const result = await api.graphql(`query($a: ID!, $b: ID!) { ${field} }`, { a: KIM, b: PUTIN });
      expect(result.errors?.[0]?.message).toBe(message);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers a path with its actors, relationships and sources in one round trip', async () => {
    events.length = 0;
    const answer = await kPaths(BIDEN, KIM, 3);
    expect(answer.paths.length).toBeGreaterThan(0);
    expect(events.map((e) => e.operation)).toEqual(['paths']);
    events.length = 0;
    await connection(BIDEN, KIM);
    expect(events.map((e) => e.operation).sort()).toEqual(['connection', 'connection-neighbors']);
  });

  it('never uses a retracted relationship', async () => {
    await api.executor.write(
      "MATCH (:Actor {id: $kim})-[r:MET_WITH]-(:Actor {id: $putin}) SET r.retractedAt = datetime(), r.retractReason = 'test'",
      { kim: KIM, putin: PUTIN },
      { operation: 'test-retract' },
    );
    const answer = await kPaths(KIM, PUTIN, 5);
    expect(answer.paths[0]?.length).toBe(2);
    for (const p of answer.paths) expect(p.edges.map((e) => e.type)).not.toContain('MET_WITH');
  });
});
