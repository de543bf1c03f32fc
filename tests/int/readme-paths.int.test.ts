// The README's path examples are real answers: each explanation there is what the API says on
// the seed graph, verbatim, between <!-- path-example:NAME --> and <!-- /path-example:NAME -->.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const api = testApp();
afterAll(() => api.close());
beforeAll(async () => {
  await resetDatabase(api.executor);
  await seedDatabase(api.executor);
}, 120_000);

/** The examples as the README shows them: the query text is the one run here. */
const PATH_EXAMPLES = {
  'biden-kim': '{ connection(from: "joe-biden", to: "kim-jong-un") { explanation } }',
  'kim-putin': '{ connection(from: "kim-jong-un", to: "vladimir-putin") { explanation } }',
  'zelenskyy-putin-no-allegations':
    '{ connection(from: "volodymyr-zelenskyy", to: "vladimir-putin", options: { statuses: [fact, reported, planned, cancelled] }) { explanation } }',
} as const;

function section(readme: string, name: string): string {
  const open = `<!-- path-example:${name} -->`;
  const close = `<!-- /path-example:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  expect(start, `README.md has no ${open}`).toBeGreaterThanOrEqual(0);
  expect(end, `README.md has no ${close} after ${open}`).toBeGreaterThan(start);
  return readme.slice(start + open.length, end);
}

describe('README path examples', () => {
  const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');

  for (const [name, query] of Object.entries(PATH_EXAMPLES)) {
    it(`${name}: the README shows the query and its explanation verbatim`, async () => {
      const result = await api.graphql<{ connection: { explanation: string } }>(query);
      expect(result.errors).toBeUndefined();
      const explanation = result.data?.connection.explanation ?? '';
      expect(explanation).toMatch(/ \(.*source/);
      const text = section(readme, name);
      expect(text).toContain(explanation);
      expect(text).toContain(query);
    });
  }
});
