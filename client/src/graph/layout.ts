// Where the actors go. Pure of the DOM: it runs in the layout Web Worker (layout-worker.ts), so a
// big graph never blocks the page while fcose works, and under node in the unit tests. The page
// sends ids, sizes and edges; the worker answers with positions.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { graphKey, seededRandom } from '../state/positions.js';
import type { LayoutRequest, Positions } from './layout-request.js';

cytoscape.use(fcose);

export type { LayoutNode, LayoutRequest, Positions } from './layout-request.js';
export { nodeBox } from './layout-request.js';

/**
 * fcose's quality by the number of nodes laid out: its force refinement grows far faster than the
 * graph. On the bench's generated graphs (docs/client.md) proof took 0.5 s at 57 connected actors, 1.1 s at 113
 * and 6.0 s at 277, default 1.4 s at 184 and 3.9 s at 362, draft (the spectral start alone) 0.3 s
 * at 362 and 2.5 s at 1,794: these bounds keep the first view within about 2 s.
 */
export function qualityFor(nodes: number): 'proof' | 'default' | 'draft' {
  return nodes <= 60 ? 'proof' : nodes <= 250 ? 'default' : 'draft';
}

const CELL = { x: 110, y: 70 };

/**
 * Actors with no relationship in a compact grid to the right of `box` (the connected part), top
 * aligned, about square: fcose would push them to the rim, and a row of hundreds would be
 * thousands of units wide.
 */
export function gridBeside(ids: readonly string[], box: { x2: number; y1: number } | null): Positions {
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  const x0 = box ? box.x2 + 2 * CELL.x : 0;
  const y0 = box ? box.y1 : 0;
  const out: Positions = {};
  ids.forEach((id, i) => {
    out[id] = { x: x0 + (i % columns) * CELL.x, y: y0 + Math.floor(i / columns) * CELL.y };
  });
  return out;
}

const BASE = {
  name: 'fcose',
  animate: false,
  fit: false,
  nodeDimensionsIncludeLabels: false,
  nodeRepulsion: 9000,
  idealEdgeLength: 130,
  edgeElasticity: 0.3,
  nodeSeparation: 110,
  padding: 40,
} as const;

/**
 * Lays out a request. With no positioned nodes: the connected part from scratch, then the loose
 * actors in a grid beside it. With positioned nodes (an expansion): those stay where they are and
 * only the new ones are placed, by fcose among them when the graph is small enough for its
 * constrained refinement, otherwise in rings around the positioned neighbour they attach to.
 */
export async function computeLayout(request: LayoutRequest): Promise<Positions> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
  });
  cy.add(
    request.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, width: n.width, height: n.height },
      position: n.position ? { ...n.position } : { x: 0, y: 0 },
    })),
  );
  cy.add(
    request.edges
      .filter((e) => e.source !== e.target)
      .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
  );
  const pinned = request.nodes.filter((n) => n.position);
  // The same graph is laid out the same for everyone: fcose draws its spectral start and force
  // steps from Math.random, seeded here from the actors' ids.
  const seed = Number.parseInt(graphKey(request.nodes.map((n) => n.id)), 36);
  const run = (eles: cytoscape.Collection, options: Record<string, unknown>) =>
    seeded(seed, () => runLayout(eles, options));
  const out: Positions = {};
  const read = (nodes: cytoscape.NodeCollection) => {
    nodes.forEach((n) => {
      out[n.id()] = { ...n.position() };
    });
  };
  if (pinned.length === 0) {
    const loose = cy.nodes().filter((n) => n.degree(false) === 0);
    const connected = cy.nodes().not(loose);
    if (connected.nonempty()) {
      await run(connected.union(connected.edgesWith(connected)), {
        ...BASE,
        quality: qualityFor(connected.length),
        randomize: true,
      });
      read(connected);
    }
    Object.assign(
      out,
      gridBeside(
        loose.map((n) => n.id()),
        connected.nonempty() ? connected.boundingBox() : null,
      ),
    );
  } else if (qualityFor(request.nodes.length) !== 'draft') {
    // Start the new ones on rings around their neighbours, then let fcose settle them among the
    // pinned ones (constrained refinement needs randomize: false, which draft quality lacks).
    for (const [id, position] of Object.entries(rings(cy, new Set(pinned.map((n) => n.id))))) {
      cy.getElementById(id).position(position);
    }
    await run(cy.elements(), {
      ...BASE,
      quality: 'default',
      randomize: false,
      fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id, position: n.position })),
    });
    read(cy.nodes().filter((n) => !request.nodes.find((r) => r.id === n.id())?.position));
  } else {
    Object.assign(out, rings(cy, new Set(pinned.map((n) => n.id))));
  }
  cy.destroy();
  return out;
}

async function seeded<T>(seed: number, work: () => Promise<T>): Promise<T> {
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    return await work();
  } finally {
    Math.random = random;
  }
}

function runLayout(eles: cytoscape.Collection, options: Record<string, unknown>): Promise<void> {
  const layout = eles.layout(options as unknown as cytoscape.LayoutOptions);
  const done = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return done;
}

/** New nodes on rings around the pinned node each attaches to (or the pinned part's centre). */
function rings(cy: cytoscape.Core, pinned: Set<string>): Positions {
  const box = cy
    .nodes()
    .filter((n) => pinned.has(n.id()))
    .boundingBox();
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  const byAnchor = new Map<string, string[]>();
  cy.nodes()
    .filter((n) => !pinned.has(n.id()))
    .forEach((n) => {
      const anchor = n.neighborhood('node').filter((m) => pinned.has(m.id()))[0];
      const key = anchor ? anchor.id() : '';
      byAnchor.set(key, [...(byAnchor.get(key) ?? []), n.id()]);
    });
  const out: Positions = {};
  for (const [anchor, ids] of byAnchor) {
    const at = anchor ? cy.getElementById(anchor).position() : centre;
    let ring = 0;
    let placed = 0;
    while (placed < ids.length) {
      const radius = 140 + ring * 90;
      const room = Math.max(6, Math.floor((2 * Math.PI * radius) / 80));
      const here = ids.slice(placed, placed + room);
      here.forEach((id, i) => {
        const angle = (2 * Math.PI * i) / here.length + ring * 0.4;
        out[id] = { x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) };
      });
      placed += here.length;
      ring++;
    }
  }
  return out;
}
