// The HTTP paths the app answers, without a database (nothing here reaches Neo4j): a malformed
// path is a 400 with no internals, and GraphQL answers one path only, the one CSRF prevention checks.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { createDriver, createExecutor } from '../../server/db/executor.js';

const config = readConfig({
  NODE_ENV: 'production',
  NEO4J_URI: 'bolt://127.0.0.1:9',
  NEO4J_PASSWORD: 'unused-password',
  LOG_LEVEL: 'silent',
});
const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
const app = createApp({ config, executor });
const get = (path: string, init: RequestInit = {}) => app.fetch(`http://actor-graph.test${path}`, init);

describe('paths', () => {
  it('answers a malformed percent-escape with 400 and no stack', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%ZZ']) {
      const response = await get(path);
      const text = await response.text();
      expect(response.status, path).toBe(400);
      expect(text, path).not.toMatch(/URIError|\bat .+\.(ts|js):\d+|stack/);
    }
  });

  it('serves GraphQL at /graphql only, so every GraphQL request meets the CSRF check', async () => {
    const form = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    };
    for (const path of ['/graphql/', '//graphql', '/graphql//']) {
      expect((await get(path, form)).status, path).toBe(404);
      expect((await get(`${path}?query=%7B__typename%7D`)).status, path).toBe(404);
    }
    expect((await get('/graphql', form)).status).toBe(403);
    expect((await get('/graphql?query=%7B__typename%7D')).status).toBe(403);
  });
});
