// The reader over a real Neo4j holding the seed: the CLI (JSON and errors, writing nothing), the
// GraphQL field, and the eval on the dev corpus, which must stay above the thresholds, and
// on our own held-out story corpus, which must stay above the floors measured on it.
// The corpus is read from ../shared/corpus beside the repository at run time, never copied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import type { Executor } from '../../server/db/executor.js';
import { totals } from '../../server/extract/evaluate.js';
import { evaluateCorpus } from '../../server/extract/evaluate-corpus.js';
import type { ProposalsDocument } from '../../server/extract/extract.js';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { runScript } from '../helpers/cli.js';
import { counts, openExecutor, resetDatabase, testApp } from '../helpers/db.js';

const CORPUS = path.join(ROOT_DIR, '..', 'shared', 'corpus', 'dev');
// Our own held-out articles of the story, written for the repository: the reader was not built on them.
const STORY_CORPUS = path.join(ROOT_DIR, 'tests', 'fixtures', 'story-corpus');
// A second set, written after the cues were tuned on the first and measured before any change.
const STORY_CORPUS_2 = path.join(ROOT_DIR, 'tests', 'fixtures', 'story-corpus-2');
const TRIBUNE = path.join(CORPUS, '2024-10-22-tribune-north-korea-denies-troops.txt');

let executor: Executor;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  executor = openExecutor();
  await resetDatabase(executor);
  await seedDatabase(executor, [BASE_SEED]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'extract-int-'));
  const neo = inject('neo4j');
  env = {
    ...process.env,
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    NEO4J_DATABASE: neo.database,
  };
});

