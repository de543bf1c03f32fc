// The shapes the client reads from the GraphQL API (server/graphql/schema/*.graphql is the contract).

export interface PartialDate {
  text: string;
  precision: 'year' | 'month' | 'day';
  start: string;
  end: string;
}

export interface ActorRef {
  id: string;
  name: string;
}

export interface Actor extends ActorRef {
  kind: string;
  aliases: string[];
  description: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
  kind: string;
}

export interface Relationship {
  id: string;
  type: string;
  status: string;
  confidence: number;
  summary: string;
  sentence: string;
  knownSince: string;
  disputed: boolean;
  from: ActorRef;
  to: ActorRef;
  validFrom: PartialDate | null;
  validTo: PartialDate | null;
  claimedBy: ActorRef | null;
  about: { id: string; sentence: string } | null;
  sources: Source[];
}

/** A relationship with the accusations and denials about it. */
export interface RelationshipDetail extends Relationship {
  claims: Relationship[];
}

export interface ActorDetail extends Actor {
  degree: number;
  relationships: Relationship[];
}

export interface Subgraph {
  nodes: Actor[];
  edges: Relationship[];
}

export interface RelationshipTypeInfo {
  type: string;
  label: string;
  template: string;
  directed: boolean;
  cameo: string | null;
  weight: number | null;
  aboutClaim: boolean;
  description: string;
}

/** What the client needs from the vocabulary: types from `relationshipTypes`, kinds and statuses from the enums. */
export interface Vocabulary {
  types: RelationshipTypeInfo[];
  kinds: string[];
  statuses: string[];
}

export interface Path {
  nodes: Actor[];
  edges: Relationship[];
  length: number;
  weakestConfidence: number;
}

export interface Connection {
  paths: Path[];
  commonNeighbors: ActorRef[];
  explanation: string;
  steps: string[];
  reason: string | null;
  message: string;
}

export interface PathOptions {
  statuses?: string[];
  excludeTypes?: string[];
  minConfidence?: number;
  maxHops?: number;
  asOf?: string;
  knownOn?: string;
}
