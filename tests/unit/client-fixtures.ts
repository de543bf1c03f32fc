// GraphQL results shaped as the API returns them, for the client's unit tests.
import type { ActorKind } from '../../client/src/api/generated.js';
import type { Relationship, RelationshipType, Status, Subgraph, Vocabulary } from '../../client/src/api/types.js';
import { vocabulary as serverVocabulary } from '../../server/model/vocabulary.js';

/** The real vocabulary as the client receives it from `relationshipTypes` and the enums. */
export const vocabulary: Vocabulary = {
  types: serverVocabulary.relationshipTypes.map((t) => ({
    type: t.type as RelationshipType,
    label: t.label,
    directed: t.directed,
    fromKinds: t.from as ActorKind[],
    toKinds: t.to as ActorKind[],
    cameo: t.cameo,
    weight: t.weight,
    aboutClaim: t.aboutClaim,
    description: t.description,
  })),
  kinds: serverVocabulary.actorKinds.map((k) => k.kind),
  statuses: serverVocabulary.statuses.map((s) => s.status as Status),
};
export const types = new Map(vocabulary.types.map((t) => [t.type as string, t]));

const source: Relationship['sources'][number] = {
  id: 'yonhap-2024-10-14',
  title: 'North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees',
  publisher: 'Example Wire',
  published: '2024-10-14',
  url: 'https://example.org/a?b=1&c=2',
  kind: 'article',
};

export function relationship(overrides: Partial<Relationship> = {}): Relationship {
  const type = overrides.type ?? 'SENDS_TROOPS_TO';
  const temporal = serverVocabulary.relationshipTypes.find((t) => t.type === type)?.temporal ?? 'state';
  return {
    typeInfo: { temporal },
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
    relationship({
      id: 'russia-cooperates-with-north-korea',
      type: 'COOPERATES_WITH',
      status: 'fact',
      confidence: 0.9,
      disputed: false,
      from: { id: 'russia', name: 'Russia' },
      to: { id: 'north-korea', name: 'North Korea' },
      validFrom: { text: '2023', precision: 'year', start: '2023-01-01', end: '2023-12-31' },
      validTo: { text: '2024-06', precision: 'month', start: '2024-06-01', end: '2024-06-30' },
      claimedBy: null,
      sources: [
        { ...source, id: 'ref-b', url: null, kind: 'reference', publisher: 'Example Archive', published: '2023-03-01' },
        source,
      ],
    }),
  ],
};
