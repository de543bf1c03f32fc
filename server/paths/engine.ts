// Runs a path question: one round trip for the paths (with every actor, relationship and source
// they touch), and a second only when there is no path, to say why.
import type { Executor } from '../db/executor.js';
import { forFilter } from '../db/filter.js';
import type { PathSelector } from '../db/queries.js';
import type { ActorRow, RelationshipRow } from '../db/rows.js';
import { MAX_TRAILS, neighborsQuery, searchQuery, UNFILTERED_QUERY } from './cypher.js';
import { step } from './explain.js';
import { edgeParams, MAX_HOPS, type PathSearch } from './options.js';

/** The parent of `Path`. */
export interface PathRow {
  nodes: ActorRow[];
  edges: RelationshipRow[];
  length: number;
  weakestConfidence: number;
}

export type NoPathReason =
  | 'UNKNOWN_ACTOR'
  | 'SAME_ACTOR'
  | 'NOT_WITHIN_MAX_HOPS'
  | 'FILTERED_OUT'
  | 'DIFFERENT_COMPONENTS';

export interface PathAnswer {
  /**
   * Mode `all`: every shortest path, best first (highest weakest confidence, then by relationship
   * ids). Mode `k`: the k shortest simple paths, shortest first, ties ordered the same way.
   */
  paths: PathRow[];
  /** Actors one qualifying hop from both ends (only when asked for). */
  neighbors: ActorRow[];
  reason: NoPathReason | null;
  message: string;
  unfilteredLength: number | null;
  /** One sentence per hop of the first path. */
  steps: string[];
}

export interface FindOptions {
  /** `all`: every shortest path; `best`: the best of them only (still counted); `k`: the k shortest simple paths. */
  mode: 'all' | 'best' | 'k';
  k: number;
  withNeighbors: boolean;
  operation: string;
}

/** The most paths one answer holds (ALL SHORTEST in a dense graph can be many). */
export const MAX_PATHS = 1000;

interface IdPath {
  nodes: string[];
  edges: string[];
}

