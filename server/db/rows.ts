// The parents of the GraphQL object types: what root resolvers return and field resolvers read.
// Rows are plain values produced by the executor's mapping boundary (dates as YYYY-MM-DD strings).

/** The parent of `Actor`: an actor node's properties plus its kind label. */
export interface ActorRow {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
  /** Present when the query computed it; otherwise the Actor.degree resolver loads it. */
  degree?: number;
}

/** The parent of `Source`. */
export interface SourceRow {
  id: string;
  title: string;
  publisher: string;
  published: string;
  url: string | null;
  kind: string;
}

/**
 * The parent of `Relationship`: the relationship's stored properties plus its type and the ids of
 * its end actors. Cypher projects it as
 * `r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}`.
 */
export interface RelationshipRow {
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
  confidence: number;
  validFrom: string | null;
  validFromPrecision: string | null;
  validTo: string | null;
  validToPrecision: string | null;
  knownSince: string;
  summary: string;
  sources: string[];
  claimedBy: string | null;
  about: string | null;
  retractedAt: string | null;
  retractReason: string | null;
}
