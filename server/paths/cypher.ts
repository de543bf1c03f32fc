// The path query text. Its shape depends on the options (the type list, the hop bound, k), which
// Cypher cannot take as parameters; so the text is completed here from the template
// cypher/path-search.cypher with vocabulary type names and checked integers only. Every value
// from a request stays a $parameter.
import { cypher } from '../db/queries.js';
import { RELATIONSHIP_TYPES, TYPE_NAME } from '../model/vocabulary.js';
import { MAX_HOPS, MAX_K } from './options.js';

const stripComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();

const SEARCH = stripComments(cypher('path-search'));
const EDGE = stripComments(cypher('path-edge-filter')).split('\n').join('\n    ');
const ACTOR_ROW = stripComments(cypher('actor-row')).replaceAll('__A__', 'n');

/** The fixed query that measures the shortest path with no options (see the file). */
export const UNFILTERED_QUERY = cypher('path-unfiltered');

/** The `:A|B|C` label expression of the given types, each checked against the vocabulary. */
export function typeExpression(types: readonly string[]): string {
  if (types.length === 0) throw new Error('A path search needs at least one relationship type.');
  for (const type of types) {
    if (!RELATIONSHIP_TYPES.includes(type) || !TYPE_NAME.test(type)) {
      throw new Error(`"${type}" is not a relationship type of the vocabulary.`);
    }
  }
  return `:${types.join('|')}`;
}

function checkedInt(name: string, value: number, max: number): string {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be 1..${max}, got ${value}`);
  return String(value);
}

/** The path search for these types, hop bound and k (see cypher/path-search.cypher). */
export function searchQuery(types: readonly string[], maxHops: number, k: number): string {
  const text = SEARCH.replaceAll('__TYPES__', typeExpression(types))
    .replaceAll('__MAX_HOPS__', checkedInt('maxHops', maxHops, MAX_HOPS))
    .replaceAll('__K__', checkedInt('k', k, MAX_K))
    .replaceAll('__EDGE__', EDGE)
    .replaceAll('__ACTOR_ROW__', ACTOR_ROW);
  if (/__[A-Z_]+__/.test(text)) throw new Error(`Unexpanded placeholder in the path query: ${text}`);
  return text;
}
