// Global setup of the integration tier: one real Neo4j for all test files, never the user's.
// It lives in .neo4j/instances/test on port 7688 (NEO4J_TEST_INSTANCE and NEO4J_TEST_BOLT_PORT
// change both, so two checkouts can test at once), or is the server named by NEO4J_TEST_URI when
// that is set; tests wipe it between suites.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT_DIR, readConfig } from '../../server/config.js';
import { start, stop } from '../../server/db/neo4j-local.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.NEO4J_TEST_URI;
  if (external) {
    project.provide('neo4j', {
      uri: external,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
    });
    return;
  }
  const config = readConfig({
    NEO4J_INSTANCE_DIR: path.join(ROOT_DIR, '.neo4j', 'instances', process.env.NEO4J_TEST_INSTANCE ?? 'test'),
    NEO4J_BOLT_PORT: process.env.NEO4J_TEST_BOLT_PORT ?? '7688',
    NEO4J_PASSWORD: 'actor-graph-test',
    NEO4J_HEAP: process.env.NEO4J_TEST_HEAP ?? '1g',
    NEO4J_PAGECACHE: process.env.NEO4J_TEST_PAGECACHE ?? '1g',
  });
  const { started } = await start(config.neo4j.local, config.neo4j, (line) => console.log(`[neo4j] ${line}`));
  project.provide('neo4j', {
    uri: config.neo4j.uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
  });
  return async () => {
    if (started) await stop(config.neo4j.local);
  };
}
