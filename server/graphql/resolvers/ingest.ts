// Ingestion and review (docs/ingestion.md): the review queue's queries and decisions.
import { GraphQLError } from 'graphql';
import type { ResolverMap } from '../types.js';

const notYet = () => {
  throw new GraphQLError('not implemented yet', { extensions: { code: 'NOT_IMPLEMENTED' } });
};

export const ingestResolvers: ResolverMap = {
  Query: { articles: notYet, article: notYet, proposals: notYet, proposal: notYet },
  Mutation: {
    ingestArticle: notYet,
    acceptProposal: notYet,
    acceptProposals: notYet,
    rejectProposal: notYet,
    addProposal: notYet,
  },
  Relationship: { history: () => [] },
};
