// npm run db:fetch | db:start | db:stop | db:status — the managed local Neo4j (see docs/architecture.md).
import { readConfig } from '../config.js';
import { ensureDistribution, start, status, stop } from '../db/neo4j-local.js';
import { runCommand } from './run.js';

const command = process.argv[2];

async function main(): Promise<number> {
  const config = readConfig();
  if (config.neo4j.mode === 'external') {
    console.log(`NEO4J_URI is set (${config.neo4j.uri}): Actor Graph uses that Neo4j and manages none itself.`);
    return 0;
  }
  const local = config.neo4j.local;
  switch (command) {
    case 'fetch': {
      const lib = await ensureDistribution(local, (line) => console.log(line));
      console.log(`Neo4j jars are in ${lib}.`);
      return 0;
    }
    case 'start': {
      const result = await start(local, config.neo4j, (line) => console.log(line));
      console.log(
        result.started
          ? `Neo4j is running (pid ${result.pid}) on bolt://127.0.0.1:${local.boltPort}.`
          : 'Nothing to do: it was already running.',
      );
      return 0;
    }
    case 'stop': {
      const stopped = await stop(local);
      console.log(stopped ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return 0;
    }
    case 'status': {
      const s = status(local);
      console.log(s.running ? `running (pid ${s.pid}) on ${s.boltUri}` : `stopped (${s.instanceDir})`);
      return s.running ? 0 : 3;
    }
    default:
      console.error('Usage: tsx server/cli/db.ts fetch|start|stop|status');
      return 2;
  }
}

runCommand(main);
