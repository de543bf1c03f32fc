// UI state on the graph, as classes changed inside cy.batch().
import type { Core } from 'cytoscape';
import type { EdgeData } from './elements.js';
import { edgeVisible, type FilterState } from './filters.js';

/** Hides edges the filter rejects; dims actors left with no visible relationship. */
export function applyFilter(cy: Core, filter: FilterState): void {
  cy.batch(() => {
    cy.edges().forEach((edge) => {
      edge.toggleClass('hidden', !edgeVisible(edge.data() as EdgeData, filter));
    });
    cy.nodes().forEach((node) => {
      const visibleEdges = node.connectedEdges().filter((e) => !e.hasClass('hidden'));
      node.toggleClass('isolated', visibleEdges.length === 0);
    });
  });
}

/** Marks the given ids as the path and fades the rest; an empty list clears the highlight. */
export function highlightPath(cy: Core, ids: readonly string[]): void {
  cy.batch(() => {
    cy.elements().removeClass('path faded');
    if (ids.length === 0) return;
    const wanted = new Set(ids);
    cy.elements().forEach((ele) => {
      ele.addClass(wanted.has(ele.id()) ? 'path' : 'faded');
    });
  });
}
