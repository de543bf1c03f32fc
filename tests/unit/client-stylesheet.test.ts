import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../client/src/api/types.js';
import { buildStylesheet, typeColours, weightColour } from '../../client/src/graph/stylesheet.js';
import { vocabulary as serverVocabulary } from '../../server/model/vocabulary.js';

// The vocabulary as the client receives it from `relationshipTypes` and the enums.
const vocabulary: Vocabulary = {
  types: serverVocabulary.relationshipTypes.map((t) => ({
    type: t.type,
    label: t.label,
    template: t.template,
    directed: t.directed,
    cameo: t.cameo,
    weight: t.weight,
    aboutClaim: t.aboutClaim,
    description: t.description,
  })),
  kinds: serverVocabulary.actorKinds.map((k) => k.kind),
  statuses: serverVocabulary.statuses.map((s) => s.status),
};

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
    const green = (c: string) => Number.parseInt(c.slice(3, 5), 16) > Number.parseInt(c.slice(1, 3), 16);
    for (const t of vocabulary.types) {
      const colour = styleOf(`edge[type = "${t.type}"]`, 'weight')['line-color'] as string;
      expect(colour).toBe(weightColour(t.weight));
      if (t.weight === null) expect(colour).toBe('#9aa0a6');
      else if (t.weight > 0) expect(green(colour)).toBe(true);
      else if (t.weight < 0) expect(green(colour)).toBe(false);
    }
    expect(weightColour(10)).toBe('#0b6b2e');
    expect(weightColour(-10)).toBe('#a50f15');
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
