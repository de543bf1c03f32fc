// What the reader knows of the graph: actors with their names and aliases, and the relationships
// among them. A plain value, so every stage is a pure function of article and graph.
import type { Actor, ReadonlyRecord, Relationship } from '../model/bundle.js';

export type GraphActor = ReadonlyRecord<Actor>;

export type GraphRelationship = ReadonlyRecord<Relationship>;

export interface GraphContext {
  readonly actors: readonly GraphActor[];
  readonly relationships: readonly GraphRelationship[];
}

export const EMPTY_GRAPH: GraphContext = Object.freeze({ actors: [], relationships: [] });

/** Names compared the way the corpus gold compares them: case, dots, apostrophes, hyphens aside. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, ' s')
    .replace(/[.']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
