// Expansion: an actor's neighbourhood added to the graph. The URL lists an actor only when
// expanding it added something, and expansions listed in the URL are replayed once each.
import { fetchNeighborhood } from '../api/operations.js';
import { neighbourhoodCut } from '../graph/scope.js';
import type { ViewState } from '../state/url-state.js';
import { describeError } from '../ui/overlay.js';
import type { AppContext, Controller } from './controller.js';

export class ExpandController implements Controller {
  private readonly done = new Set<string>();

  constructor(private readonly ctx: AppContext) {}

  sync(state: ViewState): void {
    for (const id of state.expanded) {
      if (!this.done.has(id)) void this.expand(id, false);
    }
  }

  /** Loads the neighbours of an actor; returns how many elements it added (0 on failure). */
  async expand(id: string, record = true): Promise<number> {
    this.done.add(id);
    this.ctx.announce('Expanding…');
    try {
      const around = await fetchNeighborhood(id);
      const added = await this.ctx.graph.add(around, id);
      const count = added.nodes + added.edges;
      const cut = neighbourhoodCut(around);
      const what =
        count > 0
          ? `Added ${added.nodes} actors and ${added.edges} relationships.`
          : cut
            ? 'Everything loaded around this actor is already shown.'
            : 'Everything around this actor is already shown.';
      this.ctx.announce(what + cut);
      const { expanded } = this.ctx.store.state;
      if (record && count > 0 && !expanded.includes(id)) this.ctx.store.update({ expanded: [...expanded, id] });
      return count;
    } catch (error) {
      this.done.delete(id);
      this.ctx.announce(`Could not expand: ${describeError(error)}`);
      return 0;
    }
  }
}
