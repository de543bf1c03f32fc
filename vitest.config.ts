import { defineConfig } from 'vitest/config';

// Two tiers: pure unit tests run in parallel; integration and browser tests share one real Neo4j
// (started by tests/setup/neo4j.ts in its own folder and port) and so run one file at a time.
export default defineConfig({
  // graphql ships CJS and ESM copies; Node (and so graphql-yoga) loads the CJS one, so the tests must
  // too, or GraphQLError instanceof checks fail across the two copies.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.int.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/neo4j.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
