// Edge labels that would collide give way: actors and their labels first, then bundles, then the
// other edges by confidence; a label overlapping one already placed is hidden (.label-hidden), so
// the first view at 1× reads as actors and bundles rather than a pile of type names.
import type { BoundingBox12, Core, EdgeSingular } from 'cytoscape';

const overlaps = (a: BoundingBox12, b: BoundingBox12) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

export function hideCollidingLabels(cy: Core): number {
  const placed: BoundingBox12[] = cy
    .nodes(':visible')
    .map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }) as BoundingBox12);
  const edges = cy.edges(':visible').sort((a: EdgeSingular, b: EdgeSingular) => {
    const bundle = Number(b.hasClass('bundle-lead')) - Number(a.hasClass('bundle-lead'));
    return bundle || (b.data('confidence') as number) - (a.data('confidence') as number) || (a.id() < b.id() ? -1 : 1);
  });
  let hidden = 0;
  cy.batch(() => {
    edges.forEach((edge) => {
      edge.removeClass('label-hidden');
      const box = edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) as BoundingBox12;
      if (!(box.x2 > box.x1)) return;
      if (placed.some((p) => overlaps(p, box))) {
        edge.addClass('label-hidden');
        hidden += 1;
      } else placed.push(box);
    });
  });
  return hidden;
}
