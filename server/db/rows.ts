// The rows the Cypher of cypher/ returns, which are also the parents of the GraphQL object types:
// what root resolvers return and field resolvers read. Plain values from the executor's mapping
// boundary (dates as YYYY-MM-DD strings). The stored fields are those of the bundle format.
import type { Actor, Relationship, Source } from '../model/bundle.js';

/** The parent of `Actor`: an actor node's properties plus its kind label (actor-row.cypher). */
export interface ActorRow extends Actor {
  /** Present when the query computed it; otherwise the Actor.degree resolver loads it. */
  degree?: number;
}

/** The parent of `Source` (source-row.cypher). */
export type SourceRow = Source;

/** For an accusation or denial on a path: the relationship it is about, with its actors' names. */
export interface ClaimSummary {
  type: string;
  from: string;
  to: string;
  status: string;
}

/**
 * The parent of `Relationship` (relationship-row.cypher): the stored properties, its type and the
 * ids of its end actors. Valid time is stored as days with a precision, where a bundle writes the
 * partial date ("2023-09" is validFrom 2023-09-01, precision month).
 */
export interface RelationshipRow extends Omit<Relationship, 'validFrom' | 'validTo' | 'history'> {
  validFrom: string | null;
  validFromPrecision: string | null;
  validTo: string | null;
  validToPrecision: string | null;
  /** Knowledge time: the day its earliest source was published. */
  knownSince: string;
  retractedAt: string | null;
  retractReason: string | null;
  /** The status changes as stored, parallel lists (null on relationships written before history). */
  historyDates?: string[] | null;
  historyFrom?: string[] | null;
  historyTo?: string[] | null;
  historySources?: string[] | null;
  historyBy?: string[] | null;
  historyNotes?: string[] | null;
  /** Embedded by the queries that return relationships, so field resolvers need no further query. */
  fromActor?: ActorRow;
  toActor?: ActorRow;
  sourceRows?: SourceRow[];
  /** Embedded by the path search, for the plain-English account of each hop. */
  claimedByName?: string | null;
  claim?: ClaimSummary | null;
}

/** The status of a relationship as known on a day: the last change reported by then (mirrors relationship-filter.cypher). */
export function statusKnownOn(row: RelationshipRow, day: string | null): string {
  const dates = row.historyDates ?? [];
  if (day === null || dates.length === 0) return row.status;
  let status = row.historyFrom?.[0] ?? row.status;
  dates.forEach((date, i) => {
    if (date <= day) status = row.historyTo?.[i] ?? status;
  });
  return status;
}

/** Rows as known on a day: each with its status of that day (unchanged without a day). */
export function asKnownOn<T extends RelationshipRow>(rows: T[], day: string | null): T[] {
  if (day === null) return rows;
  return rows.map((row) => {
    const status = statusKnownOn(row, day);
    return status === row.status ? row : { ...row, status };
  });
}
