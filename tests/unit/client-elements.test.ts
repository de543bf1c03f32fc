import { describe, expect, it } from 'vitest';
import { relationshipToEdge, subgraphToElements } from '../../client/src/graph/elements.js';
import { edgeVisible, holdsOn, knownOn, NO_FILTER, timeBounds } from '../../client/src/graph/filters.js';
import { relationship, subgraph } from './client-fixtures.js';

describe('GraphQL results to Cytoscape elements', () => {
  it('makes one node per actor and one edge per relationship, with provenance in data', () => {
    const elements = subgraphToElements(subgraph);
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual([
      'north-korea',
      'russia',
      'ukraine',
    ]);
    const edge = elements.find((e) => e.data.id === 'north-korea-sends-troops-to-russia');
    expect(edge).toMatchObject({
      group: 'edges',
      data: {
        source: 'north-korea',
        target: 'russia',
        type: 'SENDS_TROOPS_TO',
        status: 'alleged',
        sourceName: 'North Korea',
        targetName: 'Russia',
        validFrom: '2024-10',
        validStart: '2024-10-01',
        validTo: null,
        validEnd: null,
        knownSince: '2024-10-14',
        claimedBy: 'volodymyr-zelenskyy',
        claimedByName: 'Volodymyr Zelenskyy',
        disputed: true,
      },
    });
    expect(edge?.group === 'edges' && edge.data.sources[0]?.url).toBe('https://example.org/a?b=1&c=2');
    const accusation = elements.find((e) => e.data.id === 'ukraine-accuses-north-korea');
    expect(accusation?.group === 'edges' && accusation.data).toMatchObject({
      about: 'north-korea-sends-troops-to-russia',
      aboutSentence: 'North Korea sends troops to Russia',
      claimedBy: null,
    });
  });

  it('leaves out elements already drawn and edges whose ends are missing', () => {
    const added = subgraphToElements(
      subgraph,
      new Set(['north-korea', 'russia', 'north-korea-sends-troops-to-russia']),
    );
    expect(added.map((e) => e.data.id)).toEqual([
      'ukraine',
      'ukraine-accuses-north-korea',
      'russia-cooperates-with-north-korea',
    ]);
    const dangling = subgraphToElements({ nodes: [subgraph.nodes[0] as never], edges: subgraph.edges });
    expect(dangling.map((e) => e.group)).toEqual(['nodes']);
  });

  it('never lets a relationship id clash with an actor id', () => {
    const clash = { nodes: subgraph.nodes, edges: [relationship({ id: 'russia' })] };
    expect(subgraphToElements(clash).filter((e) => e.data.id === 'russia')).toHaveLength(1);
  });

  it('does not share the sources array with the API result', () => {
    const rel = relationship();
    const edge = relationshipToEdge(rel);
    edge.data.sources.pop();
    expect(rel.sources).toHaveLength(1);
  });
});

describe('client-side filters', () => {
  const edge = relationshipToEdge(relationship()).data;
  const undated = relationshipToEdge(relationship({ validFrom: null, knownSince: '2024-10-14' })).data;
  const ended = relationshipToEdge(
    relationship({
      validTo: { text: '2024-06', precision: 'month', start: '2024-06-01', end: '2024-06-30' },
      validFrom: null,
    }),
  ).data;

  it('valid time: from the first day of the period, undated ones from when they became known, until the last day', () => {
    expect(holdsOn(edge, '2024-09-30')).toBe(false);
    expect(holdsOn(edge, '2024-10-01')).toBe(true);
    expect(holdsOn(undated, '2024-10-13')).toBe(false);
    expect(holdsOn(undated, '2024-10-14')).toBe(true);
    expect(holdsOn({ ...ended, validStart: '2024-01-01' }, '2024-06-30')).toBe(true);
    expect(holdsOn({ ...ended, validStart: '2024-01-01' }, '2024-07-01')).toBe(false);
  });

  it('knowledge time: known on and after the earliest source', () => {
    expect(knownOn(edge, '2024-10-13')).toBe(false);
    expect(knownOn(edge, '2024-10-14')).toBe(true);
  });

  it('combines types, statuses, confidence and time', () => {
    expect(edgeVisible(edge, NO_FILTER)).toBe(true);
    expect(edgeVisible(edge, { ...NO_FILTER, hiddenTypes: ['SENDS_TROOPS_TO'] })).toBe(false);
    expect(edgeVisible(edge, { ...NO_FILTER, hiddenStatuses: ['alleged'] })).toBe(false);
    expect(edgeVisible(edge, { ...NO_FILTER, minConfidence: 0.61 })).toBe(false);
    expect(edgeVisible(edge, { ...NO_FILTER, minConfidence: 0.6 })).toBe(true);
    expect(edgeVisible(edge, { ...NO_FILTER, time: { mode: 'asOf', date: '2024-10-05' } })).toBe(true);
    expect(edgeVisible(edge, { ...NO_FILTER, time: { mode: 'knownOn', date: '2024-10-05' } })).toBe(false);
  });

  it('spans the slider over every start, end and knowledge date', () => {
    expect(timeBounds([edge, { ...ended, validStart: '2011-12-01' }])).toEqual({
      min: '2011-12-01',
      max: '2024-10-14',
    });
    expect(timeBounds([])).toBeNull();
  });
});
