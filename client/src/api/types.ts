// The shapes the client reads, named after what they are. Every API shape comes from generated.ts
// (`npm run codegen`, from the schema and operations.graphql); only client-side shapes live here.
import type {
  ActorDetailQuery,
  ActorFieldsFragment,
  ConnectionQuery,
  DateFieldsFragment,
  NeighborhoodQuery,
  OverviewQuery,
  RelationshipDetailQuery,
  RelationshipFieldsFragment,
  Status,
  VocabularyQuery,
} from './generated.js';

export type { PathOptions, RelationshipFilter, RelationshipType, Status } from './generated.js';

export type Actor = ActorFieldsFragment;
export type Relationship = RelationshipFieldsFragment;
export type PartialDate = DateFieldsFragment;
export type Source = Relationship['sources'][number];
export type ActorRef = Relationship['from'];
export type ActorDetail = NonNullable<ActorDetailQuery['actor']>;
/** A relationship with the accusations and denials about it. */
export type RelationshipDetail = NonNullable<RelationshipDetailQuery['relationship']>;
export type Connection = ConnectionQuery['connection'];
export type Path = Connection['paths'][number];
export type RelationshipTypeInfo = VocabularyQuery['relationshipTypes'][number];
/** A neighbourhood and what the server's budget left out of it. */
export type Neighborhood = NeighborhoodQuery['neighborhood'];
/** Counts, the types by size and the most connected actors. */
export type Overview = OverviewQuery['stats'];

/** Actors and relationships to draw, from any query that returns both. */
export interface Subgraph {
  nodes: readonly Actor[];
  edges: readonly Relationship[];
}

/** What the client needs from the vocabulary: types from `relationshipTypes`, kinds and statuses from the enums. */
export interface Vocabulary {
  types: RelationshipTypeInfo[];
  kinds: string[];
  statuses: Status[];
}
