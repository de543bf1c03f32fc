// Import and export against the real Neo4j: validation before writing, one transaction, idempotence,
// constraints, and the export → import → export round trip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../server/import/export-bundle.js';
import { BASE_SEED, BundleValidationError, importBundle, seedDatabase } from '../../server/import/import-bundle.js';
import { runScript } from '../helpers/cli.js';
import { counts, openExecutor, resetDatabase, testConfig } from '../helpers/db.js';

const executor = openExecutor();
afterAll(() => executor.close());
beforeEach(() => resetDatabase(executor));

const source = (id: string, published: string) => ({
  id,
  title: `Report ${id}`,
  publisher: 'Test Wire',
  published,
  url: null,
  kind: 'article',
});
const country = (id: string, name = id.toUpperCase()) => ({
  id,
  kind: 'Country',
  name,
  aliases: [],
  description: null,
});

function smallBundle() {
  return {
    format: 'actor-graph-bundle',
    version: 1,
    actors: [country('aa'), country('bb'), country('cc'), { ...country('pp'), kind: 'Person', name: 'P. Person' }],
    sources: [source('s-early', '2024-01-10'), source('s-late', '2024-06-01')],
    relationships: [
      {
        id: 'aa-arms-bb',
        type: 'SUPPLIES_ARMS_TO',
        from: 'aa',
        to: 'bb',
        status: 'alleged',
        confidence: 0.5,
        validFrom: '2023-09',
        validTo: null,
        summary: 'AA is said to send arms to BB.',
        sources: ['s-late', 's-early'],
        claimedBy: 'cc',
        about: null,
      },
      {
        id: 'cc-accuses-aa',
        type: 'ACCUSES',
        from: 'cc',
        to: 'aa',
        status: 'fact',
        confidence: 0.9,
        validFrom: '2024-01-09',
        summary: 'CC accuses AA of arming BB.',
        sources: ['s-early'],
        claimedBy: null,
        about: 'aa-arms-bb',
      },
      {
        id: 'pp-leads-cc',
        type: 'LEADS',
        from: 'pp',
        to: 'cc',
        status: 'fact',
        confidence: 1,
        validFrom: '2019',
        validTo: '2024-05',
        summary: 'P. Person led CC.',
        sources: ['s-late'],
      },
    ],
  };
}

async function rejected(input: unknown): Promise<string[]> {
  try {
    await importBundle(executor, input);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleValidationError);
    return [...(error as BundleValidationError).lines];
  }
  throw new Error('the bundle was accepted');
}

