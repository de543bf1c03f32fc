// The client benchmark's page (built by bench/client-bench.ts with Vite): the client's own graph
// code — createGraph with the vocabulary's stylesheet, the layout worker, the bulk styles —
// given elements made in node. window.runCase times the first view (layout, drawing, the frame
// after) and counts frames while the view is panned and zoomed.
import type { Core } from 'cytoscape';
import type { Vocabulary } from '../../client/src/api/types.js';
import type { GraphElement } from '../../client/src/graph/elements.js';
import type { Renderer } from '../../client/src/graph/renderer.js';
import { createGraph, drawAll } from '../../client/src/graph/setup.js';

export interface CaseInput {
  elements: GraphElement[];
  vocabulary: Vocabulary;
  renderer: Renderer;
  seconds: number;
}

let cy: Core | null = null;
const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

async function runCase({ elements, vocabulary, renderer, seconds }: CaseInput) {
  if (cy) cy.destroy();
  cy = null;
  await frame();
  const start = performance.now();
  const graph = createGraph(document.getElementById('cy') as HTMLElement, vocabulary, 'type', renderer);
  cy = graph;
  await drawAll(graph, elements);
  const drawn = performance.now();
  // Cytoscape draws in its own animation-frame loop: the picture is on screen once the frame
  // after its first draw has come.
  await frame();
  const firstView = await frame();

  const zoom0 = graph.zoom();
  const t0 = await frame();
  let frames = 0;
  let now = t0;
  let worst = 0;
  let last = t0;
  while (now - t0 < seconds * 1000) {
    const phase = (now - t0) / 1000;
    graph.viewport({
      zoom: zoom0 * (1.6 + 0.8 * Math.sin(phase * 1.3)),
      pan: { x: -600 * Math.sin(phase * 0.7), y: -450 * Math.cos(phase * 0.9) },
    });
    now = await frame();
    worst = Math.max(worst, now - last);
    last = now;
    frames++;
  }
  const elapsed = (now - t0) / 1000;
  return {
    nodes: graph.nodes().length,
    edges: graph.edges().length,
    bulk: graph.elements('.bulk').nonempty(),
    layoutAndAddMs: Math.round(drawn - start),
    firstViewMs: Math.round(firstView - start),
    fps: Math.round((frames / elapsed) * 10) / 10,
    worstFrameMs: Math.round(worst),
  };
}

const target = window as unknown as { runCase: typeof runCase; webglAvailable: () => boolean };
target.runCase = runCase;
target.webglAvailable = () => {
  const canvas = document.createElement('canvas');
  return Boolean(canvas.getContext('webgl2') || canvas.getContext('webgl'));
};
