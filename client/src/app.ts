// The page: loads the vocabulary and the graph, creates the one view store (mirrored in the URL)
// and the controllers, and passes every change of the view to each of them. Page-wide keys, the
// narrow-screen sheet and the skip links live here; everything else belongs to a controller.
import type { Core } from 'cytoscape';
import { fetchAllActors, fetchGraph, fetchVocabulary } from './api/operations.js';
import type { Actor, Vocabulary } from './api/types.js';
import { AlliancesController } from './controllers/alliances.js';
import { ArticlesMode } from './controllers/articles.js';
import type { AppContext, Controller } from './controllers/controller.js';
import { ExpandController } from './controllers/expand.js';
import { ExportController } from './controllers/export.js';
import { FiltersController } from './controllers/filters.js';
import { PathsController } from './controllers/paths.js';
import { PositionsController } from './controllers/positions.js';
import { ScopeController } from './controllers/scope.js';
import { SelectionController } from './controllers/selection.js';
import { GraphModel } from './graph/model.js';
import { chooseRenderer } from './graph/renderer.js';
import { scopeFilter } from './graph/scope.js';
import { createGraph } from './graph/setup.js';
import { Store } from './state/store.js';
import { DEFAULT_STATE, decodeState, encodeState, urlProblems, type ViewState } from './state/url-state.js';
import { ActorSearch } from './ui/actor-search.js';
import { byId, h } from './ui/dom.js';
import { describeError, Overlay } from './ui/overlay.js';

export interface TestHook {
  cy: Core | null;
  state: () => ViewState;
}

declare global {
  interface Window {
    /** Read-only handle for the browser tests. */
    __actorGraph?: TestHook;
  }
}

/** Writes the view to the address bar (replacing, not pushing: the view is not navigation). */
function writeUrl(state: ViewState): void {
  const query = encodeState(state);
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}

interface Parts {
  ctx: AppContext;
  scope: ScopeController;
  controllers: Controller[];
  filters: FiltersController;
}

export class App {
  private readonly store = new Store<ViewState>(DEFAULT_STATE, writeUrl);
  private readonly overlay = new Overlay(byId('overlay'));
  private readonly status = byId('status-line');
  private parts: Parts | null = null;

