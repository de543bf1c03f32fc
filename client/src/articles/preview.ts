// The preview of the focused proposal on the graph: its ghost elements (class .ghost, drawn
// dashed and transparent by the stylesheet) and the stored relationship it concerns (class
// .preview-target), brought into view. One preview at a time; clear() leaves the graph as it was.
import type { Core } from 'cytoscape';
import type { Ghost } from './ghost.js';

export class Preview {
  constructor(private readonly cy: Core) {}

  show(ghost: Ghost | null): void {
    const cy = this.cy;
    this.clear();
    if (!ghost) return;
    cy.batch(() => {
      const anchor = ghost.anchors[0] ? cy.getElementById(ghost.anchors[0]) : null;
      const extent = cy.extent();
      const centre = anchor?.nonempty()
        ? anchor.position()
        : { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
      let placed = 0;
      for (const element of ghost.elements) {
        if (element.group === 'nodes') {
          const angle = Math.PI / 4 + placed++ * (Math.PI / 2);
          cy.add({
            ...element,
            classes: 'ghost',
            position: { x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) },
          });
        } else cy.add({ ...element, classes: 'ghost' });
      }
      if (ghost.target) cy.getElementById(ghost.target).addClass('preview-target');
    });
    let shown = cy.elements('.ghost, .preview-target');
    for (const id of ghost.anchors) shown = shown.union(cy.getElementById(id));
    // Centred at a readable zoom: fitting two actors would blow them up to the whole canvas.
    if (shown.nonempty()) cy.animate({ center: { eles: shown }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 });
  }

  clear(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements('.ghost').remove();
      cy.elements('.preview-target').removeClass('preview-target');
    });
  }
}
