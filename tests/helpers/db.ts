// Shared by integration tests: the test Neo4j from the global setup, as config, executor or app.
import { inject } from 'vitest';
import { createApp } from '../../server/app.js';
import { type Config, readConfig } from '../../server/config.js';
import { createDriver, createExecutor, type Executor, type QueryEvent } from '../../server/db/executor.js';
import { applySchema } from '../../server/db/schema.js';
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.js';

/** A full config whose Neo4j is the test instance; `env` adds or overrides variables. */
export function testConfig(env: Record<string, string> = {}): Config {
  const neo = inject('neo4j');
  return readConfig({
    NODE_ENV: 'test',
    NEO4J_URI: neo.uri,
    NEO4J_USER: neo.user,
    NEO4J_PASSWORD: neo.password,
    NEO4J_DATABASE: neo.database,
    ...env,
  });
}

export function openExecutor(config: Config = testConfig(), onQuery?: (event: QueryEvent) => void): Executor {
  return createExecutor({
    driver: createDriver(config.neo4j),
    database: config.neo4j.database,
    maxConcurrency: config.neo4j.maxConcurrency,
    ...(onQuery ? { onQuery } : {}),
  });
}

/** Deletes every node and relationship, then applies the schema: each suite starts from empty. */
export async function resetDatabase(executor: Executor): Promise<void> {
  await executor.write('MATCH (n) DETACH DELETE n', {}, { operation: 'test-reset', class: 'import' });
  await applySchema(executor, RELATIONSHIP_TYPES);
}

/** Nodes (the RelationshipId registry left out: it follows the relationships) and relationships. */
export async function counts(executor: Executor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await executor.read(
    'CALL { MATCH (n) WHERE NOT n:RelationshipId RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { operation: 'test-counts' },
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

/** The app over the test database, called through app.fetch with no port. */
export function testApp(env: Record<string, string> = {}, onQuery?: (event: QueryEvent) => void) {
  const config = testConfig(env);
  const executor = openExecutor(config, onQuery);
  const app = createApp({ config, executor });
  return {
    app,
    executor,
    config,
    async graphql<T = unknown>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await app.fetch('http://actor-graph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        data?: T;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    },
    close: () => executor.close(),
  };
}
