// The path query texts. Their shape depends on the options (the type list, the hop bound, how many
// paths), which Cypher cannot take as parameters; db/queries.ts fills them into the templates
// cypher/path-search.cypher and path-neighbors.cypher as vocabulary names and checked integers.
// Every value from a request stays a $parameter.
import { type PathSelector, query } from '../db/queries.js';
import { MAX_HOPS } from './options.js';

/** The fixed query that measures the shortest path with no options (see the file). */
export const UNFILTERED_QUERY = query('path-unfiltered');

/** SHORTEST n asks for at most this many trails; the engine widens n up to it to find k simple paths. */
export const MAX_TRAILS = 1000;

function checkedInt(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be 1..${max}, got ${value}`);
  return value;
}

/** The path search for these types and hop bound (see cypher/path-search.cypher). */
export function searchQuery(selector: PathSelector, types: readonly string[], maxHops: number): string {
  if (selector.kind === 'shortest') checkedInt('n', selector.n, MAX_TRAILS);
  return query('path-search', { SELECTOR: selector, TYPES: types, MAX_HOPS: checkedInt('maxHops', maxHops, MAX_HOPS) });
}

/** The common neighbours of two actors under these types (see cypher/path-neighbors.cypher). */
export function neighborsQuery(types: readonly string[]): string {
  return query('path-neighbors', { TYPES: types });
}
