// The reads behind the analytics answers: the relationships passing a RelationshipFilter, through
// the same fragment as every other filtered query, so the filter means the same here. Blocs and
// centrality read the whole filtered graph once; a dyad reads only its two sides.
import type { Executor } from '../db/executor.js';
import { type FilterParams, forFilter } from '../db/filter.js';
import { query } from '../db/queries.js';
import { MEMBERSHIP_TYPES } from '../model/vocabulary.js';
import type { ProjectedActor, Projection } from './signed-graph.js';

const PROJECTION = query('analytics-projection');
const DYAD = query('analytics-dyad');

// A cache shares one read among requests, so one client going away must not cancel it for the others.
const UNCANCELLED = new AbortController().signal;
/** Items per list per row of the projection's answer: records of a few Bolt chunks each decode fast. */
export const PROJECTION_BATCH = 500;

/** The fields of one space-separated row (see the query); anything else is refused, not guessed at. */
function fields(row: string, count: number, what: string): string[] {
  const parts = row.split(' ');
  if (parts.length !== count) throw new Error(`The analytics projection cannot read ${what} "${row}".`);
  return parts;
}

/**
 * The whole graph of a filter. With `claims: false` (what blocs and centrality need) the answer's
 * `claimed` is empty and its edges have no day or about: only a dyad reads those, which saves a
 * second pass over the relationships and two properties of each.
 */
export async function readProjection(
  executor: Executor,
  f: FilterParams,
  options: { readonly claims: boolean },
): Promise<Projection> {
  const rows = await executor.read(
    forFilter(PROJECTION, f),
    { f, claims: options.claims, batch: PROJECTION_BATCH },
    { operation: 'analytics-projection', class: 'analytics', signal: UNCANCELLED },
  );
  return projectionOf(rows);
}

/** The part of the projection a dyad of `a` and `b` looks at (cypher/analytics-dyad.cypher). */
export async function readDyadProjection(
  executor: Executor,
  f: FilterParams,
  a: string,
  b: string,
  withMembers: boolean,
): Promise<Projection> {
  const rows = await executor.read(
    forFilter(DYAD, f),
    { f, a, b, withMembers, membershipTypes: MEMBERSHIP_TYPES, batch: PROJECTION_BATCH },
    { operation: 'analytics-dyad', class: 'analytics', signal: UNCANCELLED },
  );
  return projectionOf(rows);
}

function projectionOf(rows: readonly Record<string, unknown>[]): Projection {
  const joined = <T>(column: string) => rows.flatMap((row) => (row[column] ?? []) as T[]);
  const edges = joined<string>('edges').map((text) => {
    const [id, type, from, to, status, confidence, day, about] = fields(text, 8, 'relationship') as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return { id, type, from, to, status, confidence: Number(confidence), day, about: about === '' ? null : about };
  });
  const claimed = new Map(
    joined<string>('claimed').map((text) => {
      const [id, type, from, to] = fields(text, 4, 'claimed relationship') as [string, string, string, string];
      return [id, { type, from, to }] as const;
    }),
  );
  return { actors: joined<ProjectedActor>('actors'), edges, claimed };
}
