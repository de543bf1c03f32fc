// UI state on the graph, as classes changed inside cy.batch(). Two owners, two classes: the filter
// owns .hidden, a path answer owns .path/.path-N/.faded and .forced (shown whatever the filter
// says), so re-applying one never undoes the other.
import type { Core, EdgeSingular } from 'cytoscape';
import type { EdgeData } from './elements.js';
import { edgeVisible, type FilterState } from './filters.js';
import { PATH_COLOURS } from './stylesheet.js';

const shown = (edge: EdgeSingular) => !edge.hasClass('hidden') || edge.hasClass('forced');

/** Hides edges the filter rejects; dims actors left with no visible relationship. */
export function applyFilter(cy: Core, filter: FilterState): void {
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      edge.toggleClass('hidden', !edgeVisible(edge.data() as EdgeData, filter));
    });
    markIsolated(cy);
  });
}

function markIsolated(cy: Core): void {
  cy.nodes().forEach((node) => {
    node.toggleClass('isolated', node.connectedEdges().filter(shown).length === 0);
  });
}

/** The ids of one path: its actors in order and its relationships in order. */
export interface PathIds {
  nodes: readonly string[];
  edges: readonly string[];
}

const PATH_CLASSES = ['path', 'faded', 'forced', ...PATH_COLOURS.map((_, i) => `path-${i}`)].join(' ');

/**
 * The paths of one answer on the graph: each path's edges get its own colour class (path-N, in
 * the stylesheet), every path element is forced visible, the rest is faded. One path can be
 * picked (focus) and the whole answer shown again.
 */
export class PathHighlight {
  private paths: readonly PathIds[] = [];
  private focused: number | null = null;

  constructor(private readonly cy: Core) {}

  get focus(): number | null {
    return this.focused;
  }

  /** The indexes of the paths shown now: all of them, or the one picked. */
  get shown(): number[] {
    return this.indexed().map(([, index]) => index);
  }

  private indexed(): (readonly [PathIds, number])[] {
    const one = this.focused === null ? undefined : this.paths[this.focused];
    return one && this.focused !== null ? [[one, this.focused]] : this.paths.map((p, i) => [p, i] as const);
  }

  show(paths: readonly PathIds[], focus: number | null = null): void {
    this.paths = paths;
    this.focused = focus !== null && focus >= 0 && focus < paths.length ? focus : null;
    this.apply();
  }

  pick(focus: number | null): void {
    this.show(this.paths, focus);
  }

  clear(): void {
    this.show([]);
  }

  /** Puts the classes back, e.g. after elements were added. */
  apply(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass(PATH_CLASSES);
      const shownPaths = this.indexed();
      if (shownPaths.length === 0) {
        markIsolated(cy);
        return;
      }
      const colourOf = new Map<string, number>();
      const onPath = new Set<string>();
      for (const [path, index] of shownPaths) {
        for (const id of path.nodes) onPath.add(id);
        for (const id of path.edges) {
          onPath.add(id);
          if (!colourOf.has(id)) colourOf.set(id, index % PATH_COLOURS.length);
        }
      }
      cy.elements().forEach((ele) => {
        if (!onPath.has(ele.id())) ele.addClass('faded');
        else ele.addClass(ele.isEdge() ? `path forced path-${colourOf.get(ele.id())}` : 'path forced');
      });
      markIsolated(cy);
    });
  }
}
