// Ingestion and review on a real Neo4j holding the seed: the story of the five dev articles
// (ingest, accept what the gold lists, the troop claim's accusers, deniers and confirmers with
// their sources, knownOn before and after), and the guarantees of the queue: idempotent
// re-ingest, rejected stays rejected, an invalid edit writes nothing, concurrent accepts write
// once, proposals are invisible until accepted, corroboration keeps knowledge time.
// The corpus is read from ../shared/corpus beside the repository at run time, never copied.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import type { Executor } from '../../server/db/executor.js';
import { query } from '../../server/db/queries.js';
import { readArticleFile } from '../../server/extract/article.js';
import { parseGold, scoreArticle } from '../../server/extract/evaluate.js';
import { extractArticle } from '../../server/extract/extract.js';
import { loadGraphFor } from '../../server/extract/load-graph.js';
import { exportBundle } from '../../server/import/export-bundle.js';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { runScript } from '../helpers/cli.js';
import { counts, resetDatabase, testApp } from '../helpers/db.js';

const CORPUS = path.join(ROOT_DIR, '..', 'shared', 'corpus', 'dev');
const FILES = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join(CORPUS, f));
const gold = parseGold(JSON.parse(fs.readFileSync(path.join(CORPUS, 'gold.json'), 'utf8')), 'gold.json');
const TOKEN = 'review-test-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const TROOPS = 'north-korea-sends-troops-to-russia';

let t: ReturnType<typeof testApp>;
let executor: Executor;

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Gql> =>
  (await t.graphql(query, variables, AUTH)) as Gql;
const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const result = await gql(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, any>;
};

const INGEST = `mutation($a: ArticleInput!) { ingestArticle(article: $a) {
  created article { source { id } open accepted rejected }
  proposals { id kind state relationship { id type from to status about } actor { id name } target { id } }
} }`;
const ACCEPT_MANY = `mutation($ids: [ID!]!) { acceptProposals(ids: $ids) { id state acceptedAs { id } } }`;

function articleInput(file: string) {
  const { source, text } = readArticleFile(file);
  return { ...source, text };
}

/** Proposal ids of one article that the dev gold lists (scored as eval:extract scores them). */
async function goldProposalIds(file: string, proposals: any[]): Promise<string[]> {
  const article = readArticleFile(file);
  const graph = await loadGraphFor(executor, article.text);
  const score = scoreArticle(article.source.id, extractArticle(article, graph), gold, graph);
  const right = new Set(score.rightIds);
  const wanted = proposals.filter((p) => p.kind !== 'ACTOR' && right.has(p.relationship?.id));
  return wanted.map((p) => p.id);
}

beforeAll(async () => {
  t = testApp({ API_TOKEN: TOKEN });
  executor = t.executor;
  // The graph before any review: the reviewed articles' own seeds are what this test makes.
  await resetDatabase(executor);
  await seedDatabase(executor, [BASE_SEED]);
}, 240_000);

afterAll(async () => {
  await t.close();
});

