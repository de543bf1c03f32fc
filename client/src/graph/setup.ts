// Creates the Cytoscape instance. Extensions are registered once, at module load.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Vocabulary } from '../api/types.js';
import { graphKey, seededRandom } from '../state/positions.js';
import type { GraphElement } from './elements.js';
import { buildStylesheet, type ColourMode } from './stylesheet.js';

cytoscape.use(fcose);

export function createGraph(container: HTMLElement, vocabulary: Vocabulary, mode: ColourMode): Core {
  return cytoscape({
    container,
    style: buildStylesheet(vocabulary, mode),
    wheelSensitivity: 0.3,
    minZoom: 0.15,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
  });
}

const LAYOUT_BASE = {
  name: 'fcose',
  quality: 'proof',
  animate: false,
  nodeDimensionsIncludeLabels: true,
  nodeRepulsion: 9000,
  idealEdgeLength: 130,
  edgeElasticity: 0.3,
  nodeSeparation: 110,
  packComponents: true,
  padding: 40,
} as const;

/**
 * Runs a layout with Math.random seeded from the graph's actors, so the same graph is laid out the
 * same for everyone: fcose's spectral start and its force steps draw their random numbers from it.
 */
async function seeded<T>(cy: Core, run: () => Promise<T>): Promise<T> {
  const random = Math.random;
  Math.random = seededRandom(Number.parseInt(graphKey(cy.nodes().map((n) => n.id())), 36));
  try {
    return await run();
  } finally {
    Math.random = random;
  }
}

/**
 * Lays out the whole graph from scratch (first load), the same way for the same graph. Actors with no relationship would drift to
 * the edge under repulsion (fcose packs components only with an extra extension), so they are
 * lined up under the connected part instead.
 */
export async function layoutAll(cy: Core): Promise<void> {
  const loose = cy.nodes().filter((n) => n.degree(false) === 0);
  const connected = cy.nodes().not(loose);
  if (connected.nonempty()) {
    const layout = connected.union(connected.edgesWith(connected)).layout({
      ...LAYOUT_BASE,
      randomize: true,
      fit: false,
    } as cytoscape.LayoutOptions);
    await seeded(cy, () => {
      const done = layout.promiseOn('layoutstop');
      layout.run();
      return done;
    });
  }
  const box = connected.nonempty() ? connected.boundingBox() : { x1: 0, y2: 0 };
  loose.forEach((node, i) => {
    node.position({ x: box.x1 + 40 + i * 120, y: box.y2 + 80 });
  });
  cy.fit(cy.nodes(), 40);
}

/**
 * Adds elements and places only the new nodes: they start around `anchor` (or the centre), and
 * fcose runs with every old node pinned where it was, so the picture the user knows stays put.
 */
export function addIncrementally(cy: Core, elements: GraphElement[], anchor?: NodeSingular): Promise<void> {
  if (elements.length === 0) return Promise.resolve();
  const before = cy.nodes().map((n) => ({ nodeId: n.id(), position: { ...n.position() } }));
  const centre = anchor?.position() ?? {
    x: (cy.extent().x1 + cy.extent().x2) / 2,
    y: (cy.extent().y1 + cy.extent().y2) / 2,
  };
  const newNodes = elements.filter((e) => e.group === 'nodes');
  const step = (2 * Math.PI) / Math.max(newNodes.length, 1);
  const defs: ElementDefinition[] = elements.map((e) => {
    if (e.group !== 'nodes') return { group: e.group, data: e.data };
    const i = newNodes.indexOf(e);
    const position = { x: centre.x + 140 * Math.cos(i * step), y: centre.y + 140 * Math.sin(i * step) };
    return { group: e.group, data: e.data, position };
  });
  cy.add(defs);
  if (newNodes.length === 0 || before.length === 0) return Promise.resolve();
  const layout = cy.layout({
    ...LAYOUT_BASE,
    randomize: false,
    fit: false,
    animate: true,
    animationDuration: 400,
    fixedNodeConstraint: before,
  } as unknown as cytoscape.LayoutOptions);
  return seeded(cy, () => {
    const done = layout.promiseOn('layoutstop').then(() => undefined);
    layout.run();
    return done;
  });
}
