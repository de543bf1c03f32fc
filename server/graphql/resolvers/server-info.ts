import { query } from '../../db/queries.js';
import type { Context } from '../context.js';

const SERVER_INFO = query('server-info');
export const VERSION = '0.1.0';

export const serverInfoResolvers = {
  Query: {
    async serverInfo(_: unknown, __: unknown, { executor }: Context) {
      const [row] = await executor.read(SERVER_INFO, {}, { operation: 'server-info' });
      const versions = (row?.versions as string[] | undefined) ?? [];
      return {
        name: 'Actor Graph',
        version: VERSION,
        database: executor.database,
        neo4j: `${versions.join(', ')} ${String(row?.edition ?? '')}`.trim(),
      };
    },
  },
};
