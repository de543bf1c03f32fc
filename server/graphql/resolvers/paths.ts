// Path questions (schema/paths.graphql). The engine in server/paths/ does the work; these map its
// answer onto the result types and prime the per-request loaders with the actors, relationships
// and sources it fetched, so the nested Relationship fields need no further query.
import { type FindOptions, findPaths, type PathAnswer } from '../../paths/engine.js';
import { explanation } from '../../paths/explain.js';
import { checkK, type PathOptionsInput, pathSearch } from '../../paths/options.js';
import type { Context } from '../context.js';
import type { ResolverMap } from '../types.js';

interface PathArgs {
  from: string;
  to: string;
  k?: number | null;
  options?: PathOptionsInput | null;
}

async function ask(args: PathArgs, context: Context, options: FindOptions) {
  const search = pathSearch(args.options);
  const answer = await findPaths(context.executor, args.from, args.to, search, options);
  prime(answer, context);
  return answer;
}

function prime(answer: PathAnswer, { loaders }: Context) {
  for (const path of answer.paths) {
    loaders.primeActors(path.nodes);
    loaders.prime(path.edges);
  }
  loaders.primeActors(answer.neighbors);
}

const outcome = (a: PathAnswer) => ({ reason: a.reason, message: a.message, unfilteredLength: a.unfilteredLength });

export const pathResolvers: ResolverMap = {
  Query: {
    async shortestPath(_: unknown, args: PathArgs, context: Context) {
      const answer = await ask(args, context, { mode: 'best', k: 1, withNeighbors: false, operation: 'shortest-path' });
      return { path: answer.paths[0] ?? null, ...outcome(answer) };
    },
    async allShortestPaths(_: unknown, args: PathArgs, context: Context) {
      const answer = await ask(args, context, {
        mode: 'all',
        k: 1,
        withNeighbors: false,
        operation: 'all-shortest-paths',
      });
      return { paths: answer.paths, ...outcome(answer) };
    },
    async paths(_: unknown, args: PathArgs, context: Context) {
      const k = checkK(args.k);
      const answer = await ask(args, context, { mode: 'k', k, withNeighbors: false, operation: 'paths' });
      return { paths: answer.paths, ...outcome(answer) };
    },
    async connection(_: unknown, args: PathArgs, context: Context) {
      const k = checkK(args.k);
      const answer = await ask(args, context, { mode: 'k', k, withNeighbors: true, operation: 'connection' });
      return {
        paths: answer.paths,
        commonNeighbors: answer.neighbors,
        explanation: answer.reason === null ? explanation(answer.steps) : answer.message,
        steps: answer.steps,
        reason: answer.reason,
        message: answer.message,
      };
    },
  },
};
