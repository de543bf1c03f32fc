// Shared by the reader's unit tests: read a text of our own against a small graph.
import { makeArticle } from '../../server/extract/article.js';
import type { ArticleProposals, RelationshipProposal } from '../../server/extract/emit.js';
import { extractArticle } from '../../server/extract/extract.js';
import { EMPTY_GRAPH, type GraphContext, type GraphRelationship } from '../../server/extract/graph.js';

export function read(text: string, graph: GraphContext = EMPTY_GRAPH, published = '2024-11-20'): ArticleProposals {
  return extractArticle(makeArticle(text, { published, id: 'test-article', title: 'A test article' }, 'test'), graph);
}

/** "TYPE from → to (status)" for each relationship, for readable assertions. */
export function lines(p: ArticleProposals): string[] {
  return p.relationships.map((r) => `${r.type} ${r.from} → ${r.to} (${r.status})`);
}

export function find(p: ArticleProposals, type: string, from?: string, to?: string): RelationshipProposal | undefined {
  return p.relationships.find((r) => r.type === type && (!from || r.from === from) && (!to || r.to === to));
}

export function rel(
  partial: Partial<GraphRelationship> & Pick<GraphRelationship, 'id' | 'type' | 'from' | 'to'>,
): GraphRelationship {
  return {
    status: 'fact',
    confidence: 0.9,
    validFrom: null,
    validTo: null,
    summary: 'A relationship of the test graph.',
    sources: ['test-source'],
    claimedBy: null,
    about: null,
    ...partial,
  };
}

/** A graph like the seed's core: two states, their leaders, an alleged troop deployment. */
export const SMALL_GRAPH: GraphContext = {
  actors: [
    { id: 'north-korea', kind: 'Country', name: 'North Korea', aliases: ['DPRK', 'Pyongyang'], description: null },
    { id: 'russia', kind: 'Country', name: 'Russia', aliases: ['Moscow', 'Kremlin'], description: null },
    { id: 'south-korea', kind: 'Country', name: 'South Korea', aliases: ['Seoul'], description: null },
    { id: 'kim-jong-un', kind: 'Person', name: 'Kim Jong Un', aliases: ['Kim Jong-un'], description: null },
    {
      id: 'volodymyr-zelenskyy',
      kind: 'Person',
      name: 'Volodymyr Zelenskyy',
      aliases: ['Zelensky', 'Zelenskyy'],
      description: null,
    },
    { id: 'ukraine', kind: 'Country', name: 'Ukraine', aliases: ['Kyiv'], description: null },
  ],
  relationships: [
    rel({
      id: 'kim-jong-un-leads-north-korea',
      type: 'LEADS',
      from: 'kim-jong-un',
      to: 'north-korea',
      validFrom: '2011-12',
    }),
    rel({
      id: 'zelenskyy-leads-ukraine',
      type: 'LEADS',
      from: 'volodymyr-zelenskyy',
      to: 'ukraine',
      validFrom: '2019-05-20',
    }),
    rel({
      id: 'nk-troops-in-russia',
      type: 'SENDS_TROOPS_TO',
      from: 'north-korea',
      to: 'russia',
      status: 'alleged',
      claimedBy: 'volodymyr-zelenskyy',
      confidence: 0.6,
    }),
  ],
};
