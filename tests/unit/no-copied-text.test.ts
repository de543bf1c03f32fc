/**
 * The repository must speak in its own words: no run of RUN consecutive words from the source
 * article may appear in the seed, the docs, the README or the code. The article itself stays out of
 * the repository; tests/fixtures/article-fingerprint.json holds only hashes of its word runs, so
 * this test runs on any clone. Where the article is present (shared/ beside the clone, as in CI),
 * the fingerprint is also checked against it. The source record's title and publisher are
 * bibliographic data, cited as published, and are not checked.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';

const RUN = 7;
const ARTICLE_PATH = path.resolve(ROOT_DIR, '..', 'shared', 'source', '000_fe025601f9c995c0.txt');
const FINGERPRINT = path.join(ROOT_DIR, 'tests', 'fixtures', 'article-fingerprint.json');

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const hash = (run: string) => createHash('sha256').update(run).digest('hex').slice(0, 16);

function runHashes(text: string): Map<string, string> {
  const w = words(text);
  const out = new Map<string, string>();
  for (let i = 0; i + RUN <= w.length; i++) {
    const run = w.slice(i, i + RUN).join(' ');
    out.set(hash(run), run);
  }
  return out;
}

function copied(text: string, fingerprint: ReadonlySet<string>): string[] {
  return [...runHashes(text)].filter(([h]) => fingerprint.has(h)).map(([, run]) => run);
}

function textFiles(dir: string): string[] {
  const skip = new Set(['node_modules', '.git', '.neo4j', 'dist', 'artifacts', 'fixtures', 'results']);
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (skip.has(name)) return [];
    if (statSync(full).isDirectory()) return textFiles(full);
    return /\.(md|ts|json|graphql|cypher|html|css)$/.test(name) && name !== 'package-lock.json' ? [full] : [];
  });
}

/** The seed's prose, without the bibliographic title and publisher of its sources. */
function seedProse(file: string): string {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as {
    actors: { name: string; description: string | null }[];
    relationships: { summary: string }[];
  };
  return [...seed.actors.map((a) => a.description ?? ''), ...seed.relationships.map((r) => r.summary)].join('\n');
}

const fingerprint = new Set(JSON.parse(readFileSync(FINGERPRINT, 'utf8')) as string[]);

// The dev corpus of the reader (../shared/corpus/dev), whose reviewed graph ships in seeds/: the same
// check, with the hashes of its word runs (text after the front matter) in a fixture of their own.
const DEV_CORPUS = path.resolve(ROOT_DIR, '..', 'shared', 'corpus', 'dev');
const DEV_FINGERPRINT = path.join(ROOT_DIR, 'tests', 'fixtures', 'dev-corpus-fingerprint.json');
const devFingerprint = new Set(JSON.parse(readFileSync(DEV_FINGERPRINT, 'utf8')) as string[]);
const devText = (file: string) => readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('no text copied from the source article', () => {
  it('the fingerprint matches the article, where the article is at hand', () => {
    expect(fingerprint.size).toBeGreaterThan(300);
    if (existsSync(ARTICLE_PATH)) {
      const article = readFileSync(ARTICLE_PATH, 'utf8');
      expect([...runHashes(article).keys()].sort()).toEqual([...fingerprint].sort());
      // And the detector finds a run lifted from it, taken at run time rather than stored here.
      const lifted = words(article)
        .slice(200, 200 + RUN + 3)
        .join(' ');
      expect(copied(`Some words, then ${lifted}, then more.`, fingerprint)).not.toEqual([]);
    }
  });

  it('detects a copied run and ignores paraphrase', () => {
    const original = 'the quick brown fox jumps over the lazy dog near the river bank';
    const own = new Set(runHashes(original).keys());
    expect(copied(`Earlier, ${original}.`, own)).not.toEqual([]);
    expect(copied('a fast brown fox leapt over a sleepy dog by the river', own)).toEqual([]);
  });

  it('seeds are paraphrased', () => {
    const seeds = readdirSync(path.join(ROOT_DIR, 'seeds')).filter((f) => f.endsWith('.json'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const file of seeds) {
      const prose = seedProse(path.join(ROOT_DIR, 'seeds', file));
      expect(copied(prose, fingerprint)).toEqual([]);
      expect(copied(prose, devFingerprint)).toEqual([]);
    }
  });

  it('the dev corpus fingerprint matches the articles, where they are at hand', () => {
    expect(devFingerprint.size).toBeGreaterThan(300);
    if (existsSync(DEV_CORPUS)) {
      const hashes = new Set<string>();
      for (const f of readdirSync(DEV_CORPUS).filter((name) => name.endsWith('.txt')))
        for (const h of runHashes(devText(path.join(DEV_CORPUS, f))).keys()) hashes.add(h);
      expect([...hashes].sort()).toEqual([...devFingerprint].sort());
    }
  });

  it('docs, README and code are paraphrased', () => {
    const files = [
      ...textFiles(path.join(ROOT_DIR, 'docs')),
      ...textFiles(path.join(ROOT_DIR, 'server')),
      ...textFiles(path.join(ROOT_DIR, 'client')),
      ...textFiles(path.join(ROOT_DIR, 'tests')),
      ...textFiles(path.join(ROOT_DIR, 'cypher')),
      path.join(ROOT_DIR, 'README.md'),
    ];
    const found = files.flatMap((file) =>
      copied(readFileSync(file, 'utf8'), fingerprint).map((run) => `${path.relative(ROOT_DIR, file)}: "${run}"`),
    );
    expect(found).toEqual([]);
  });

  it('the docs of ingestion and the review tool are paraphrased from the dev corpus too', () => {
    const files = [
      path.join(ROOT_DIR, 'docs', 'ingestion.md'),
      ...textFiles(path.join(ROOT_DIR, 'server', 'ingest')),
      path.join(ROOT_DIR, 'tests', 'helpers', 'review-seeds.ts'),
      path.join(ROOT_DIR, 'tests', 'int', 'ingest.int.test.ts'),
    ];
    const found = files.flatMap((file) =>
      copied(readFileSync(file, 'utf8'), devFingerprint).map((run) => `${path.relative(ROOT_DIR, file)}: "${run}"`),
    );
    expect(found).toEqual([]);
  });
});
