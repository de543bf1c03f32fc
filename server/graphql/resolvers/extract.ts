import { extractArticle } from '../../extract/extract.js';
import { loadGraphFor } from '../../extract/load-graph.js';
import type { Context } from '../context.js';
import { type ArticleInput, articleFromInput } from '../mappers.js';
import type { ResolverMap } from '../types.js';

export const extractResolvers: ResolverMap = {
  Query: {
    async extract(_: unknown, { article }: { article: ArticleInput }, { executor }: Context) {
      const parsed = articleFromInput(article);
      const proposals = extractArticle(parsed, await loadGraphFor(executor, parsed.text));
      return {
        source: proposals.source,
        actors: proposals.actors.map((a) => ({ ...a, existing: a.existing === true })),
        relationships: proposals.relationships.map((r) => ({ ...r, existing: r.existing === true })),
      };
    },
  },
};
