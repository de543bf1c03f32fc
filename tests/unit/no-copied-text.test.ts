/**
 * The seed and the model documentation must be written in our own words: no run of eight words
 * from the source article may appear in them. The article lives in shared/ beside the clone, as
 * in CI; a missing file fails the test rather than skipping it. The source record's title and
 * publisher are bibliographic data, cited as published, and are not checked.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RUN = 8;
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The shared folder sits next to the repository checkout, locally and in CI.
const ARTICLE_PATH = resolve(REPO_ROOT, '..', 'shared', 'source', '000_fe025601f9c995c0.txt');

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function runs(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) out.add(w.slice(i, i + RUN).join(' '));
  return out;
}

function copied(text: string, article: Set<string>): string[] {
  return [...runs(text)].filter((run) => article.has(run));
}

describe('no text copied from the source article', () => {
  const article = runs(readFileSync(ARTICLE_PATH, 'utf8'));

  it('reads the article', () => {
    expect(article.size).toBeGreaterThan(100);
  });

  it('seed descriptions and summaries are paraphrased', () => {
    const seed = JSON.parse(
      readFileSync(new URL('../../seeds/2024-10-14-north-korea-troops.bundle.json', import.meta.url), 'utf8'),
    ) as {
      actors: { description: string | null }[];
      relationships: { summary: string }[];
    };
    const prose = [...seed.actors.map((a) => a.description ?? ''), ...seed.relationships.map((r) => r.summary)].join(
      '\n',
    );
    expect(copied(prose, article)).toEqual([]);
  });

  it('docs/model.md is paraphrased', () => {
    const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    expect(copied(doc, article)).toEqual([]);
  });

  it('detects a copied run', () => {
    expect(
      copied('As the minister said: Relations between Russia and North Korea have grown closer since', article),
    ).not.toEqual([]);
  });
});
