// Alliance analytics (schema/analytics.graphql). server/analytics does the work and caches it; these
// check the arguments and map its answers. Actors come from the answer's own rows (no query; degree
// and relationships load through the loaders when asked), and every Relationship of one response
// through the relationship loader: one batched query, whatever the nesting.
import type { Alliances, Bloc, Evidence, FrustratedTie } from '../../analytics/blocs.js';
import { MAX_EVIDENCE, MAX_FRUSTRATED } from '../../analytics/blocs.js';
import type { Measure } from '../../analytics/centrality.js';
import type { Bucket, DyadEvent } from '../../analytics/dyad.js';
import { type Answer, analyticsFor } from '../../analytics/service.js';
import type { SignedGraph } from '../../analytics/signed-graph.js';
import type { Context } from '../context.js';
import type { ActorRow } from '../rows.js';
import type { FilterArgs, ResolverMap } from '../types.js';
import { badInput, filterParams, intBetween } from '../validate-args.js';

/** Largest `top` of centrality. */
export const MAX_TOP = 500;

interface InGraph {
  readonly graph: SignedGraph;
}
type BlocParent = Omit<Bloc, 'relations'> & InGraph & { size: number; relations: RelationParent[] };
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
type EventParent = DyadEvent;

function actorRow(graph: SignedGraph, id: string): ActorRow {
  const actor = graph.actors[graph.index.get(id) ?? -1];
  if (actor === undefined) throw new Error(`Actor "${id}" is not in the analysed graph.`);
  return { id, kind: actor.kind, name: actor.name, aliases: [...actor.aliases], description: actor.description };
}

function alliancesParent({ graph, version, value }: Answer<Alliances>) {
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

const relationship = (id: string, { loaders }: Context) => loaders.relationship.load(id);

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
      const f = filterParams(args.filter);
      const [a, b] = await loaders.actor.loadMany([args.a, args.b]);
      for (const [argument, row, id] of [
        ['a', a, args.a],
        ['b', b, args.b],
      ] as const) {
        if (row instanceof Error) throw row;
        if (row === null || row === undefined) throw badInput(argument, `no actor "${id}"`);
      }
      const bucket = args.bucket ?? 'MONTH';
      const { version, value } = await analyticsFor(executor).dyad(f, args.a, args.b, {
        bucket,
        withMembers: args.withMembers === true,
      });
      return { ...value, a, b, bucket, graphVersion: version };
    },
  },

  Bloc: {
    leader: (b: BlocParent) => actorRow(b.graph, b.leader),
    members: (b: BlocParent) => b.members.map((id) => actorRow(b.graph, id)),
    evidence: (b: BlocParent, args: { first?: number | null }) =>
      b.evidence
        .slice(0, intBetween('first', args.first, 1, MAX_EVIDENCE, 5))
        .map((e): EvidenceParent => ({ ...e, graph: b.graph })),
  },
  BlocEvidence: {
    relationship: (e: EvidenceParent, _: unknown, context: Context) => relationship(e.relationship, context),
    adversary: (e: EvidenceParent) => (e.adversary === null ? null : actorRow(e.graph, e.adversary)),
  },
  Frustration: {
    ties: (f: { ties: TieParent[] }, args: { first?: number | null }) =>
      f.ties.slice(0, intBetween('first', args.first, 1, MAX_FRUSTRATED, 20)),
  },
  FrustratedTie: {
    a: (t: TieParent) => actorRow(t.graph, t.a),
    b: (t: TieParent) => actorRow(t.graph, t.b),
    relationships: (t: TieParent, _: unknown, { loaders }: Context) =>
      loaders.relationship.loadMany([...t.relationships]),
  },
  ActorScore: {
    actor: (s: ScoreParent) => actorRow(s.graph, s.actor),
  },
  DyadEvent: {
    relationship: (e: EventParent, _: unknown, context: Context) => relationship(e.relationship, context),
  },
};
