// Alliance analytics (schema/analytics.graphql). server/analytics does the work and caches it; these
// check the arguments and map its answers. Actors come from the analysed graph's own rows (no
// query; degree and relationships load through the loaders when asked). The Relationships an
// answer shows are read once per analysed graph, in one batched query per request that needs new
// ones, and kept with that graph until a write replaces it; each request's loaders are primed with
// them, so their nested fields need no further query.
import DataLoader from 'dataloader';
import type { Alliances, Bloc, Evidence, FrustratedTie } from '../../analytics/blocs.js';
import { MAX_EVIDENCE, MAX_FRUSTRATED } from '../../analytics/blocs.js';
import type { Measure } from '../../analytics/centrality.js';
import type { Bucket, DyadEvent } from '../../analytics/dyad.js';
import { type Answer, analyticsFor } from '../../analytics/service.js';
import type { SignedGraph } from '../../analytics/signed-graph.js';
import type { Executor } from '../../db/executor.js';
import { filterParams } from '../../db/filter.js';
import { query } from '../../db/queries.js';
import type { ActorRow, RelationshipRow } from '../../db/rows.js';
import { badInput, intBetween } from '../../model/arguments.js';
import type { Context } from '../context.js';
import type { FilterArgs, ResolverMap } from '../types.js';

/** Largest `top` of centrality. */
export const MAX_TOP = 500;

interface InGraph {
  readonly graph: SignedGraph;
}
type BlocParent = Omit<Bloc, 'relations'> &
  InGraph & { size: number; relations: RelationParent[]; memberRows?: ActorRow[] };
interface RelationParent {
  bloc: BlocParent;
  cooperation: number;
  conflict: number;
  net: number;
  relationships: number;
}
type EvidenceParent = Evidence & InGraph;
type TieParent = FrustratedTie & InGraph;
type ScoreParent = { rank: number; actor: string; score: number } & InGraph;
type EventParent = DyadEvent & InGraph;

// Rows made once per analysed graph and shared by the requests on it (nothing changes a row).
const actorRows = new WeakMap<SignedGraph, (ActorRow | undefined)[]>();

function actorRow(graph: SignedGraph, id: string): ActorRow {
  const at = graph.index.get(id) ?? -1;
  const actor = graph.actors[at];
  if (actor === undefined) throw new Error(`Actor "${id}" is not in the analysed graph.`);
  let rows = actorRows.get(graph);
  if (rows === undefined) {
    rows = [];
    actorRows.set(graph, rows);
  }
  let row = rows[at];
  if (row === undefined) {
    row = { id, kind: actor.kind, name: actor.name, aliases: [...actor.aliases], description: actor.description };
    rows[at] = row;
  }
  return row;
}

// An alliances answer is shaped for GraphQL once and kept with it, as its member rows are, so a
// request the cache answers maps nothing: at 10,000 actors the shaping cost more than the lookup.
const shaped = new WeakMap<Answer<Alliances>, ReturnType<typeof shapeAlliances>>();

function alliancesParent(answer: Answer<Alliances>) {
  let parent = shaped.get(answer);
  if (parent === undefined) {
    parent = shapeAlliances(answer);
    shaped.set(answer, parent);
  }
  return parent;
}

function shapeAlliances({ graph, version, value }: Answer<Alliances>) {
  const blocs: BlocParent[] = value.blocs.map((b) => ({ ...b, size: b.members.length, relations: [], graph }));
  value.blocs.forEach((b, i) => {
    (blocs[i] as BlocParent).relations = b.relations.map((r) => ({ ...r, bloc: blocs[r.bloc] as BlocParent }));
  });
  return {
    blocs,
    frustration: { ...value.frustration, ties: value.frustration.ties.map((t) => ({ ...t, graph })) },
    actorCount: value.actorCount,
    relationshipCount: value.relationshipCount,
    graphVersion: version,
  };
}

const RELATIONSHIPS_BY_ID = query('relationships-by-id');
// Rows shared by every request on one analysed graph: not cancelled when one request goes away.
const UNCANCELLED = new AbortController().signal;
const rowsByGraph = new WeakMap<SignedGraph, DataLoader<string, RelationshipRow | null>>();

