// The controller: loads the vocabulary and the graph, keeps the view state (mirrored in the URL),
// and connects the graph, the panels and the API.
import type { Core, EventObject, NodeSingular } from 'cytoscape';
import { ApiError } from './api/client.js';
import {
  fetchActor,
  fetchAllActors,
  fetchConnection,
  fetchGraph,
  fetchNeighborhood,
  fetchRelationship,
  fetchVocabulary,
} from './api/operations.js';
import type { Actor, Connection, PathOptions, RelationshipTypeInfo, Vocabulary } from './api/types.js';
import { type EdgeData, type NodeData, subgraphToElements } from './graph/elements.js';
import { edgeVisible, type FilterState, timeBounds } from './graph/filters.js';
import { applyFilter, highlightPath } from './graph/highlight.js';
import { addIncrementally, createGraph, layoutAll } from './graph/setup.js';
import { buildStylesheet, type ColourMode } from './graph/stylesheet.js';
import { decodeState, encodeState, type PathState, type ViewState } from './state/url-state.js';
import { ActorSearch } from './ui/actor-search.js';
import { DetailsPanel } from './ui/details.js';
import { byId, h } from './ui/dom.js';
import { createExportMenu } from './ui/export-menu.js';
import { type Counts, FilterPanel } from './ui/filter-panel.js';
import { describeError, Overlay } from './ui/overlay.js';
import { PathFinder } from './ui/path-finder.js';

/** Statuses the path finder leaves out when asked to exclude allegations. */
const ALLEGATION_STATUSES = ['alleged', 'denied'];

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

export class App {
  private cy: Core | null = null;
  private vocabulary: Vocabulary | null = null;
  private types = new Map<string, RelationshipTypeInfo>();
  private state: ViewState = decodeState(location.search);
  private connection: Connection | null = null;
  private details: DetailsPanel | null = null;
  private filterPanel: FilterPanel | null = null;
  private pathFinder: PathFinder | null = null;
  private readonly overlay = new Overlay(byId('overlay'));
  private readonly status = byId('status-line');
  private readonly expandButton = byId<HTMLButtonElement>('expand-selected');
  private detailToken = 0;
  private pathToken = 0;

