// The benchmark's own Neo4j: a managed local instance in its own folder and port (never the dev
// or test one), with the heap and page cache the benchmark asks for.
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { type Config, ROOT_DIR, readConfig } from '../server/config.js';
import { createDriver, createExecutor, type Executor } from '../server/db/executor.js';
import { pinnedVersion, start, stop } from '../server/db/neo4j-local.js';
import { applySchema } from '../server/db/schema.js';
import { RELATIONSHIP_TYPES } from '../server/model/vocabulary.js';

/**
 * The password of the bench's own instance (BENCH_NEO4J_PASSWORD overrides it). Not the development
 * one, which the production config the bench measures refuses; an instance folder made before this
 * has the development password and is emptied on every run anyway, so delete it.
 */
export const BENCH_PASSWORD = process.env.BENCH_NEO4J_PASSWORD ?? 'actor-graph-bench-only';

export interface BenchDatabase {
  readonly config: Config;
  readonly uri: string;
  readonly password: string;
  readonly driver: Driver;
  readonly executor: Executor;
  readonly version: string;
  close(): Promise<void>;
}

/**
 * Starts (or reuses) the bench instance; BENCH_NEO4J_PORT and BENCH_NEO4J_DIR override the
 * defaults. With NEO4J_URI set (and NEO4J_PASSWORD, NEO4J_USER, NEO4J_DATABASE as for the server)
 * it uses that Neo4j instead, a cluster or Aura too, and starts nothing. Either is emptied.
 */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const port = process.env.BENCH_NEO4J_PORT ?? '7750';
  const external = process.env.NEO4J_URI;
  const config = readConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    NEO4J_INSTANCE_DIR: process.env.BENCH_NEO4J_DIR ?? path.join(ROOT_DIR, '.neo4j', 'instances', 'bench'),
    NEO4J_BOLT_PORT: port,
    // L's import is one transaction of 500,000 relationships with their id registry nodes, about
    // 4.5 GiB of transaction memory (docs/benchmarks.md): past the 70 % of a 6 GiB heap.
    NEO4J_HEAP: process.env.BENCH_NEO4J_HEAP ?? '8g',
    NEO4J_PAGECACHE: process.env.BENCH_NEO4J_PAGECACHE ?? '3g',
    NEO4J_PASSWORD: BENCH_PASSWORD,
    ...(external
      ? {
          NEO4J_URI: external,
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
          NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
          NEO4J_DATABASE: process.env.NEO4J_DATABASE ?? 'neo4j',
        }
      : {}),
  });
  if (external) log(`Using the Neo4j named by NEO4J_URI (${config.neo4j.uri}); it will be emptied`);
  const result = external ? { started: false } : await start(config.neo4j.local, config.neo4j, log);
  const driver = createDriver(config.neo4j);
  const executor = createExecutor({ driver, database: config.neo4j.database });
  const [row] = await executor.read(
    'CALL dbms.components() YIELD versions, edition RETURN versions[0] + " " + edition AS v',
    {},
    // The first query of a fresh JVM on a busy machine can take longer than a lookup's 5 s.
    { operation: 'bench-version', class: 'analytics' },
  );
  return {
    config,
    uri: config.neo4j.uri,
    password: config.neo4j.password,
    driver,
    executor,
    version: String(row?.v ?? pinnedVersion()),
    async close() {
      await executor.close();
      if (result.started && process.env.BENCH_KEEP_NEO4J !== '1') await stop(config.neo4j.local);
    },
  };
}

/** Empties the database in batches (a hub's thousands of edges never sit in one transaction) and applies the schema. */
export async function resetDatabase(db: BenchDatabase): Promise<void> {
  const session = db.driver.session({ database: db.config.neo4j.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(db.executor, RELATIONSHIP_TYPES);
}

/**
 * Resamples the indexes that writes since their last sample made outdated, and waits (up to
 * `timeoutMs`) until none is. Neo4j samples an index lazily, so after an emptied and refilled graph
 * the planner may still see the statistics of the one before; a cached plan older than 10 s whose
 * statistics moved that far is planned again on its next use. A benchmark that empties the graph
 * between runs calls this before timing one, so that each run is planned (or finds its cached plan
 * valid) against the statistics of the graph it runs on, as on a running server, not of the run
 * before it, whichever side that was.
 */
export async function settleStatistics(db: BenchDatabase, timeoutMs = 30_000): Promise<void> {
  const outdated = async () => {
    const [row] = await db.executor.read(
      "CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN size([i IN data.indexes WHERE i.updatesSinceEstimation > 0]) AS n",
      {},
      { operation: 'bench-index-statistics', class: 'analytics' },
    );
    return Number(row?.n ?? 0);
  };
  await db.executor.write('CALL db.resampleOutdatedIndexes()', {}, { operation: 'bench-resample-indexes' });
  const until = Date.now() + timeoutMs;
  while ((await outdated()) > 0) {
    if (Date.now() > until) throw new Error(`Index statistics still outdated after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  neo4j: string;
  neo4jHeap: string;
  neo4jPageCache: string;
  platform: string;
}

export function machine(db: BenchDatabase | null): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    neo4j: db?.version ?? 'not started',
    neo4jHeap: db?.config.neo4j.local.heap ?? '',
    neo4jPageCache: db?.config.neo4j.local.pageCache ?? '',
    platform: `${os.platform()} ${os.release()}`,
  };
}
