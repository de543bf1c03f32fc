import { GraphQLError } from 'graphql';
import { ArticleInputError, makeArticle } from '../../extract/article.js';
import { extractArticle } from '../../extract/extract.js';
import { loadGraphFor } from '../../extract/load-graph.js';
import type { Context } from '../context.js';
import type { ResolverMap } from '../types.js';

interface ArticleInput {
  id?: string | null;
  title?: string | null;
  publisher?: string | null;
  published: string;
  url?: string | null;
  kind?: string | null;
  text: string;
}

export const extractResolvers: ResolverMap = {
  Query: {
    async extract(_: unknown, { article }: { article: ArticleInput }, { executor }: Context) {
      const { text, ...source } = article;
      let parsed: ReturnType<typeof makeArticle>;
      try {
        parsed = makeArticle(text, source, 'article');
      } catch (error) {
        if (error instanceof ArticleInputError)
          throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
        throw error;
      }
      const proposals = extractArticle(parsed, await loadGraphFor(executor, parsed.text));
      return {
        source: proposals.source,
        actors: proposals.actors.map((a) => ({ ...a, existing: a.existing === true })),
        relationships: proposals.relationships.map((r) => ({ ...r, existing: r.existing === true })),
      };
    },
  },
};
