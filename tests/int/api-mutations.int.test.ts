// Writes through the GraphQL API: the bearer-token check, upserts and relationships through the
// same validation as an import, idempotent retries, retraction, and whole bundles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { counts, resetDatabase, testApp } from '../helpers/db.js';

const TOKEN = 'test-token-5b1e0c7a';
const t = testApp({ API_TOKEN: TOKEN });
const closed = testApp();
afterAll(async () => {
  await t.close();
  await closed.close();
});
beforeAll(async () => {
  await resetDatabase(t.executor);
  await seedDatabase(t.executor, [BASE_SEED]);
});

const auth = { authorization: `Bearer ${TOKEN}` };
type Data = Record<string, any>;

async function write(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await t.graphql<Data>(query, variables, auth);
  expect(result.errors).toBeUndefined();
  return result.data as Data;
}
async function writeFails(query: string, variables: Record<string, unknown> = {}) {
  const result = await t.graphql<Data>(query, variables, auth);
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors?.[0] as { message: string; extensions?: Record<string, unknown> };
}

const UPSERT_ACTOR = 'mutation($input: ActorInput!) { upsertActor(input: $input) { id kind name aliases degree } }';
const ADD = `mutation($input: RelationshipInput!) { addRelationship(input: $input) {
  id type status from { id } to { id } validFrom { text } knownSince sources { id } claimedBy { id } about { id } } }`;

const arms = {
  id: 'belarus-supplies-arms-to-russia',
  type: 'SUPPLIES_ARMS_TO',
  from: 'belarus',
  to: 'russia',
  status: 'alleged',
  confidence: 0.4,
  validFrom: '2024-03',
  summary: 'Belarus is said to pass ammunition to Russia.',
  sources: ['test-wire-2024-11-02'],
  claimedBy: 'ukraine',
};

describe('write authorisation', () => {
  const mutation = 'mutation { upsertActor(input: {id: "x-land", kind: Country, name: "X"}) { id } }';

  it('refuses writes while API_TOKEN is unset, saying how to enable them', async () => {
    const result = await closed.graphql(mutation, {}, auth);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/API_TOKEN.*Bearer/);
  });

  it('needs the bearer token: none or a wrong one is UNAUTHENTICATED', async () => {
    const none = await t.graphql(mutation);
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await t.graphql(mutation, {}, { authorization: 'Bearer test-token-wrong' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const scheme = await t.graphql(mutation, {}, { authorization: `Basic ${TOKEN}` });
    expect(scheme.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.graphql<Data>('{ actor(id: "x-land") { id } }')).data?.actor).toBeNull();
  });

  it('keeps reads public', async () => {
    const result = await closed.graphql<Data>('{ actor(id: "russia") { name } }');
    expect(result.data?.actor.name).toBe('Russia');
  });
});

