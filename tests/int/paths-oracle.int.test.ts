// The path engine against an independent oracle: random graphs (a seeded PRNG, several sizes and
// densities, mixed statuses, confidences, types including a symmetric one, dates and a few
// retracted relationships) are imported as bundles, and every answer is compared with a plain
// breadth-first / depth-first search over the same data written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../server/import/import-bundle.js';
import { EVENT_TYPES } from '../../server/model/vocabulary.js';
import { findPaths, type PathAnswer, type PathRow } from '../../server/paths/engine.js';
import { type PathOptionsInput, pathSearch } from '../../server/paths/options.js';
import { openExecutor, resetDatabase } from '../helpers/db.js';

const executor = openExecutor();
afterAll(() => executor.close());

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const subset = <T>(xs: readonly T[]) => xs.filter(() => next() < 0.5);
  return { next, int, pick, subset };
}

// Organisations can take every one of these types; COOPERATES_WITH is symmetric in the vocabulary.
const TYPES = ['ATTACKED', 'COOPERATES_WITH', 'PLEDGES_SUPPORT_TO', 'REQUESTS_AID_FROM', 'SUPPLIES_ARMS_TO'] as const;
const SYMMETRIC = new Set(['COOPERATES_WITH']);
const STATUSES = ['fact', 'reported', 'alleged', 'denied', 'planned'] as const;
const CLAIMED = new Set(['alleged', 'denied']);
const CONFIDENCES = [0.3, 0.5, 0.6, 0.8, 0.95];

interface Edge {
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
  confidence: number;
  /** Stored valid time: first day of validFrom's period, last day of validTo's period. */
  start: string | null;
  end: string | null;
  knownSince: string;
  retracted: boolean;
}

