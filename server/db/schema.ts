import type { Executor } from './executor.js';
import { cypher, statements } from './queries.js';

const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

/** The schema statements: cypher/schema.cypher plus a relationship-id constraint per type. */
export function schemaStatements(relationshipTypes: readonly string[]): string[] {
  const perType = relationshipTypes.map((type) => {
    // Types cannot be parameters; the vocabulary guarantees the shape, and this re-checks it.
    if (!TYPE_NAME.test(type)) throw new Error(`Relationship type "${type}" is not UPPER_SNAKE_CASE.`);
    return `CREATE CONSTRAINT rel_id_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`;
  });
  const perTypeIndexes = relationshipTypes.map(
    (type) => `CREATE INDEX rel_known_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.knownSince)`,
  );
  return [...statements(cypher('schema')), ...perType, ...perTypeIndexes];
}

/** Applies constraints and indexes (idempotent) and waits until the indexes are online. */
export async function applySchema(executor: Executor, relationshipTypes: readonly string[]): Promise<void> {
  for (const statement of schemaStatements(relationshipTypes)) {
    await executor.write(statement, {}, { operation: 'apply-schema' });
  }
  await executor.write('CALL db.awaitIndexes(60)', {}, { operation: 'apply-schema' });
}