describe('import', () => {
  it('writes a bundle, stores dates with precision and knowledge time, and re-importing changes nothing', async () => {
    expect(await importBundle(executor, smallBundle())).toEqual({ actors: 4, sources: 2, relationships: 3 });
    const [rel] = await executor.read(
      'MATCH (:Actor {id: "aa"})-[r:SUPPLIES_ARMS_TO]->(:Actor {id: "bb"}) RETURN r',
      {},
      { operation: 'test' },
    );
    expect(rel?.r).toMatchObject({
      validFrom: '2023-09-01',
      validFromPrecision: 'month',
      knownSince: '2024-01-10',
      claimedBy: 'cc',
    });
    expect(rel?.r).not.toHaveProperty('validTo');
    const [lead] = await executor.read('MATCH ()-[r:LEADS]->() RETURN r', {}, { operation: 'test' });
    expect(lead?.r).toMatchObject({ validFrom: '2019-01-01', validTo: '2024-05-31', validToPrecision: 'month' });
    const [labels] = await executor.read('MATCH (a:Actor {id: "pp"}) RETURN labels(a) AS l', {}, { operation: 'test' });
    expect([...((labels?.l ?? []) as string[])].sort()).toEqual(['Actor', 'Person']);

    const before = await exportBundle(executor);
    const countsBefore = await counts(executor);
    await importBundle(executor, smallBundle());
    expect(await counts(executor)).toEqual(countsBefore);
    expect(await exportBundle(executor)).toEqual(before);
  });

  it('writes nothing when any record is bad, and names the record and field', async () => {
    await importBundle(executor, smallBundle());
    const before = await exportBundle(executor);
    const bad = smallBundle();
    bad.actors.push(country('dd'));
    bad.relationships.push({ ...bad.relationships[0], id: 'dd-arms-bb', from: 'dd', to: 'russsia' } as never);
    const lines = await rejected(bad);
    expect(lines).toContain('relationships[3] (id dd-arms-bb): to: unknown actor "russsia"');
    expect(await exportBundle(executor)).toEqual(before);
  });

  it('resolves references into the stored graph, and refuses ids that would change meaning', async () => {
    await importBundle(executor, smallBundle());
    const followUp = {
      format: 'actor-graph-bundle',
      version: 1,
      actors: [],
      sources: [source('s-denial', '2024-07-01')],
      relationships: [
        {
          id: 'aa-denies',
          type: 'DENIES',
          from: 'aa',
          to: 'cc',
          status: 'fact',
          confidence: 0.95,
          validFrom: '2024-07-01',
          summary: 'AA rejects the claim.',
          sources: ['s-denial'],
          about: 'aa-arms-bb',
        },
      ],
    };
    expect(await importBundle(executor, followUp)).toEqual({ actors: 0, sources: 1, relationships: 1 });

    const kindChange = { ...followUp, sources: [], relationships: [], actors: [{ ...country('aa'), kind: 'Person' }] };
    expect(await rejected(kindChange)).toEqual([
      'actors[0] (id aa): kind: actor "aa" already exists as a Country; an import cannot change its kind',
    ]);
    const moved = { ...followUp, relationships: [{ ...followUp.relationships[0], from: 'bb' }] };
    expect((await rejected(moved)).join('\n')).toContain(
      'relationships[0] (id aa-denies): from: already stored from "aa" to "cc"',
    );
    const retyped = { ...followUp, relationships: [{ ...followUp.relationships[0], type: 'ACCUSES' }] };
    expect((await rejected(retyped)).join('\n')).toMatch(/relationships\[0\] \(id aa-denies\).*DENIES/);
  });

  it('rolls back every chunk already written when a later chunk fails inside the transaction', async () => {
    // A constraint the validation knows nothing of, so the failure comes from Neo4j mid-import:
    // the sources, the countries and the first 5,000 people are written before the second chunk
    // of people breaks it.
    await executor.write(
      'CREATE CONSTRAINT test_person_name IF NOT EXISTS FOR (p:Person) REQUIRE p.name IS UNIQUE',
      {},
      { operation: 'test' },
    );
    try {
      const people = Array.from({ length: 6_000 }, (_, i) => ({
        ...country(`p-${String(i).padStart(5, '0')}`, `Person ${i}`),
        kind: 'Person',
      }));
      const last = people.at(-1) as { name: string };
      last.name = 'Person 0'; // sorted by id, the last person is in the second chunk
      const bundle = { ...smallBundle(), actors: [...smallBundle().actors, ...people] };
      const chunks: string[] = [];
      await expect(
        importBundle(executor, bundle, { onProgress: (p) => chunks.push(`${p.stage} ${p.done}/${p.total}`) }),
      ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
      expect(chunks).toEqual(['sources 2/2', 'actors 3/3', 'actors 5000/6001']);
      expect(await counts(executor)).toEqual({ nodes: 0, relationships: 0 });
    } finally {
      await executor.write('DROP CONSTRAINT test_person_name IF EXISTS', {}, { operation: 'test' });
    }
  });

  it('reports progress for each chunk', async () => {
    const stages: string[] = [];
    await importBundle(executor, smallBundle(), { onProgress: (p) => stages.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(stages).toContain('relationships 3/3');
    expect(stages).toContain('sources 2/2');
  });
});

describe('constraints', () => {
  it('refuse a second actor, source or relationship with the same id', async () => {
    await importBundle(executor, smallBundle());
    await expect(executor.write('CREATE (:Actor {id: "aa"})', {}, { operation: 'test' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(executor.write('CREATE (:Source {id: "s-early"})', {}, { operation: 'test' })).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    await expect(
      executor.write(
        'MATCH (a:Actor {id: "bb"}), (b:Actor {id: "cc"}) CREATE (a)-[:SUPPLIES_ARMS_TO {id: "aa-arms-bb"}]->(b)',
        {},
        { operation: 'test' },
      ),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});

describe('round trip', () => {
  it('export → import into an empty database → export gives the same bundle (seed graph)', async () => {
    await seedDatabase(executor, [BASE_SEED]);
    const first = await exportBundle(executor);
    expect(first.relationships.length).toBeGreaterThan(20);
    await resetDatabase(executor);
    await importBundle(executor, JSON.parse(JSON.stringify(first)));
    expect(JSON.stringify(await exportBundle(executor))).toBe(JSON.stringify(first));
  });

  it('a restart keeps what review made of a seeded relationship; a changed seed file loads again', async () => {
    await resetDatabase(executor);
    await seedDatabase(executor, [BASE_SEED]);
    const setConfidence = (c: number) =>
      executor.write(
        'MATCH ()-[r {id: $id}]->() SET r.confidence = $c',
        { id: 'north-korea-sends-troops-to-russia', c },
        { operation: 'test' },
      );
    const confidence = async () => {
      const [row] = await executor.read(
        'MATCH ()-[r {id: $id}]->() RETURN r.confidence AS c',
        { id: 'north-korea-sends-troops-to-russia' },
        { operation: 'test' },
      );
      return Number(row?.c);
    };
    const seeded = await confidence();
    await setConfidence(0.42);
    await seedDatabase(executor, [BASE_SEED]);
    expect(await confidence()).toBe(0.42);

    const changed = path.join(os.tmpdir(), `seed-${process.pid}`, path.basename(BASE_SEED));
    fs.mkdirSync(path.dirname(changed), { recursive: true });
    fs.writeFileSync(changed, `${fs.readFileSync(BASE_SEED, 'utf8').trimEnd()}\n\n`);
    await seedDatabase(executor, [changed]);
    expect(await confidence()).toBe(seeded);
  });

  it('the seed loads idempotently', async () => {
    await seedDatabase(executor, [BASE_SEED]);
    const once = await counts(executor);
    await seedDatabase(executor, [BASE_SEED]);
    expect(await counts(executor)).toEqual(once);
  });
});

describe('npm run import / export', () => {
  const neo = testConfig().neo4j;
  const env = {
    ...process.env,
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    NEO4J_DATABASE: neo.database,
  };

  it('imports a file, exports the graph, and refuses a bad file with every error listed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-cli-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(smallBundle()));
    const imported = await runScript('server/cli/import.ts', [good], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('4 actors, 2 sources, 3 relationships');

    const out = path.join(dir, 'out.json');
    const exported = await runScript('server/cli/export.ts', [out], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Exported 4 actors, 2 sources, 3 relationships');
    // The file is the bundle in normalised form: sorted by id, every field present, dates as written.
    const bundle = smallBundle();
    const [arms, accuses, leads] = bundle.relationships;
    const written = fs.readFileSync(out, 'utf8');
    expect(written.endsWith('}\n')).toBe(true);
    expect(JSON.parse(written)).toStrictEqual({
      format: 'actor-graph-bundle',
      version: 1,
      actors: bundle.actors,
      sources: bundle.sources,
      relationships: [
        { ...arms },
        { ...accuses, validTo: null, claimedBy: null },
        { ...leads, claimedBy: null, about: null },
      ],
    });

    const bad = smallBundle();
    (bad.relationships[0] as { confidence: number }).confidence = 1.5;
    bad.relationships[2] = { ...bad.relationships[2], type: 'BEFRIENDS' } as never;
    const badFile = path.join(dir, 'bad.json');
    fs.writeFileSync(badFile, JSON.stringify(bad));
    const refused = await runScript('server/cli/import.ts', [badFile], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was written');
    expect(refused.stderr).toMatch(/relationships\[0\] \(id aa-arms-bb\): confidence: /);
    expect(refused.stderr).toMatch(
      /relationships\[2\] \(id pp-leads-cc\): type: unknown relationship type "BEFRIENDS"/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
