// One function per GraphQL operation the client runs. Field selections are shared fragments so
// every view reads the same provenance (status, dates, claimant, sources).
import { graphqlRequest } from './client.js';
import type {
  Actor,
  ActorDetail,
  Connection,
  PathOptions,
  RelationshipDetail,
  RelationshipTypeInfo,
  Subgraph,
  Vocabulary,
} from './types.js';

const ACTOR_FIELDS = 'id kind name aliases description';
const DATE_FIELDS = 'text precision start end';
const RELATIONSHIP_FIELDS = `
  id type status confidence summary sentence knownSince disputed
  from { id name } to { id name }
  validFrom { ${DATE_FIELDS} } validTo { ${DATE_FIELDS} }
  claimedBy { id name }
  about { id sentence }
  sources { id title publisher published url kind }`;

/** Upper bound of the seed-scale graph drawn at once (the API allows up to 5000). */
export const GRAPH_LIMIT = 5000;

export async function fetchVocabulary(signal?: AbortSignal): Promise<Vocabulary> {
  const data = await graphqlRequest<{
    relationshipTypes: RelationshipTypeInfo[];
    kinds: { enumValues: { name: string }[] } | null;
    statuses: { enumValues: { name: string }[] } | null;
  }>(
    `query Vocabulary {
      relationshipTypes { type label template directed cameo weight aboutClaim description }
      kinds: __type(name: "ActorKind") { enumValues { name } }
      statuses: __type(name: "Status") { enumValues { name } }
    }`,
    {},
    signal,
  );
  return {
    types: data.relationshipTypes,
    kinds: data.kinds?.enumValues.map((v) => v.name) ?? [],
    statuses: data.statuses?.enumValues.map((v) => v.name) ?? [],
  };
}

export async function fetchGraph(signal?: AbortSignal): Promise<Subgraph> {
  const data = await graphqlRequest<{ graph: Subgraph }>(
    `query Graph($limit: Int) {
      graph(limit: $limit) { nodes { ${ACTOR_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
    }`,
    { limit: GRAPH_LIMIT },
    signal,
  );
  return data.graph;
}

/** Every actor, a page of 500 at a time: the graph query only brings actors that have relationships. */
export async function fetchAllActors(signal?: AbortSignal): Promise<Actor[]> {
  const out: Actor[] = [];
  let after: string | null = null;
  do {
    const data: { actors: { nodes: Actor[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await graphqlRequest(
        `query AllActors($after: String) {
          actors(first: 500, after: $after) { nodes { ${ACTOR_FIELDS} } pageInfo { hasNextPage endCursor } }
        }`,
        { after },
        signal,
      );
    out.push(...data.actors.nodes);
    after = data.actors.pageInfo.hasNextPage ? data.actors.pageInfo.endCursor : null;
  } while (after !== null && out.length < GRAPH_LIMIT);
  return out;
}

export async function searchActors(search: string, first = 8, signal?: AbortSignal): Promise<Actor[]> {
  const data = await graphqlRequest<{ actors: { nodes: Actor[] } }>(
    `query SearchActors($search: String!, $first: Int) {
      actors(filter: { search: $search }, first: $first) { nodes { ${ACTOR_FIELDS} } }
    }`,
    { search, first },
    signal,
  );
  return data.actors.nodes;
}

export async function fetchNeighborhood(id: string, depth = 1, signal?: AbortSignal): Promise<Subgraph> {
  const data = await graphqlRequest<{ neighborhood: Subgraph }>(
    `query Neighborhood($id: ID!, $depth: Int) {
      neighborhood(id: $id, depth: $depth) { nodes { ${ACTOR_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } }
    }`,
    { id, depth },
    signal,
  );
  return data.neighborhood;
}

export async function fetchActor(id: string, signal?: AbortSignal): Promise<ActorDetail | null> {
  const data = await graphqlRequest<{ actor: ActorDetail | null }>(
    `query ActorDetail($id: ID!) {
      actor(id: $id) { ${ACTOR_FIELDS} degree relationships(first: 500) { ${RELATIONSHIP_FIELDS} } }
    }`,
    { id },
    signal,
  );
  return data.actor;
}

export async function fetchRelationship(id: string, signal?: AbortSignal): Promise<RelationshipDetail | null> {
  const data = await graphqlRequest<{ relationship: RelationshipDetail | null }>(
    `query RelationshipDetail($id: ID!) {
      relationship(id: $id) { ${RELATIONSHIP_FIELDS} claims { ${RELATIONSHIP_FIELDS} } }
    }`,
    { id },
    signal,
  );
  return data.relationship;
}

export async function fetchConnection(
  from: string,
  to: string,
  k: number,
  options: PathOptions,
  signal?: AbortSignal,
): Promise<Connection> {
  const data = await graphqlRequest<{ connection: Connection }>(
    `query Connection($from: ID!, $to: ID!, $k: Int, $options: PathOptions) {
      connection(from: $from, to: $to, k: $k, options: $options) {
        paths { nodes { ${ACTOR_FIELDS} } edges { ${RELATIONSHIP_FIELDS} } length weakestConfidence }
        commonNeighbors { id name }
        explanation steps reason message
      }
    }`,
    { from, to, k, options },
    signal,
  );
  return data.connection;
}
