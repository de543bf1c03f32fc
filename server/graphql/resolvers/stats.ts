import { query } from '../../db/queries.js';
import type { ActorRow } from '../../db/rows.js';
import { intBetween } from '../../model/arguments.js';
import type { Context } from '../context.js';
import type { ResolverMap } from '../types.js';

const STATS = query('stats');

export const statsResolvers: ResolverMap = {
  Query: {
    async stats(_: unknown, args: { top?: number | null }, { executor, loaders }: Context) {
      const top = intBetween('top', args.top, 1, 100, 10);
      const [row] = await executor.read(STATS, { top }, { operation: 'stats', class: 'search' });
      const mostConnected = (row?.mostConnected ?? []) as { actor: ActorRow; degree: number }[];
      loaders.primeActors(mostConnected.map((m) => m.actor));
      return { ...row, mostConnected };
    },
  },
};
