// The client at scale, under node: the layout the worker computes (client/src/graph/layout.ts) on
// generated graphs, the renderer choice, and the words of the scope notice.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateBundle } from '../../bench/generator.js';
import { computeLayout, gridBeside, type LayoutRequest, nodeBox } from '../../client/src/graph/layout.js';
import { chooseRenderer, WEBGL_FROM_ELEMENTS } from '../../client/src/graph/renderer.js';
import { neighbourhoodCut, scopeFilter, scopeText, truncated } from '../../client/src/graph/scope.js';
import { ROOT_DIR } from '../../server/config.js';

function requestFor(actors: number, relationships: number): LayoutRequest {
  const bundle = generateBundle({ actors, relationships, seed: 7 });
  return {
    nodes: bundle.actors.map((a) => ({ id: a.id, ...nodeBox(a.name) })),
    edges: bundle.relationships.map((r) => ({ source: r.from, target: r.to })),
  };
}

const isolatedOf = (request: LayoutRequest) => {
  const linked = new Set(request.edges.flatMap((e) => (e.source === e.target ? [] : [e.source, e.target])));
  return request.nodes.filter((n) => !linked.has(n.id)).map((n) => n.id);
};

describe('the layout', () => {
  it('places every actor, and the isolated ones in a compact grid to the right of the rest', async () => {
    const request = requestFor(150, 120);
    const loose = new Set(isolatedOf(request));
    expect(loose.size).toBeGreaterThan(10);
    const positions = await computeLayout(request);
    expect(Object.keys(positions).sort()).toEqual(request.nodes.map((n) => n.id).sort());
    for (const p of Object.values(positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);

    const connectedRight = Math.max(
      ...request.nodes.filter((n) => !loose.has(n.id)).map((n) => positions[n.id]?.x ?? 0),
    );
    const grid = [...loose].map((id) => positions[id] ?? { x: Number.NaN, y: Number.NaN });
    const xs = new Set(grid.map((p) => p.x));
    const ys = new Set(grid.map((p) => p.y));
    // Beside, not under: every isolated actor is right of the connected part.
    expect(Math.min(...xs)).toBeGreaterThan(connectedRight);
    // Compact: about as many columns as rows, never one long row.
    expect(xs.size).toBe(Math.ceil(Math.sqrt(loose.size)));
    expect(ys.size).toBe(Math.ceil(loose.size / xs.size));
  }, 30_000);

  it('keeps known actors where they are and places only the new ones near their neighbours', async () => {
    const request = requestFor(60, 120);
    const first = await computeLayout(request);
    const newcomers = ['new-1', 'new-2', 'new-3'];
    const anchor = request.edges[0]?.source as string;
    const extended: LayoutRequest = {
      nodes: [
        ...request.nodes.map((n) => ({ ...n, position: first[n.id] })),
        ...newcomers.map((id) => ({ id, ...nodeBox(id) })),
      ],
      edges: [...request.edges, ...newcomers.map((id) => ({ source: anchor, target: id }))],
    };
    const second = await computeLayout(extended);
    expect(Object.keys(second).sort()).toEqual(newcomers);
    const at = first[anchor] as { x: number; y: number };
    for (const id of newcomers) {
      const p = second[id] as { x: number; y: number };
      expect(Math.hypot(p.x - at.x, p.y - at.y)).toBeLessThan(1500);
    }
  }, 30_000);

  it('lays the grid out alone when nothing is connected', () => {
    const grid = gridBeside(['a', 'b', 'c', 'd', 'e'], null);
    expect(Object.values(grid)).toEqual([
      { x: 0, y: 0 },
      { x: 110, y: 0 },
      { x: 220, y: 0 },
      { x: 0, y: 70 },
      { x: 110, y: 70 },
    ]);
  });
});

describe('the renderer', () => {
  it('takes the threshold the client benchmark measured', () => {
    const file = JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'bench', 'results', 'webgl-threshold.json'), 'utf8'));
    expect(WEBGL_FROM_ELEMENTS).toBe(file.webglFromElements);
  });

  it('is forced by the URL, else WebGL from the threshold on, else canvas', () => {
    expect(chooseRenderer('webgl', 10, null)).toBe('webgl');
    expect(chooseRenderer('canvas', 50_000, 2_000)).toBe('canvas');
    expect(chooseRenderer(null, 1_999, 2_000)).toBe('canvas');
    expect(chooseRenderer(null, 2_000, 2_000)).toBe('webgl');
    expect(chooseRenderer(null, 50_000, null)).toBe('canvas');
  });
});

describe('the scope notice', () => {
  const whole = { relationships: 5_000, relationshipTotal: 8_000, actors: 2_000, actorTotal: 2_000 };

  it('says n of m whenever the client loaded less than there is, and nothing when it loaded all', () => {
    expect(scopeText(null, whole, '')).toBe(
      'Showing 5,000 of 8,000 relationships: the graph is larger than the client loads at once.',
    );
    expect(scopeText(null, { ...whole, actors: 1_500, actorTotal: 6_000 }, '')).toContain(
      '5,000 of 8,000 relationships and 1,500 of 6,000 actors',
    );
    expect(truncated({ ...whole, relationshipTotal: 5_000, actors: 2_000 })).toBe(false);
    expect(scopeText(null, { ...whole, relationshipTotal: 5_000 }, '')).toBeNull();
  });

  it('names the part a scope shows, cut or whole, and filters the API by it', () => {
    const scope = { by: 'type' as const, id: 'MET_WITH' };
    const counts = { relationships: 300, relationshipTotal: 300, actors: 120, actorTotal: null };
    expect(scopeText(scope, counts, 'met with')).toBe('Showing the met with relationships: all 300.');
    expect(scopeText({ by: 'actor', id: 'x' }, { ...counts, relationshipTotal: 9_000 }, 'North Korea')).toBe(
      'Showing the relationships of North Korea: 300 of 9,000 relationships.',
    );
    expect(scopeFilter(scope)).toEqual({ types: ['MET_WITH'] });
    expect(scopeFilter({ by: 'actor', id: 'x' })).toEqual({ involving: 'x' });
    expect(scopeFilter(null)).toBeNull();
  });

  it("says what the server's neighbourhood budget left out, and nothing when it left nothing", () => {
    expect(neighbourhoodCut({ truncated: false, omittedNodes: 0, omittedEdges: 0 })).toBe('');
    expect(neighbourhoodCut({ truncated: true, omittedNodes: 8_700, omittedEdges: 12_000 })).toBe(
      " The server's budget left out 8,700 actors and 12,000 relationships: the nearest and best-connected come first.",
    );
    expect(neighbourhoodCut({ truncated: true, omittedNodes: 0, omittedEdges: 40 })).toContain(
      'left out 40 relationships:',
    );
  });
});
