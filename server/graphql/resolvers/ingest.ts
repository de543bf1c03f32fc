// Ingestion and review (docs/ingestion.md): the review queue's queries and decisions, and each
// relationship's dated history. The work is in server/ingest/; these resolvers check arguments,
// the writer, and shape rows.
import type { RelationshipRow } from '../../db/rows.js';
import { composeHistory } from '../../ingest/history.js';
import {
  type AcceptRequest,
  type ArticleRow,
  acceptProposals,
  addProposal,
  ingestArticle,
  listArticles,
  listProposals,
  type NewProposal,
  type ProposalEdit,
  type ProposalRow,
  readProposals,
  rejectProposal,
} from '../../ingest/queue.js';
import { badInput, intBetween } from '../../model/arguments.js';
import { renderSentence } from '../../model/vocabulary.js';
import { requireWriter } from '../auth.js';
import type { Context } from '../context.js';
import { type ArticleInput, articleFromInput } from '../mappers.js';
import { decodeCursor, encodeCursor, MAX_PAGE } from '../pages.js';
import type { ResolverMap } from '../types.js';

const MAX_BATCH = 1000;

async function proposalsById(context: Context, ids: readonly string[]): Promise<ProposalRow[]> {
  const rows = await readProposals(context.executor, ids);
  return ids.map((id) => {
    const row = rows.get(id);
    if (!row) throw badInput('id', `no proposal "${id}"`);
    return row;
  });
}

async function articleOf(context: Context, id: string): Promise<ArticleRow | null> {
  const [row] = await listArticles(context.executor, { ids: [id], after: null, limit: 1 });
  return row ?? null;
}

async function nameOf(p: ProposalRow, id: string, context: Context): Promise<string> {
  return p.names[id] ?? (await context.loaders.actor.load(id))?.name ?? id;
}

export const ingestResolvers: ResolverMap = {
  Query: {
    async articles(_: unknown, args: { first?: number | null; after?: string | null }, context: Context) {
      const limit = intBetween('first', args.first, 1, MAX_PAGE, 50);
      return listArticles(context.executor, { ids: null, after: args.after ?? null, limit });
    },
    article: (_: unknown, { id }: { id: string }, context: Context) => articleOf(context, id),
    async proposals(
      _: unknown,
      args: { source?: string | null; state?: string[] | null; first?: number | null; after?: string | null },
      context: Context,
    ) {
      const first = intBetween('first', args.first, 1, MAX_PAGE, 100);
      const source = args.source ?? null;
      const states = args.state && args.state.length > 0 ? [...args.state] : null;
      const scope = { list: 'proposals', filter: { source, states } } as const;
      const after = decodeCursor('after', args.after, scope, 2, (v, i) => i === 0 || /^\d+$/.test(v));
      const { totalCount, rows } = await listProposals(context.executor, {
        source,
        states,
        after: after ? { source: after[0] as string, position: Number(after[1]) } : null,
        limit: first + 1,
      });
      const nodes = rows.slice(0, first);
      const cursor = (p: ProposalRow) => encodeCursor(scope, [p.source, String(p.position)]);
      return {
        totalCount,
        edges: nodes.map((node) => ({ cursor: cursor(node), node })),
        pageInfo: {
          hasNextPage: rows.length > first,
          endCursor: nodes.length > 0 ? cursor(nodes[nodes.length - 1] as ProposalRow) : null,
        },
      };
    },
    async proposal(_: unknown, { id }: { id: string }, context: Context) {
      return (await readProposals(context.executor, [id])).get(id) ?? null;
    },
  },

  Mutation: {
    async ingestArticle(_: unknown, { article }: { article: ArticleInput }, context: Context) {
      requireWriter(context);
      const parsed = articleFromInput(article);
      const outcome = await ingestArticle(context.executor, parsed);
      const { rows } = await listProposals(context.executor, {
        source: outcome.source,
        states: null,
        after: null,
        limit: MAX_BATCH * 10,
      });
      return { article: await articleOf(context, outcome.source), created: outcome.created, proposals: rows };
    },

    async acceptProposal(_: unknown, { id, edits }: { id: string; edits?: ProposalEdit | null }, context: Context) {
      const by = requireWriter(context);
      await acceptProposals(context.executor, [{ id, edits: edits ?? null }], by);
      return (await proposalsById(context, [id]))[0];
    },

    async acceptProposals(_: unknown, { ids }: { ids: string[] }, context: Context) {
      const by = requireWriter(context);
      if (ids.length > MAX_BATCH) throw badInput('ids', `at most ${MAX_BATCH} proposals at once, got ${ids.length}`);
      const requests: AcceptRequest[] = [...new Set(ids)].map((id) => ({ id }));
      await acceptProposals(context.executor, requests, by);
      return proposalsById(context, ids);
    },

    async rejectProposal(_: unknown, { id, reason }: { id: string; reason: string }, context: Context) {
      const by = requireWriter(context);
      await rejectProposal(context.executor, id, reason, by);
      return (await proposalsById(context, [id]))[0];
    },

    async addProposal(_: unknown, { source, proposal }: { source: string; proposal: NewProposal }, context: Context) {
      const by = requireWriter(context);
      const id = await addProposal(context.executor, source, proposal, by);
      return (await proposalsById(context, [id]))[0];
    },
  },

  Proposal: {
    async source(p: ProposalRow, _: unknown, context: Context) {
      const row = await context.loaders.source.load(p.source);
      if (!row) throw new Error(`proposal ${p.id}: its source ${p.source} is missing`);
      return row;
    },
    async sentence(p: ProposalRow, _: unknown, context: Context) {
      if (p.actor) {
        if (p.acceptedActor && p.acceptedActor !== p.actor.id)
          return `${p.actor.name} is another name of ${await nameOf(p, p.acceptedActor, context)}`;
        return `${p.actor.name} (${p.actor.kind}) is new to the graph`;
      }
      const r = p.relationship;
      if (!r) return '';
      if (p.kind === 'STATUS_CHANGE' && p.target) {
        const target = await context.loaders.relationship.load(p.target);
        if (target) {
          const told = renderSentence(
            target.type,
            p.toStatus ?? target.status,
            await nameOf(p, target.from, context),
            await nameOf(p, target.to, context),
          );
          return `${told} (${p.fromStatus} → ${p.toStatus}${p.note ? `, ${p.note}` : ''})`;
        }
      }
      return renderSentence(r.type, r.status, await nameOf(p, r.from, context), await nameOf(p, r.to, context));
    },
    actor: (p: ProposalRow) =>
      p.actor ? { ...p.actor, existing: p.state === 'ACCEPTED', evidence: p.evidence } : null,
    relationship: (p: ProposalRow) =>
      p.relationship ? { ...p.relationship, existing: p.kind !== 'RELATIONSHIP', evidence: p.evidence } : null,
    target: (p: ProposalRow, _: unknown, context: Context) =>
      p.target ? context.loaders.relationship.load(p.target) : null,
    acceptedAs: (p: ProposalRow, _: unknown, context: Context) =>
      p.acceptedAs ? context.loaders.relationship.load(p.acceptedAs) : null,
    acceptedActor: (p: ProposalRow, _: unknown, context: Context) =>
      p.acceptedActor ? context.loaders.actor.load(p.acceptedActor) : null,
  },

  Relationship: {
    async history(r: RelationshipRow, _: unknown, context: Context) {
      const claims = await context.loaders.claims.load(r.id);
      const row = r.sourceRows ? r : ((await context.loaders.relationship.load(r.id)) ?? r);
      return composeHistory(row, claims);
    },
  },
};
