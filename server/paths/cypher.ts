// The path query text. Its shape depends on the options (the type list, the hop bound, k), which
// Cypher cannot take as parameters; so the text is completed here from the template
// cypher/path-search.cypher with vocabulary type names and checked integers only. Every value
// from a request stays a $parameter.
import { cypher, withoutComments } from '../db/queries.js';
import { cypherType } from '../model/vocabulary.js';
import { MAX_HOPS } from './options.js';

const SEARCH = withoutComments(cypher('path-search'));
const NEIGHBORS = withoutComments(cypher('path-neighbors'));
const EDGE = withoutComments(cypher('path-edge-filter')).split('\n').join('\n    ');
const ACTOR_ROW = withoutComments(cypher('actor-row')).replaceAll('__A__', 'n');

/** The fixed query that measures the shortest path with no options (see the file). */
export const UNFILTERED_QUERY = cypher('path-unfiltered');

/** The `:A|B|C` label expression of the given types, each checked against the vocabulary. */
export function typeExpression(types: readonly string[]): string {
  if (types.length === 0) throw new Error('A path search needs at least one relationship type.');
  return `:${types.map(cypherType).join('|')}`;
}

function checkedInt(name: string, value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be 1..${max}, got ${value}`);
  return String(value);
}

/** SHORTEST n asks for at most this many trails; the engine widens n up to it to find k simple paths. */
export const MAX_TRAILS = 1000;

/** Every shortest path, or the n shortest trails. */
export type Selector = { kind: 'all' } | { kind: 'shortest'; n: number };

function complete(template: string, types: readonly string[], fill: Record<string, string>): string {
  let text = template.replaceAll('__TYPES__', typeExpression(types));
  for (const [placeholder, value] of Object.entries(fill)) text = text.replaceAll(placeholder, value);
  text = text.replaceAll('__EDGE__', EDGE).replaceAll('__ACTOR_ROW__', ACTOR_ROW);
  if (/__[A-Z_]+__/.test(text)) throw new Error(`Unexpanded placeholder in a path query: ${text}`);
  return text;
}

/** The path search for these types and hop bound (see cypher/path-search.cypher). */
export function searchQuery(selector: Selector, types: readonly string[], maxHops: number): string {
  return complete(SEARCH, types, {
    __SELECTOR__: selector.kind === 'all' ? 'ALL SHORTEST' : `SHORTEST ${checkedInt('n', selector.n, MAX_TRAILS)}`,
    __MAX_HOPS__: checkedInt('maxHops', maxHops, MAX_HOPS),
  });
}

/** The common neighbours of two actors under these types (see cypher/path-neighbors.cypher). */
export function neighborsQuery(types: readonly string[]): string {
  return complete(NEIGHBORS, types, {});
}
