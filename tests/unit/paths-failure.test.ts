// findPaths when the database fails: the caller gets the error, and the neighbour query that runs
// beside the path search leaves no unhandled rejection behind (Node ends the process on one).
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../server/db/executor.js';
import { findPaths } from '../../server/paths/engine.js';
import { pathSearch } from '../../server/paths/options.js';

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', record);
afterEach(() => {
  unhandled.length = 0;
});

const timeout = (operation: string) =>
  new GraphQLError('The query ran longer than its limit.', { extensions: { code: 'TIMEOUT', operation } });

/** Every read fails after `ms`, the neighbour read later than the path search. */
function failing(): Executor {
  const fail = (operation: string, ms: number) =>
    new Promise<never>((_, reject) => setTimeout(() => reject(timeout(operation)), ms));
  return {
    database: 'neo4j',
    read: (_q, _p, options) => fail(options.operation, options.operation.endsWith('-neighbors') ? 60 : 10),
    write: () => fail('write', 10),
    writeTransaction: () => fail('write', 10),
    close: async () => {},
  };
}

describe('findPaths when Neo4j fails', () => {
  it('rejects with the path search error and leaves the neighbour query handled', async () => {
    const answer = findPaths(failing(), 'a', 'b', pathSearch(null), {
      mode: 'k',
      k: 3,
      withNeighbors: true,
      operation: 'connection',
    });
    await expect(answer).rejects.toMatchObject({ extensions: { code: 'TIMEOUT', operation: 'connection' } });
    await new Promise((r) => setTimeout(r, 120));
    expect(unhandled).toEqual([]);
  });
});
