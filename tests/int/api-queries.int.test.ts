// The read side of the GraphQL API over HTTP (app.fetch) against the real Neo4j with the seed
// graph: lookups, filters alone and combined, pagination, claims, time, and bad arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const t = testApp();
afterAll(() => t.close());
beforeAll(async () => {
  await resetDatabase(t.executor);
  await seedDatabase(t.executor, [BASE_SEED]);
});

type Data = Record<string, any>;
async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await t.graphql<Data>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Data;
}
async function fails(query: string, variables: Record<string, unknown> = {}) {
  const result = await t.graphql<Data>(query, variables);
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors?.[0] as { message: string; extensions?: Record<string, unknown> };
}
const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

describe('actor lookups and search', () => {
  it('finds one actor by id, with kind, aliases and degree; null for an unknown id', async () => {
    const data = await ok(`{ a: actor(id: "north-korea") { id kind name aliases degree }
      none: actor(id: "atlantis") { id } }`);
    expect(data.a).toMatchObject({ id: 'north-korea', kind: 'Country', name: 'North Korea' });
    expect(data.a.aliases).toContain('DPRK');
    expect(data.a.degree).toBeGreaterThanOrEqual(10);
    expect(data.none).toBeNull();
  });

  it('searches names and aliases through the full-text index, with a trailing wildcard', async () => {
    const search = async (text: string) =>
      ids((await ok('query($s: String) { actors(filter: {search: $s}) { nodes { id } } }', { s: text })).actors.nodes);
    expect(await search('Pyongyang')).toEqual(['north-korea']);
    expect(await search('DPRK')).toEqual(['north-korea']);
    expect(await search('Zelen')).toEqual(['volodymyr-zelenskyy']);
    expect(await search('kim yong')).toEqual(['kim-yong-hyun']);
    // Lucene syntax in the search string is just text: no error, no injection.
    expect(await search('Kim) OR (*:* [a TO z] "~')).toEqual([]);
    expect(await search('***')).toEqual([]);
  });

  it('filters actors by kind and ids, ordered by name', async () => {
    const data = await ok('{ actors(filter: {kinds: [Person]}) { totalCount nodes { name kind } } }');
    expect(data.actors.totalCount).toBe(5);
    const names = data.actors.nodes.map((n: { name: string }) => n.name);
    expect(names).toEqual([...names].sort());
    expect(data.actors.nodes.every((n: { kind: string }) => n.kind === 'Person')).toBe(true);
    const byIds = await ok(
      '{ actors(filter: {ids: ["russia", "ukraine", "nowhere"], kinds: [Country]}) { totalCount nodes { id } } }',
    );
    expect(ids(byIds.actors.nodes)).toEqual(['russia', 'ukraine']);
  });

  it('pages actors with opaque cursors: first page, last page, past the end', async () => {
    const query =
      'query($after: String) { actors(first: 5, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { actors } = await ok(query, { after });
      expect(actors.totalCount).toBe(12);
      seen.push(...ids(actors.nodes));
      pages += 1;
      if (!actors.pageInfo.hasNextPage) {
        after = actors.pageInfo.endCursor;
        break;
      }
      after = actors.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    const past = await ok(query, { after });
    expect(past.actors).toMatchObject({ totalCount: 12, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('relationships', () => {
  it('lists every relationship with embedded ends, sources, dates and sentence', async () => {
    const data = await ok(`{ relationships(first: 500) { totalCount nodes { id type status confidence
      from { id } to { id } sources { id published } knownSince sentence
      validFrom { text precision start end } validTo { text precision start end } typeInfo { label directed } } } }`);
    expect(data.relationships.totalCount).toBe(27);
    const troops = data.relationships.nodes.find((r: { id: string }) => r.id === 'north-korea-sends-troops-to-russia');
    expect(troops).toMatchObject({
      type: 'SENDS_TROOPS_TO',
      status: 'alleged',
      from: { id: 'north-korea' },
      to: { id: 'russia' },
      knownSince: '2024-10-14',
      sentence: expect.stringContaining('North Korea'),
      validFrom: { text: '2024-10', precision: 'month', start: '2024-10-01', end: '2024-10-31' },
      validTo: null,
    });
    const met = data.relationships.nodes.find(
      (r: { id: string }) => r.id === 'kim-jong-un-met-with-vladimir-putin-2023-09',
    );
    expect(met.validTo).toEqual({ text: '2023-09', precision: 'month', start: '2023-09-01', end: '2023-09-30' });
    expect(met.typeInfo.directed).toBe(false);
  });

  it('orders by valid time then id and pages to the end', async () => {
    const query = `query($after: String) { relationships(first: 10, after: $after) { totalCount
      nodes { id validFrom { start } knownSince } pageInfo { hasNextPage endCursor } } }`;
    const all: { id: string; validFrom: { start: string } | null; knownSince: string }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const { relationships } = await ok(query, { after });
      all.push(...relationships.nodes);
      after = relationships.pageInfo.endCursor;
      if (!relationships.pageInfo.hasNextPage) break;
    }
    expect(all).toHaveLength(27);
    const keys = all.map((r) => `${r.validFrom?.start ?? r.knownSince} ${r.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('filters by type, status, confidence, ends, source, claimant — alone and combined', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (
        await ok(
          'query($f: RelationshipFilter) { relationships(filter: $f) { totalCount nodes { id type status from { id } to { id } } } }',
          { f: filter },
        )
      ).relationships;
    expect((await count({ types: ['ACCUSES'] })).totalCount).toBe(6);
    expect((await count({ types: ['ACCUSES'], to: 'north-korea' })).totalCount).toBe(6);
    expect((await count({ excludeTypes: ['ACCUSES', 'DENIES'] })).totalCount).toBe(19);
    expect((await count({ statuses: ['alleged'] })).totalCount).toBe(3);
    expect((await count({ statuses: ['alleged'], minConfidence: 0.6 })).totalCount).toBe(2);
    expect((await count({ from: 'russia' })).totalCount).toBe(5);
    expect(
      (await count({ involving: 'ukraine' })).nodes.every(
        (r: { from: { id: string }; to: { id: string } }) => r.from.id === 'ukraine' || r.to.id === 'ukraine',
      ),
    ).toBe(true);
    expect((await count({ source: 'ref-putin-inauguration-2012' })).nodes.map((r: { id: string }) => r.id)).toEqual([
      'vladimir-putin-leads-russia',
    ]);
    expect((await count({ claimedBy: 'united-states' })).nodes.map((r: { id: string }) => r.id)).toEqual([
      'north-korea-supplies-arms-to-russia',
    ]);
    // Symmetric types count from either end: the meeting is stored from Putin's side.
    const met = await count({ types: ['MET_WITH'], from: 'kim-jong-un', to: 'vladimir-putin' });
    expect(met.totalCount).toBe(2);
  });

  it('filters valid time with between and asOf, knowledge time with knownOn', async () => {
    const rel = async (filter: Record<string, unknown>) =>
      ids(
        (
          await ok('query($f: RelationshipFilter) { relationships(filter: $f, first: 500) { nodes { id } } }', {
            f: filter,
          })
        ).relationships.nodes,
      );
    const asOf = await rel({ asOf: '2023-09-15' });
    expect(asOf).toContain('kim-jong-un-visited-russia-2023-09');
    expect(asOf).toContain('vladimir-putin-leads-russia');
    expect(asOf).not.toContain('north-korea-sends-troops-to-russia');
    expect(asOf).not.toContain('kim-yong-hyun-serves-in-south-korea');
    // Known on 2024-06-30 only the relationships with an older source: the leaders' offices.
    expect((await rel({ knownOn: '2024-06-30' })).sort()).toEqual([
      'joe-biden-leads-united-states',
      'kim-jong-un-leads-north-korea',
      'vladimir-putin-leads-russia',
      'volodymyr-zelenskyy-leads-ukraine',
    ]);
    const between = await rel({ between: { from: '2024-06-01', to: '2024-06-30' } });
    expect(between).toContain('vladimir-putin-visited-north-korea-2024-06');
    expect(between).toContain('russia-cooperates-with-north-korea'); // a state still holding
    expect(between).not.toContain('russia-invaded-ukraine'); // an event of 2022
    expect(between).not.toContain('kim-jong-un-visited-russia-2023-09'); // an event long over
    expect(between).not.toContain('north-korea-sends-troops-to-russia');
  });

  it('finds one relationship by id, null when unknown', async () => {
    const data = await ok(`{ r: relationship(id: "russia-invaded-ukraine") { id type }
      none: relationship(id: "nope") { id } }`);
    expect(data.r).toEqual({ id: 'russia-invaded-ukraine', type: 'INVADED' });
    expect(data.none).toBeNull();
  });
});

describe('claims, disputes and timelines', () => {
  it('links claims to what they are about, with claimants and disputed flags', async () => {
    const data = await ok(`{ claims(about: "north-korea-sends-troops-to-russia") { id type from { id } about { id } }
      r: relationship(id: "north-korea-sends-troops-to-russia") { disputed claimedBy { id } claims { id } }
      arms: relationship(id: "north-korea-supplies-arms-to-russia") { disputed claims { type } } }`);
    expect(data.claims.map((c: { id: string }) => c.id).sort()).toEqual([
      'kim-yong-hyun-accuses-north-korea-of-sending-troops',
      'russia-denies-north-korean-troops-claim',
      'volodymyr-zelenskyy-accuses-north-korea-of-sending-troops-2024-10-13',
    ]);
    expect(data.r).toMatchObject({ disputed: true, claimedBy: { id: 'volodymyr-zelenskyy' } });
    expect(data.arms.disputed).toBe(false);
    expect(data.arms.claims.every((c: { type: string }) => c.type === 'ACCUSES')).toBe(true);
  });

  it('lists disputed relationships, filtered too', async () => {
    const data = await ok(`{ all: disputed { id } none: disputed(filter: {types: [SUPPLIES_ARMS_TO]}) { id } }`);
    expect(ids(data.all).sort()).toEqual([
      'north-korea-sends-troops-to-russia',
      'ukraine-strike-killed-north-korean-officers',
    ]);
    expect(data.none).toEqual([]);
  });

  it('gives the timeline of one actor or a pair, in time order', async () => {
    const paged =
      await ok(`{ one: timeline(actor: "kim-jong-un") { totalCount nodes { id validFrom { start } knownSince } }
      pair: timeline(actor: "russia", other: "north-korea") { nodes { id from { id } to { id } } }
      window: timeline(actor: "kim-jong-un", between: {from: "2024-01-01", to: "2024-12-31"}) { nodes { id } } }`);
    const data = { one: paged.one.nodes, pair: paged.pair.nodes, window: paged.window.nodes };
    expect(paged.one.totalCount).toBe(data.one.length);
    const keys = data.one.map(
      (r: { id: string; validFrom: { start: string } | null; knownSince: string }) =>
        `${r.validFrom?.start ?? r.knownSince} ${r.id}`,
    );
    expect(keys).toEqual([...keys].sort());
    expect(ids(data.one)).toContain('kim-jong-un-leads-north-korea');
    for (const r of data.pair) expect([r.from.id, r.to.id].sort()).toEqual(['north-korea', 'russia']);
    expect(ids(data.pair)).toContain('russia-cooperates-with-north-korea');
    expect(ids(data.pair)).toContain('north-korea-sends-troops-to-russia');
    expect(ids(data.window)).toContain('kim-jong-un-pledged-support-to-russia-2024-06');
    expect(ids(data.window)).not.toContain('kim-jong-un-visited-russia-2023-09');
  });

  it('pages a timeline and says how long it is, instead of cutting it short', async () => {
    const all = await ok('{ timeline(actor: "russia", first: 500) { totalCount nodes { id } } }');
    const total = all.timeline.totalCount;
    expect(total).toBeGreaterThan(4);
    expect(all.timeline.nodes).toHaveLength(total);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < total; pages += 1) {
      const query =
        'query($after: String) { timeline(actor: "russia", first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
      const { timeline } = await ok(query, { after });
      expect(timeline.totalCount).toBe(total);
      seen.push(...ids(timeline.nodes));
      if (!timeline.pageInfo.hasNextPage) break;
      after = timeline.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(all.timeline.nodes));
    const tooMany = await fails('{ timeline(actor: "russia", first: 501) { totalCount } }');
    expect(tooMany.message).toBe('first: must be between 1 and 500, got 501');
  });
});

describe('subgraphs', () => {
  it('gives the neighbourhood of an actor by depth, under a filter', async () => {
    const data = await ok(`{ d1: neighborhood(id: "germany") { nodes { id } edges { id } }
      d2: neighborhood(id: "germany", depth: 2) { nodes { id } edges { id from { id } to { id } } }
      none: neighborhood(id: "atlantis") { nodes { id } edges { id } } }`);
    expect(ids(data.d1.nodes).sort()).toEqual(['germany', 'joe-biden']);
    expect(ids(data.d1.edges).sort()).toEqual([
      'joe-biden-visit-to-germany-expected-2024-10',
      'joe-biden-visit-to-germany-postponed-2024-10',
    ]);
    expect(ids(data.d2.nodes).sort()).toEqual(['germany', 'joe-biden', 'united-states']);
    const nodeIds = new Set(ids(data.d2.nodes));
    for (const e of data.d2.edges) expect(nodeIds.has(e.from.id) && nodeIds.has(e.to.id)).toBe(true);
    expect(data.none).toEqual({ nodes: [], edges: [] });
    const filtered = await ok('{ neighborhood(id: "germany", filter: {statuses: [planned]}) { edges { id } } }');
    expect(ids(filtered.neighborhood.edges)).toEqual(['joe-biden-visit-to-germany-expected-2024-10']);
  });

  it('gives the whole graph under a filter, nodes from the edges', async () => {
    const data = await ok(
      '{ all: graph { nodes { id } edges { id } } leads: graph(filter: {types: [LEADS]}) { nodes { id } edges { id } } }',
    );
    expect(data.all.edges).toHaveLength(27);
    expect(data.all.nodes).toHaveLength(11); // the UN monitors only claim, they have no edge
    expect(data.leads.edges).toHaveLength(4);
    expect(data.leads.nodes).toHaveLength(8);
  });
});

describe('sources, vocabulary, stats', () => {
  it('lists sources with the relationships citing them', async () => {
    const data = await ok(`{ sources { id published relationships { id } }
      s: source(id: "ref-putin-inauguration-2012") { title relationships { id } } none: source(id: "nope") { id } }`);
    expect(data.sources).toHaveLength(6);
    expect(data.sources[0].id).toBe('article-2024-10-14-north-korea-troops');
    expect(data.sources[0].relationships).toHaveLength(27);
    expect(ids(data.s.relationships)).toEqual(['vladimir-putin-leads-russia']);
    expect(data.none).toBeNull();
  });

  it('lists the vocabulary and counts the graph', async () => {
    const data = await ok(`{ relationshipTypes { type template directed aboutClaim cameo weight fromKinds }
      stats(top: 3) { actors relationships sources actorsByKind { key count } relationshipsByType { key count }
        relationshipsByStatus { key count } mostConnected { actor { id degree } degree } } }`);
    expect(data.relationshipTypes.find((t: { type: string }) => t.type === 'ACCUSES')).toMatchObject({
      aboutClaim: true,
      directed: true,
      cameo: '112',
    });
    expect(data.stats).toMatchObject({ actors: 12, relationships: 27, sources: 6 });
    expect(data.stats.actorsByKind).toEqual([
      { key: 'Country', count: 6 },
      { key: 'Person', count: 5 },
      { key: 'Organization', count: 1 },
    ]);
    expect(data.stats.relationshipsByType.find((c: { key: string }) => c.key === 'ACCUSES').count).toBe(6);
    expect(data.stats.mostConnected).toHaveLength(3);
    expect(data.stats.mostConnected[0].actor.id).toBe('north-korea');
    expect(data.stats.mostConnected[0].actor.degree).toBe(data.stats.mostConnected[0].degree);
  });
});

describe('bad arguments', () => {
  it('rejects page sizes and cursors out of range, naming argument and value', async () => {
    // Sent as a variable, the page size reaches the resolver's own check …
    const big = await fails('query ($n: Int) { relationships(first: $n) { totalCount } }', { n: 100000 });
    expect(big.message).toBe('first: must be between 1 and 500, got 100000');
    expect(big.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await fails('{ relationships(first: 501) { totalCount } }')).message).toBe(
      'first: must be between 1 and 500, got 501',
    );
    // … and so does one written into the document: the cost estimate reads both alike, and a single
    // page of totalCount is far under the budget (tests/int/harden-limits.int.test.ts refuses one over it).
    const literal = await fails('{ relationships(first: 100000) { totalCount } }');
    expect(literal.message).toBe('first: must be between 1 and 500, got 100000');
    const negative = await fails('{ actors(first: -1) { totalCount } }');
    expect(negative.message).toBe('first: must be between 1 and 500, got -1');
    const cursor = await fails('{ actors(after: "garbage") { totalCount } }');
    expect(cursor.message).toMatch(/^after: "garbage" is not a cursor/);
    expect(cursor.extensions?.code).toBe('BAD_USER_INPUT');
    const depth = await fails('{ neighborhood(id: "russia", depth: 4) { nodes { id } } }');
    expect(depth.message).toBe('depth: must be between 1 and 3, got 4');
    const confidence = await fails('{ relationships(filter: {minConfidence: 2}) { totalCount } }');
    expect(confidence.message).toBe('filter.minConfidence: must be between 0 and 1, got 2');
  });

  it('rejects malformed and impossible dates with BAD_USER_INPUT', async () => {
    const variable = await fails('query($f: RelationshipFilter) { relationships(filter: $f) { totalCount } }', {
      f: { asOf: '2024-13-01' },
    });
    expect(variable.message).toContain('"2024-13-01" is not a date (YYYY-MM-DD)');
    expect(variable.message).toContain('asOf');
    expect(variable.extensions?.code).toBe('BAD_USER_INPUT');
    const literal = await fails('{ relationships(filter: {knownOn: "2024-02-30"}) { totalCount } }');
    expect(literal.message).toContain('"2024-02-30" is not a date (YYYY-MM-DD)');
    expect(literal.extensions?.code).toBe('BAD_USER_INPUT');
    const range = await fails(
      '{ timeline(actor: "russia", between: {from: "2024-02-01", to: "2024-01-01"}) { totalCount } }',
    );
    expect(range.message).toBe('between: to "2024-01-01" is before from "2024-02-01"');
  });

  it('rejects unknown enum values with a clear message', async () => {
    const error = await fails('{ relationships(filter: {types: [LIKES]}) { totalCount } }');
    expect(error.message).toContain('LIKES');
    expect(error.message).toContain('RelationshipType');
  });
});
