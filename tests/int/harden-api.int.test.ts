// The API against hostile input, over the real app and Neo4j: injection through every string
// argument (stored or matched as plain data, graph unchanged by reads), property-based fuzzing of
// arguments and variables (never a 500, a hang, an unexpected error or internals in a message),
// the bearer token on every mutation (and never in a log line), idempotent and atomic writes.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { createLogger } from '../../server/logger.js';
import { counts, openExecutor, resetDatabase, testConfig } from '../helpers/db.js';

const TOKEN = 'harden-token-3f9a61c2d0b84e7e';
const config = testConfig({ API_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
const executor = openExecutor(config);
let logText = '';
const sink = new Writable({
  write(chunk, _e, done) {
    logText += String(chunk);
    done();
  },
});
const app = createApp({ config, executor, log: createLogger({ logLevel: 'trace' }, sink) });
afterAll(() => executor.close());
beforeAll(async () => {
  await resetDatabase(executor);
  await seedDatabase(executor, [BASE_SEED]);
});

type ErrorBody = { message: string; extensions?: Record<string, unknown> };
// biome-ignore lint/suspicious/noExplicitAny: responses are read by their known shape
type Body = { data?: any; errors?: ErrorBody[] };

async function call(query: string, variables: unknown = {}, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await app.fetch('http://actor-graph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, ms: performance.now() - started, text, body: JSON.parse(text) as Body };
}
const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * What no error may show: driver or Cypher internals, stack frames, masked faults of ours. (Cypher
 * keywords are not in the list: messages quote the offending input, which may contain them.)
 */
const INTERNALS =
  /Neo4j|neo4j-driver|Neo\.(Client|Transient|Database)Error|Cypher|\bat \S+ \(|\.ts:\d+|\.js:\d+|Unexpected error/i;
/** Codes a client may see for bad input, a too-large page among them (the cost budget). */
const INPUT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'NOT_FOUND',
  'COST_LIMIT',
  'QUERY_LIMIT',
]);

function expectClean(result: Awaited<ReturnType<typeof call>>, label: string) {
  expect(result.status, label).toBeLessThan(500);
  for (const error of result.body.errors ?? []) {
    expect(error.message, label).not.toMatch(INTERNALS);
    expect(INPUT_CODES.has(String(error.extensions?.code)), `${label}: ${JSON.stringify(error)}`).toBe(true);
  }
}

const HOSTILE = [
  `"}) DETACH DELETE n //`,
  `') MATCH (n) DETACH DELETE n //`,
  '`Actor` ) DETACH DELETE n WITH 1 AS x MATCH (m',
  `russia" OR 1=1 --`,
  `russia' OR '1'='1`,
  `$id`,
  `{id: 'x'}`,
  `\\u0000\u0000nul`,
  `\n\r\t`,
  `Москва 北朝鮮 🇰🇵 ‮reversed`,
  `\uD800 lone surrogate`,
  `*:* OR name:*`,
  `AND OR NOT ~ ^ [ ] { } ( ) " \\ : / - + ! ?`,
  'x'.repeat(20_000),
  `SUPPLIES_ARMS_TO]->(m) DETACH DELETE m //`,
  '',
  ' ',
];

const READS: { name: string; query: string; vars: (h: string) => Record<string, unknown> }[] = [
  { name: 'actor', query: 'query($h: ID!) { actor(id: $h) { id name } }', vars: (h) => ({ h }) },
  {
    name: 'actors.search',
    query: 'query($h: String) { actors(filter: { search: $h }) { totalCount nodes { id } } }',
    vars: (h) => ({ h }),
  },
  {
    name: 'actors.ids',
    query: 'query($h: ID!) { actors(filter: { ids: [$h] }) { totalCount } }',
    vars: (h) => ({ h }),
  },
  { name: 'actors.after', query: 'query($h: String) { actors(after: $h) { totalCount } }', vars: (h) => ({ h }) },
  { name: 'relationship', query: 'query($h: ID!) { relationship(id: $h) { id } }', vars: (h) => ({ h }) },
  {
    name: 'relationships.filter',
    query: `query($h: ID) { relationships(filter: { from: $h, to: $h, involving: $h, source: $h, claimedBy: $h }) {
      totalCount } }`,
    vars: (h) => ({ h }),
  },
  {
    name: 'relationships.after',
    query: 'query($h: String) { relationships(after: $h) { totalCount } }',
    vars: (h) => ({ h }),
  },
  {
    name: 'neighborhood',
    query: 'query($h: ID!) { neighborhood(id: $h, depth: 2) { nodes { id } } }',
    vars: (h) => ({ h }),
  },
  { name: 'claims', query: 'query($h: ID!) { claims(about: $h) { id } }', vars: (h) => ({ h }) },
  {
    name: 'timeline',
    query: 'query($h: ID!) { timeline(actor: $h, other: $h) { totalCount nodes { id } } }',
    vars: (h) => ({ h }),
  },
  { name: 'source', query: 'query($h: ID!) { source(id: $h) { id } }', vars: (h) => ({ h }) },
  {
    name: 'shortestPath',
    query: 'query($h: ID!) { shortestPath(from: $h, to: "russia") { reason message } }',
    vars: (h) => ({ h }),
  },
  {
    name: 'connection',
    query: 'query($h: ID!) { connection(from: "ukraine", to: $h) { reason message } }',
    vars: (h) => ({ h }),
  },
  {
    name: 'relationships.types',
    query: 'query($h: RelationshipType!) { relationships(filter: { types: [$h] }) { totalCount } }',
    vars: (h) => ({ h }),
  },
  {
    name: 'paths.types',
    query:
      'query($h: RelationshipType!) { paths(from: "russia", to: "ukraine", options: { types: [$h] }) { message } }',
    vars: (h) => ({ h }),
  },
];

describe('injection through string arguments', () => {
  it('matches hostile values as plain data on every read, leaving the graph unchanged', async () => {
    const before = await counts(executor);
    for (const hostile of HOSTILE) {
      for (const read of READS) {
        const result = await call(read.query, read.vars(hostile));
        expectClean(result, `${read.name} ${JSON.stringify(hostile.slice(0, 40))}`);
      }
    }
    expect(await counts(executor)).toEqual(before);
  }, 120_000);

  it('refuses relationship types outside the vocabulary, written as variables or literals', async () => {
    const before = await counts(executor);
    for (const type of [
      'KNOWS',
      'SUPPLIES_ARMS_TO|KNOWS',
      'SUPPLIES_ARMS_TO]->() DETACH DELETE n //',
      'supplies_arms_to',
    ]) {
      const result = await call(
        'query($t: RelationshipType!) { relationships(filter: { types: [$t] }) { totalCount } }',
        {
          t: type,
        },
      );
      expectClean(result, type);
      expect(result.body.errors?.[0]?.message).toMatch(/RelationshipType/);
    }
    const literal = await call('{ relationships(filter: { types: [KNOWS] }) { totalCount } }');
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await counts(executor)).toEqual(before);
  });

  it('stores hostile names, aliases and descriptions verbatim, touching nothing else', async () => {
    const write = 'mutation($input: ActorInput!) { upsertActor(input: $input) { id name aliases description } }';
    // Names are trimmed and at most 200 characters; every other text here is a valid name.
    const names = HOSTILE.filter((h) => h.trim() === h && h !== '' && h.length <= 200);
    expect(names.length).toBe(HOSTILE.length - 4);
    for (const [i, hostile] of names.entries()) {
      const before = await counts(executor);
      const id = `hostile-${i}`;
      const result = await call(
        write,
        { input: { id, kind: 'Organization', name: hostile, aliases: [hostile], description: hostile } },
        auth,
      );
      expect(result.body.errors, `upsert ${JSON.stringify(hostile)}`).toBeUndefined();
      // Text that is not valid UTF-16 (a lone surrogate) cannot cross Bolt's UTF-8: it comes back
      // with U+FFFD in its place, like any UTF-8 system would store it. All else is verbatim.
      const stored = hostile.replace(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      );
      expect(result.body.data.upsertActor).toEqual({ id, name: stored, aliases: [stored], description: stored });
      const read = await call('query($id: ID!) { actor(id: $id) { name aliases description } }', { id });
      expect(read.body.data.actor).toEqual({ name: stored, aliases: [stored], description: stored });
      expect(await counts(executor)).toEqual({ nodes: before.nodes + 1, relationships: before.relationships });
    }
  }, 60_000);

  it('refuses a hostile id as an id that is no slug, executing and writing nothing', async () => {
    const before = await counts(executor);
    const slug = 'expected a lower-case slug like "north-korea"';
    for (const [hostileId, why] of [
      [`"}) DETACH DELETE n //`, slug],
      [`russia' OR '1'='1`, slug],
      ['Russia', slug],
      ['a'.repeat(81), 'ids are at most 80 characters'],
    ] as const) {
      const result = await call(
        'mutation($input: ActorInput!) { upsertActor(input: $input) { id } }',
        { input: { id: hostileId, kind: 'Organization', name: 'Hostile id' } },
        auth,
      );
      expectClean(result, hostileId);
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.message).toBe(
        `The bundle is invalid (1 error):\nactors[0] (id ${hostileId}): id: ${why}`,
      );
    }
    expect(await counts(executor)).toEqual(before);
  });
});

