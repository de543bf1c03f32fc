import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildStylesheet, typeColours, weightColour } from '../../client/src/graph/stylesheet.js';
import { vocabulary } from './client-fixtures.js';

type Block = { selector: string; style: Record<string, unknown> };
const blocks = (mode: 'type' | 'weight' = 'type') => buildStylesheet(vocabulary, mode) as Block[];
const styleOf = (selector: string, mode: 'type' | 'weight' = 'type') =>
  Object.assign(
    {},
    ...blocks(mode)
      .filter((b) => b.selector === selector)
      .map((b) => b.style),
  ) as Record<string, unknown>;

describe('stylesheet from the vocabulary', () => {
  it('has a data selector for every relationship type, with its own colour and label', () => {
    const colours = new Set<unknown>();
    for (const t of vocabulary.types) {
      const style = styleOf(`edge[type = "${t.type}"]`);
      expect(style.label).toBe(t.label);
      colours.add(style['line-color']);
    }
    expect(colours.size).toBe(vocabulary.types.length);
  });

  it('draws arrows only for directed types', () => {
    for (const t of vocabulary.types) {
      expect(styleOf(`edge[type = "${t.type}"]`)['target-arrow-shape']).toBe(t.directed ? 'triangle' : 'none');
    }
    expect(vocabulary.types.some((t) => !t.directed)).toBe(true);
  });

  it('gives each actor kind its own shape and colour', () => {
    const shapes = vocabulary.kinds.map((k) => styleOf(`node[kind = "${k}"]`).shape);
    expect(new Set(shapes).size).toBe(vocabulary.kinds.length);
  });

  it('draws statuses as line styles, with a mark for denied and disputed', () => {
    expect(styleOf('edge[status = "fact"]')['line-style']).toBe('solid');
    expect(styleOf('edge[status = "reported"]')['line-style']).toBe('solid');
    expect(styleOf('edge[status = "alleged"]')['line-style']).toBe('dashed');
    expect(styleOf('edge[status = "planned"]')['line-style']).toBe('dotted');
    expect(styleOf('edge[status = "denied"]')['mid-target-arrow-shape']).toBe('tee');
    expect(styleOf('edge[?disputed]')['mid-target-arrow-shape']).toBe('tee');
    for (const status of vocabulary.statuses) expect(styleOf(`edge[status = "${status}"]`)['line-style']).toBeDefined();
  });

  it('colours by cooperation and conflict in weight mode: green above zero, red below, grey without weight', () => {
    // Endpoints, two points between them, and the clamp beyond ±10.
    expect(weightColour(10)).toBe('#0b6b2e');
    expect(weightColour(-10)).toBe('#a50f15');
    expect(weightColour(5)).toBe('#539f64');
    expect(weightColour(-2)).toBe('#e48674');
    expect(weightColour(42)).toBe('#0b6b2e');
    expect(weightColour(null)).toBe('#9aa0a6');
    expect(weightColour(0)).toBe('#9aa0a6');
    const line = (type: string) => styleOf(`edge[type = "${type}"]`, 'weight')['line-color'];
    expect(line('ATTACKED')).toBe('#a50f15');
    expect(line('ACCUSES')).toBe('#e48674');
    expect(line('LEADS')).toBe('#9aa0a6');
    const greener = (c: string) => Number.parseInt(c.slice(3, 5), 16) > Number.parseInt(c.slice(1, 3), 16);
    for (const t of vocabulary.types) {
      if (t.weight !== null && t.weight !== 0) expect(greener(line(t.type) as string)).toBe(t.weight > 0);
    }
  });

  it('gives each path of an answer its own halo colour, and lets a path show what a filter hides', () => {
    const halos = Array.from({ length: 10 }, (_, i) => styleOf(`edge.path-${i}`)['underlay-color']);
    expect(new Set(halos).size).toBe(10);
    const selectors = blocks().map((b) => b.selector);
    expect(styleOf('.hidden').display).toBe('none');
    expect(styleOf('.forced').display).toBe('element');
    // Later blocks win in Cytoscape: .forced must come after .hidden.
    expect(selectors.indexOf('.forced')).toBeGreaterThan(selectors.indexOf('.hidden'));
  });

  it('marks the selected relationship beyond its type colour: thicker, a halo, its label at any zoom', () => {
    const selected = styleOf('edge:selected');
    expect(selected.width).toBeGreaterThan(styleOf('edge.path').width as number);
    expect(selected['underlay-opacity']).toBeGreaterThan(0.5);
    expect(selected['min-zoomed-font-size']).toBe(0);
  });

  it('keeps UI state in classes, never in per-type selectors', () => {
    const selectors = blocks().map((b) => b.selector);
    for (const cls of ['.hidden', '.faded', 'node.path', 'edge.path']) expect(selectors).toContain(cls);
  });

  it('assigns type colours by name, so the order of the vocabulary does not change them', () => {
    const reversed = typeColours([...vocabulary.types].reverse());
    expect([...typeColours(vocabulary.types)].sort()).toEqual([...reversed].sort());
  });
});

describe('bulk styles', () => {
  const draw = (bulk: boolean) => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet(vocabulary, 'type') });
    const classes = bulk ? 'bulk' : '';
    const directed = vocabulary.types.find((t) => t.directed)?.type;
    cy.add([
      { group: 'nodes', data: { id: 'a', label: 'A', kind: 'Country' }, classes },
      { group: 'nodes', data: { id: 'b', label: 'B', kind: 'Person' }, classes },
      {
        group: 'edges',
        data: { id: 'e', source: 'a', target: 'b', type: directed, status: 'denied', confidence: 1 },
        classes,
      },
    ]);
    return cy;
  };

  it('draws bulk lines straight, without arrows, marks or labels, and names only when zoomed in', () => {
    const full = draw(false).getElementById('e');
    expect(full.style('curve-style')).toBe('bezier');
    expect(full.style('target-arrow-shape')).toBe('triangle');
    expect(full.style('mid-target-arrow-shape')).toBe('tee');
    const cy = draw(true);
    const bulk = cy.getElementById('e');
    expect(bulk.style('curve-style')).toBe('haystack');
    expect(bulk.style('target-arrow-shape')).toBe('none');
    expect(bulk.style('mid-target-arrow-shape')).toBe('none');
    expect(bulk.style('label')).toBe('');
    // The line style still says the status.
    expect(bulk.style('line-style')).toBe('dashed');
    expect(Number.parseFloat(cy.getElementById('a').style('min-zoomed-font-size'))).toBeGreaterThan(
      Number.parseFloat(draw(false).getElementById('a').style('min-zoomed-font-size')),
    );
  });

  it('lets selection and path classes win over bulk', () => {
    const cy = draw(true);
    const edge = cy.getElementById('e');
    edge.select();
    expect(Number.parseFloat(edge.style('width'))).toBe(7);
    edge.unselect();
    edge.addClass('path path-0');
    expect(Number.parseFloat(edge.style('width'))).toBe(6);
  });
});
