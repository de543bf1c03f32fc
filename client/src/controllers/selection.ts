// Selection: a tap, the search, the details panel or the URL picks an actor or a relationship; this
// marks it on the graph and loads its details. Only the newest request may fill the panel.
import type { EventObject } from 'cytoscape';
import { fetchActor, fetchRelationship } from '../api/operations.js';
import type { ViewState } from '../state/url-state.js';
import { type DetailsActions, DetailsPanel } from '../ui/details.js';
import { describeError } from '../ui/overlay.js';
import type { AppContext, Controller } from './controller.js';

type Selected = ViewState['selected'];

const same = (a: Selected, b: Selected) => a?.group === b?.group && a?.id === b?.id;

export class SelectionController implements Controller {
  private readonly details: DetailsPanel;
  private token = 0;

  constructor(
    private readonly ctx: AppContext,
    detailsElement: HTMLElement,
    private readonly expandButton: HTMLButtonElement,
    actions: Pick<DetailsActions, 'expand' | 'pathFrom' | 'pathTo'>,
  ) {
    this.details = new DetailsPanel(detailsElement, ctx.types, {
      ...actions,
      selectEdge: (id) => this.select({ group: 'edges', id }),
      selectActor: (id) => this.select({ group: 'nodes', id }, true),
    });
    const { cy } = ctx.graph;
    cy.on('tap', 'node', (e: EventObject) => this.select({ group: 'nodes', id: e.target.id() }));
    cy.on('tap', 'edge', (e: EventObject) => this.select({ group: 'edges', id: e.target.id() }));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) this.select(null);
    });
    ctx.graph.onChange(() => this.mark(ctx.store.state.selected));
  }

  /** Selects (or, with null, clears); `centre` brings the actor into the middle of the view. */
  select(selected: Selected, centre = false): void {
    if (!same(selected, this.ctx.store.state.selected)) this.ctx.store.update({ selected });
    const { cy } = this.ctx.graph;
    const node = selected?.group === 'nodes' ? cy.getElementById(selected.id) : null;
    if (centre && node?.nonempty()) {
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    }
  }

  sync(state: ViewState, previous: ViewState | null): void {
    if (previous && same(state.selected, previous.selected)) return;
    this.mark(state.selected);
    this.expandButton.disabled = state.selected?.group !== 'nodes';
    void this.load(state.selected);
  }

  private mark(selected: Selected): void {
    const { cy } = this.ctx.graph;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      if (selected) cy.getElementById(selected.id).select();
    });
  }

  private async load(selected: Selected): Promise<void> {
    const token = ++this.token;
    if (!selected) {
      this.details.empty();
      return;
    }
    const retry = () => void this.load(selected);
    const actor = selected.group === 'nodes';
    this.details.loading(actor ? 'the actor' : 'the relationship');
    try {
      const found = actor ? await fetchActor(selected.id) : await fetchRelationship(selected.id);
      if (token !== this.token) return;
      if (!found) this.details.failed(`There is no ${actor ? 'actor' : 'relationship'} "${selected.id}".`, retry);
      else if ('claims' in found) this.details.showRelationship(found);
      else this.details.showActor(found);
    } catch (error) {
      if (token === this.token) this.details.failed(describeError(error), retry);
    }
  }
}
