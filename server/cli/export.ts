// npm run export -- FILE: the whole graph as a bundle (FILE "-" writes to standard output).
import fs from 'node:fs';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { exportBundle } from '../import/export-bundle.js';
import { runCommand } from './run.js';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run export -- FILE.bundle.json   (or - for standard output)');
    return 2;
  }
  const config = readConfig();
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    const bundle = await exportBundle(executor);
    const json = `${JSON.stringify(bundle, null, 2)}\n`;
    if (file === '-') process.stdout.write(json);
    else {
      fs.writeFileSync(file, json);
      console.log(
        `Exported ${bundle.actors.length} actors, ${bundle.sources.length} sources, ${bundle.relationships.length} relationships to ${file}.`,
      );
    }
    return 0;
  } finally {
    await executor.close();
  }
}

runCommand(main);
