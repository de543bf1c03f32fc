// npm run eval:extract [-- --corpus DIR] [--gold FILE]: reads every article of a corpus folder
// against the seed graph and scores the proposals against its gold.json (docs/extraction.md).
// The graph is a Neo4j holding the seed: the one NEO4J_URI names (the seed is imported into it,
// which changes nothing when it is there already), else a managed instance of its own in
// .neo4j/instances/eval on NEO4J_EVAL_BOLT_PORT (default 7689), emptied, seeded, and stopped at
// the end. A development tool: it may read ../shared/corpus/, the product never does.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR, readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { start, stop } from '../db/neo4j-local.js';
import { applySchema } from '../db/schema.js';
import { formatScores } from '../extract/evaluate.js';
import { evaluateCorpus } from '../extract/evaluate-corpus.js';
import { BASE_SEED, seedDatabase } from '../import/import-bundle.js';
import { RELATIONSHIP_TYPES } from '../model/vocabulary.js';
import { runCommand } from './run.js';

const DEFAULT_CORPUS = path.join(ROOT_DIR, '..', 'shared', 'corpus', 'dev');

function option(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=', 2)[1];
}

async function main(): Promise<number> {
  const dir = path.resolve(option('corpus') ?? DEFAULT_CORPUS);
  const goldFile = path.resolve(option('gold') ?? path.join(dir, 'gold.json'));
  if (!fs.existsSync(dir) || !fs.existsSync(goldFile)) {
    console.error(`error: no corpus at ${dir} with ${goldFile} (give --corpus DIR and, if elsewhere, --gold FILE)`);
    return 1;
  }
  const external = process.env.NEO4J_URI !== undefined;
  const config = external
    ? readConfig()
    : readConfig({
        ...process.env,
        NEO4J_INSTANCE_DIR: path.join(ROOT_DIR, '.neo4j', 'instances', 'eval'),
        NEO4J_BOLT_PORT: process.env.NEO4J_EVAL_BOLT_PORT ?? '7689',
        NEO4J_PASSWORD: 'actor-graph-eval',
        NEO4J_HEAP: process.env.NEO4J_HEAP ?? '512m',
        NEO4J_PAGECACHE: process.env.NEO4J_PAGECACHE ?? '256m',
      });
  let started = false;
  if (!external)
    started = (await start(config.neo4j.local, config.neo4j, (line) => console.error(`[neo4j] ${line}`))).started;
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    if (!external) await executor.write('MATCH (n) DETACH DELETE n', {}, { operation: 'eval-reset', class: 'import' });
    await applySchema(executor, RELATIONSHIP_TYPES);
    await seedDatabase(executor, [BASE_SEED]);
    console.log(formatScores(await evaluateCorpus(executor, dir, goldFile)));
    return 0;
  } finally {
    await executor.close();
    if (started) await stop(config.neo4j.local);
  }
}

runCommand(main);