  start(): void {
    window.__actorGraph = { cy: null, state: () => this.store.state };
    this.store.subscribe((state, previous) => {
      for (const controller of this.parts?.controllers ?? []) controller.sync(state, previous);
    });
    byId('toggle-sidebar').addEventListener('click', () =>
      this.openSheet(!document.body.classList.contains('sidebar-open')),
    );
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.skip-link')) {
      link.addEventListener('click', () => {
        if (link.hash === '#path-finder') this.openSheet(true);
      });
    }
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        byId('search').focus();
      } else if (
        event.key === 'Escape' &&
        document.body.classList.contains('sidebar-open') &&
        !event.defaultPrevented
      ) {
        this.openSheet(false);
      }
    });
    window.addEventListener('popstate', () => this.restore());
    void this.load();
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }

  /** Below 1000 px the sidebar is a sheet over the graph, opened by "Filters & paths". */
  private openSheet(open: boolean): void {
    document.body.classList.toggle('sidebar-open', open);
    byId('toggle-sidebar').setAttribute('aria-expanded', String(open));
  }

  private known(vocabulary: Vocabulary) {
    return { types: vocabulary.types.map((t) => t.type), statuses: vocabulary.statuses };
  }

  private async load(): Promise<void> {
    this.overlay.loading('Loading the graph…');
    try {
      const vocabulary = this.parts?.ctx.vocabulary ?? (await fetchVocabulary());
      const { scope } = decodeState(location.search, this.known(vocabulary));
      // The whole graph brings every actor too, so that actors with no relationship are drawn.
      const [graph, actors] = await Promise.all([fetchGraph(scopeFilter(scope)), scope ? null : fetchAllActors()]);
      const { nodes, edges } = graph.items;
      const drawn = new Set(nodes.map((a) => a.id));
      const loose = actors?.items.filter((a) => !drawn.has(a.id)) ?? [];
      const parts = this.parts ?? this.build(vocabulary, nodes.length + loose.length + edges.length);
      await parts.ctx.graph.replace({ nodes: [...nodes, ...loose], edges });
      parts.scope.loaded({
        relationships: edges.length,
        relationshipTotal: graph.total,
        actors: nodes.length + loose.length,
        actorTotal: actors?.total ?? null,
      });
      if (!scope && parts.ctx.graph.cy.nodes().empty()) {
        this.overlay.empty('The graph is empty. Import a bundle (npm run import -- <file>) and retry.');
        this.announce('No actors yet.');
        return;
      }
      this.restore(true);
      this.overlay.ready();
    } catch (error) {
      this.overlay.error(error, () => void this.load());
      this.announce(describeError(error));
    }
  }

  /** Brings the page to the view in the URL; `all` re-syncs every controller (after a load). */
  private restore(all = false): void {
    const parts = this.parts;
    if (!parts) return;
    const state = decodeState(location.search, this.known(parts.ctx.vocabulary));
    parts.filters.panel.warn(urlProblems(location.search));
    if (all) this.store.reset(state);
    // A fragment link (the skip links) fires popstate too: only a different view counts.
    else if (encodeState(state) !== encodeState(this.store.state)) this.store.update(state);
  }

  private build(vocabulary: Vocabulary, elements: number): Parts {
    const { colourMode, renderer } = decodeState(location.search);
    const cy = createGraph(byId('cy'), vocabulary, colourMode, chooseRenderer(renderer, elements));
    window.__actorGraph = { cy, state: () => this.store.state };
    const ctx: AppContext = {
      store: this.store,
      graph: new GraphModel(cy),
      vocabulary,
      types: new Map(vocabulary.types.map((t) => [t.type, t])),
      announce: (message) => this.announce(message),
    };
    const filters = new FiltersController(ctx);
    const expand = new ExpandController(ctx);
    const expandButton = byId<HTMLButtonElement>('expand-selected');
    const setEnd = (which: 'from' | 'to', id: string) => {
      paths.setEnd(which, id);
      this.openSheet(true);
      paths.finder.focusFrom();
    };
    const selection = new SelectionController(ctx, byId('details'), expandButton, {
      expand: (id) => void expand.expand(id),
      pathFrom: (id) => setEnd('from', id),
      pathTo: (id) => setEnd('to', id),
    });
    const paths = new PathsController(ctx, (id) => selection.select({ group: 'edges', id }));
    const exports = new ExportController(ctx, paths);
    const scope = new ScopeController(
      ctx,
      () => void this.load(),
      () => byId('search').focus(),
    );
    byId('cy').after(scope.notice.element);
    const alliances = new AlliancesController(ctx);
    const positions = new PositionsController(ctx);

    cy.on('dbltap', 'node', (e) => void expand.expand(e.target.id()));
    expandButton.addEventListener('click', () => {
      const selected = this.store.state.selected;
      if (selected?.group === 'nodes') void expand.expand(selected.id);
    });
    byId('fit-view').addEventListener('click', () =>
      cy.animate({ fit: { eles: cy.elements().not('.hidden'), padding: 40 } }),
    );
    // Keep the canvas the size of its box (narrow screens, rotating phones, the sheet opening).
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        cy.resize();
        const { selected, path } = this.store.state;
        if (!selected && !path) cy.fit(cy.elements().not('.hidden'), 40);
      }, 150);
    }).observe(byId('cy'));

    const pick = async (actor: Actor) => {
      if (!ctx.graph.has(actor.id)) await expand.expand(actor.id);
      selection.select({ group: 'nodes', id: actor.id }, true);
    };
    const search = new ActorSearch({
      id: 'search',
      label: 'Search actors',
      hiddenLabel: true,
      placeholder: 'Search actors (e.g. Pyongyang) — press /',
      onPick: (actor) => void pick(actor),
      fallback: (q) => ctx.graph.matches(q),
    });
    byId('search-slot').append(search.element);
    byId('export-slot').append(exports.menu.element);
    byId('sidebar').append(
      h(
        'div',
        { class: 'sheet-bar' },
        h('span', { class: 'sheet-title', text: 'Filters & paths' }),
        h('button', {
          text: 'Show the graph',
          attrs: { type: 'button', id: 'close-sidebar' },
          on: { click: () => this.openSheet(false) },
        }),
      ),
      paths.finder.element,
      alliances.element,
      filters.panel.element,
    );
    const articles = new ArticlesMode(ctx, byId<HTMLButtonElement>('toggle-articles'));
    this.parts = {
      ctx,
      scope,
      controllers: [filters, expand, paths, selection, alliances, positions, articles, scope],
      filters,
    };
    return this.parts;
  }
}

export function announceFatal(error: unknown): void {
  const overlay = document.getElementById('overlay');
  if (overlay) overlay.replaceChildren(h('p', { class: 'error-title', text: describeError(error) }));
}
