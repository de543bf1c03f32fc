// The scorer counts as the corpus README says: must facts found directly or through a pointer at
// the graph, proposals right when a fact matches or a matched claim points at them, mustNot hits
// and dates of the dated must facts.
import { describe, expect, it } from 'vitest';
import type { ArticleProposals, RelationshipProposal } from '../../server/extract/emit.js';
import { formatScores, type Gold, parseGold, scoreArticle } from '../../server/extract/evaluate.js';
import { SMALL_GRAPH } from './extract-helpers.js';

const gold: Gold = parseGold(
  {
    format: 'actor-graph-extraction-gold',
    version: 1,
    articles: {
      a: {
        facts: [
          { from: ['North Korea'], type: ['SENDS_TROOPS_TO'], to: ['Russia'], must: true },
          {
            from: ['South Korea'],
            type: ['ACCUSES'],
            about: { from: ['North Korea'], type: ['SENDS_TROOPS_TO'], to: ['Russia'] },
            must: true,
            date: '2024-10-18',
          },
          { from: ['Russia'], type: ['COOPERATES_WITH'], to: ['North Korea'], status: ['fact'], must: true },
        ],
        mustNot: [
          {
            from: ['Russia'],
            type: ['DENIES'],
            about: { from: ['North Korea'], type: ['SENDS_TROOPS_TO'], to: ['Russia'] },
          },
        ],
      },
    },
  },
  'gold',
);

const proposal = (p: Partial<RelationshipProposal> & Pick<RelationshipProposal, 'id' | 'type' | 'from' | 'to'>) => ({
  status: 'fact',
  confidence: 0.9,
  validFrom: null,
  validTo: null,
  summary: 's',
  sources: ['a'],
  claimedBy: null,
  about: null,
  evidence: [],
  ...p,
});

const proposals: ArticleProposals = {
  source: { id: 'a', title: 't', publisher: 'p', published: '2024-10-22', url: null, kind: 'article' },
  actors: [],
  relationships: [
    proposal({
      id: 'sk-accuses',
      type: 'ACCUSES',
      from: 'south-korea',
      to: 'north-korea',
      about: 'nk-troops-in-russia',
      validFrom: '2024-10-18',
    }),
    proposal({ id: 'nk-coop', type: 'COOPERATES_WITH', from: 'north-korea', to: 'russia', status: 'alleged' }),
    proposal({ id: 'ru-denies', type: 'DENIES', from: 'russia', to: 'south-korea', about: 'nk-troops-in-russia' }),
  ],
};

describe('evaluate', () => {
  it('scores recall, precision, mustNot hits and dates', () => {
    const score = scoreArticle('a', proposals, gold, SMALL_GRAPH);
    // The troop fact is found through the accusation's pointer at the graph; the cooperation has
    // the wrong status, so it is neither found nor right (the gold asks for a fact).
    expect(score).toMatchObject({ must: 3, found: 2, proposals: 3, right: 1, mustNotHits: 1, dated: 1, datesRight: 1 });
    expect(score.missed).toEqual(['Russia COOPERATES_WITH North Korea']);
    expect(score.mustNotHit).toEqual(['ru-denies (DENIES russia → south-korea, fact)']);
  });

  it('matches symmetric types in either direction and prints a table with totals', () => {
    const fixed = {
      ...proposals,
      relationships: proposals.relationships.map((r) => (r.id === 'nk-coop' ? { ...r, status: 'fact' } : r)),
    };
    const score = scoreArticle('a', fixed, gold, SMALL_GRAPH);
    expect(score.found).toBe(3);
    expect(formatScores([score])).toContain('| **total** | 3/3 = 1.00 | 2/3 = 0.67 | 1 | 1/1 = 1.00 |');
  });

  it('refuses a file that is not a gold file', () => {
    expect(() => parseGold({ format: 'other' }, 'x.json')).toThrow(/x\.json: not a gold file/);
  });
});
