// The start-up sequence of the server: the database's schema, then the seed graph. It sits above
// db/ and import/ (it uses both), so neither has to know the other.
import type { Executor } from './db/executor.js';
import { query } from './db/queries.js';
import { applySchema } from './db/schema.js';
import { seedDatabase } from './import/import-bundle.js';
import type { Logger } from './logger.js';
import { RELATIONSHIP_TYPES } from './model/vocabulary.js';

const RETRY_MS = 5_000;
const RETRACTED_DEGREES = query('retracted-degrees');

/**
 * Applies the schema and loads the seed graph (both idempotent). When Neo4j cannot be reached it
 * retries in the background, so the server can start first and become ready once Neo4j is back.
 */
export async function bootstrapDatabase(executor: Executor, log: Logger): Promise<void> {
  try {
    await runBootstrap(executor, log);
  } catch (error) {
    log.warn({ err: error }, `Could not prepare the database; retrying every ${RETRY_MS / 1000} s`);
    const timer = setInterval(() => {
      runBootstrap(executor, log).then(
        () => clearInterval(timer),
        () => {},
      );
    }, RETRY_MS);
    timer.unref();
  }
}

async function runBootstrap(executor: Executor, log: Logger): Promise<void> {
  await applySchema(executor, RELATIONSHIP_TYPES);
  const seeded = await seedDatabase(executor);
  await executor.write(RETRACTED_DEGREES, {}, { operation: 'retracted-degrees', class: 'import' });
  log.info(seeded, 'Schema applied and seed graph loaded');
}
