// Composes the fixed queries of cypher/ with the fragments they share (actor-row, relationship-row,
// relationship-filter, relationship-ends). Fragments are fixed text too: nothing from a request is
// ever spliced, only these files and vocabulary constants.
import { cypher, withoutComments } from '../db/queries.js';
import { cypherType, RELATIONSHIP_TYPES } from '../model/vocabulary.js';

const ACTOR_ROW = withoutComments(cypher('actor-row'));
const RELATIONSHIP_ROW = withoutComments(cypher('relationship-row'));
const RELATIONSHIP_FILTER = withoutComments(cypher('relationship-filter'));
const RELATIONSHIP_ENDS = withoutComments(cypher('relationship-ends'));

const actorRow = (variable: string) => ACTOR_ROW.replaceAll('__A__', variable);

function expand(text: string): string {
  const out = text
    .replaceAll('__RELATIONSHIP_ROW__', RELATIONSHIP_ROW)
    .replaceAll('__RELATIONSHIP_FILTER__', `(${RELATIONSHIP_FILTER})`)
    .replaceAll('__RELATIONSHIP_ENDS__', `(${RELATIONSHIP_ENDS})`)
    .replace(/__ACTOR_ROW\(([a-z]+)\)__/g, (_m, variable: string) => actorRow(variable));
  if (/__[A-Z_]+/.test(out)) throw new Error(`Unexpanded fragment in query: ${out}`);
  return out;
}

/**
 * cypher/<name>.cypher with its fragments expanded. `values` fills placeholders such as __DEPTH__
 * whose shape Cypher cannot take as a parameter; they must be checked integers or vocabulary names.
 * Call at a module's top level.
 */
export function query(name: string, values: Readonly<Record<string, number>> = {}): string {
  let text = cypher(name);
  for (const [key, value] of Object.entries(values)) {
    if (!Number.isInteger(value)) throw new Error(`Placeholder __${key}__ takes an integer, got ${value}`);
    text = text.replaceAll(`__${key}__`, String(value));
  }
  return expand(text);
}

/**
 * Relationships by id whatever their type: Neo4j has no index across relationship types, so this
 * is a UNION with one arm per vocabulary type, each seeking that type's id constraint index.
 * params: $ids [string]; returns: row [relationship row]
 */
export function relationshipsByIdQuery(types: readonly string[] = RELATIONSHIP_TYPES): string {
  const arms = types.map(
    (type) => `  MATCH (a:Actor)-[r:${cypherType(type)}]->(b:Actor) WHERE r.id IN $ids RETURN r, a, b`,
  );
  return expand(`CALL () {\n${arms.join('\n  UNION ALL\n')}\n}\nRETURN __RELATIONSHIP_ROW__ AS row`);
}
