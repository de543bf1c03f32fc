// The query classes of the API benchmark. Each has a GraphQL document (what a client would send)
// and the raw floor: the Cypher text the resolver runs, taken from the same modules the server
// uses (so the texts cannot drift), with the parameters the resolver would build.

import type { QueryClass as QueryClassName } from '../server/db/executor.js';
import { filterParams } from '../server/db/filter.js';
import { query } from '../server/db/queries.js';
import { neighborhoodBudget, neighborhoodQuery } from '../server/graphql/resolvers/relationships.js';
import { searchQuery } from '../server/paths/cypher.js';
import { MAX_PATHS, TRAIL_STEPS } from '../server/paths/engine.js';
import { edgeParams, pathSearch } from '../server/paths/options.js';

/** One request's inputs: an actor, or a pair of actors. */
export interface Target {
  readonly id: string;
  readonly other: string;
}

export interface QueryClass {
  readonly name: string;
  readonly description: string;
  readonly graphql: string;
  variables(t: Target): Record<string, unknown>;
  /** The Cypher the resolver runs for this request (its first round trip). */
  readonly cypher: string;
  params(t: Target): Record<string, unknown>;
  /** The executor's timeout class the resolver uses; the floor runs under the same limit. */
  readonly timeoutClass: QueryClassName;
  /** Every request asks about the graph's top hub (the actor with the most relationships). */
  readonly hub?: true;
}

const NODE_FIELDS = 'id name kind aliases degree';
const EDGE_FIELDS =
  'id type status confidence knownSince summary from { id name } to { id name } validFrom { text } validTo { text } sources { id title published }';

// The filtered list: an actor's relationships of three statuses above a confidence, first page.
const RELATIONSHIP_FILTER = { statuses: ['fact', 'reported', 'alleged'], minConfidence: 0.5 };

const SHORTEST = pathSearch({ maxHops: 6 });
const PATHS = pathSearch({});

/** neighborhood(id, depth) with its budget; with `hub`, always around the top hub. */
function neighborhoodClass(depth: 1 | 2, hub = false): QueryClass {
  return {
    name: `${hub ? 'hub-' : ''}neighborhood-${depth}`,
    description: `neighborhood(id, depth: ${depth})${hub ? ' of the top hub' : ''}`,
    graphql: `query N${depth}($id: ID!) { neighborhood(id: $id, depth: ${depth}) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated omittedNodes omittedEdges } }`,
    variables: (t) => ({ id: t.id }),
    cypher: neighborhoodQuery(depth),
    timeoutClass: 'search',
    params: (t) => ({ id: t.id, f: filterParams(null), ...neighborhoodBudget() }),
    ...(hub ? { hub: true as const } : {}),
  };
}

export const QUERY_CLASSES: readonly QueryClass[] = [
  {
    name: 'actor',
    description: 'actor(id) lookup',
    graphql: `query Actor($id: ID!) { actor(id: $id) { ${NODE_FIELDS} description } }`,
    variables: (t) => ({ id: t.id }),
    cypher: query('actors-by-id'),
    timeoutClass: 'lookup',
    params: (t) => ({ ids: [t.id] }),
  },
  neighborhoodClass(1),
  neighborhoodClass(2),
  // Issue 15's targets are about the worst case, the top hub: 9,000 relationships at M.
  neighborhoodClass(1, true),
  neighborhoodClass(2, true),
  {
    name: 'relationships',
    description: 'relationships(filter: involving, statuses, minConfidence; first: 50)',
    graphql: `query R($f: RelationshipFilter) { relationships(filter: $f, first: 50) { totalCount nodes { ${EDGE_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
    variables: (t) => ({ f: { ...RELATIONSHIP_FILTER, involving: t.id } }),
    cypher: query('relationships'),
    timeoutClass: 'search',
    params: (t) => ({
      f: filterParams({ ...RELATIONSHIP_FILTER, involving: t.id }),
      afterKey: null,
      afterId: null,
      limit: 51,
    }),
  },
  {
    name: 'shortestPath',
    description: 'shortestPath(from, to, maxHops: 6)',
    graphql: `query SP($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, options: { maxHops: 6 }) { path { length weakestConfidence nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } reason message } }`,
    variables: (t) => ({ from: t.id, to: t.other }),
    // shortestPath asks for every shortest path (ALL SHORTEST, at most MAX_PATHS), counts them and
    // reads only the best.
    timeoutClass: 'path',
    cypher: searchQuery({ kind: 'all' }, SHORTEST.types, SHORTEST.maxHops),
    params: (t) => ({ from: t.id, to: t.other, maxPaths: MAX_PATHS, best: true, ...edgeParams(SHORTEST) }),
  },
  {
    name: 'paths-k3',
    description: 'paths(from, to, k: 3) (maxHops 4)',
    graphql: `query P($from: ID!, $to: ID!) { paths(from: $from, to: $to, k: 3) { paths { length weakestConfidence nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } reason message } }`,
    variables: (t) => ({ from: t.id, to: t.other }),
    // paths(k) first asks for the TRAIL_STEPS[0] shortest trails and widens only when fewer than
    // k of them are simple; the floor is that first statement.
    timeoutClass: 'path',
    cypher: searchQuery({ kind: 'shortest', n: TRAIL_STEPS[0] }, PATHS.types, PATHS.maxHops),
    params: (t) => ({ from: t.id, to: t.other, maxPaths: MAX_PATHS, best: false, ...edgeParams(PATHS) }),
  },
];

export function queryClass(name: string): QueryClass {
  const found = QUERY_CLASSES.find((q) => q.name === name);
  if (!found) throw new Error(`Unknown query class "${name}".`);
  return found;
}
