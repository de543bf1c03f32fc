// Runs a path question: one round trip for the paths (with every actor, relationship and source
// they touch), and a second only when there is no path, to say why.
import type { Executor } from '../db/executor.js';
import type { ActorRow, RelationshipRow, SourceRow } from '../graphql/rows.js';
import { searchQuery, UNFILTERED_QUERY } from './cypher.js';
import { step } from './explain.js';
import { edgeParams, MAX_HOPS, type PathSearch } from './options.js';

/** A relationship on a path: the Relationship parent row with what the query embedded. */
export interface PathEdge extends RelationshipRow {
  fromActor?: ActorRow;
  toActor?: ActorRow;
  sourceRows?: SourceRow[];
  claimedByName?: string | null;
}

/** The parent of `Path`. */
export interface PathRow {
  nodes: ActorRow[];
  edges: PathEdge[];
  length: number;
  weakestConfidence: number;
}

export type NoPathReason = 'UNKNOWN_ACTOR' | 'SAME_ACTOR' | 'NOT_WITHIN_MAX_HOPS' | 'FILTERED_OUT';

export interface PathAnswer {
  /** Every shortest path, best first (highest weakest confidence, then by relationship ids). */
  shortest: PathRow[];
  /** The k shortest simple paths, shortest first; the first is shortest[0]. */
  kShortest: PathRow[];
  /** Actors one qualifying hop from both ends (only when asked for). */
  neighbors: ActorRow[];
  reason: NoPathReason | null;
  message: string;
  unfilteredLength: number | null;
  /** One sentence per hop of the first path. */
  steps: string[];
}

/** ALL SHORTEST returns at most this many paths. */
export const MAX_SHORTEST = 1000;

interface IdPath {
  nodes: string[];
  edges: string[];
}

interface SearchRow {
  fromFound: boolean;
  toFound: boolean;
  fromName: string | null;
  toName: string | null;
  shortest: IdPath[];
  simple: IdPath[];
  neighbors: ActorRow[];
  actors: ActorRow[];
  edges: PathEdge[];
}

const key = (p: PathRow) => p.edges.map((e) => e.id).join('\u0000');

/** Shorter first; among equals the better-supported (higher weakest link), then a stable order. */
export function comparePaths(a: PathRow, b: PathRow): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a.weakestConfidence !== b.weakestConfidence) return b.weakestConfidence - a.weakestConfidence;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const hops = (n: number) => `${n} hop${n === 1 ? '' : 's'}`;

export async function findPaths(
  executor: Executor,
  from: string,
  to: string,
  search: PathSearch,
  options: { k: number; withNeighbors: boolean; operation: string },
): Promise<PathAnswer> {
  const [row] = (await executor.read(
    searchQuery(search.types, search.maxHops, options.k),
    { from, to, maxShortest: MAX_SHORTEST, withNeighbors: options.withNeighbors, ...edgeParams(search) },
    { operation: options.operation, class: 'path' },
  )) as unknown as SearchRow[];
  if (!row) throw new Error('The path query returned no row.');

  const actors = new Map(row.actors.map((a) => [a.id, a]));
  const edges = new Map(row.edges.map((e) => [e.id, edgeRow(e, actors)]));
  const toPath = (p: IdPath): PathRow => {
    const pathEdges = p.edges.map((id) => edges.get(id) as PathEdge);
    return {
      nodes: p.nodes.map((id) => actors.get(id) as ActorRow),
      edges: pathEdges,
      length: pathEdges.length,
      weakestConfidence: Math.min(...pathEdges.map((e) => e.confidence)),
    };
  };
  const shortest = row.shortest.map(toPath).sort(comparePaths);
  const best = shortest[0];
  const others = row.simple.map(toPath).filter((p) => best === undefined || key(p) !== key(best));
  const kShortest = (best ? [best, ...others] : others).sort(comparePaths).slice(0, options.k);
  const neighbors = row.neighbors.filter((n) => n.id !== from && n.id !== to);
  const fromName = row.fromName ?? from;
  const toName = row.toName ?? to;

  const answer = (reason: NoPathReason | null, message: string, unfilteredLength: number | null = null) => ({
    shortest,
    kShortest,
    neighbors,
    reason,
    message,
    unfilteredLength,
    steps: best ? best.edges.map((e) => step(e, nameOf(e.from, actors), nameOf(e.to, actors))) : [],
  });

  if (!row.fromFound || !row.toFound) {
    const missing = [row.fromFound ? null : from, row.toFound ? null : to].filter((id) => id !== null);
    const unique = [...new Set(missing)];
    return answer(
      'UNKNOWN_ACTOR',
      unique.length === 1
        ? `There is no actor with id "${unique[0]}".`
        : `There are no actors with ids "${unique[0]}" and "${unique[1]}".`,
    );
  }
  if (from === to) {
    return answer('SAME_ACTOR', `${fromName} is at both ends: a path joins two different actors.`);
  }
  if (best) {
    const count = shortest.length;
    return answer(
      null,
      `${fromName} and ${toName} are ${hops(best.length)} apart` +
        ` (${count === MAX_SHORTEST ? `at least ${count}` : count} shortest path${count === 1 ? '' : 's'}).`,
    );
  }

  // No path: is there one without the options, and how long is it?
  let length: number | null = null;
  if (search.filtered || search.maxHops < MAX_HOPS) {
    const [u] = await executor.read(UNFILTERED_QUERY, { from, to }, { operation: 'path-unfiltered', class: 'path' });
    length = (u?.length as number | null | undefined) ?? null;
  }
  const none = `There is no path between ${fromName} and ${toName}`;
  if (search.filtered && length !== null && length <= search.maxHops) {
    return answer('FILTERED_OUT', `${none} under these options; without them they are ${hops(length)} apart.`, length);
  }
  const beyond =
    length !== null
      ? ` ${search.filtered ? 'Without the options the' : 'The'} shortest path has ${hops(length)}; raise maxHops (at most ${MAX_HOPS}).`
      : ` There is none within ${hops(MAX_HOPS)}${search.filtered ? ', even without the options' : ''}.`;
  return answer('NOT_WITHIN_MAX_HOPS', `${none} of at most ${hops(search.maxHops)}.${beyond}`);
}

// Neo4j stores no null properties, so `r {.*}` leaves them out; the row type has them as null.
const NULLABLE = [
  'validFrom',
  'validFromPrecision',
  'validTo',
  'validToPrecision',
  'claimedBy',
  'about',
  'retractedAt',
  'retractReason',
  'claimedByName',
] as const;

function edgeRow(e: PathEdge, actors: Map<string, ActorRow>): PathEdge {
  const row: PathEdge = { ...e, fromActor: actors.get(e.from), toActor: actors.get(e.to) };
  for (const field of NULLABLE) row[field] = e[field] ?? null;
  return row;
}

function nameOf(id: string, actors: Map<string, ActorRow>): string {
  return actors.get(id)?.name ?? id;
}
