// The picture a link shows: when a node is dragged, every actor's position goes into the view
// (`pos=`, state/positions.ts), and a link that carries positions for this graph puts each actor
// back where the sender had it. Without a move the seeded layout already draws the same picture.
import { decodePositions, encodePositions } from '../state/positions.js';
import type { ViewState } from '../state/url-state.js';
import type { AppContext, Controller } from './controller.js';

export class PositionsController implements Controller {
  constructor(private readonly ctx: AppContext) {
    const { cy } = ctx.graph;
    cy.on('dragfree', 'node', () => {
      const positions = this.current();
      if (positions) ctx.store.update({ positions });
    });
  }

  private current(): string | undefined {
    const placed = this.ctx.graph.cy.nodes().map((n) => ({ id: n.id(), ...n.position() }));
    return encodePositions(placed) ?? undefined;
  }

  sync(state: ViewState, previous: ViewState | null): void {
    if (!state.positions || (previous && state.positions === previous.positions)) return;
    if (state.positions === this.current()) return;
    const { cy } = this.ctx.graph;
    const positions = decodePositions(
      state.positions,
      cy.nodes().map((n) => n.id()),
    );
    if (!positions) {
      this.ctx.announce('The link’s positions were made for another graph; the layout’s are shown.');
      return;
    }
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (p) n.position(p);
      });
    });
    cy.fit(cy.elements().not('.hidden'), 40);
  }
}
