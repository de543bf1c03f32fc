// The two servers under test, in one child process of the bench runner (so the load generator does
// not share their event loop): the project's GraphQL app (createApp over node:http) and the raw
// floor, a bare node:http handler that runs the same Cypher through the same driver settings and
// returns the rows as JSON. Prints one line `ready <graphqlPort> <rawPort>` when both listen.
// env: BENCH_NEO4J_URI, BENCH_NEO4J_PASSWORD, BENCH_GRAPHQL_PORT, BENCH_RAW_PORT
import http from 'node:http';
import neo4j from 'neo4j-driver';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { createDriver, createExecutor, TIMEOUTS } from '../server/db/executor.js';
import { type FilterParams, forFilter } from '../server/db/filter.js';
import { toPlain } from '../server/db/mapping.js';
import { QUERY_CLASSES } from './queries.js';

const env = process.env;
const config = readConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  NEO4J_URI: env.BENCH_NEO4J_URI,
  NEO4J_PASSWORD: env.BENCH_NEO4J_PASSWORD,
  // An external Neo4j (bench/db.ts) may have its own user and database.
  NEO4J_USER: env.NEO4J_USER,
  NEO4J_DATABASE: env.NEO4J_DATABASE,
  // The benchmark is one client at saturation: the per-client limit on expensive fields is off.
  RATE_LIMIT_PER_MINUTE: '0',
});

const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
const app = createApp({ config, executor });
const graphqlServer = http.createServer(app);

// The floor uses its own driver with the project's pool settings, so neither side queues behind
// the other's connections.
const driver = createDriver(config.neo4j);
const classes = new Map(QUERY_CLASSES.map((q) => [q.name, q]));

const rawServer = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: string; p: Record<string, unknown> };
        const q = classes.get(body.q);
        if (q === undefined) throw new Error(`unknown query class ${body.q}`);
        const session = driver.session({ database: config.neo4j.database, defaultAccessMode: neo4j.session.READ });
        try {
          // The same text the server runs: the query in the shape of its filter, if it has one.
          const f = body.p.f as FilterParams | undefined;
          const text = f === undefined ? q.cypher : forFilter(q.cypher, f);
          const result = await session.executeRead((tx) => tx.run(text, body.p), {
            timeout: TIMEOUTS[q.timeoutClass],
          });
          const rows = result.records.map((r) => toPlain(r.toObject()));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: rows }));
        } finally {
          await session.close();
        }
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      }
    })();
  });
});

const listen = (server: http.Server, port: number) =>
  new Promise<number>((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

const graphqlPort = await listen(graphqlServer, Number(env.BENCH_GRAPHQL_PORT ?? 4150));
const rawPort = await listen(rawServer, Number(env.BENCH_RAW_PORT ?? 4151));
console.log(`ready ${graphqlPort} ${rawPort}`);

const shutdown = () => {
  graphqlServer.close();
  rawServer.close();
  graphqlServer.closeAllConnections();
  rawServer.closeAllConnections();
  void Promise.all([executor.close(), driver.close()]).then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
