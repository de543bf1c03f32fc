// Which of cytoscape's renderers draws the graph: its canvas renderer, or that renderer's WebGL
// mode. The URL may force one (`renderer=canvas|webgl`); otherwise WebGL from the element count
// at which the client benchmark measured it drawing more frames per second than canvas.
export type Renderer = 'canvas' | 'webgl';

/**
 * bench/results/webgl-threshold.json's `webglFromElements` (tests/unit/client-renderer.test.ts
 * keeps the two equal): null, as WebGL never beat canvas on the machine measured.
 */
export const WEBGL_FROM_ELEMENTS: number | null = null;

export function chooseRenderer(forced: Renderer | null, elements: number, from = WEBGL_FROM_ELEMENTS): Renderer {
  if (forced) return forced;
  return from !== null && elements >= from ? 'webgl' : 'canvas';
}
