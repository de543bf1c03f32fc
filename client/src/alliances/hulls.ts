// A hull around each bloc, drawn by cytoscape-bubblesets on an SVG layer under the nodes. Loaded
// with import() the first time alliances mode is on, so the page's first chunk does not carry it.
import type { Core, NodeCollection } from 'cytoscape';
import type { BubbleSetsPlugin } from 'cytoscape-bubblesets';

export interface Hull {
  bloc: string;
  colour: string;
  nodes: NodeCollection;
}

export class Hulls {
  private plugin: BubbleSetsPlugin | null = null;

  constructor(private readonly cy: Core) {}

  /** Replaces the drawn hulls; resolves once they are on the page. */
  async draw(hulls: readonly Hull[]): Promise<void> {
    if (!this.plugin) {
      const { BubbleSetsPlugin } = await import('cytoscape-bubblesets');
      this.plugin ??= new BubbleSetsPlugin(this.cy, { interactive: false });
    }
    const plugin = this.plugin;
    for (const path of plugin.getPaths()) plugin.removePath(path);
    for (const hull of hulls) {
      if (hull.nodes.empty()) continue;
      // The bloc's own edges guide the outline; members with none are joined by virtual edges.
      // Other actors are not avoided: on a force layout they sit between members, and routing
      // around them leaves the outline open (an empty path).
      const path = plugin.addPath(hull.nodes, hull.nodes.edgesWith(hull.nodes).not('.hidden'), null, {
        // The plugin turns virtual edges off by default; members with no edge of their own need them.
        virtualEdges: true,
        style: {
          fill: hull.colour,
          fillOpacity: '0.14',
          stroke: hull.colour,
          strokeWidth: '1.5',
          strokeOpacity: '0.7',
        },
      });
      path.node.setAttribute('data-bloc', hull.bloc);
      path.node.classList.add('bloc-hull');
    }
    plugin.update(true);
  }

  clear(): void {
    if (!this.plugin) return;
    for (const path of this.plugin.getPaths()) this.plugin.removePath(path);
  }
}
