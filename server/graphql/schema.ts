// Builds the executable schema from the SDL files in schema/, enums generated from the vocabulary,
// and the resolver maps.
import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ROOT_DIR } from '../config.js';
import { ACTOR_KINDS, RELATIONSHIP_TYPES, STATUSES } from '../model/vocabulary.js';
import { resolvers } from './resolvers/index.js';

/** The SDL files, read from the source tree also by the compiled server (dist/ holds no .graphql). */
export const SDL_DIR = path.join(ROOT_DIR, 'server', 'graphql', 'schema');

/**
 * The vocabulary's controlled terms as GraphQL enums, so a client can only ever send a type,
 * kind or status that exists; these values are what reaches Cypher as labels and types.
 */
export function vocabularyEnums(): string {
  const lines = (name: string, doc: string, values: readonly string[]) =>
    `"${doc}"\nenum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}\n`;
  return [
    lines(
      'RelationshipType',
      'A relationship type of the vocabulary (server/model/vocabulary.json).',
      RELATIONSHIP_TYPES,
    ),
    lines('ActorKind', 'The kind of an actor, also its Neo4j label.', ACTOR_KINDS),
    lines('Status', 'What kind of statement a relationship is (docs/model.md).', STATUSES),
  ].join('\n');
}

/** Every .graphql file of server/graphql/schema, in name order, plus the vocabulary enums. */
export function loadTypeDefs(): string {
  const files = fs
    .readdirSync(SDL_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(SDL_DIR, file), 'utf8'));
  return [...files, vocabularyEnums()].join('\n');
}

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