interface SearchRow {
  /** How many paths the search found (with `best`, more than `paths` holds). */
  total: number;
  fromDegree: number;
  toDegree: number;
  fromFound: boolean;
  toFound: boolean;
  fromName: string | null;
  toName: string | null;
  paths: IdPath[];
  actors: ActorRow[];
  edges: RelationshipRow[];
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

/** How many trails SHORTEST n asks for, in turn, until k of them are simple paths. */
export const TRAIL_STEPS = [32, 256, MAX_TRAILS] as const;

const isSimple = (p: IdPath) => new Set(p.nodes).size === p.nodes.length;

const hops = (n: number) => `${n} hop${n === 1 ? '' : 's'}`;

export async function findPaths(
  executor: Executor,
  from: string,
  to: string,
  search: PathSearch,
  options: FindOptions,
): Promise<PathAnswer> {
  const params = { from, to, maxPaths: MAX_PATHS, best: options.mode === 'best', ...edgeParams(search) };
  const run = async (selector: PathSelector) => {
    const [row] = (await executor.read(
      forFilter(searchQuery(selector, search.types, search.maxHops), params.f),
      params,
      {
        operation: options.operation,
        class: 'path',
      },
    )) as unknown as SearchRow[];
    if (!row) throw new Error('The path query returned no row.');
    return row;
  };
  const neighborsRun =
    options.withNeighbors && from !== to
      ? executor.read(forFilter(neighborsQuery(search.types), params.f), params, {
          operation: `${options.operation}-neighbors`,
          class: 'path',
        })
      : Promise.resolve([]);
  // It runs beside the path search; if that fails first, nobody awaits this one, and its own
  // failure must not become an unhandled rejection (which ends the process).
  neighborsRun.catch(() => {});

  let row: SearchRow | undefined;
  let found: IdPath[] = [];
  if (options.mode !== 'k') {
    row = await run({ kind: 'all' });
    found = row.paths;
  } else {
    // SHORTEST n returns the n shortest trails; a trail may pass an actor twice. Every simple path
    // shorter than the longest trail returned is among them, so once k are simple (or the search
    // returned fewer trails than asked, i.e. all there are) the k shortest simple paths are known.
    // The first shortest trail is always simple, so k = 1 needs one pass. n takes few values so
    // that few query texts need planning.
    const steps = options.k === 1 ? [1] : TRAIL_STEPS;
    for (const n of steps) {
      row = await run({ kind: 'shortest', n });
      found = row.paths.filter(isSimple);
      if (found.length >= options.k || row.paths.length < n) break;
    }
  }
  if (!row) throw new Error('The path search did not run.');
  const neighborRows = (await neighborsRun) as { neighbors?: ActorRow[] }[];

  const actors = new Map(row.actors.map((a) => [a.id, a]));
  const edges = new Map(row.edges.map((e) => [e.id, edgeRow(e, actors)]));
  const toPath = (p: IdPath): PathRow => {
    const pathEdges = p.edges.map((id) => edges.get(id) as RelationshipRow);
    return {
      nodes: p.nodes.map((id) => actors.get(id) as ActorRow),
      edges: pathEdges,
      length: pathEdges.length,
      weakestConfidence: Math.min(...pathEdges.map((e) => e.confidence)),
    };
  };
  const paths = found.map(toPath).sort(comparePaths);
  if (options.mode === 'k') paths.splice(options.k);
  const best = paths[0];
  const neighbors = (neighborRows[0]?.neighbors ?? []).filter((n) => n.id !== from && n.id !== to);
  const fromName = row.fromName ?? from;
  const toName = row.toName ?? to;

  const answer = (reason: NoPathReason | null, message: string, unfilteredLength: number | null = null) => ({
    paths,
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
    const total = Number(row.total);
    const counted =
      options.mode !== 'k'
        ? ` (${total === MAX_PATHS ? `at least ${total}` : total} shortest path${total === 1 ? '' : 's'})`
        : '';
    return answer(null, `${fromName} and ${toName} are ${hops(best.length)} apart${counted}.`);
  }

  const none = `There is no path between ${fromName} and ${toName}`;
  // An actor without relationships is joined to nothing: said at once, without a second search.
  const isolated = [Number(row.fromDegree) === 0 ? fromName : null, Number(row.toDegree) === 0 ? toName : null].filter(
    (name) => name !== null,
  );
  if (isolated.length > 0) {
    const why = isolated.length === 2 ? 'neither has any relationship' : `${isolated[0]} has no relationships`;
    return answer('DIFFERENT_COMPONENTS', `${none} at all: ${why}.`);
  }

  // No path: is there one without the options, and how long is it?
  let length: number | null = null;
  if (search.filtered || search.maxHops < MAX_HOPS) {
    const [u] = await executor.read(UNFILTERED_QUERY, { from, to }, { operation: 'path-unfiltered', class: 'path' });
    length = (u?.length as number | null | undefined) ?? null;
  }
  if (search.filtered && length !== null && length <= search.maxHops) {
    return answer('FILTERED_OUT', `${none} under these options; without them they are ${hops(length)} apart.`, length);
  }
  // Each thing once: the bound asked for, then what lies beyond it or without the options.
  const without = search.filtered ? 'without the options ' : '';
  const beyond =
    length !== null
      ? ` The shortest path ${without}has ${hops(length)}; raise maxHops (at most ${MAX_HOPS}).`
      : search.maxHops < MAX_HOPS
        ? ` There is none within ${hops(MAX_HOPS)} either${search.filtered ? ', even without the options' : ''}.`
        : search.filtered
          ? ' There is none without the options either.'
          : '';
  return answer('NOT_WITHIN_MAX_HOPS', `${none} of at most ${hops(search.maxHops)}.${beyond}`);
}

// The query returns each actor once, beside the edges; the Relationship fields want them embedded.
function edgeRow(e: RelationshipRow, actors: Map<string, ActorRow>): RelationshipRow {
  return { ...e, fromActor: actors.get(e.from), toActor: actors.get(e.to) };
}

function nameOf(id: string, actors: Map<string, ActorRow>): string {
  return actors.get(id)?.name ?? id;
}
