// The one read behind every analytics answer: the relationships passing a RelationshipFilter,
// through the same fragment as every other filtered query, so the filter means the same here.
import type { Executor } from '../db/executor.js';
import { query } from '../graphql/cypher-parts.js';
import type { FilterParams } from '../graphql/validate-args.js';
import type { ProjectedActor, Projection } from './signed-graph.js';

const PROJECTION = query('analytics-projection');

// A cache shares one read among requests, so one client going away must not cancel it for the others.
const UNCANCELLED = new AbortController().signal;

type EdgeRow = [string, string, string, string, number, string, string | null];

export async function readProjection(executor: Executor, f: FilterParams): Promise<Projection> {
  const [row] = await executor.read(
    PROJECTION,
    { f },
    { operation: 'analytics-projection', class: 'analytics', signal: UNCANCELLED },
  );
  const edges = (row?.edges ?? []) as EdgeRow[];
  const claimed = (row?.claimed ?? []) as [string, string, string, string][];
  return {
    actors: (row?.actors ?? []) as ProjectedActor[],
    edges: edges.map(([id, type, from, to, confidence, day, about]) => ({
      id,
      type,
      from,
      to,
      confidence,
      day,
      about,
    })),
    claimed: new Map(claimed.map(([id, type, from, to]) => [id, { type, from, to }])),
  };
}
