import { filterParams } from '../../db/filter.js';
import { query } from '../../db/queries.js';
import type { ActorRow, RelationshipRow } from '../../db/rows.js';
import { intBetween } from '../../model/arguments.js';
import type { Context } from '../context.js';
import { DEFAULT_PAGE, decodeCursor, MAX_PAGE, page } from '../pages.js';
import { luceneQuery } from '../search.js';
import type { FilterArgs, Page, PageArgs, ResolverMap } from '../types.js';

const ACTORS = query('actors');
const ACTORS_SEARCH = query('actors-search');

interface ActorFilter {
  kinds?: string[] | null;
  search?: string | null;
  ids?: string[] | null;
}

const EMPTY_PAGE: Page<ActorRow> = { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

export const actorResolvers: ResolverMap = {
  Query: {
    actor: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.actor.load(id),

    async actors(_: unknown, args: { filter?: ActorFilter | null } & PageArgs, { executor, loaders }: Context) {
      const first = intBetween('first', args.first, 1, MAX_PAGE, DEFAULT_PAGE);
      const search = args.filter?.search?.trim() ?? '';
      const scope = {
        list: 'actors',
        filter: { search, kinds: args.filter?.kinds ?? null, ids: args.filter?.ids ?? null },
      } as const;
      const after = decodeCursor('after', args.after, scope, 2);
      const lucene = search === '' ? null : luceneQuery(search);
      if (search !== '' && lucene === null) return EMPTY_PAGE; // nothing searchable, e.g. "***"
      const params = {
        search: lucene,
        kinds: args.filter?.kinds ?? null,
        ids: args.filter?.ids ?? null,
        afterName: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        limit: first + 1,
      };
      const [row] = await executor.read(lucene === null ? ACTORS : ACTORS_SEARCH, params, {
        operation: 'actors',
        class: lucene === null ? 'lookup' : 'search',
      });
      const rows = loaders.primeActors((row?.rows ?? []) as ActorRow[]);
      return page(rows, first, Number(row?.totalCount ?? 0), (a) => [a.name, a.id], scope);
    },
  },

  Actor: {
    degree(actor: ActorRow, _: unknown, { loaders }: Context) {
      // A plain value when the row has it, so graphql-js completes it without a promise.
      if (actor.degree !== undefined) return actor.degree;
      return loaders.actor.load(actor.id).then((loaded) => loaded?.degree ?? 0);
    },
    relationships(actor: ActorRow, args: FilterArgs & { first?: number | null }, { loaders }: Context) {
      const first = intBetween('first', args.first, 1, MAX_PAGE, 100);
      const f = filterParams(args.filter);
      return loaders.actorRelationships(f, first).load(actor.id) as Promise<RelationshipRow[]>;
    },
  },
};
