// GraphQL results shaped as the API returns them, for the client's unit tests.
import type { Relationship, Subgraph } from '../../client/src/api/types.js';

const source = {
  id: 'yonhap-2024-10-14',
  title: 'North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees',
  publisher: 'Example Wire',
  published: '2024-10-14',
  url: 'https://example.org/a?b=1&c=2',
  kind: 'article',
};

export function relationship(overrides: Partial<Relationship> = {}): Relationship {
  return {
    id: 'north-korea-sends-troops-to-russia',
    type: 'SENDS_TROOPS_TO',
    status: 'alleged',
    confidence: 0.6,
    summary: 'Ukraine says North Korea sent soldiers, "with equipment", to Russia.',
    sentence: 'North Korea sends troops to Russia',
    knownSince: '2024-10-14',
    disputed: true,
    from: { id: 'north-korea', name: 'North Korea' },
    to: { id: 'russia', name: 'Russia' },
    validFrom: { text: '2024-10', precision: 'month', start: '2024-10-01', end: '2024-10-31' },
    validTo: null,
    claimedBy: { id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' },
    about: null,
    sources: [source],
    ...overrides,
  };
}

export const subgraph: Subgraph = {
  nodes: [
    { id: 'north-korea', name: 'North Korea', kind: 'Country', aliases: ['DPRK', 'Pyongyang'], description: null },
    { id: 'russia', name: 'Russia', kind: 'Country', aliases: [], description: 'Russian Federation' },
    { id: 'ukraine', name: 'Ukraine', kind: 'Country', aliases: ['Kyiv'], description: null },
  ],
  edges: [
    relationship(),
    relationship({
      id: 'ukraine-accuses-north-korea',
      type: 'ACCUSES',
      status: 'fact',
      confidence: 0.95,
      disputed: false,
      from: { id: 'ukraine', name: 'Ukraine' },
      to: { id: 'north-korea', name: 'North Korea' },
      validFrom: null,
      claimedBy: null,
      about: { id: 'north-korea-sends-troops-to-russia', sentence: 'North Korea sends troops to Russia' },
    }),
  ],
};