afterAll(async () => {
  await executor.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run extract', () => {
  it('prints exactly one JSON object whose evidence slices the text after the front matter', async () => {
    const before = await counts(executor);
    const result = await runScript('server/cli/extract.ts', ['--json', TRIBUNE], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as ProposalsDocument;
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(doc).toMatchObject({ format: 'actor-graph-proposals', version: 1 });
    const [article] = doc.articles;
    expect(article?.source).toMatchObject({
      id: '2024-10-22-tribune-north-korea-denies-troops',
      published: '2024-10-22',
    });
    const raw = fs.readFileSync(TRIBUNE, 'utf8');
    const text = raw.slice(raw.indexOf('\n---\n') + 5);
    for (const r of article?.relationships ?? [])
      for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    // A denial of the seed's troop claim, pointing at the relationship the graph holds.
    expect(article?.relationships).toContainEqual(
      expect.objectContaining({ type: 'DENIES', from: 'north-korea', about: 'north-korea-sends-troops-to-russia' }),
    );
    expect(article?.relationships).toContainEqual(
      expect.objectContaining({ id: 'north-korea-sends-troops-to-russia', existing: true }),
    );
    expect(await counts(executor)).toEqual(before);
  });

  it('reads plain text with the source as flags, and prints a readable list without --json', async () => {
    const file = path.join(dir, 'plain.txt');
    fs.writeFileSync(file, 'Poland said on Monday that North Korea had sent more troops to Russia.');
    const result = await runScript(
      'server/cli/extract.ts',
      [file, '--published', '2024-11-20', '--title', 'Plain', '--publisher', 'Test Wire', '--id', 'plain-test'],
      env,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('plain-test (Test Wire, 2024-11-20)');
    expect(result.stdout).toMatch(
      /\+ ACCUSES Poland → North Korea \(fact, 0\.95\) 2024-11-18 about north-korea-sends-troops-to-russia/,
    );
    expect(result.stdout).toContain('= SENDS_TROOPS_TO North Korea → Russia');
  });

  it('refuses bad input with one error line naming what is wrong, exit 1', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '---\nid: empty\npublished: 2024-11-20\n---\n   \n');
    const latin1 = path.join(dir, 'latin1.txt');
    fs.writeFileSync(latin1, Buffer.from([0x53, 0xe9, 0x6f, 0x75, 0x6c, 0x2e]));
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, 'Words. '.repeat(40_000));
    const cases: [string[], RegExp][] = [
      [[empty], /^error: .*empty\.txt: the article text is empty\n$/],
      [[latin1, '--published', '2024-11-20'], /^error: .*latin1\.txt: not UTF-8 text/],
      [
        [TRIBUNE, '--published', '22 October 2024'],
        /published: "22 October 2024" is not a date \(expected YYYY-MM-DD\)/,
      ],
      [[big, '--published', '2024-11-20'], /big\.txt: 280000 bytes, over the limit of 262144 bytes/],
    ];
    for (const [args, message] of cases) {
      const result = await runScript('server/cli/extract.ts', args, env);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});

describe('GraphQL extract', () => {
  const QUERY = `query Read($article: ArticleInput!) {
    extract(article: $article) {
      source { id published }
      actors { id existing }
      relationships { id type from to status about existing validFrom evidence { text start end } }
    }
  }`;

  it('reads an article into proposals without writing', async () => {
    const t = testApp();
    try {
      const before = await counts(t.executor);
      const text = 'Austria confirmed on Tuesday that North Korea had sent troops to Russia.';
      const result = await t.graphql<{
        extract: {
          source: { id: string };
          relationships: { type: string; about: string | null; validFrom: string | null }[];
        };
      }>(QUERY, {
        article: { id: 'gql-test', title: 'Confirmation', publisher: 'Test', published: '2024-11-20', text },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.extract.source.id).toBe('gql-test');
      expect(result.data?.extract.relationships).toContainEqual(
        expect.objectContaining({
          type: 'CONFIRMS',
          about: 'north-korea-sends-troops-to-russia',
          validFrom: '2024-11-19',
        }),
      );
      expect(await counts(t.executor)).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('answers bad input with BAD_USER_INPUT naming the field', async () => {
    const t = testApp();
    try {
      const empty = await t.graphql(QUERY, { article: { published: '2024-11-20', text: ' ' } });
      expect(empty.errors?.[0]).toMatchObject({
        message: 'article: the article text is empty',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const badDay = await t.graphql(QUERY, { article: { published: '2024-13-01', text: 'Text.' } });
      expect(badDay.errors?.[0]?.message).toMatch(/is not a date/);
      expect(badDay.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await t.close();
    }
  });
});

describe('eval on the dev corpus', () => {
  it('stays above the thresholds of issue 11', async () => {
    const scores = await evaluateCorpus(executor, CORPUS, path.join(CORPUS, 'gold.json'));
    expect(scores.map((s) => s.id)).toHaveLength(5);
    const t = totals(scores);
    expect(t.found / t.must).toBeGreaterThanOrEqual(0.8);
    expect(t.right / t.proposals).toBeGreaterThanOrEqual(0.8);
    expect(scores.flatMap((s) => s.mustNotHit)).toEqual([]);
    expect(t.datesRight / t.dated).toBeGreaterThanOrEqual(0.9);
  });
});

describe('eval on the held-out story corpus', () => {
  // Floors a little under the figures of docs/extraction.md, so a regression fails.
  it('stays above the floors measured when it was written', async () => {
    const scores = await evaluateCorpus(executor, STORY_CORPUS, path.join(STORY_CORPUS, 'gold.json'));
    expect(scores.map((s) => s.id)).toHaveLength(9);
    const t = totals(scores);
    expect(t.found / t.must).toBeGreaterThanOrEqual(0.8);
    expect(t.right / t.proposals).toBeGreaterThanOrEqual(0.9);
    expect(scores.flatMap((s) => s.mustNotHit)).toEqual([]);
    expect(t.datesRight / t.dated).toBeGreaterThanOrEqual(0.6);
  });
});

describe('eval on the second held-out story corpus', () => {
  // Floors a little under the figures of docs/extraction.md (recall 0.80, precision 0.96, dates 0.50).
  it('stays above the floors measured on it', async () => {
    const scores = await evaluateCorpus(executor, STORY_CORPUS_2, path.join(STORY_CORPUS_2, 'gold.json'));
    expect(scores.map((s) => s.id)).toHaveLength(6);
    const t = totals(scores);
    expect(t.found / t.must).toBeGreaterThanOrEqual(0.75);
    expect(t.right / t.proposals).toBeGreaterThanOrEqual(0.9);
    expect(scores.flatMap((s) => s.mustNotHit)).toEqual([]);
    expect(t.datesRight / t.dated).toBeGreaterThanOrEqual(0.45);
  });
});
