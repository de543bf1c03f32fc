// Resolver types, written by hand from the SDL, and the parent-row properties default resolvers
// read. tests/unit/schema.test.ts walks the built schema and checks that every field of Query,
// Mutation and the object types of model.graphql / query.graphql / analytics.graphql has a resolver or one of these
// properties, so a field added to the SDL without one fails a test instead of returning null.
import type { GraphQLScalarType } from 'graphql';
import type { FilterParams, RelationshipFilterInput } from '../db/filter.js';
import type { Context } from './context.js';

export type Resolver<Parent, Args, Result> = (parent: Parent, args: Args, context: Context) => Result | Promise<Result>;

// `never` arguments accept resolvers of any argument type (parameters are contravariant).
export type FieldResolvers<Parent> = Record<string, Resolver<Parent, never, unknown>>;

export interface ResolverMap {
  // biome-ignore lint/suspicious/noExplicitAny: each type has its own parent row; mergeResolvers wants one map type
  [typeName: string]: FieldResolvers<any> | GraphQLScalarType;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface FilterArgs {
  filter?: RelationshipFilterInput | null;
}

export interface Page<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type { FilterParams };

/** Per object type: the fields a default resolver reads straight off the parent object. */
export const DEFAULT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ServerInfo: ['name', 'version', 'database', 'neo4j'],
  Actor: ['id', 'kind', 'name', 'aliases', 'description'],
  Source: ['id', 'title', 'publisher', 'published', 'url', 'kind'],
  Relationship: ['id', 'type', 'status', 'confidence', 'knownSince', 'summary', 'retractedAt', 'retractReason'],
  PartialDate: ['text', 'precision', 'start', 'end'],
  RelationshipTypeInfo: [
    'type',
    'label',
    'template',
    'directed',
    'fromKinds',
    'toKinds',
    'cameo',
    'weight',
    'aboutClaim',
    'stance',
    'temporal',
    'description',
  ],
  Subgraph: ['nodes', 'edges', 'truncated', 'omittedNodes', 'omittedEdges'],
  PageInfo: ['hasNextPage', 'endCursor'],
  ActorConnection: ['totalCount', 'nodes', 'pageInfo'],
  RelationshipConnection: ['totalCount', 'nodes', 'pageInfo'],
  Count: ['key', 'count'],
  ActorDegree: ['actor', 'degree'],
  Stats: [
    'actors',
    'relationships',
    'sources',
    'actorsByKind',
    'relationshipsByType',
    'relationshipsByStatus',
    'mostConnected',
  ],
  ImportResult: ['actors', 'sources', 'relationships'],
  Evidence: ['text', 'start', 'end'],
  ProposedActor: ['id', 'kind', 'name', 'aliases', 'description', 'existing', 'evidence'],
  ProposedRelationship: [
    'id',
    'type',
    'from',
    'to',
    'status',
    'confidence',
    'validFrom',
    'validTo',
    'summary',
    'sources',
    'claimedBy',
    'about',
    'existing',
    'evidence',
  ],
  Proposals: ['source', 'actors', 'relationships'],
  Alliances: ['blocs', 'frustration', 'actorCount', 'relationshipCount', 'graphVersion'],
  Bloc: ['id', 'name', 'size', 'cohesion', 'relations'],
  BlocRelation: ['bloc', 'cooperation', 'conflict', 'net', 'relationships'],
  BlocEvidence: ['reason', 'weight'],
  Frustration: ['count', 'weight', 'hostileInside', 'friendlyAcross'],
  FrustratedTie: ['weight', 'inside'],
  Centrality: ['measure', 'exact', 'sampled', 'actorCount', 'top', 'graphVersion'],
  ActorScore: ['rank', 'score'],
  Dyad: ['a', 'b', 'bucket', 'cooperation', 'conflict', 'net', 'periods', 'graphVersion'],
  DyadPeriod: ['period', 'start', 'end', 'cooperation', 'conflict', 'net', 'events'],
  DyadEvent: ['day', 'score', 'direct'],
  Proposal: [
    'id',
    'kind',
    'state',
    'evidence',
    'confidence',
    'fromStatus',
    'toStatus',
    'decidedBy',
    'decidedAt',
    'proposedBy',
    'reason',
  ],
  ProposalEdge: ['cursor', 'node'],
  ProposalConnection: ['edges', 'pageInfo', 'totalCount'],
  Article: ['source', 'text', 'ingestedAt', 'open', 'accepted', 'rejected'],
  IngestResult: ['article', 'created', 'proposals'],
  HistoryEntry: ['date', 'kind', 'status', 'source', 'claim', 'by', 'note'],
};
