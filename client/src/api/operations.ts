// One function per GraphQL operation the client runs. The documents are in operations.graphql;
// `npm run codegen` checks them against the schema and types them (generated.ts).
import { graphqlRequest } from './client.js';
import {
  ActorDetailDocument,
  AllActorsDocument,
  type AllActorsQuery,
  ConnectionDocument,
  GraphDocument,
  NeighborhoodDocument,
  OverviewDocument,
  RelationshipDetailDocument,
  SearchActorsDocument,
  VocabularyDocument,
} from './generated.js';
import type {
  Actor,
  ActorDetail,
  Connection,
  Neighborhood,
  Overview,
  PathOptions,
  RelationshipDetail,
  RelationshipFilter,
  Status,
  Subgraph,
  Vocabulary,
} from './types.js';

/**
 * The most relationships (and actors) the client loads at once; past it, it says so and offers
 * ways in. The API allows 5,000; 2,000 (its default) keeps the elements drawn near the counts the
 * client benchmark holds to its first-view and frame-rate targets.
 */
export const GRAPH_LIMIT = 2000;

/** Part of a set: how many were loaded, of how many there are. */
export interface Loaded<T> {
  items: T;
  total: number;
}

export async function fetchVocabulary(signal?: AbortSignal): Promise<Vocabulary> {
  const data = await graphqlRequest(VocabularyDocument, {}, signal);
  return {
    types: data.relationshipTypes,
    kinds: data.kinds?.enumValues?.map((v) => v.name) ?? [],
    // The values of the Status enum, read by introspection: Status by construction.
    statuses: (data.statuses?.enumValues?.map((v) => v.name) ?? []) as Status[],
  };
}

/** The relationships passing `filter` (at most GRAPH_LIMIT) with their actors, and how many pass it. */
export async function fetchGraph(filter: RelationshipFilter | null, signal?: AbortSignal): Promise<Loaded<Subgraph>> {
  const { graph } = await graphqlRequest(GraphDocument, { filter, limit: GRAPH_LIMIT }, signal);
  return { items: graph, total: graph.edges.length + graph.omittedEdges };
}

/** Every actor (at most GRAPH_LIMIT), a page of 500 at a time: the graph query only brings actors that have relationships. */
export async function fetchAllActors(signal?: AbortSignal): Promise<Loaded<Actor[]>> {
  const out: Actor[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const { actors }: AllActorsQuery = await graphqlRequest(AllActorsDocument, { after }, signal);
    out.push(...actors.nodes);
    total = actors.totalCount;
    after = actors.pageInfo.hasNextPage ? actors.pageInfo.endCursor : null;
  } while (after !== null && out.length < GRAPH_LIMIT);
  return { items: out, total };
}

/** Counts, the types by size and the most connected actors: the ways into a big graph. */
export async function fetchOverview(top = 8, signal?: AbortSignal): Promise<Overview> {
  return (await graphqlRequest(OverviewDocument, { top }, signal)).stats;
}

export async function searchActors(search: string, first = 8, signal?: AbortSignal): Promise<Actor[]> {
  return (await graphqlRequest(SearchActorsDocument, { search, first }, signal)).actors.nodes;
}

/** An actor's neighbourhood within the server's budget, with what the budget left out. */
export async function fetchNeighborhood(id: string, depth = 1, signal?: AbortSignal): Promise<Neighborhood> {
  return (await graphqlRequest(NeighborhoodDocument, { id, depth }, signal)).neighborhood;
}

export async function fetchActor(id: string, signal?: AbortSignal): Promise<ActorDetail | null> {
  return (await graphqlRequest(ActorDetailDocument, { id }, signal)).actor;
}

export async function fetchRelationship(id: string, signal?: AbortSignal): Promise<RelationshipDetail | null> {
  return (await graphqlRequest(RelationshipDetailDocument, { id }, signal)).relationship;
}

export async function fetchConnection(
  from: string,
  to: string,
  k: number,
  options: PathOptions,
  signal?: AbortSignal,
): Promise<Connection> {
  return (await graphqlRequest(ConnectionDocument, { from, to, k, options }, signal)).connection;
}
