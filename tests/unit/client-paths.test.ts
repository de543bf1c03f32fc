import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { Path } from '../../client/src/api/types.js';
import { subgraphToElements } from '../../client/src/graph/elements.js';
import { NO_FILTER } from '../../client/src/graph/filters.js';
import { applyFilter, PathHighlight } from '../../client/src/graph/highlight.js';
import { differingHops, pathIds } from '../../client/src/graph/paths.js';
import { hopText } from '../../client/src/ui/format.js';
import { relationship, subgraph } from './client-fixtures.js';

const nk = subgraph.nodes[0] as Path['nodes'][number];
const ru = subgraph.nodes[1] as Path['nodes'][number];
const ua = subgraph.nodes[2] as Path['nodes'][number];
const path = (edges: Path['edges'], nodes: Path['nodes']): Path => ({
  nodes,
  edges,
  length: edges.length,
  weakestConfidence: Math.min(...edges.map((e) => e.confidence)),
});
const troops = relationship();
const accusesTroops = subgraph.edges[1] as Path['edges'][number];
const accusesArms = relationship({
  ...accusesTroops,
  id: 'ukraine-accuses-north-korea-of-arms',
  sentence: 'Ukraine accused North Korea',
  about: { id: 'north-korea-supplies-arms-to-russia', sentence: 'North Korea supplies arms to Russia' },
});

describe('telling paths apart', () => {
  // Ukraine → North Korea → Russia twice: the same actors, two different accusations.
  const paths = [path([accusesTroops, troops], [ua, nk, ru]), path([accusesArms, troops], [ua, nk, ru])];

  it('names the hops where a path leaves the first one', () => {
    expect(differingHops(paths)).toEqual([[], [0]]);
    expect(differingHops([paths[0] as Path])).toEqual([[]]);
    expect(differingHops([])).toEqual([]);
  });

  it('says what a claim is about, so two accusations by one actor read apart', () => {
    expect(hopText(accusesArms)).toBe('Ukraine accused North Korea (about: North Korea supplies arms to Russia)');
    expect(hopText(troops)).toBe('North Korea sends troops to Russia');
    expect(hopText(accusesArms)).not.toBe(hopText({ ...accusesArms, about: accusesTroops.about }));
  });
});

describe('path highlight on the graph', () => {
  const cy = () =>
    cytoscape({
      headless: true,
      elements: subgraphToElements({ nodes: subgraph.nodes, edges: [...subgraph.edges, accusesArms] }),
    });
  const two = [
    { nodes: ['ukraine', 'north-korea', 'russia'], edges: ['ukraine-accuses-north-korea', troops.id] },
    { nodes: ['ukraine', 'north-korea', 'russia'], edges: [accusesArms.id, troops.id] },
  ];
  const ids = (g: cytoscape.Core, selector: string) =>
    g
      .$(selector)
      .map((e) => e.id())
      .sort();

  it('gives each path its own colour class, a shared edge the first path’s, and fades the rest', () => {
    const g = cy();
    new PathHighlight(g).show(two);
    expect(ids(g, '.path-0')).toEqual(['north-korea-sends-troops-to-russia', 'ukraine-accuses-north-korea']);
    expect(ids(g, '.path-1')).toEqual([accusesArms.id]);
    expect(ids(g, '.faded')).toEqual(['russia-cooperates-with-north-korea']);
  });

  it('picks one path and goes back to all', () => {
    const g = cy();
    const highlight = new PathHighlight(g);
    highlight.show(two);
    highlight.pick(1);
    expect(highlight.shown).toEqual([1]);
    expect(ids(g, 'edge.path')).toEqual([accusesArms.id, troops.id].sort());
    expect(ids(g, '.path-1')).toEqual([accusesArms.id, troops.id].sort());
    expect(g.getElementById('ukraine-accuses-north-korea').hasClass('faded')).toBe(true);
    highlight.pick(null);
    expect(highlight.shown).toEqual([0, 1]);
    highlight.pick(7);
    expect(highlight.focus).toBeNull();
  });

  it('survives a filter refresh: what the filter hides the path still shows', () => {
    const g = cy();
    const highlight = new PathHighlight(g);
    highlight.show(two);
    applyFilter(g, { ...NO_FILTER, hiddenStatuses: ['alleged'], hiddenTypes: ['ACCUSES', 'COOPERATES_WITH'] });
    const edge = g.getElementById(troops.id);
    expect(edge.hasClass('hidden')).toBe(true);
    expect(edge.hasClass('forced')).toBe(true);
    expect(edge.hasClass('path-0')).toBe(true);
    // Every relationship of Ukraine is filtered out, but the path shows one: it is not dimmed.
    expect(g.getElementById('ukraine').hasClass('isolated')).toBe(false);
    highlight.clear();
    expect(edge.hasClass('forced')).toBe(false);
    expect(edge.hasClass('hidden')).toBe(true);
    expect(g.getElementById('ukraine').hasClass('isolated')).toBe(true);
    expect(ids(g, '.faded')).toEqual([]);
  });

  it('uses ids straight from the API path', () => {
    expect(pathIds(path([accusesTroops, troops], [ua, nk, ru]))).toEqual(two[0]);
  });
});
