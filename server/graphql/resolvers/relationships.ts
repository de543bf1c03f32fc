import { type FilterParams, filterParams, forFilter } from '../../db/filter.js';
import { query } from '../../db/queries.js';
import { type ActorRow, asKnownOn, type RelationshipRow, type SourceRow } from '../../db/rows.js';
import { badInput, checkDateRange, type DateRangeInput, intBetween } from '../../model/arguments.js';
import { CLAIM_TYPES, renderSentence, vocabulary } from '../../model/vocabulary.js';
import type { Context } from '../context.js';
import { endActor, partialDate, typeInfo } from '../mappers.js';
import { DEFAULT_PAGE, decodeCursor, MAX_PAGE, page } from '../pages.js';
import type { FilterArgs, PageArgs, ResolverMap } from '../types.js';

const RELATIONSHIPS = query('relationships');
const GRAPH = query('graph');
const NEIGHBORHOOD_BY_DEPTH = [1, 2, 3].map((depth) => query('neighborhood', { DEPTH: depth }));

/** The neighbourhood query for a depth of 1..3, the depth written into its quantifier. */
export function neighborhoodQuery(depth: number): string {
  const text = NEIGHBORHOOD_BY_DEPTH[depth - 1];
  if (text === undefined) throw new RangeError(`neighbourhood depth must be 1..3, got ${depth}`);
  return text;
}
const DISPUTED = query('disputed');

// What makes a relationship disputed: a claim for it (a claim type with stance "for", or its own
// status alleged) and one against it (stance "against", or status denied).
const ALLEGED = 'alleged';
const DENIED = 'denied';
for (const status of [ALLEGED, DENIED]) {
  if (!vocabulary.statuses.some((s) => s.status === status)) throw new Error(`The vocabulary lacks status ${status}.`);
}

/** graph(limit) is not paged; this bounds it. */
const MAX_LIST = 5000;
/** neighborhood(limit): the default and largest actor budget. */
const NEIGHBORHOOD_LIMIT = 300;
const MAX_NEIGHBORHOOD_LIMIT = 2000;
const EDGES_PER_NODE = 4;

/** The budget parameters of neighborhood.cypher for an actor budget: at most 4 relationships per actor. */
export function neighborhoodBudget(limit = NEIGHBORHOOD_LIMIT): { limit: number; edgeLimit: number } {
  return { limit, edgeLimit: limit * EDGES_PER_NODE };
}

const sortKey = (r: RelationshipRow) => [r.validFrom ?? r.knownSince, r.id];

/** One page of relationships.cypher: the list of relationships(filter) and of timeline. */
async function relationshipPage(
  f: FilterParams,
  args: PageArgs,
  { executor, loaders }: Context,
  operation: 'relationships' | 'timeline',
) {
  const first = intBetween('first', args.first, 1, MAX_PAGE, DEFAULT_PAGE);
  const scope = { list: operation, filter: f };
  const after = decodeCursor('after', args.after, scope, 2, (v, i) => i > 0 || /^\d{4}-\d{2}-\d{2}$/.test(v));
  const [row] = await executor.read(
    forFilter(RELATIONSHIPS, f),
    { f, afterKey: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: first + 1 },
    { operation, class: 'search' },
  );
  const rows = asKnownOn(loaders.prime((row?.rows ?? []) as RelationshipRow[]), f.knownOn);
  return page(rows, first, Number(row?.totalCount ?? 0), sortKey, scope);
}

/** A Subgraph with what its budget left out. */
function bounded<N, E>(nodes: N[], edges: E[], omittedNodes: unknown, omittedEdges: unknown) {
  const nodesLeft = Number(omittedNodes ?? 0);
  const edgesLeft = Number(omittedEdges ?? 0);
  return { nodes, edges, omittedNodes: nodesLeft, omittedEdges: edgesLeft, truncated: nodesLeft + edgesLeft > 0 };
}

