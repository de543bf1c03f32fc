// Named API tokens on a real Neo4j: API_TOKEN ("api") beside API_TOKENS alice and bob. Every
// review decision records the name of the token that made it (accept, accept with mergeInto,
// reject, a status change and its history entry, a batch accept, an added proposal's proposedBy),
// and a token that is none of them is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { counts, resetDatabase, testApp } from '../helpers/db.js';

const API = 'api-secret-tokens-int-89ab';
const ALICE = 'alice-secret-tokens-int-0123';
const BOB = 'bob-secret-tokens-int-4567';
const TROOPS = 'north-korea-sends-troops-to-russia';

// A short report in the test's own words, with the cues the reader knows.
const TEXT = [
  'Kyiv, 5 March 2025. Poland plans to send fighter jets to Ukraine, the Polish government said on Monday.',
  'The United States confirmed on Tuesday that North Korea sends troops to Russia.',
].join('\n');
const SOURCE = 'tokens-2025-03-05-wire';

const t = testApp({ API_TOKEN: API, API_TOKENS: `alice:${ALICE},bob:${BOB}` });

type Gql = { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const as =
  (secret: string) =>
  async (query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> => {
    const result = (await t.graphql(query, variables, { authorization: `Bearer ${secret}` })) as Gql;
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>;
  };
const api = as(API);
const alice = as(ALICE);
const bob = as(BOB);

const FIELDS = 'id kind state decidedBy decidedAt proposedBy';
const ACCEPT = `mutation($id: ID!, $e: ProposalEdit) { acceptProposal(id: $id, edits: $e) { ${FIELDS} } }`;
const REJECT = `mutation($id: ID!) { rejectProposal(id: $id, reason: "the text does not say so") { ${FIELDS} } }`;
const OPEN = `query($s: ID) { proposals(source: $s, state: [OPEN]) { edges { node {
  id kind actor { id } relationship { id type from to about } target { id } } } } }`;

let queued: any[] = [];
const openProposals = async (): Promise<any[]> =>
  (await api(OPEN, { s: SOURCE })).proposals.edges.map((e: any) => e.node);

beforeAll(async () => {
  await resetDatabase(t.executor);
  await seedDatabase(t.executor, [BASE_SEED]);
  const data = await api(
    `mutation($a: ArticleInput!) { ingestArticle(article: $a) { created proposals { ${FIELDS}
      actor { id } relationship { id type from to about } target { id } } } }`,
    { a: { id: SOURCE, title: 'Tokens test', publisher: 'Test Wire', published: '2025-03-05', text: TEXT } },
  );
  expect(data.ingestArticle.created).toBe(true);
  queued = data.ingestArticle.proposals;
}, 240_000);

afterAll(async () => {
  await t.close();
});

describe('named API tokens', () => {
  it('refuses a token that is none of the configured ones, and writes nothing', async () => {
    const target = queued.find((p) => p.kind !== 'ACTOR');
    expect(target).toBeDefined();
    const before = await counts(t.executor);
    const wrong = [
      `Bearer ${ALICE}x`,
      `Bearer ${ALICE.slice(0, -1)}`,
      `Bearer ${BOB.toUpperCase()}`,
      'Bearer alice',
      `Bearer alice:${ALICE}`,
      `Bearer ${ALICE},${BOB}`,
      `Bearer ${ALICE} ${BOB}`,
      `Basic ${Buffer.from(`alice:${ALICE}`).toString('base64')}`,
      ALICE,
    ];
    for (const authorization of wrong) {
      for (const [query, variables] of [
        [ACCEPT, { id: target.id }],
        [REJECT, { id: target.id }],
      ] as const) {
        const result = (await t.graphql(query, variables, { authorization })) as Gql;
        expect(result.errors?.[0]?.extensions?.code, authorization).toBe('UNAUTHENTICATED');
        expect(result.errors?.[0]?.message).not.toContain(ALICE);
      }
    }
    expect(await counts(t.executor)).toEqual(before);
    const still = await api(`query($id: ID!) { proposal(id: $id) { state decidedBy } }`, { id: target.id });
    expect(still.proposal).toEqual({ state: 'OPEN', decidedBy: null });
  });

  it('records the name of the token behind every decision', async () => {
    const kind = (k: string, about: string | null = null) =>
      queued.find((p) => p.kind === k && (p.relationship?.about ?? null) === about);
    const actor = kind('ACTOR');
    const relationship = kind('RELATIONSHIP');
    const corroboration = kind('CORROBORATION');
    const claim = kind('RELATIONSHIP', TROOPS);
    const change = kind('STATUS_CHANGE', TROOPS);
    // The text was written for these: a new state, a plan of it, the stored troop claim stated
    // again, a confirmation of it by a non-party and the status change that implies.
    for (const p of [actor, relationship, corroboration, claim, change]) expect(p).toBeDefined();
    expect(relationship.relationship.from).toBe(actor.actor.id);

    // The new actor merged into an existing one (bob); the relationship naming it follows.
    const merged = (await bob(ACCEPT, { id: actor.id, e: { mergeInto: 'united-states' } })).acceptProposal;
    expect(merged).toMatchObject({ state: 'ACCEPTED', decidedBy: 'bob', proposedBy: null });
    expect(merged.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Accept (alice), reject (bob); deciding again keeps the first decision and its name.
    expect((await alice(ACCEPT, { id: relationship.id })).acceptProposal).toMatchObject({
      state: 'ACCEPTED',
      decidedBy: 'alice',
    });
    expect((await bob(REJECT, { id: corroboration.id })).rejectProposal).toMatchObject({
      state: 'REJECTED',
      decidedBy: 'bob',
    });
    expect((await alice(REJECT, { id: corroboration.id })).rejectProposal.decidedBy).toBe('bob');
    expect((await bob(ACCEPT, { id: relationship.id })).acceptProposal.decidedBy).toBe('alice');

    // The confirmation (alice), then the status change it implies (bob): bob is on the proposal
    // and on the relationship's history entry.
    expect((await alice(ACCEPT, { id: claim.id })).acceptProposal.decidedBy).toBe('alice');
    expect((await bob(ACCEPT, { id: change.id })).acceptProposal).toMatchObject({
      state: 'ACCEPTED',
      decidedBy: 'bob',
    });
    const troops = (await api(`{ relationship(id: "${TROOPS}") { status history { kind by source { id } } } }`))
      .relationship;
    expect(troops.history.filter((h: any) => h.kind === 'STATUS_CHANGED')).toEqual([
      { kind: 'STATUS_CHANGED', by: 'bob', source: { id: SOURCE } },
    ]);

    // A proposal added by alice, then the rest accepted in one batch with API_TOKEN.
    const span = 'The United States confirmed';
    const start = TEXT.indexOf(span);
    const added = (
      await alice(`mutation($s: ID!, $p: NewProposalInput!) { addProposal(source: $s, proposal: $p) { ${FIELDS} } }`, {
        s: SOURCE,
        p: {
          type: 'PLEDGES_SUPPORT_TO',
          from: 'united-states',
          to: 'ukraine',
          status: 'reported',
          start,
          end: start + span.length,
        },
      })
    ).addProposal;
    expect(added).toMatchObject({ state: 'OPEN', proposedBy: 'alice', decidedBy: null });
    const rest = (await openProposals()).map((p) => p.id);
    expect(rest).toContain(added.id);
    const batch = (await api(`mutation($ids: [ID!]!) { acceptProposals(ids: $ids) { ${FIELDS} } }`, { ids: rest }))
      .acceptProposals;
    expect(batch.map((p: any) => [p.state, p.decidedBy])).toEqual(rest.map(() => ['ACCEPTED', 'api']));
    expect(batch.find((p: any) => p.id === added.id).proposedBy).toBe('alice');

    // The queue as read back: every decision with its writer's name.
    const all = await api(`query($s: ID) { proposals(source: $s) { edges { node { id state decidedBy } } } }`, {
      s: SOURCE,
    });
    const by = new Map(all.proposals.edges.map((e: any) => [e.node.id, e.node.decidedBy]));
    expect(by.get(actor.id)).toBe('bob');
    expect(by.get(relationship.id)).toBe('alice');
    expect(by.get(corroboration.id)).toBe('bob');
    expect(by.get(claim.id)).toBe('alice');
    expect(by.get(change.id)).toBe('bob');
    expect(by.get(added.id)).toBe('api');
    expect(all.proposals.edges.every((e: any) => e.node.state !== 'OPEN')).toBe(true);
  });
});
