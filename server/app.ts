// The app factory: a Yoga instance wired to an executor. It listens nowhere; server/main.ts does,
// and tests call app.fetch() directly.
import path from 'node:path';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { type Config, ROOT_DIR } from './config.js';
import type { Executor } from './db/executor.js';
import type { Context } from './graphql/context.js';
import { createLoaders } from './graphql/loaders.js';
import { buildSchema } from './graphql/schema.js';
import { useCancellation } from './http/use-cancellation.js';
import { useCsrfPrevention } from './http/use-csrf.js';
import { useErrorCodes } from './http/use-error-codes.js';
import { LIMITS, useLimits } from './http/use-limits.js';
import { useDisableIntrospection } from './http/use-production.js';
import { useRateLimit } from './http/use-rate-limit.js';
import { useRequestLog } from './http/use-request-log.js';
import { useStaticClient } from './http/use-static-client.js';
import { createLogger, type Logger } from './logger.js';

export interface AppOptions {
  readonly config: Config;
  readonly executor: Executor;
  /** Folder of the built client. Default client/dist. */
  readonly clientDir?: string;
  /** Where request logs go; default a logger made from the config. */
  readonly log?: Logger;
}

export const GRAPHQL_PATH = '/graphql';

export function createApp({ config, executor, clientDir, log = createLogger(config) }: AppOptions) {
  const production = config.nodeEnv === 'production';
  return createYoga<Record<string, never>, Context>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: production ? false : { title: 'Actor Graph — GraphiQL', defaultEditorToolsVisibility: false },
    // GraphiQL's scripts and styles inlined from the package, not loaded from a CDN, so it works
    // offline; the 9 MB module is loaded on the first visit, never in production.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    maskedErrors: true,
    // CORS_ORIGINS only; with none configured, any origin outside production and none in it.
    cors:
      config.corsOrigins.length > 0
        ? { origin: [...config.corsOrigins], credentials: false, methods: ['GET', 'POST'] }
        : production
          ? false
          : undefined,
    maxRequestBodySize: LIMITS.bodyBytes,
    batching: false,
    logging: config.logLevel === 'silent' ? false : 'warn',
    context: ({ request }) => ({ config, executor, request, loaders: createLoaders(executor) }),
    plugins: [
      useRequestLog({ log }),
      useCsrfPrevention({ endpoint: GRAPHQL_PATH }),
      useLimits({ log, blockFieldSuggestions: production }),
      ...(production ? [useDisableIntrospection()] : []),
      useRateLimit({ limit: config.rateLimit, trustProxy: config.trustProxy, log }),
      useCancellation(),
      useErrorCodes({ hideSuggestions: production }),
      useReadinessCheck({ endpoint: '/ready', check: () => executor.ping() }),
      useStaticClient({
        dir: clientDir ?? path.join(ROOT_DIR, 'client', 'dist'),
        reserved: [GRAPHQL_PATH, '/health', '/ready'],
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