describe('upserts and relationships', () => {
  it('upserts an actor and a source, then updates them by id', async () => {
    const created = await write(UPSERT_ACTOR, {
      input: { id: 'belarus', kind: 'Country', name: 'Belarus', aliases: ['Minsk'] },
    });
    expect(created.upsertActor).toEqual({
      id: 'belarus',
      kind: 'Country',
      name: 'Belarus',
      aliases: ['Minsk'],
      degree: 0,
    });
    const updated = await write(UPSERT_ACTOR, {
      input: { id: 'belarus', kind: 'Country', name: 'Belarus', aliases: ['Minsk', 'Republic of Belarus'] },
    });
    expect(updated.upsertActor.aliases).toEqual(['Minsk', 'Republic of Belarus']);
    const source = await write(
      'mutation($input: SourceInput!) { upsertSource(input: $input) { id published kind url } }',
      {
        input: {
          id: 'test-wire-2024-11-02',
          title: 'Test wire report',
          publisher: 'Test Wire',
          published: '2024-11-02',
          kind: 'article',
        },
      },
    );
    expect(source.upsertSource).toEqual({
      id: 'test-wire-2024-11-02',
      published: '2024-11-02',
      kind: 'article',
      url: null,
    });
  });

  it('validates upserts like an import: an actor cannot change kind', async () => {
    const error = await writeFails(UPSERT_ACTOR, { input: { id: 'belarus', kind: 'Person', name: 'Belarus' } });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/actors\[0\] \(id belarus\): kind: .*Country/);
  });

  it('adds a relationship; the same retry changes nothing; other content under the id is a conflict', async () => {
    const before = await counts(t.executor);
    const added = await write(ADD, { input: arms });
    expect(added.addRelationship).toMatchObject({
      id: arms.id,
      status: 'alleged',
      from: { id: 'belarus' },
      to: { id: 'russia' },
      validFrom: { text: '2024-03' },
      knownSince: '2024-11-02',
      sources: [{ id: 'test-wire-2024-11-02' }],
      claimedBy: { id: 'ukraine' },
    });
    const afterAdd = await counts(t.executor);
    expect(afterAdd.relationships).toBe(before.relationships + 1);
    const retry = await write(ADD, { input: arms });
    expect(retry.addRelationship).toEqual(added.addRelationship);
    expect(await counts(t.executor)).toEqual(afterAdd);
    const conflict = await writeFails(ADD, { input: { ...arms, status: 'reported', confidence: 0.9 } });
    expect(conflict.extensions?.code).toBe('CONFLICT');
    expect(conflict.message).toContain('status, confidence');
  });

  it('rejects a relationship with the same messages as an import', async () => {
    const error = await writeFails(ADD, {
      input: { ...arms, id: 'belarus-arms-2', to: 'atlantis', sources: ['nope'], validFrom: '2024-02-30' },
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('to: unknown actor "atlantis"');
    expect(error.message).toContain('unknown source "nope"');
    expect(error.message).toContain('validFrom: impossible date "2024-02-30"');
    const claim = await writeFails(ADD, {
      input: { ...arms, id: 'belarus-arms-3', status: 'alleged', claimedBy: null },
    });
    expect(claim.message).toContain('claimedBy: required when status is alleged');
  });

  it('retracts a relationship: hidden from queries unless asked for, kept with time and reason', async () => {
    const empty = await writeFails(
      'mutation { retractRelationship(id: "belarus-supplies-arms-to-russia", reason: " ") { id } }',
    );
    expect(empty.message).toBe('reason: must say why the relationship is retracted');
    const unknown = await writeFails('mutation { retractRelationship(id: "nope", reason: "wrong") { id } }');
    expect(unknown.message).toBe('id: no relationship "nope"');
    const retracted = await write(
      'mutation { retractRelationship(id: "belarus-supplies-arms-to-russia", reason: "Source withdrew the report.") { id retractedAt retractReason } }',
    );
    expect(retracted.retractRelationship.retractReason).toBe('Source withdrew the report.');
    expect(Date.parse(retracted.retractRelationship.retractedAt)).not.toBeNaN();
    const read = await write(`{
      hidden: relationship(id: "belarus-supplies-arms-to-russia") { id }
      shown: relationship(id: "belarus-supplies-arms-to-russia", includeRetracted: true) { id }
      list: relationships(filter: {from: "belarus"}) { totalCount }
      all: relationships(filter: {from: "belarus", includeRetracted: true}) { totalCount }
      belarus: actor(id: "belarus") { degree relationships { id } } }`);
    expect(read).toEqual({
      hidden: null,
      shown: { id: 'belarus-supplies-arms-to-russia' },
      list: { totalCount: 0 },
      all: { totalCount: 1 },
      belarus: { degree: 0, relationships: [] },
    });
  });
});

describe('importBundle', () => {
  const bundle = {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [{ id: 'moldova', kind: 'Country', name: 'Moldova', aliases: ['Chisinau'] }],
    sources: [],
    relationships: [
      {
        id: 'russia-accused-by-moldova',
        type: 'ACCUSES',
        from: 'moldova',
        to: 'russia',
        status: 'fact',
        confidence: 0.9,
        validFrom: '2024-11-01',
        summary: 'Moldova accuses Russia of taking in North Korean troops.',
        sources: ['test-wire-2024-11-02'],
        about: 'north-korea-sends-troops-to-russia',
      },
    ],
  };
  const IMPORT = 'mutation($b: JSON!) { importBundle(bundle: $b) { actors sources relationships } }';

  it('imports a bundle in one go, idempotently', async () => {
    expect((await write(IMPORT, { b: bundle })).importBundle).toEqual({ actors: 1, sources: 0, relationships: 1 });
    const before = await counts(t.executor);
    await write(IMPORT, { b: bundle });
    expect(await counts(t.executor)).toEqual(before);
  });

  it('writes nothing from a bad bundle and lists every error', async () => {
    const before = await counts(t.executor);
    const bad = {
      ...bundle,
      actors: [{ id: 'transnistria', kind: 'Region', name: 'Transnistria' }],
      relationships: [{ ...bundle.relationships[0], id: 'x-accuses', from: 'transnistria', about: 'nope' }],
    };
    const error = await writeFails(IMPORT, { b: bad });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('unknown actor kind "Region"');
    expect(error.message).toContain('about: unknown relationship "nope"');
    expect(await counts(t.executor)).toEqual(before);
    const literal = await t.graphql(
      'mutation { importBundle(bundle: {format: "actor-graph-bundle", version: 2}) { actors } }',
      {},
      auth,
    );
    expect(literal.errors?.[0]?.message).toMatch(/version/);
  });
});
