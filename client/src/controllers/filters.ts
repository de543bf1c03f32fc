// Filters, time and colour: the legend panel writes them to the store; this applies them to the
// graph (.hidden), keeps the counts and the slider's range, and says what is shown.
import type { EdgeData, NodeData } from '../graph/elements.js';
import { edgeVisible, timeBounds } from '../graph/filters.js';
import { applyFilter } from '../graph/highlight.js';
import { buildStylesheet } from '../graph/stylesheet.js';
import type { ViewState } from '../state/url-state.js';
import { type Counts, FilterPanel } from '../ui/filter-panel.js';
import type { AppContext, Controller } from './controller.js';

export class FiltersController implements Controller {
  readonly panel: FilterPanel;

  constructor(private readonly ctx: AppContext) {
    const { store } = ctx;
    this.panel = new FilterPanel(ctx.vocabulary, store.state.filters, store.state.colourMode, {
      change: (filters) => store.update({ filters }),
      colourMode: (colourMode) => store.update({ colourMode }),
    });
    ctx.graph.onChange(() => {
      const edges = ctx.graph.edges();
      this.panel.setTimeBounds(timeBounds(edges), edges);
      this.refresh();
    });
  }

  sync(state: ViewState, previous: ViewState | null): void {
    const filters = !previous || state.filters !== previous.filters;
    const colour = !previous || state.colourMode !== previous.colourMode;
    if (filters || colour) this.panel.setFilters(state.filters, state.colourMode);
    if (colour) this.ctx.graph.cy.style(buildStylesheet(this.ctx.vocabulary, state.colourMode));
    if (filters) this.refresh();
  }

  private refresh(): void {
    const { cy } = this.ctx.graph;
    const filters = this.ctx.store.state.filters;
    applyFilter(cy, filters);
    const counts: Counts = { types: new Map(), statuses: new Map(), kinds: new Map() };
    const bump = (map: Map<string, { visible: number; total: number }>, key: string, shown: boolean) => {
      const c = map.get(key) ?? { visible: 0, total: 0 };
      c.total += 1;
      if (shown) c.visible += 1;
      map.set(key, c);
    };
    for (const d of this.ctx.graph.edges()) {
      const shown = edgeVisible(d as EdgeData, filters);
      bump(counts.types, d.type, shown);
      bump(counts.statuses, d.status, shown);
    }
    cy.nodes().forEach((n) => {
      const kind = (n.data() as NodeData).kind;
      counts.kinds.set(kind, (counts.kinds.get(kind) ?? 0) + 1);
    });
    this.panel.setCounts(counts);
    const shownEdges = cy.edges().filter((e) => !e.hasClass('hidden')).length;
    const time = filters.time;
    const span = time?.window ? ` (events of the last ${time.window} days)` : '';
    const when = time ? ` ${time.mode === 'asOf' ? 'as of' : 'as known on'} ${time.date}${span}` : '';
    this.ctx.announce(`${cy.nodes().length} actors, ${shownEdges} of ${cy.edges().length} relationships shown${when}.`);
  }
}