function subgraph(edges: RelationshipRow[]) {
  const nodes = new Map<string, ActorRow>();
  for (const edge of edges) {
    if (edge.fromActor) nodes.set(edge.from, edge.fromActor);
    if (edge.toActor) nodes.set(edge.to, edge.toActor);
  }
  const sorted = [...nodes.values()].sort((a, b) =>
    a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
  return { nodes: sorted, edges };
}

export const relationshipResolvers: ResolverMap = {
  Query: {
    async relationship(
      _: unknown,
      { id, includeRetracted }: { id: string; includeRetracted?: boolean | null },
      { loaders }: Context,
    ) {
      const row = await loaders.relationship.load(id);
      if (!row || (row.retractedAt != null && includeRetracted !== true)) return null;
      return row;
    },

    relationships: (_: unknown, args: FilterArgs & PageArgs, context: Context) =>
      relationshipPage(filterParams(args.filter), args, context, 'relationships'),

    async neighborhood(
      _: unknown,
      args: { id: string; depth?: number | null; limit?: number | null } & FilterArgs,
      { executor, loaders }: Context,
    ) {
      const depth = intBetween('depth', args.depth, 1, 3, 1);
      const limit = intBetween('limit', args.limit, 1, MAX_NEIGHBORHOOD_LIMIT, NEIGHBORHOOD_LIMIT);
      const f = filterParams(args.filter);
      for (const end of ['from', 'to', 'involving'] as const) {
        if (f[end] !== null) throw badInput(`filter.${end}`, 'not used by neighborhood (it starts from id)');
      }
      const [row] = await executor.read(
        forFilter(neighborhoodQuery(depth), f),
        { id: args.id, f, ...neighborhoodBudget(limit) },
        { operation: 'neighborhood', class: 'search' },
      );
      if (!row) return bounded([], [], 0, 0);
      return bounded(
        loaders.primeActors(row.nodes as ActorRow[]),
        asKnownOn(loaders.prime(row.edges as RelationshipRow[]), f.knownOn),
        row.omittedNodes,
        row.omittedEdges,
      );
    },

    async graph(_: unknown, args: FilterArgs & { limit?: number | null }, { executor, loaders }: Context) {
      const limit = intBetween('limit', args.limit, 1, MAX_LIST, 2000);
      const f = filterParams(args.filter);
      const [row] = await executor.read(forFilter(GRAPH, f), { f, limit }, { operation: 'graph', class: 'search' });
      const { nodes, edges } = subgraph(asKnownOn(loaders.prime((row?.rows ?? []) as RelationshipRow[]), f.knownOn));
      const total = Number(row?.total ?? 0);
      const actorCount = Number(row?.actorCount ?? 0);
      return bounded(nodes, edges, actorCount - nodes.length, total - edges.length);
    },

    claims: (_: unknown, { about }: { about: string }, { loaders }: Context) => loaders.claims.load(about),

    async disputed(_: unknown, args: FilterArgs, { executor, loaders }: Context) {
      const f = filterParams(args.filter);
      const rows = await executor.read(
        forFilter(DISPUTED, f),
        {
          f,
          forTypes: CLAIM_TYPES.for,
          againstTypes: CLAIM_TYPES.against,
          allegedStatus: ALLEGED,
          deniedStatus: DENIED,
        },
        { operation: 'disputed', class: 'search' },
      );
      return asKnownOn(loaders.prime(rows.map((r) => r.row as RelationshipRow)), f.knownOn);
    },

    timeline(
      _: unknown,
      args: { actor: string; other?: string | null; between?: DateRangeInput | null } & PageArgs,
      context: Context,
    ) {
      const between = checkDateRange('between', args.between);
      if (args.other === args.actor) throw badInput('other', `"${args.other}" is the same actor as actor`);
      const f = { ...filterParams({ between, involving: args.actor }), other: args.other ?? null };
      return relationshipPage(f, args, context, 'timeline');
    },

    relationshipTypes: () => vocabulary.relationshipTypes.map((t) => typeInfo(t.type)),
  },

  Relationship: {
    typeInfo: (r: RelationshipRow) => typeInfo(r.type),
    from: (r: RelationshipRow, _: unknown, context: Context) => endActor(r.from, r.fromActor, context),
    to: (r: RelationshipRow, _: unknown, context: Context) => endActor(r.to, r.toActor, context),
    validFrom: (r: RelationshipRow) => partialDate(r.validFrom, r.validFromPrecision),
    validTo: (r: RelationshipRow) => partialDate(r.validTo, r.validToPrecision),
    async sentence(r: RelationshipRow, _: unknown, context: Context) {
      const [from, to] = await Promise.all([
        endActor(r.from, r.fromActor, context),
        endActor(r.to, r.toActor, context),
      ]);
      return renderSentence(r.type, r.status, from.name, to.name);
    },
    sources(r: RelationshipRow, _: unknown, { loaders }: Context) {
      if (r.sourceRows) return r.sourceRows;
      return loaders.source
        .loadMany(r.sources ?? [])
        .then((rows) => rows.filter((s): s is SourceRow => s !== null && !(s instanceof Error)));
    },
    claimedBy: (r: RelationshipRow, _: unknown, { loaders }: Context) =>
      r.claimedBy ? loaders.actor.load(r.claimedBy) : null,
    about: (r: RelationshipRow, _: unknown, { loaders }: Context) =>
      r.about ? loaders.relationship.load(r.about) : null,
    claims: (r: RelationshipRow, _: unknown, { loaders }: Context) => loaders.claims.load(r.id),
    async disputed(r: RelationshipRow, _: unknown, { loaders }: Context) {
      const claims = await loaders.claims.load(r.id);
      const accused = r.status === ALLEGED || claims.some((c) => CLAIM_TYPES.for.includes(c.type));
      const denied = r.status === DENIED || claims.some((c) => CLAIM_TYPES.against.includes(c.type));
      return accused && denied;
    },
  },
};
