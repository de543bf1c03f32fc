// Builds the executable schema from the SDL files in schema/ and the resolver maps.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { resolvers } from './resolvers/index.js';

export const SDL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema');

/** Every .graphql file of server/graphql/schema, in name order, as one SDL document. */
export function loadTypeDefs(): string {
  return fs
    .readdirSync(SDL_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(SDL_DIR, file), 'utf8'))
    .join('\n');
}

export function buildSchema() {
  return makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });
}
