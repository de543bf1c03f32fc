// The example questions of docs/queries/*.graphql, run against the seed graph, so the documented
// queries cannot go stale.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const t = testApp();
afterAll(() => t.close());
beforeAll(async () => {
  await resetDatabase(t.executor);
  await seedDatabase(t.executor);
});

async function run(name: string): Promise<Record<string, any>> {
  const query = fs.readFileSync(path.join(ROOT_DIR, 'docs', 'queries', `${name}.graphql`), 'utf8');
  const result = await t.graphql<Record<string, any>>(query);
  expect(result.errors).toBeUndefined();
  return result.data ?? {};
}

const ARTICLE = 'article-2024-10-14-north-korea-troops';

describe('docs/queries', () => {
  it('north-korea-accusations: the accusers, what they claim, and the article', async () => {
    const { relationships } = await run('north-korea-accusations');
    const accusers = new Set(relationships.nodes.map((n: { accuser: { name: string } }) => n.accuser.name));
    for (const name of ['Volodymyr Zelenskyy', 'Ukraine', 'United States', 'South Korea', 'Kim Yong-hyun']) {
      expect(accusers).toContain(name);
    }
    const claimed = new Set<string>(relationships.nodes.map((n: { about: { sentence: string } }) => n.about.sentence));
    expect([...claimed].some((s: string) => /North Korea .*troops.* Russia/i.test(s))).toBe(true);
    expect([...claimed].some((s: string) => /North Korea .*arms.* Russia/i.test(s))).toBe(true);
    // Every accusation is sourced; those of the first article cite it.
    for (const node of relationships.nodes) expect(node.sources.length).toBeGreaterThan(0);
    expect(
      relationships.nodes.some((n: { sources: { id: string }[] }) => n.sources.some((s) => s.id === ARTICLE)),
    ).toBe(true);
  });

  it('russia-known-2024-06-30: only what a source had reported by then', async () => {
    const { relationships } = await run('russia-known-2024-06-30');
    expect(relationships.totalCount).toBe(1);
    expect(relationships.nodes[0]).toMatchObject({
      sentence: expect.stringMatching(/Putin.*Russia/),
      knownSince: '2012-05-07',
    });
    for (const node of relationships.nodes) expect(node.knownSince <= '2024-06-30').toBe(true);
  });

  it('who-denies-troops: Russia and North Korea deny; Zelenskyy, the South Korean minister and South Korea accuse', async () => {
    const { relationship } = await run('who-denies-troops');
    // Reported since US officials confirmed it (the reviewed article of 24 Oct 2024).
    expect(relationship).toMatchObject({
      status: 'reported',
      disputed: true,
      claimedBy: { name: 'Volodymyr Zelenskyy' },
    });
    const by = (type: string) => [
      ...new Set(
        relationship.claims
          .filter((c: { type: string }) => c.type === type)
          .map((c: { from: { name: string } }) => c.from.name),
      ),
    ];
    expect(by('DENIES').sort()).toEqual(['North Korea', 'Russia']);
    expect(by('ACCUSES').sort()).toEqual(['Kim Yong-hyun', 'South Korea', 'Volodymyr Zelenskyy']);
    expect(by('CONFIRMS')).toEqual(['United States']);
  });
});

// The README shows each query with its real answer between markers; the answer there must be what
// the server gives now. UPDATE_README=1 rewrites those blocks from the live answers.
describe('README examples', () => {
  const readmePath = path.join(ROOT_DIR, 'README.md');
  const block = (name: string) =>
    new RegExp(`(<!-- api-example:${name} -->\\n)([\\s\\S]*?)(<!-- /api-example:${name} -->)`);

  function render(name: string, query: string, data: unknown): string {
    const body = query
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .trim();
    return `\`\`\`graphql\n${body}\n\`\`\`\n\n\`\`\`json\n${JSON.stringify(data, null, 2)}\n\`\`\`\n`;
  }

  for (const name of ['north-korea-accusations', 'russia-known-2024-06-30', 'who-denies-troops']) {
    it(`${name} appears in the README with its real answer`, async () => {
      const query = fs.readFileSync(path.join(ROOT_DIR, 'docs', 'queries', `${name}.graphql`), 'utf8');
      const data = await run(name);
      const expected = render(name, query, data);
      let readme = fs.readFileSync(readmePath, 'utf8');
      if (process.env.UPDATE_README === '1') {
        readme = readme.replace(
          block(name),
          (_m, open: string, _old: string, close: string) => open + expected + close,
        );
        fs.writeFileSync(readmePath, readme);
      }
      const shown = block(name).exec(readme);
      expect(shown, `README.md lacks the <!-- api-example:${name} --> block`).not.toBeNull();
      expect(shown?.[2]).toBe(expected);
    });
  }
});