describe('the story of the five dev articles', () => {
  const queued = new Map<string, any[]>();

  it('ingests every article into the queue and nothing of it into the graph', async () => {
    const before = await exportBundle(executor);
    const stats = await ok('{ stats { relationships actors } }');
    for (const file of FILES) {
      const data = await ok(INGEST, { a: articleInput(file) });
      expect(data.ingestArticle.created).toBe(true);
      expect(data.ingestArticle.proposals.length).toBeGreaterThan(0);
      queued.set(file, data.ingestArticle.proposals);
    }
    const after = await exportBundle(executor);
    // Only the articles' source records are new: no actor, no relationship.
    expect(after.relationships).toEqual(before.relationships);
    expect(after.actors).toEqual(before.actors);
    expect(after.sources.length).toBe(before.sources.length + FILES.length);
    expect(await ok('{ stats { relationships actors } }')).toEqual(stats);
    const proposed = [...queued.values()].flat().filter((p) => p.kind === 'RELATIONSHIP');
    const ids = proposed.map((p) => p.relationship.id);
    const seen = await ok(
      `query($ids: [ID!]) { relationships(filter: {}, first: 500) { nodes { id } }
      graph { edges { id } } actors(filter: { ids: $ids }) { totalCount } }`,
      { ids: [] },
    );
    const visible = new Set([
      ...seen.relationships.nodes.map((n: any) => n.id),
      ...seen.graph.edges.map((n: any) => n.id),
    ]);
    expect(ids.filter((id) => visible.has(id))).toEqual([]);
    const newActors = [...queued.values()].flat().filter((p) => p.kind === 'ACTOR');
    for (const a of newActors.slice(0, 3)) expect((await ok(`{ actor(id: "${a.actor.id}") { id } }`)).actor).toBeNull();
    const articles = await ok('{ articles { source { id } open accepted rejected } }');
    expect(articles.articles).toHaveLength(FILES.length);
    expect(articles.articles.every((a: any) => a.accepted === 0 && a.rejected === 0 && a.open > 0)).toBe(true);
  }, 240_000);

  it('accepts what the gold lists, article by article, and the troop claim grows', async () => {
    const before = await ok(`{ relationship(id: "${TROOPS}") { knownSince sources { id } claims { id } } }`);
    for (const file of FILES) {
      const proposals = queued.get(file) ?? [];
      let ids = await goldProposalIds(file, proposals);
      // The reviewer reads the US officials' statement as a confirmation (the gold allows either)
      // and edits the accusation before accepting it: that raises a status change of the claim.
      const us = proposals.find(
        (p) => p.relationship?.type === 'ACCUSES' && p.relationship.from === 'united-states' && p.target?.id === TROOPS,
      );
      if (us && ids.includes(us.id)) {
        const edited = await ok(
          `mutation($id: ID!, $e: ProposalEdit) { acceptProposal(id: $id, edits: $e) {
          state acceptedAs { id type about { id } } } }`,
          {
            id: us.id,
            e: { type: 'CONFIRMS', summary: 'US officials confirm that North Korean troops are in Russia.' },
          },
        );
        expect(edited.acceptProposal.acceptedAs).toMatchObject({ type: 'CONFIRMS', about: { id: TROOPS } });
        ids = ids.filter((id) => id !== us.id);
      }
      if (ids.length === 0) continue;
      const data = await ok(ACCEPT_MANY, { ids });
      expect(data.acceptProposals.every((p: any) => p.state === 'ACCEPTED' && p.acceptedAs)).toBe(true);
    }
    // The confirmation by a non-party raised a status change; it waits for review, then applies.
    const raised = await ok(`{ proposals(state: [OPEN], first: 500) { edges { node {
      id kind fromStatus toStatus target { id status } sentence } } } }`);
    const change = raised.proposals.edges
      .map((e: any) => e.node)
      .find((p: any) => p.kind === 'STATUS_CHANGE' && p.target?.id === TROOPS);
    expect(change).toMatchObject({ fromStatus: 'alleged', toStatus: 'reported', target: { status: 'alleged' } });
    const applied = await ok(`mutation($id: ID!) { acceptProposal(id: $id) { state acceptedAs { status } } }`, {
      id: change.id,
    });
    expect(applied.acceptProposal).toEqual({ state: 'ACCEPTED', acceptedAs: { status: 'reported' } });
    const data = await ok(`{ relationship(id: "${TROOPS}") {
      status knownSince sources { id }
      claims { type from { id } knownSince sources { id published } }
      disputed
      history { date kind status source { id } claim { id type } }
    } }`);
    const r = data.relationship;
    // Knowledge time stays that of the earliest source.
    expect(r.knownSince).toBe(before.relationship.knownSince);
    expect(r.claims.length).toBeGreaterThan(before.relationship.claims.length);
    const types = new Set(r.claims.map((c: any) => c.type));
    expect(types).toContain('ACCUSES');
    expect(types).toContain('DENIES');
    expect(types).toContain('CONFIRMS');
    for (const c of r.claims) {
      expect(c.sources.length).toBeGreaterThan(0);
      expect(c.knownSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const ingested = new Set(FILES.map((f) => path.basename(f, '.txt')));
    expect(r.claims.some((c: any) => c.sources.some((s: any) => ingested.has(s.id)))).toBe(true);
    expect(r.disputed).toBe(true);
    const dates = r.history.map((h: any) => h.date);
    expect([...dates].sort()).toEqual(dates);
    expect(r.history[0].kind).toBe('RECORDED');
    expect(r.history.some((h: any) => h.kind === 'DENIED')).toBe(true);
    // The old status stays in the history, the change dated by its source.
    const changed = r.history.find((h: any) => h.kind === 'STATUS_CHANGED');
    expect(changed).toMatchObject({
      date: '2024-10-24',
      status: 'reported',
      source: { id: '2024-10-24-ap-south-korea-may-arm-ukraine' },
    });
    expect(r.history[0].status).toBe('alleged');
    expect(r.status).toBe('reported');
  }, 240_000);

  it('answers differently as known on 20 and on 30 October 2024', async () => {
    const asKnown = async (day: string) =>
      (
        await ok(`{ relationships(filter: { knownOn: "${day}", types: [ACCUSES, DENIES, CONFIRMS] }, first: 500) {
          nodes { id type about { id } } } }`)
      ).relationships.nodes.filter((n: any) => n.about?.id === TROOPS);
    const early = await asKnown('2024-10-20');
    const late = await asKnown('2024-10-30');
    expect(late.length).toBeGreaterThan(early.length);
    expect(early.some((n: any) => n.type === 'DENIES' && n.id.startsWith('north-korea'))).toBe(false);
    expect(late.some((n: any) => n.type === 'DENIES')).toBe(true);
    const status = async (day: string) =>
      (
        await ok(`{ relationships(filter: { knownOn: "${day}", types: [SENDS_TROOPS_TO], from: "north-korea" }) {
          nodes { id status } } }`)
      ).relationships.nodes.find((n: any) => n.id === TROOPS)?.status;
    expect(await status('2024-10-20')).toBe('alleged');
    expect(await status('2024-10-30')).toBe('reported');
    const reportedOn = async (day: string) =>
      (
        await ok(`{ relationships(filter: { knownOn: "${day}", statuses: [reported], types: [SENDS_TROOPS_TO] }) {
          nodes { id } } }`)
      ).relationships.nodes.map((n: any) => n.id);
    expect(await reportedOn('2024-10-20')).not.toContain(TROOPS);
    expect(await reportedOn('2024-10-30')).toContain(TROOPS);
  });

  it('changes nothing when an article is ingested again with the same text', async () => {
    const before = await counts(executor);
    const file = FILES[1] as string;
    const data = await ok(INGEST, { a: articleInput(file) });
    expect(data.ingestArticle.created).toBe(false);
    expect(await counts(executor)).toEqual(before);
  });

  it('refuses the same id with another text', async () => {
    const input = articleInput(FILES[1] as string);
    const result = await gql(INGEST, { a: { ...input, text: `${input.text}\nOne more line.` } });
    expect(result.errors?.[0]?.message).toMatch(/already ingested with another text/);
    expect(result.errors?.[0]?.extensions?.argument).toBe('article.text');
  });

  it('runs npm run ingest with a progress line per file, leaving ingested articles as they are', async () => {
    const neo = inject('neo4j');
    const result = await runScript('server/cli/ingest.ts', FILES.slice(0, 2), {
      ...process.env,
      NEO4J_URI: neo.uri,
      NEO4J_USER: neo.user,
      NEO4J_PASSWORD: neo.password,
      NEO4J_DATABASE: neo.database,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\[1\/2\] .*: already ingested, unchanged as 2024-10-18-cbs-biden-berlin, \d+ open proposals?$/,
    );
  });
});

describe('review decisions', () => {
  const TEXT =
    'Kyiv, 3 March 2025. Poland plans to send fighter jets to Ukraine, the Polish government said on Monday.\n' +
    'Ruritania Freedom Front leaders met officials in Warsaw.';
  const article = (id: string, text = TEXT) => ({
    id,
    title: 'A test article',
    publisher: 'Test Wire',
    published: '2025-03-03',
    text,
  });
  const firstRelationship = (proposals: any[]) => proposals.find((p: any) => p.kind !== 'ACTOR');

  it('keeps a rejected proposal rejected, also when the article is ingested again', async () => {
    const first = await ok(INGEST, { a: article('test-reject') });
    const p = firstRelationship(first.ingestArticle.proposals);
    expect(p).toBeDefined();
    const rejected = await ok(
      `mutation($id: ID!) { rejectProposal(id: $id, reason: "not what the text says") { state reason decidedBy decidedAt } }`,
      { id: p.id },
    );
    expect(rejected.rejectProposal).toMatchObject({
      state: 'REJECTED',
      reason: 'not what the text says',
      decidedBy: 'api',
    });
    expect(rejected.rejectProposal.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await ok(INGEST, { a: article('test-reject') });
    expect(again.ingestArticle.created).toBe(false);
    expect(again.ingestArticle.proposals.find((q: any) => q.id === p.id).state).toBe('REJECTED');
    const accept = await gql(`mutation($id: ID!) { acceptProposal(id: $id) { state } }`, { id: p.id });
    expect(accept.errors?.[0]?.message).toMatch(/was rejected/);
  });

  it('writes nothing for an invalid edit and names the field', async () => {
    const data = await ok(INGEST, { a: article('test-invalid-edit') });
    const p = firstRelationship(data.ingestArticle.proposals);
    const before = await counts(executor);
    const version = await ok('{ alliances { graphVersion } }').catch(() => null);
    const result = await gql(`mutation($id: ID!) { acceptProposal(id: $id, edits: { confidence: 1.7 }) { state } }`, {
      id: p.id,
    });
    expect(result.errors?.[0]?.message).toMatch(/edits\.confidence: 1\.7 is outside \[0, 1\]/);
    expect(result.errors?.[0]?.extensions?.argument).toBe('edits.confidence');
    const bad = await gql(`mutation($id: ID!) { acceptProposal(id: $id, edits: { validFrom: "2025-13" }) { state } }`, {
      id: p.id,
    });
    expect(bad.errors?.[0]?.extensions?.argument).toBe('edits.validFrom');
    expect(await counts(executor)).toEqual(before);
    expect((await ok(`query($id: ID!) { proposal(id: $id) { state } }`, { id: p.id })).proposal.state).toBe('OPEN');
    if (version) expect(await ok('{ alliances { graphVersion } }')).toEqual(version);
  });

  it('writes a proposal once when it is accepted by concurrent calls', async () => {
    const data = await ok(INGEST, { a: article('test-concurrent') });
    const p = firstRelationship(data.ingestArticle.proposals);
    const calls = await Promise.all(
      Array.from({ length: 6 }, () =>
        gql(`mutation($id: ID!) { acceptProposal(id: $id) { state acceptedAs { id sources { id } } } }`, { id: p.id }),
      ),
    );
    for (const c of calls) expect(c.errors).toBeUndefined();
    const id = calls[0]?.data?.acceptProposal.acceptedAs.id;
    const rows = await executor.read(
      'MATCH ()-[r]->() WHERE r.id = $id RETURN count(r) AS n, collect(r.sources) AS sources',
      { id },
      { operation: 'test' },
    );
    expect(Number(rows[0]?.n)).toBe(1);
    expect(rows[0]?.sources).toEqual([['test-concurrent']]);
  });

  it('locks a proposal so that a decision waiting for the lock reads what the first committed', async () => {
    const data = await ok(INGEST, { a: article('test-lock') });
    const p = firstRelationship(data.ingestArticle.proposals);
    // As a database from before holds it: with the counter the lock used to bump.
    await executor.write('MATCH (p:Proposal {id: $id}) SET p.lock = 3', { id: p.id }, { operation: 'test' });
    const lock = query('proposals-lock');
    let locked: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const deciding = executor.writeTransaction(
      async (tx) => {
        await tx.run(lock, { ids: [p.id] });
        locked();
        // Long enough for the second transaction to reach the lock and wait for it.
        await new Promise((resolve) => setTimeout(resolve, 700));
        await tx.run('MATCH (p:Proposal {id: $id}) SET p.state = $state', { id: p.id, state: 'REJECTED' });
      },
      { operation: 'test-lock-first' },
    );
    await first;
    const second = await executor.writeTransaction(async (tx) => tx.run(lock, { ids: [p.id] }), {
      operation: 'test-lock-second',
    });
    await deciding;
    expect(second[0]?.state).toBe('REJECTED');
    const [row] = await executor.read(
      'MATCH (p:Proposal {id: $id}) RETURN p.state AS state, p.lock AS lock',
      { id: p.id },
      { operation: 'test' },
    );
    // Locking wrote nothing of its own: the first decision stands, and the old counter is gone.
    expect(row).toEqual({ state: 'REJECTED', lock: null });
  });

  it('corroborates what the graph holds: the source is added, knowledge time kept, confidence raised', async () => {
    const data = await ok(INGEST, { a: article('test-concurrent-again', TEXT) }).catch(() => null);
    expect(data).not.toBeNull();
    // Another article states the same relationship again: accepting it adds a source.
    const again = await ok(INGEST, {
      a: { ...article('test-corroborate', TEXT), publisher: 'Other Wire', published: '2025-03-05' },
    });
    const p = again.ingestArticle.proposals.find((q: any) => q.kind === 'CORROBORATION');
    expect(p).toBeDefined();
    const before = await ok(`{ relationship(id: "${p.target.id}") { knownSince confidence sources { id } } }`);
    const accepted = await ok(
      `mutation($id: ID!) { acceptProposal(id: $id) { state acceptedAs {
      id knownSince confidence sources { id } history { date kind source { id } } } } }`,
      { id: p.id },
    );
    const r = accepted.acceptProposal.acceptedAs;
    expect(r.id).toBe(p.target.id);
    expect(r.knownSince).toBe(before.relationship.knownSince);
    expect(r.sources.map((s: any) => s.id)).toContain('test-corroborate');
    expect(r.confidence).toBeGreaterThan(before.relationship.confidence);
    expect(r.confidence).toBeLessThanOrEqual(0.98);
    expect(r.history.map((h: any) => h.kind)).toEqual(['RECORDED', 'CORROBORATED']);
    expect(r.history[1]).toMatchObject({ date: '2025-03-05', source: { id: 'test-corroborate' } });
  });

  it('merges an actor into an existing one, adding the name as an alias', async () => {
    const data = await ok(INGEST, { a: article('test-merge') });
    const actor = data.ingestArticle.proposals.find((p: any) => p.kind === 'ACTOR');
    if (!actor) return;
    const merged = await ok(
      `mutation($id: ID!) { acceptProposal(id: $id, edits: { mergeInto: "ukraine" }) { state acceptedActor { id aliases } sentence } }`,
      { id: actor.id },
    );
    expect(merged.acceptProposal.acceptedActor.id).toBe('ukraine');
    expect(merged.acceptProposal.acceptedActor.aliases).toContain(actor.actor.name);
  });

  it('exports history and imports it back unchanged', async () => {
    const bundle = await exportBundle(executor);
    const { importBundle } = await import('../../server/import/import-bundle.js');
    await importBundle(executor, bundle);
    expect(await exportBundle(executor)).toEqual(bundle);
  });
});

describe('the shipped seeds', () => {
  it('walk the troop claim from 14 Oct to 17 Nov 2024, every article a source with its url', async () => {
    await resetDatabase(executor);
    await seedDatabase(executor);
    const data = await ok('{ sources { id published url } }');
    const articles = data.sources.filter((s: any) => FILES.some((f) => path.basename(f, '.txt') === s.id));
    expect(articles).toHaveLength(FILES.length);
    for (const a of articles) expect(a.url).toMatch(/^https:\/\//);
    const days = data.sources
      .map((s: any) => s.published)
      .filter((d: string) => d >= '2024-10-14')
      .sort();
    expect([days[0], days.at(-1)]).toEqual(['2024-10-14', '2024-11-17']);
    const status = async (day: string) =>
      (
        await ok(`{ relationships(filter: { knownOn: "${day}", types: [SENDS_TROOPS_TO], from: "north-korea" }) {
          nodes { id status } } }`)
      ).relationships.nodes.find((n: any) => n.id === TROOPS)?.status;
    expect(await status('2024-10-13')).toBeUndefined();
    expect(await status('2024-10-20')).toBe('alleged');
    expect(await status('2024-10-30')).toBe('reported');
    const claims = async (day: string) =>
      (
        await ok(`{ relationships(filter: { knownOn: "${day}", types: [ACCUSES, DENIES, CONFIRMS] }, first: 500) {
        nodes { about { id } } } }`)
      ).relationships.nodes.filter((n: any) => n.about?.id === TROOPS).length;
    const counts = [
      await claims('2024-10-14'),
      await claims('2024-10-22'),
      await claims('2024-10-24'),
      await claims('2024-11-17'),
    ];
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(counts[3]).toBeGreaterThan(counts[0] as number);
  }, 240_000);
});
