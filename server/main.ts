// npm start: the managed Neo4j (unless NEO4J_URI is set), schema, seed graph, then HTTP.
import http from 'node:http';
import { createApp } from './app.js';
import { reportFatal } from './cli/run.js';
import { readConfig } from './config.js';
import { createDriver, createExecutor, type Executor } from './db/executor.js';
import { status as neo4jStatus, start as startNeo4j, stop as stopNeo4j } from './db/neo4j-local.js';
import { type GracefulClose, gracefulClose } from './http/graceful-close.js';
import { createLogger } from './logger.js';
import { bootstrapDatabase } from './startup.js';

/** How long in-flight requests may run after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  // The Neo4j this process starts is the one Ctrl-C stops, even while it is still starting.
  const ownNeo4j = config.neo4j.mode === 'local' && !neo4jStatus(config.neo4j.local).running;
  let server: GracefulClose | undefined;
  let executor: Executor | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Shutting down: finishing requests in flight');
    await server?.close();
    await executor?.close();
    if (ownNeo4j) {
      log.info('Stopping the Neo4j this server started');
      await stopNeo4j(config.neo4j.local);
    }
    log.info('Stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.neo4j.mode === 'local') {
    await startNeo4j(config.neo4j.local, config.neo4j, (line) => log.info(line));
  } else {
    log.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'Using the Neo4j named by NEO4J_URI');
  }

  executor = createExecutor({
    driver: createDriver(config.neo4j),
    database: config.neo4j.database,
    maxConcurrency: config.neo4j.maxConcurrency,
  });
  // Schema and seed first, so the first request sees the seeded graph. If Neo4j is away (external
  // mode) this returns after one try and keeps retrying in the background: the server serves anyway
  // and /ready says 503 until Neo4j answers.
  await bootstrapDatabase(executor, log);

  const app = createApp({ config, executor });
  const listening = http.createServer(app);
  server = gracefulClose(listening, { graceMs: SHUTDOWN_GRACE_MS, log });
  if (stopping) return;
  await new Promise<void>((resolve) => listening.listen(config.port, config.host, resolve));
  const address = listening.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.info(`GraphQL at http://${shown}:${port}/graphql — client at http://${shown}:${port}/`);
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
