import { query } from '../../db/queries.js';
import type { RelationshipRow, SourceRow } from '../../db/rows.js';
import { intBetween } from '../../model/arguments.js';
import type { Context } from '../context.js';
import { MAX_PAGE } from '../pages.js';
import type { ResolverMap } from '../types.js';

const SOURCES = query('sources');

export const sourceResolvers: ResolverMap = {
  Query: {
    async sources(_: unknown, __: unknown, { executor, loaders }: Context) {
      const rows = (await executor.read(SOURCES, {}, { operation: 'sources' })).map((r) => r.row as SourceRow);
      for (const row of rows) loaders.source.prime(row.id, row);
      return rows;
    },
    source: (_: unknown, { id }: { id: string }, { loaders }: Context) => loaders.source.load(id),
  },
  Source: {
    relationships(source: SourceRow, args: { first?: number | null }, { loaders }: Context) {
      const first = intBetween('first', args.first, 1, MAX_PAGE, 100);
      return loaders.sourceRelationships(first).load(source.id) as Promise<RelationshipRow[]>;
    },
  },
};