describe('property-based fuzzing of arguments and variables', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(...HOSTILE.filter((h) => h.length < 1_000)),
    fc.constantFrom('russia', 'north-korea', 'ukraine', 'SUPPLIES_ARMS_TO', 'alleged', '2024-10-14', '2024-13-45'),
  );
  const value = fc.oneof(
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(text, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('from', 'to', 'types', 'asOf', 'maxHops', 'search', 'ids'), text, { maxKeys: 3 }),
  );
  const FUZZED = [
    'query($a: ID!) { actor(id: $a) { id name relationships(first: 5) { id } } }',
    'query($a: String, $n: Int) { actors(filter: { search: $a }, first: $n) { totalCount nodes { id } } }',
    'query($a: ID!, $d: Int) { neighborhood(id: $a, depth: $d) { nodes { id } edges { id } } }',
    'query($a: ID!, $b: ID!, $k: Int, $o: PathOptions) { paths(from: $a, to: $b, k: $k, options: $o) { message reason } }',
    'query($a: ID!, $b: ID!, $o: PathOptions) { shortestPath(from: $a, to: $b, options: $o) { message } }',
    'query($f: RelationshipFilter, $n: Int, $c: String) { relationships(filter: $f, first: $n, after: $c) { totalCount } }',
    'query($a: ID!, $b: ID, $r: DateRange, $n: Int, $c: String) { timeline(actor: $a, other: $b, between: $r, first: $n, after: $c) { totalCount nodes { id } } }',
    'query($f: RelationshipFilter, $l: Int) { graph(filter: $f, limit: $l) { nodes { id } } }',
    'query($n: Int) { stats(top: $n) { actors mostConnected { degree } } }',
  ];

  it('never answers with a 500, a hang, an unexpected error or internals (400 cases)', async () => {
    const before = await counts(executor);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: FUZZED.length - 1 }),
        fc.record({
          a: value,
          b: value,
          n: value,
          d: value,
          k: value,
          o: value,
          f: value,
          c: value,
          l: value,
          r: value,
        }),
        async (index, variables) => {
          const query = FUZZED[index] as string;
          const result = await call(query, variables);
          expectClean(result, `${query} ${JSON.stringify(variables).slice(0, 300)}`);
          expect(result.ms).toBeLessThan(20_000);
        },
      ),
      { numRuns: 400 },
    );
    expect(await counts(executor)).toEqual(before);
  }, 300_000);

  it('survives fuzzed documents: parse and validation errors only, never a fault', async () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '(',
      ')',
      'actor',
      'actors',
      'id:',
      '"russia"',
      'name',
      '...',
      'on',
      'Actor',
      '$a',
      'query',
      '@include(if: true)',
      'relationships',
      'first: 500',
      '__typename',
      'fragment F on Actor { id }',
      '# comment',
      '"""block"""',
      'mutation',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 30 }), async (tokens) => {
        const result = await call(tokens.join(' '));
        expect(result.status).toBeLessThan(500);
        for (const error of result.body.errors ?? []) expect(error.message).not.toMatch(INTERNALS);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('write authorisation', () => {
  const MUTATIONS = [
    'mutation { upsertActor(input: { id: "auth-probe", kind: Country, name: "Probe" }) { id } }',
    'mutation { upsertSource(input: { id: "auth-src", title: "T", publisher: "P", published: "2024-10-14", kind: article }) { id } }',
    `mutation { addRelationship(input: { id: "auth-rel", type: MET_WITH, from: "russia", to: "north-korea", status: fact,
      confidence: 0.9, summary: "s", sources: ["article-2024-10-14-north-korea-troops"] }) { id } }`,
    'mutation { retractRelationship(id: "joe-biden-leads-united-states", reason: "probe") { id } }',
    'mutation { importBundle(bundle: { format: "actor-graph-bundle", version: 1, actors: [], sources: [], relationships: [] }) { actors } }',
  ];
  const BAD = [
    {},
    { authorization: '' },
    { authorization: 'Bearer' },
    { authorization: 'Bearer ' },
    { authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}` },
    { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    { authorization: `Bearer ${TOKEN}x` },
    { authorization: `Bearer ${TOKEN.toUpperCase()}` },
    { authorization: `Bearer ${TOKEN} ${TOKEN}` },
    { 'x-api-token': TOKEN },
  ];

  it('refuses every mutation without the right bearer token, writing nothing', async () => {
    const before = await counts(executor);
    for (const mutation of MUTATIONS) {
      for (const headers of BAD) {
        const result = await call(mutation, {}, headers as Record<string, string>);
        expect(result.body.data ?? null, `${mutation} ${JSON.stringify(headers)}`).toBeNull();
        expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await counts(executor)).toEqual(before);
    const retracted = await call('{ relationship(id: "joe-biden-leads-united-states") { id } }');
    expect(retracted.body.data.relationship).not.toBeNull();
  });

  it('never writes a token to the log, right or wrong', async () => {
    await call(MUTATIONS[0] as string, {}, auth);
    await call(MUTATIONS[0] as string, {}, { authorization: `Bearer ${TOKEN}-wrong` });
    await call('{ actor(id: "russia") { id } }', {}, auth);
    expect(logText).toMatch(/"msg":"request"/);
    expect(logText).not.toContain(TOKEN);
    expect(logText).not.toMatch(/Bearer/i);
  });
});

describe('writes are idempotent and atomic', () => {
  const ADD = `mutation($input: RelationshipInput!) { addRelationship(input: $input) { id } }`;
  const input = {
    id: 'harden-retry-met-with',
    type: 'MET_WITH',
    from: 'vladimir-putin',
    to: 'kim-jong-un',
    status: 'fact',
    confidence: 0.95,
    validFrom: '2024-06-19',
    summary: 'They met in Pyongyang.',
    sources: ['article-2024-10-14-north-korea-troops'],
  };

  it('stores a relationship once however often and however concurrently it is retried', async () => {
    const before = await counts(executor);
    const results = await Promise.all(Array.from({ length: 8 }, () => call(ADD, { input }, auth)));
    const ok = results.filter((r) => !r.body.errors);
    expect(ok.length).toBeGreaterThan(0);
    for (const r of results) if (r.body.errors) expect(r.body.errors[0]?.extensions?.code).toBe('CONFLICT');
    for (let i = 0; i < 3; i += 1) expect((await call(ADD, { input }, auth)).body.errors).toBeUndefined();
    expect(await counts(executor)).toEqual({ nodes: before.nodes, relationships: before.relationships + 1 });
  });

  it('leaves nothing behind when an import fails on any record', async () => {
    const before = await counts(executor);
    const bundle = {
      format: 'actor-graph-bundle',
      version: 1,
      actors: [
        { id: 'atomic-a', kind: 'Country', name: 'Atomic A' },
        { id: 'atomic-b', kind: 'Country', name: 'Atomic B' },
      ],
      sources: [],
      relationships: [
        {
          id: 'atomic-a-met-b',
          type: 'MET_WITH',
          from: 'atomic-a',
          to: 'atomic-b',
          status: 'fact',
          confidence: 0.9,
          summary: 'Fine.',
          sources: ['no-such-source'],
        },
      ],
    };
    const result = await call('mutation($b: JSON!) { importBundle(bundle: $b) { actors } }', { b: bundle }, auth);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts(executor)).toEqual(before);
    const atomic = await call('{ actors(filter: { ids: ["atomic-a", "atomic-b"] }) { totalCount } }');
    expect(atomic.body.data.actors.totalCount).toBe(0);
  });
});
