// npm run import -- FILE: validate a bundle and write it in one transaction (or nothing).
import fs from 'node:fs';
import { readConfig } from '../config.js';
import { createDriver, createExecutor } from '../db/executor.js';
import { applySchema } from '../db/schema.js';
import { BundleValidationError, importBundle } from '../import/import-bundle.js';
import { RELATIONSHIP_TYPES } from '../model/vocabulary.js';
import { runCommand } from './run.js';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run import -- FILE.bundle.json');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`error: ${file}: ${(error as Error).message}`);
    return 1;
  }
  const config = readConfig();
  const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  try {
    await applySchema(executor, RELATIONSHIP_TYPES);
    let last = 0;
    const summary = await importBundle(executor, input, {
      onProgress: ({ stage, done, total }) => {
        if (total >= 10_000 && (done === total || Date.now() - last > 1000)) {
          last = Date.now();
          console.log(`  ${stage}: ${done}/${total}`);
        }
      },
    });
    console.log(
      `Imported ${file}: ${summary.actors} actors, ${summary.sources} sources, ${summary.relationships} relationships.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BundleValidationError) {
      console.error(`error: ${file} was not imported; nothing was written.`);
      for (const line of error.lines) console.error(`  ${line}`);
      return 1;
    }
    throw error;
  } finally {
    await executor.close();
  }
}

runCommand(main);