function rowsOf(graph: SignedGraph, executor: Executor): DataLoader<string, RelationshipRow | null> {
  let loader = rowsByGraph.get(graph);
  if (loader === undefined) {
    const rows: DataLoader<string, RelationshipRow | null> = new DataLoader(async (ids) => {
      try {
        const found = await executor.read(
          RELATIONSHIPS_BY_ID,
          { ids },
          // A dyad's events at a busy pair are thousands of ids in one read: not a lookup's 5 s.
          { operation: 'analytics-relationships', class: 'search', signal: UNCANCELLED },
        );
        const byId = new Map(found.map((r) => [(r.row as RelationshipRow).id, r.row as RelationshipRow]));
        return ids.map((id) => byId.get(id) ?? null);
      } catch (error) {
        for (const id of ids) rows.clear(id); // a failed read is not kept for the next request
        throw error;
      }
    });
    loader = rows;
    rowsByGraph.set(graph, loader);
  }
  return loader;
}

async function relationship(graph: SignedGraph, id: string, { executor, loaders }: Context) {
  const row = await rowsOf(graph, executor).load(id);
  if (row) loaders.prime([row]);
  return row;
}

export const analyticsResolvers: ResolverMap = {
  Query: {
    async alliances(_: unknown, args: FilterArgs, { executor }: Context) {
      return alliancesParent(await analyticsFor(executor).alliances(filterParams(args.filter)));
    },

    async centrality(_: unknown, args: FilterArgs & { measure: Measure; top?: number | null }, { executor }: Context) {
      const top = intBetween('top', args.top, 1, MAX_TOP, 10);
      const { graph, version, value } = await analyticsFor(executor).centrality(
        filterParams(args.filter),
        args.measure,
      );
      const ranked: ScoreParent[] = [...value.order.slice(0, top)].map((v, i) => ({
        rank: i + 1,
        actor: graph.ids[v] ?? '',
        // 12 significant digits: 0.7, not 0.7000000000000001; PageRank's small shares keep their digits.
        score: Number((value.scores[v] ?? 0).toPrecision(12)),
        graph,
      }));
      return {
        measure: value.measure,
        exact: value.exact,
        sampled: value.sampled,
        actorCount: graph.ids.length,
        top: ranked,
        graphVersion: version,
      };
    },

    async dyad(
      _: unknown,
      args: FilterArgs & { a: string; b: string; bucket?: Bucket | null; withMembers?: boolean | null },
      { executor, loaders }: Context,
    ) {
      if (args.a === args.b) throw badInput('b', `must be another actor than a ("${args.a}")`);
      const bucket = args.bucket ?? 'MONTH';
      const { graph, version, value } = await analyticsFor(executor).dyad(filterParams(args.filter), args.a, args.b, {
        bucket,
        withMembers: args.withMembers === true,
      });
      // An actor in the analysed graph exists; one outside it may still exist without relationships
      // under this filter (its history is then empty), or not at all.
      const actor = async (argument: 'a' | 'b', id: string) => {
        if (graph.index.has(id)) return actorRow(graph, id);
        const row = await loaders.actor.load(id);
        if (row === null) throw badInput(argument, `no actor "${id}"`);
        return row;
      };
      const [a, b] = await Promise.all([actor('a', args.a), actor('b', args.b)]);
      const periods = value.periods.map((p) => ({ ...p, events: p.events.map((e) => ({ ...e, graph })) }));
      return { ...value, periods, a, b, bucket, graphVersion: version };
    },
  },

  Bloc: {
    leader: (b: BlocParent) => actorRow(b.graph, b.leader),
    members: (b: BlocParent) => {
      b.memberRows ??= b.members.map((id) => actorRow(b.graph, id));
      return b.memberRows;
    },
    evidence: (b: BlocParent, args: { first?: number | null }) =>
      b.evidence
        .slice(0, intBetween('first', args.first, 1, MAX_EVIDENCE, 5))
        .map((e): EvidenceParent => ({ ...e, graph: b.graph })),
  },
  BlocEvidence: {
    relationship: (e: EvidenceParent, _: unknown, context: Context) => relationship(e.graph, e.relationship, context),
    adversary: (e: EvidenceParent) => (e.adversary === null ? null : actorRow(e.graph, e.adversary)),
  },
  Frustration: {
    ties: (f: { ties: TieParent[] }, args: { first?: number | null }) =>
      f.ties.slice(0, intBetween('first', args.first, 1, MAX_FRUSTRATED, 20)),
  },
  FrustratedTie: {
    a: (t: TieParent) => actorRow(t.graph, t.a),
    b: (t: TieParent) => actorRow(t.graph, t.b),
    relationships: (t: TieParent, _: unknown, context: Context) =>
      Promise.all(t.relationships.map((id) => relationship(t.graph, id, context))),
  },
  ActorScore: {
    actor: (s: ScoreParent) => actorRow(s.graph, s.actor),
  },
  DyadEvent: {
    relationship: (e: EventParent, _: unknown, context: Context) => relationship(e.graph, e.relationship, context),
  },
};
