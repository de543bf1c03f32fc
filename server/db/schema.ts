import { cypherType } from '../model/vocabulary.js';
import type { Executor } from './executor.js';
import { cypher, query, statements } from './queries.js';

const REGISTER_RELATIONSHIP_IDS = query('relationship-id-registry');

/** The schema statements: cypher/schema.cypher plus a relationship-id constraint per type. */
export function schemaStatements(relationshipTypes: readonly string[]): string[] {
  const types = relationshipTypes.map(cypherType);
  const perType = types.map(
    (type) =>
      `CREATE CONSTRAINT rel_id_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE r.id IS UNIQUE`,
  );
  const perTypeIndexes = types.map(
    (type) => `CREATE INDEX rel_known_${type.toLowerCase()} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.knownSince)`,
  );
  return [...statements(cypher('schema')), ...perType, ...perTypeIndexes];
}

/** Applies constraints and indexes (idempotent), waits until they are online, registers old relationship ids. */
export async function applySchema(executor: Executor, relationshipTypes: readonly string[]): Promise<void> {
  for (const statement of schemaStatements(relationshipTypes)) {
    await executor.write(statement, {}, { operation: 'apply-schema' });
  }
  await executor.write('CALL db.awaitIndexes(60)', {}, { operation: 'apply-schema' });
  await executor.write(REGISTER_RELATIONSHIP_IDS, {}, { operation: 'register-relationship-ids', class: 'import' });
}
