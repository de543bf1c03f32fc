// The app factory: a Yoga instance wired to an executor. It listens nowhere; server/main.ts does,
// and tests call app.fetch() directly.
import path from 'node:path';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { type Config, ROOT_DIR } from './config.js';
import type { Executor } from './db/executor.js';
import type { Context } from './graphql/context.js';
import { createLoaders } from './graphql/loaders.js';
import { buildSchema } from './graphql/schema.js';
import { useStaticClient } from './http/use-static-client.js';

export interface AppOptions {
  readonly config: Config;
  readonly executor: Executor;
  /** Folder of the built client. Default client/dist. */
  readonly clientDir?: string;
}

export const GRAPHQL_PATH = '/graphql';

export function createApp({ config, executor, clientDir }: AppOptions) {
  const production = config.nodeEnv === 'production';
  return createYoga<Record<string, never>, Context>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: production ? false : { title: 'Actor Graph — GraphiQL', defaultEditorToolsVisibility: false },
    maskedErrors: true,
    logging: config.logLevel === 'silent' ? false : 'warn',
    context: ({ request }) => ({ config, executor, request, loaders: createLoaders(executor) }),
    plugins: [
      useReadinessCheck({ endpoint: '/ready', check: () => executor.ping() }),
      useStaticClient({
        dir: clientDir ?? path.join(ROOT_DIR, 'client', 'dist'),
        reserved: [GRAPHQL_PATH, '/health', '/ready'],
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
