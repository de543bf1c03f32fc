// Creates the Cytoscape instance and places what is drawn. The layout itself runs in a Web Worker
// (layout-worker.ts): the page sends ids, sizes and edges and moves the nodes to the answer.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { Vocabulary } from '../api/types.js';
import type { GraphElement, NodeData } from './elements.js';
import { type LayoutRequest, nodeBox, type Positions } from './layout-request.js';
import type { LayoutReply } from './layout-worker.js';
import type { Renderer } from './renderer.js';
import { BULK_FROM_ELEMENTS, buildStylesheet, type ColourMode } from './stylesheet.js';

export function createGraph(
  container: HTMLElement,
  vocabulary: Vocabulary,
  mode: ColourMode,
  renderer: Renderer,
): Core {
  const options = {
    container,
    style: buildStylesheet(vocabulary, mode),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    // `webgl` is cytoscape 3.31+'s WebGL mode of its canvas renderer (not yet in its typings).
    renderer: { name: 'canvas', webgl: renderer === 'webgl' },
  };
  return cytoscape(options as cytoscape.CytoscapeOptions);
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

/** Positions from the layout worker (one worker for the page, started on first use). */
function layoutInWorker(request: LayoutRequest): Promise<Positions> {
  if (!worker) {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      const call = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) call?.reject(new Error(`The layout failed: ${reply.error}`));
      else call?.resolve(reply.positions);
    };
    worker.onerror = (event) => {
      for (const call of waiting.values()) call.reject(new Error(`The layout worker failed: ${event.message}`));
      waiting.clear();
      worker = null;
    };
  }
  const id = nextId++;
  const running = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    running.postMessage({ id, request });
  });
}

function request(cy: Core, pinned: boolean): LayoutRequest {
  return {
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      ...nodeBox((n.data() as NodeData).label ?? ''),
      ...(pinned && !n.hasClass('placing') ? { position: { ...n.position() } } : {}),
    })),
    edges: cy.edges().map((e) => ({ source: e.data('source') as string, target: e.data('target') as string })),
  };
}

/**
 * Draws a graph from scratch (first load): laid out in the worker before anything is added, so
 * the first picture is the finished one, then fitted.
 */
export async function drawAll(cy: Core, elements: GraphElement[]): Promise<void> {
  const positions = await layoutInWorker({
    nodes: elements.flatMap((e) => (e.group === 'nodes' ? [{ id: e.data.id, ...nodeBox(e.data.label) }] : [])),
    edges: elements.flatMap((e) => (e.group === 'edges' ? [{ source: e.data.source, target: e.data.target }] : [])),
  });
  const classes = elements.length >= BULK_FROM_ELEMENTS ? 'bulk' : '';
  cy.batch(() => {
    cy.elements().remove();
    cy.add(
      elements.map((e) =>
        e.group === 'nodes'
          ? { group: e.group, data: e.data, position: positions[e.data.id] ?? { x: 0, y: 0 }, classes }
          : { group: e.group, data: e.data, classes },
      ),
    );
  });
  cy.fit(cy.nodes(), 40);
}

/**
 * Adds elements and places only the new nodes: they appear at `anchor` (or the centre) and move
 * to where the worker puts them, every old node pinned, so the picture the user knows stays put.
 */
export async function addIncrementally(cy: Core, elements: GraphElement[], anchor?: NodeSingular): Promise<void> {
  if (elements.length === 0) return;
  const hadNodes = cy.nodes().nonempty();
  if (!hadNodes) return drawAll(cy, elements);
  const centre = anchor?.position() ?? {
    x: (cy.extent().x1 + cy.extent().x2) / 2,
    y: (cy.extent().y1 + cy.extent().y2) / 2,
  };
  const defs: ElementDefinition[] = elements.map((e) =>
    e.group === 'nodes'
      ? { group: e.group, data: e.data, position: { ...centre }, classes: 'placing' }
      : { group: e.group, data: e.data },
  );
  cy.add(defs);
  if (cy.elements().length >= BULK_FROM_ELEMENTS) cy.batch(() => cy.elements().addClass('bulk'));
  const placing = cy.nodes('.placing');
  if (placing.empty()) return;
  const positions = await layoutInWorker(request(cy, true));
  placing.removeClass('placing');
  const layout = placing.layout({
    name: 'preset',
    positions: (node: NodeSingular) => positions[node.id()] ?? node.position(),
    animate: true,
    animationDuration: 400,
    fit: false,
  } as cytoscape.LayoutOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
}