  start(): void {
    window.__actorGraph = { cy: null, state: () => this.state };
    byId('fit-view').addEventListener('click', () =>
      this.cy?.animate({ fit: { eles: this.cy.elements().not('.hidden'), padding: 40 } }),
    );
    this.expandButton.addEventListener('click', () => {
      if (this.state.selected?.group === 'nodes') void this.expand(this.state.selected.id);
    });
    byId('toggle-sidebar').addEventListener('click', (event) => {
      const open = document.body.classList.toggle('sidebar-open');
      (event.currentTarget as HTMLElement).setAttribute('aria-expanded', String(open));
    });
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        byId('search').focus();
      }
    });
    window.addEventListener('popstate', () => void this.restore(decodeState(location.search, this.known())));
    void this.load();
  }

  private known() {
    return { types: this.vocabulary?.types.map((t) => t.type), statuses: this.vocabulary?.statuses };
  }

  private async load(): Promise<void> {
    this.overlay.loading('Loading the graph…');
    try {
      const [vocabulary, graph, actors] = await Promise.all([fetchVocabulary(), fetchGraph(), fetchAllActors()]);
      this.vocabulary = vocabulary;
      this.types = new Map(vocabulary.types.map((t) => [t.type, t]));
      this.state = decodeState(location.search, this.known());
      if (!this.cy) this.build(vocabulary);
      const cy = this.cy as unknown as Core;
      cy.elements().remove();
      // Actors with no relationship (yet) belong to the picture too.
      const drawn = new Set(graph.nodes.map((a) => a.id));
      cy.add(
        subgraphToElements({ nodes: [...graph.nodes, ...actors.filter((a) => !drawn.has(a.id))], edges: graph.edges }),
      );
      if (cy.nodes().length === 0) {
        this.overlay.empty('The graph is empty. Import a bundle (npm run import -- <file>) and retry.');
        this.announce('No actors yet.');
        return;
      }
      await layoutAll(cy);
      this.filterPanel?.setTimeBounds(timeBounds(cy.edges().map((e) => e.data() as EdgeData)));
      await this.restore(this.state);
      this.overlay.ready();
    } catch (error) {
      this.overlay.error(error, () => void this.load());
      this.announce(describeError(error));
    }
  }

  private build(vocabulary: Vocabulary): void {
    const cy = createGraph(byId('cy'), vocabulary, this.state.colourMode);
    this.cy = cy;
    window.__actorGraph = { cy, state: () => this.state };
    cy.on('tap', 'node', (e: EventObject) => void this.selectActor(e.target.id(), false));
    cy.on('tap', 'edge', (e: EventObject) => void this.selectEdge(e.target.id()));
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) this.clearSelection();
    });
    cy.on('dbltap', 'node', (e: EventObject) => void this.expand(e.target.id()));
    // Keep the canvas the size of its box (narrow screens, rotating phones, the sidebar toggling).
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(() => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        cy.resize();
        if (!this.state.selected && !this.state.path) cy.fit(cy.elements().not('.hidden'), 40);
      }, 150);
    }).observe(byId('cy'));

    const actions = {
      selectEdge: (id: string) => void this.selectEdge(id),
      selectActor: (id: string) => void this.selectActor(id, true),
      expand: (id: string) => void this.expand(id),
      pathFrom: (id: string) => this.setPathEnd('from', id),
      pathTo: (id: string) => this.setPathEnd('to', id),
    };
    this.details = new DetailsPanel(byId('details'), this.types, actions);

    const search = new ActorSearch({
      id: 'search',
      label: 'Search actors',
      hiddenLabel: true,
      placeholder: 'Search actors (e.g. Pyongyang) — press /',
      onPick: (actor) => void this.pickFromSearch(actor),
      fallback: (q) => this.localMatches(q),
    });
    byId('search-slot').append(search.element);

    const sidebar = byId('sidebar');
    this.pathFinder = new PathFinder(sidebar, this.types, (q) => this.localMatches(q), {
      find: (path) => void this.runPath(path),
      clear: () => this.clearPath(),
      focus: (index) => this.focusPath(index),
      selectEdge: (id) => void this.selectEdge(id),
    });
    this.filterPanel = new FilterPanel(sidebar, vocabulary, this.state.filters, this.state.colourMode, {
      change: (filters) => this.setFilters(filters),
      colourMode: (mode) => this.setColourMode(mode),
    });
    createExportMenu(byId('export-slot'), () => this.cy);
  }

  /** Brings the page to a state: filters, colour, expansions, path, selection. */
  private async restore(state: ViewState): Promise<void> {
    const cy = this.cy;
    if (!cy || !this.vocabulary) return;
    this.state = { ...state, expanded: [] };
    this.filterPanel?.setFilters(state.filters, state.colourMode);
    cy.style(buildStylesheet(this.vocabulary, state.colourMode));
    for (const id of state.expanded) await this.expand(id, false);
    this.refreshFilter();
    if (state.path) {
      const ends = { from: this.actorOf(state.path.from), to: this.actorOf(state.path.to) };
      this.pathFinder?.setState(state.path, ends);
      await this.runPath(state.path);
    } else {
      this.clearPath();
    }
    if (state.selected?.group === 'nodes') await this.selectActor(state.selected.id, true);
    else if (state.selected?.group === 'edges') await this.selectEdge(state.selected.id);
    else this.clearSelection();
    this.writeUrl();
  }

  private writeUrl(): void {
    const query = encodeState(this.state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }

  private announce(message: string): void {
    this.status.textContent = message;
  }

  private actorOf(id: string): Actor | null {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty() || !node.isNode()) return null;
    const d = node.data() as NodeData;
    return { id: d.id, name: d.label, kind: d.kind, aliases: d.aliases, description: d.description };
  }

  private localMatches(query: string): Actor[] {
    const q = query.toLowerCase();
    return (this.cy?.nodes().map((n) => n.data() as NodeData) ?? [])
      .filter((d) => d.label.toLowerCase().includes(q) || d.aliases.some((a) => a.toLowerCase().includes(q)))
      .slice(0, 8)
      .map((d) => ({ id: d.id, name: d.label, kind: d.kind, aliases: d.aliases, description: d.description }));
  }

  // Filters and colour ------------------------------------------------------------------------

  private setFilters(filters: FilterState): void {
    this.state = { ...this.state, filters };
    this.refreshFilter();
    this.writeUrl();
  }

  private refreshFilter(): void {
    const cy = this.cy;
    if (!cy) return;
    applyFilter(cy, this.state.filters);
    const counts: Counts = { types: new Map(), statuses: new Map(), kinds: new Map() };
    const bump = (map: Map<string, { visible: number; total: number }>, key: string, shown: boolean) => {
      const c = map.get(key) ?? { visible: 0, total: 0 };
      c.total += 1;
      if (shown) c.visible += 1;
      map.set(key, c);
    };
    cy.edges().forEach((e) => {
      const d = e.data() as EdgeData;
      const shown = edgeVisible(d, this.state.filters);
      bump(counts.types, d.type, shown);
      bump(counts.statuses, d.status, shown);
    });
    cy.nodes().forEach((n) => {
      const kind = (n.data() as NodeData).kind;
      counts.kinds.set(kind, (counts.kinds.get(kind) ?? 0) + 1);
    });
    this.filterPanel?.setCounts(counts);
    const shownEdges = cy.edges().not('.hidden').length;
    const time = this.state.filters.time;
    const when = time ? ` ${time.mode === 'asOf' ? 'as of' : 'as known on'} ${time.date}` : '';
    this.announce(`${cy.nodes().length} actors, ${shownEdges} of ${cy.edges().length} relationships shown${when}.`);
  }

  private setColourMode(mode: ColourMode): void {
    this.state = { ...this.state, colourMode: mode };
    if (this.cy && this.vocabulary) this.cy.style(buildStylesheet(this.vocabulary, mode));
    this.writeUrl();
  }

  // Selection and details ---------------------------------------------------------------------

  private clearSelection(): void {
    this.cy?.elements().unselect();
    this.state = { ...this.state, selected: null };
    this.details?.empty();
    this.expandButton.disabled = true;
    this.writeUrl();
  }

  private async pickFromSearch(actor: Actor): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    if (cy.getElementById(actor.id).empty()) {
      try {
        const graph = await fetchNeighborhood(actor.id);
        await addIncrementally(cy, subgraphToElements(graph, this.knownIds()));
        this.refreshFilter();
      } catch (error) {
        this.announce(describeError(error));
        return;
      }
    }
    await this.selectActor(actor.id, true);
  }

  async selectActor(id: string, centre: boolean): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    const node = cy.getElementById(id);
    cy.elements().unselect();
    if (node.nonempty()) {
      node.select();
      if (centre) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    }
    this.state = { ...this.state, selected: { group: 'nodes', id } };
    this.expandButton.disabled = false;
    this.writeUrl();
    const token = ++this.detailToken;
    this.details?.loading('the actor');
    try {
      const actor = await fetchActor(id);
      if (token !== this.detailToken) return;
      if (!actor) this.details?.failed(`There is no actor "${id}".`, () => void this.selectActor(id, centre));
      else this.details?.showActor(actor);
    } catch (error) {
      if (token === this.detailToken)
        this.details?.failed(describeError(error), () => void this.selectActor(id, centre));
    }
  }

  async selectEdge(id: string): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    const edge = cy.getElementById(id);
    cy.elements().unselect();
    if (edge.nonempty()) edge.select();
    this.state = { ...this.state, selected: { group: 'edges', id } };
    this.expandButton.disabled = true;
    this.writeUrl();
    const token = ++this.detailToken;
    this.details?.loading('the relationship');
    try {
      const rel = await fetchRelationship(id);
      if (token !== this.detailToken) return;
      if (!rel) this.details?.failed(`There is no relationship "${id}".`, () => void this.selectEdge(id));
      else this.details?.showRelationship(rel);
    } catch (error) {
      if (token === this.detailToken) this.details?.failed(describeError(error), () => void this.selectEdge(id));
    }
  }

  // Expansion ---------------------------------------------------------------------------------

  private knownIds(): Set<string> {
    return new Set(this.cy?.elements().map((e) => e.id()) ?? []);
  }

  async expand(id: string, record = true): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    this.announce('Expanding…');
    try {
      const graph = await fetchNeighborhood(id);
      const added = subgraphToElements(graph, this.knownIds());
      const anchor = cy.getElementById(id);
      await addIncrementally(cy, added, anchor.nonempty() && anchor.isNode() ? (anchor as NodeSingular) : undefined);
      if (!this.state.expanded.includes(id)) this.state = { ...this.state, expanded: [...this.state.expanded, id] };
      this.filterPanel?.setTimeBounds(timeBounds(cy.edges().map((e) => e.data() as EdgeData)));
      this.refreshFilter();
      const newActors = added.filter((e) => e.group === 'nodes').length;
      const newRels = added.length - newActors;
      this.announce(
        newActors + newRels === 0
          ? 'Everything around this actor is already shown.'
          : `Added ${newActors} actors and ${newRels} relationships.`,
      );
      if (record) this.writeUrl();
    } catch (error) {
      this.announce(`Could not expand: ${describeError(error)}`);
    }
  }

  // Paths -------------------------------------------------------------------------------------

  private setPathEnd(which: 'from' | 'to', id: string): void {
    const actor = this.actorOf(id);
    if (!actor) return;
    this.pathFinder?.setEnd(which, actor);
    document.body.classList.add('sidebar-open');
    this.pathFinder?.focusFrom();
  }

  private pathOptions(path: PathState): PathOptions {
    const f = this.state.filters;
    const statuses = (this.vocabulary?.statuses ?? []).filter(
      (s) => !f.hiddenStatuses.includes(s) && !(path.excludeAllegations && ALLEGATION_STATUSES.includes(s)),
    );
    return {
      maxHops: path.maxHops,
      ...(statuses.length < (this.vocabulary?.statuses.length ?? 0) ? { statuses } : {}),
      ...(f.hiddenTypes.length ? { excludeTypes: f.hiddenTypes } : {}),
      ...(f.minConfidence > 0 ? { minConfidence: f.minConfidence } : {}),
      ...(f.time?.mode === 'asOf' ? { asOf: f.time.date } : {}),
      ...(f.time?.mode === 'knownOn' ? { knownOn: f.time.date } : {}),
    };
  }

  async runPath(path: PathState): Promise<void> {
    const cy = this.cy;
    if (!cy) return;
    const token = ++this.pathToken;
    this.state = { ...this.state, path };
    this.writeUrl();
    this.pathFinder?.loading();
    try {
      const connection = await fetchConnection(path.from, path.to, path.k, this.pathOptions(path));
      if (token !== this.pathToken) return;
      this.connection = connection;
      // A path may run through actors not drawn yet: add them where they belong.
      const extra = subgraphToElements(
        { nodes: connection.paths.flatMap((p) => p.nodes), edges: connection.paths.flatMap((p) => p.edges) },
        this.knownIds(),
      );
      await addIncrementally(cy, extra);
      if (extra.length) this.refreshFilter();
      this.pathFinder?.show(connection);
      this.focusPath(null);
      document.body.dataset.path = connection.paths.length > 0 ? 'found' : 'none';
    } catch (error) {
      if (token !== this.pathToken) return;
      this.pathFinder?.message(describeError(error), true);
      if (error instanceof ApiError && error.kind === 'network') this.announce(describeError(error));
    }
  }

  private focusPath(index: number | null): void {
    const cy = this.cy;
    if (!cy || !this.connection) return;
    const paths = index === null ? this.connection.paths : this.connection.paths.slice(index, index + 1);
    const ids = paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]);
    highlightPath(cy, ids);
    if (ids.length) {
      // A path edge hidden by a filter would leave a gap in the answer: show the path whole.
      cy.batch(() => cy.elements('.path').removeClass('hidden'));
      cy.animate({ fit: { eles: cy.elements('.path'), padding: 60 } }, { duration: 300 });
    }
  }

  private clearPath(): void {
    this.pathToken++;
    this.connection = null;
    if (this.cy) highlightPath(this.cy, []);
    this.refreshFilter();
    delete document.body.dataset.path;
    this.state = { ...this.state, path: null };
    this.writeUrl();
  }
}

export function announceFatal(error: unknown): void {
  const overlay = document.getElementById('overlay');
  if (overlay) overlay.replaceChildren(h('p', { class: 'error-title', text: describeError(error) }));
}
