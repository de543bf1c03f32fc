// The Articles view's API calls, one function per operation (documents in operations.graphql).
// Writes take the API token; the TokenKeeper decides when to ask for it.
import { graphqlRequest } from '../api/client.js';
import {
  AcceptProposalDocument,
  AcceptProposalsDocument,
  AddProposalDocument,
  ArticleDocument,
  type ArticleInput,
  ArticleProposalsDocument,
  type ArticleProposalsQuery,
  type ArticleQuery,
  ArticlesDocument,
  type ArticlesQuery,
  type DecidedFieldsFragment,
  IngestArticleDocument,
  type IngestArticleMutation,
  type NewProposalInput,
  type ProposalEdit,
  type ProposalFieldsFragment,
  RejectProposalDocument,
  SourceKindsDocument,
} from '../api/generated.js';

export type ArticleSummary = ArticlesQuery['articles'][number];
export type Article = NonNullable<ArticleQuery['article']>;
export type Proposal = ProposalFieldsFragment;
export type Decided = DecidedFieldsFragment;
export type { ArticleInput, NewProposalInput, ProposalEdit };

export async function fetchArticles(signal?: AbortSignal): Promise<ArticleSummary[]> {
  return (await graphqlRequest(ArticlesDocument, {}, signal)).articles;
}

export async function fetchArticle(id: string, signal?: AbortSignal): Promise<Article | null> {
  return (await graphqlRequest(ArticleDocument, { id }, signal)).article;
}

/** Every proposal of one article, a page at a time. */
export async function fetchProposals(source: string, signal?: AbortSignal): Promise<Proposal[]> {
  const out: Proposal[] = [];
  let after: string | null = null;
  do {
    const { proposals }: ArticleProposalsQuery = await graphqlRequest(
      ArticleProposalsDocument,
      { source, after },
      signal,
    );
    out.push(...proposals.edges.map((e) => e.node));
    after = proposals.pageInfo.hasNextPage ? proposals.pageInfo.endCursor : null;
  } while (after !== null);
  return out;
}

export async function fetchSourceKinds(signal?: AbortSignal): Promise<string[]> {
  const data = await graphqlRequest(SourceKindsDocument, {}, signal);
  return data.sourceKinds?.enumValues?.map((v) => v.name) ?? [];
}

export async function ingestArticle(
  article: ArticleInput,
  token: string,
): Promise<IngestArticleMutation['ingestArticle']> {
  return (await graphqlRequest(IngestArticleDocument, { article }, undefined, token)).ingestArticle;
}

export async function acceptProposal(id: string, edits: ProposalEdit | null, token: string): Promise<Decided> {
  return (await graphqlRequest(AcceptProposalDocument, { id, edits }, undefined, token)).acceptProposal;
}

/** Accepts the proposals in one transaction: all of them, or (with an error) none. */
export async function acceptProposals(ids: readonly string[], token: string): Promise<Decided[]> {
  return (await graphqlRequest(AcceptProposalsDocument, { ids: [...ids] }, undefined, token)).acceptProposals;
}

export async function rejectProposal(id: string, reason: string, token: string): Promise<Decided> {
  return (await graphqlRequest(RejectProposalDocument, { id, reason }, undefined, token)).rejectProposal;
}

export async function addProposal(source: string, proposal: NewProposalInput, token: string): Promise<Decided> {
  return (await graphqlRequest(AddProposalDocument, { source, proposal }, undefined, token)).addProposal;
}