interface Graph {
  name: string;
  actors: string[];
  edges: Edge[];
  bundle: unknown;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function randomPeriod(r: ReturnType<typeof prng>, fromYear: number) {
  const y = fromYear + r.int(2024 - fromYear + 1);
  const m = 1 + r.int(12);
  const d = 1 + r.int(lastDay(y, m));
  switch (r.int(3)) {
    case 0:
      return { text: `${y}`, start: `${y}-01-01`, end: `${y}-12-31`, year: y };
    case 1:
      return {
        text: `${y}-${pad(m)}`,
        start: `${y}-${pad(m)}-01`,
        end: `${y}-${pad(m)}-${pad(lastDay(y, m))}`,
        year: y,
      };
    default: {
      const day = `${y}-${pad(m)}-${pad(d)}`;
      return { text: day, start: day, end: day, year: y };
    }
  }
}

function randomGraph(name: string, seed: number, size: number, edgesPerActor: number): Graph {
  const r = prng(seed);
  const actors = Array.from({ length: size }, (_, i) => `${name}-a${i}`);
  const sources = Array.from({ length: 6 }, (_, i) => ({
    id: `${name}-s${i}`,
    title: `Report ${i} of ${name}`,
    publisher: 'Test Wire',
    published: `${2018 + i}-0${1 + (i % 9)}-15`,
    url: null,
    kind: 'report',
  }));
  const edges: Edge[] = [];
  const relationships: unknown[] = [];
  const count = Math.round(size * edgesPerActor);
  for (let i = 0; i < count; i++) {
    const from = r.pick(actors);
    let to = r.pick(actors);
    while (to === from) to = r.pick(actors);
    // Now and then a parallel relationship between the same two actors.
    const parallel = edges.length > 0 && r.next() < 0.1 ? (edges[r.int(edges.length)] as Edge) : null;
    const ends = parallel ? { from: parallel.from, to: parallel.to } : { from, to };
    const type = r.pick(TYPES);
    const status = r.pick(STATUSES);
    const validFrom = r.next() < 0.75 ? randomPeriod(r, 2015) : null;
    const validTo = validFrom && r.next() < 0.4 ? randomPeriod(r, Math.min(validFrom.year + 1, 2024)) : null;
    const to2 = validTo && validFrom && validTo.end < validFrom.start ? null : validTo;
    const cited = r.subset(sources).slice(0, 2);
    const cites = cited.length > 0 ? cited : [r.pick(sources)];
    const id = `${name}-r${i}`;
    edges.push({
      id,
      type,
      ...ends,
      status,
      confidence: r.pick(CONFIDENCES),
      start: validFrom?.start ?? null,
      end: to2?.end ?? null,
      knownSince: cites.map((s) => s.published).sort()[0] as string,
      retracted: r.next() < 0.05,
    });
    const edge = edges.at(-1) as Edge;
    relationships.push({
      id,
      type,
      from: edge.from,
      to: edge.to,
      status,
      confidence: edge.confidence,
      validFrom: validFrom?.text ?? null,
      validTo: to2?.text ?? null,
      summary: `Relationship ${i} of ${name}.`,
      sources: cites.map((s) => s.id),
      claimedBy: CLAIMED.has(status) ? r.pick(actors) : null,
      about: null,
    });
  }
  const bundle = {
    format: 'actor-graph-bundle',
    version: 1,
    actors: actors.map((id) => ({ id, kind: 'Organization', name: id.toUpperCase(), aliases: [], description: null })),
    sources,
    relationships,
  };
  return { name, actors, edges, bundle };
}

// ---- The oracle: plain searches over the generated data ------------------------------------

interface Options {
  types: string[] | null;
  excludeTypes: string[] | null;
  statuses: string[] | null;
  minConfidence: number | null;
  directed: boolean;
  maxHops: number;
  asOf: string | null;
  knownOn: string | null;
}

function passes(e: Edge, o: Options): boolean {
  if (e.retracted) return false;
  if (o.types && !o.types.includes(e.type)) return false;
  if (o.excludeTypes?.includes(e.type)) return false;
  if (o.statuses && !o.statuses.includes(e.status)) return false;
  if (o.minConfidence !== null && e.confidence < o.minConfidence) return false;
  // As of D: begun by D; a state must still hold on D, an event counts once it happened.
  if (o.asOf !== null && (e.start ?? e.knownSince) > o.asOf) return false;
  if (o.asOf !== null && !EVENT_TYPES.includes(e.type) && e.end !== null && e.end < o.asOf) return false;
  if (o.knownOn !== null && e.knownSince > o.knownOn) return false;
  return true;
}

/** Whether edge e may be walked from actor `at`. */
function walkable(e: Edge, at: string, directed: boolean): boolean {
  if (e.from === at) return true;
  return e.to === at && (!directed || SYMMETRIC.has(e.type));
}

type Adjacency = Map<string, { edge: Edge; next: string }[]>;

function adjacency(g: Graph, o: Options): Adjacency {
  const adj: Adjacency = new Map(g.actors.map((a) => [a, []]));
  for (const e of g.edges) {
    if (!passes(e, o)) continue;
    if (walkable(e, e.from, o.directed)) adj.get(e.from)?.push({ edge: e, next: e.to });
    if (walkable(e, e.to, o.directed)) adj.get(e.to)?.push({ edge: e, next: e.from });
  }
  return adj;
}

function distances(adj: Adjacency, from: string, maxHops: number): Map<string, number> {
  const dist = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const { next: v } of adj.get(u) ?? []) {
        if (!dist.has(v)) {
          dist.set(v, d);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

/** Every shortest path as a node sequence (parallel edges give the same sequence). */
function shortestNodeSequences(adj: Adjacency, from: string, to: string, maxHops: number): Set<string> {
  const dist = distances(adj, from, maxHops);
  const target = dist.get(to);
  const out = new Set<string>();
  if (target === undefined) return out;
  const walk = (at: string, path: string[]) => {
    if (path.length - 1 === target) {
      if (at === to) out.add(path.join('>'));
      return;
    }
    for (const { next } of adj.get(at) ?? []) {
      if (dist.get(next) === path.length && !path.includes(next)) walk(next, [...path, next]);
    }
  };
  walk(from, [from]);
  return out;
}

/** The lengths of the k shortest simple paths (distinct relationship sequences), by DFS. */
function kShortestLengths(adj: Adjacency, from: string, to: string, maxHops: number, k: number): number[] {
  const lengths: number[] = [];
  for (let length = 1; length <= maxHops && lengths.length < k; length++) {
    let found = 0;
    const walk = (at: string, visited: Set<string>, depth: number) => {
      if (found + lengths.length >= k) return;
      if (depth === length) {
        if (at === to) found++;
        return;
      }
      for (const { next } of adj.get(at) ?? []) {
        if (visited.has(next) || (next === to && depth + 1 < length)) continue;
        visited.add(next);
        walk(next, visited, depth + 1);
        visited.delete(next);
      }
    };
    walk(from, new Set([from]), 0);
    for (let i = 0; i < found && lengths.length < k; i++) lengths.push(length);
  }
  return lengths;
}

// ---- Cases --------------------------------------------------------------------------------

// Type choices come from small pools: every distinct type list is a distinct query text that
// Neo4j must plan, and planning, not searching, is what these small graphs would otherwise time.
// The text depends only on the final type list (types minus excluded): three lists here.
const TYPE_POOLS = [null, null, ['ATTACKED', 'COOPERATES_WITH']];
const EXCLUDE_POOLS = [null, null, ['REQUESTS_AID_FROM']];

function randomOptions(r: ReturnType<typeof prng>, g: Graph): Options {
  const dates = g.edges.map((e) => e.start ?? e.knownSince).sort();
  const someDay = () => dates[r.int(dates.length)] as string;
  return {
    types: r.pick(TYPE_POOLS),
    excludeTypes: r.pick(EXCLUDE_POOLS),
    statuses: r.next() < 0.3 ? [...new Set([...r.subset(STATUSES), r.pick(STATUSES)])] : null,
    minConfidence: r.next() < 0.25 ? r.pick([0.5, 0.6, 0.8]) : null,
    directed: r.next() < 0.4,
    maxHops: 1 + r.int(g.actors.length > 50 ? 5 : 6),
    asOf: r.next() < 0.15 ? someDay() : null,
    knownOn: r.next() < 0.15 ? someDay() : null,
  };
}

function assertValidPath(g: Graph, p: PathRow, from: string, to: string, o: Options, label: string) {
  const edges = new Map(g.edges.map((e) => [e.id, e]));
  const ids = p.nodes.map((n) => n.id);
  expect(ids[0], label).toBe(from);
  expect(ids.at(-1), label).toBe(to);
  expect(new Set(ids).size, `${label}: simple`).toBe(ids.length);
  expect(p.length, label).toBe(p.edges.length);
  expect(ids.length, label).toBe(p.edges.length + 1);
  expect(p.length, label).toBeLessThanOrEqual(o.maxHops);
  expect(p.weakestConfidence, label).toBe(Math.min(...p.edges.map((e) => e.confidence)));
  p.edges.forEach((row, i) => {
    const e = edges.get(row.id);
    expect(e, `${label}: edge ${row.id} exists`).toBeDefined();
    if (!e) return;
    expect(passes(e, o), `${label}: edge ${e.id} passes the options`).toBe(true);
    expect(walkable(e, ids[i] as string, o.directed), `${label}: edge ${e.id} walkable from ${ids[i]}`).toBe(true);
    expect([e.from, e.to].sort(), `${label}: edge ${e.id} joins its nodes`).toEqual([ids[i], ids[i + 1]].sort());
  });
}

const GRAPHS = [
  randomGraph('pa', 11, 8, 2),
  randomGraph('pb', 12, 8, 4),
  randomGraph('pc', 13, 30, 2),
  randomGraph('pd', 14, 30, 4),
  randomGraph('pe', 15, 120, 2),
  randomGraph('pf', 16, 120, 3.5),
];
const CASES_PER_GRAPH = 60;
const BATCH = 6;

describe('path answers agree with a breadth-first oracle on random graphs', () => {
  beforeAll(async () => {
    await resetDatabase(executor);
    for (const g of GRAPHS) await importBundle(executor, g.bundle);
    const retracted = GRAPHS.flatMap((g) => g.edges.filter((e) => e.retracted).map((e) => e.id));
    // A test-only write: retraction goes through the API elsewhere; here it only marks the rows.
    await executor.write(
      'UNWIND $ids AS id MATCH ()-[r {id: id}]->() SET r.retractedAt = datetime(), r.retractReason = $reason',
      { ids: retracted, reason: 'random retraction' },
      { operation: 'test-retract', class: 'import' },
    );
  }, 180_000);

  it(`answers ${GRAPHS.length} × ${CASES_PER_GRAPH} random questions as the oracle does`, async () => {
    let cases = 0;
    const compared = { found: 0, none: 0, kPaths: 0 };
    let slowest = { ms: 0, label: '' };
    const started = Date.now();
    for (const [gi, g] of GRAPHS.entries()) {
      const r = prng(1000 + gi);
      const questions = Array.from({ length: CASES_PER_GRAPH }, (_, i) => {
        const from = r.pick(g.actors);
        let to = r.pick(g.actors);
        while (to === from) to = r.pick(g.actors);
        return { i, from, to, o: randomOptions(r, g), k: 1 + r.int(10) };
      });
      for (let b = 0; b < questions.length; b += BATCH) {
        const batch = questions.slice(b, b + BATCH);
        const answers = await Promise.all(
          batch.map(async (q) => {
            const t0 = Date.now();
            const search = pathSearch(q.o as PathOptionsInput);
            const ask = (mode: 'all' | 'k') =>
              findPaths(executor, q.from, q.to, search, {
                mode,
                k: q.k,
                withNeighbors: false,
                operation: 'test-oracle',
              });
            const [all, kPaths] = await Promise.all([ask('all'), ask('k')]);
            return { q, all, kPaths, ms: Date.now() - t0 };
          }),
        );
        for (const { q, all, kPaths, ms } of answers) {
          const label = `${g.name} #${q.i} ${q.from}→${q.to} k=${q.k} ${JSON.stringify(q.o)}`;
          if (ms > slowest.ms) slowest = { ms, label };
          compare(g, q, all, kPaths, label, compared);
          cases++;
        }
      }
      console.log(`paths oracle: graph ${g.name} done after ${Date.now() - started} ms`);
    }
    console.log(
      `paths oracle: ${cases} cases (${compared.found} with paths, ${compared.none} without; ${compared.kPaths} k-paths checked) in ${Date.now() - started} ms; slowest ${slowest.ms} ms: ${slowest.label}`,
    );
    expect(cases).toBe(GRAPHS.length * CASES_PER_GRAPH);
    expect(compared.found).toBeGreaterThan(cases / 4);
    expect(compared.none).toBeGreaterThan(cases / 20);
  }, 240_000);
});

function compare(
  g: Graph,
  q: { from: string; to: string; o: Options; k: number },
  answer: PathAnswer,
  kAnswer: PathAnswer,
  label: string,
  tally: { found: number; none: number; kPaths: number },
) {
  const adj = adjacency(g, q.o);
  const dist = distances(adj, q.from, q.o.maxHops).get(q.to);
  if (dist === undefined) {
    tally.none++;
    expect(answer.paths, label).toEqual([]);
    expect(kAnswer.paths, label).toEqual([]);
    expect(kAnswer.reason, label).toBe(answer.reason);
    const all: Options = {
      types: null,
      excludeTypes: null,
      statuses: null,
      minConfidence: null,
      directed: false,
      maxHops: 6,
      asOf: null,
      knownOn: null,
    };
    const unfiltered = distances(adjacency(g, all), q.from, 6).get(q.to);
    if (unfiltered !== undefined && unfiltered <= q.o.maxHops) {
      expect(answer.reason, label).toBe('FILTERED_OUT');
      expect(answer.unfilteredLength, label).toBe(unfiltered);
    } else {
      expect(answer.reason, label).toBe('NOT_WITHIN_MAX_HOPS');
      expect(answer.unfilteredLength, label).toBeNull();
    }
    return;
  }
  tally.found++;
  expect(answer.reason, label).toBeNull();
  expect(kAnswer.reason, label).toBeNull();
  for (const p of answer.paths) {
    expect(p.length, `${label}: shortest length`).toBe(dist);
    assertValidPath(g, p, q.from, q.to, q.o, label);
  }
  const expected = shortestNodeSequences(adj, q.from, q.to, q.o.maxHops);
  const got = new Set(answer.paths.map((p) => p.nodes.map((n) => n.id).join('>')));
  expect([...got].sort(), `${label}: all shortest paths`).toEqual([...expected].sort());
  // Every relationship sequence is returned once.
  const keys = answer.paths.map((p) => p.edges.map((e) => e.id).join(','));
  expect(new Set(keys).size, label).toBe(keys.length);

  const lengths = kAnswer.paths.map((p) => p.length);
  expect(lengths, `${label}: k shortest lengths`).toEqual(kShortestLengths(adj, q.from, q.to, q.o.maxHops, q.k));
  for (const p of kAnswer.paths) assertValidPath(g, p, q.from, q.to, q.o, `${label} (k)`);
  const kKeys = kAnswer.paths.map((p) => p.edges.map((e) => e.id).join(','));
  expect(new Set(kKeys).size, `${label}: k paths distinct`).toBe(kKeys.length);
  tally.kPaths += kAnswer.paths.length;
}
