// Alliances mode, bundled parallel edges and the dyad timeline. It owns its panel, the classes
// .in-bloc, .bundle-lead and .bundled-away with the data they read (blocColour, blocSize,
// bundleLabel, bundleColour), the hulls, and its three API calls; it changes the view only through
// store.update. A shift-tap on a second actor, or a tap on a bundle, opens the pair's timeline.
import type { EventObject } from 'cytoscape';
import { drawDyadChart } from '../alliances/dyad-chart.js';
import { Hulls } from '../alliances/hulls.js';
import { hideCollidingLabels } from '../alliances/labels.js';
import {
  ALLIANCES_OFF,
  type Alliances,
  type AlliancesState,
  apiFilter,
  type Bloc,
  blocColours,
  bundles,
  type Dyad,
  MEASURES,
  nodeSizes,
  pairKey,
  signed,
} from '../alliances/model.js';
import { graphqlRequest } from '../api/client.js';
import { AlliancesDocument, CentralityDocument, type CentralityMeasure, DyadDocument } from '../api/generated.js';
import type { EdgeData } from '../graph/elements.js';
import { weightColour } from '../graph/stylesheet.js';
import type { ViewState } from '../state/url-state.js';
import { append, clear, h } from '../ui/dom.js';

const clearAndGet = (el: HTMLElement) => {
  clear(el);
  return el;
};

import { describeError } from '../ui/overlay.js';
import type { AppContext, Controller } from './controller.js';

export class AlliancesController implements Controller {
  readonly element: HTMLElement;
  private readonly modeBox: HTMLInputElement;
  private readonly bundleBox: HTMLInputElement;
  private readonly measure: HTMLSelectElement;
  private readonly legend = h('ul', { class: 'legend-list bloc-legend', attrs: { id: 'bloc-legend' } });
  private readonly blocPanel = h('div', { class: 'bloc-panel', attrs: { id: 'bloc-panel' } });
  private readonly dyadPanel = h('div', { class: 'dyad-panel', attrs: { id: 'dyad-panel', 'aria-live': 'polite' } });
  private readonly hulls: Hulls;
  private answer: Alliances | null = null;
  private loading: AbortController | null = null;
  private dyadLoading: AbortController | null = null;

  constructor(private readonly ctx: AppContext) {
    const { cy } = ctx.graph;
    this.hulls = new Hulls(cy);
    this.modeBox = h('input', {
      attrs: { id: 'alliances-mode', type: 'checkbox' },
      on: { change: () => this.patch({ on: this.modeBox.checked }) },
    });
    this.measure = h(
      'select',
      {
        attrs: { id: 'alliances-measure' },
        on: { change: () => this.patch({ measure: this.measure.value as CentralityMeasure }) },
      },
      ...MEASURES.map((m) => h('option', { text: m.label, attrs: { value: m.id } })),
    );
    this.bundleBox = h('input', {
      attrs: { id: 'bundle-edges', type: 'checkbox' },
      on: { change: () => this.patch({ bundled: this.bundleBox.checked, open: [] }) },
    });
    this.element = h(
      'section',
      { class: 'panel-section alliances-panel', attrs: { id: 'alliances' } },
      h('h2', { text: 'Alliances' }),
      h('label', { class: 'inline' }, this.modeBox, ' Colour actors by camp'),
      h('label', { class: 'field-label', attrs: { for: 'alliances-measure' } }, 'Size actors by '),
      this.measure,
      this.legend,
      this.blocPanel,
      h('label', { class: 'inline' }, this.bundleBox, ' Bundle parallel relationships'),
      this.dyadPanel,
    );

    cy.on('tap', 'node', (e: EventObject) => {
      const selected = ctx.store.state.selected;
      const shift = (e.originalEvent as MouseEvent | undefined)?.shiftKey;
      if (shift && selected?.group === 'nodes' && selected.id !== e.target.id()) {
        this.patch({ dyad: [selected.id, e.target.id()] });
      }
    });
    cy.on('tap', 'edge.bundle-lead', (e: EventObject) => {
      const d = e.target.data() as EdgeData;
      this.patch({ dyad: [d.source, d.target] });
    });
    let labelTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport dragfree', () => {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(() => this.placeLabels(), 120);
    });
    ctx.graph.onChange(() => {
      this.applyBundles();
      if (this.state().on) void this.load();
    });
  }

  /** Re-run after anything that moves or shows labels: the viewport, a filter, bundling. */
  private placeLabels(): void {
    this.element.dataset.hiddenLabels = String(hideCollidingLabels(this.ctx.graph.cy));
  }

  private state(): AlliancesState {
    return this.ctx.store.state.alliances ?? ALLIANCES_OFF;
  }

  private patch(patch: Partial<AlliancesState>): void {
    const next = { ...this.state(), ...patch };
    const off = !next.on && !next.bundled && !next.dyad;
    this.ctx.store.update({ alliances: off ? undefined : next });
  }

  sync(state: ViewState, previous: ViewState | null): void {
    const now = state.alliances ?? ALLIANCES_OFF;
    const before = previous ? (previous.alliances ?? ALLIANCES_OFF) : null;
    const filters = !previous || state.filters !== previous.filters;
    this.modeBox.checked = now.on;
    this.measure.value = now.measure;
    this.measure.disabled = !now.on;
    this.bundleBox.checked = now.bundled;
    const bundling = !before || now.bundled !== before.bundled || now.open.join() !== before.open.join();
    if (filters || bundling) this.applyBundles();
    if (now.on && (filters || !before || !before.on || now.measure !== before.measure)) void this.load();
    else if (!now.on && before?.on !== false) this.clearBlocs();
    else if (now.bloc !== before?.bloc) this.renderLegend();
    const pair = now.dyad?.join();
    if (pair !== before?.dyad?.join() || (pair && (filters || bundling))) void this.loadDyad(now.dyad);
  }

  // — blocs —

  private async load(): Promise<void> {
    this.loading?.abort();
    const abort = new AbortController();
    this.loading = abort;
    const { store, vocabulary, graph } = this.ctx;
    const filter = apiFilter(store.state.filters, vocabulary.statuses);
    this.legend.setAttribute('aria-busy', 'true');
    try {
      const measure = this.state().measure;
      const top = Math.min(500, Math.max(1, graph.cy.nodes().length));
      const [a, c] = await Promise.all([
        graphqlRequest(AlliancesDocument, { filter }, abort.signal),
        graphqlRequest(CentralityDocument, { measure, filter, top }, abort.signal),
      ]);
      if (abort.signal.aborted || !this.state().on) return;
      this.answer = a.alliances;
      const colours = blocColours(a.alliances.blocs);
      const sizes = nodeSizes(c.centrality.top.map((s) => ({ id: s.actor.id, score: s.score })));
      const { cy } = graph;
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const bloc = colours.get(n.id());
          n.toggleClass('in-bloc', bloc !== undefined);
          if (bloc) n.data({ blocColour: bloc.colour, blocSize: sizes.get(n.id()) ?? 24, bloc: bloc.bloc });
        });
      });
      this.renderLegend();
      await this.hulls.draw(
        a.alliances.blocs.map((b) => ({
          bloc: b.id,
          colour: colours.get(b.id)?.colour ?? '#888888',
          nodes: cy.nodes('.in-bloc').filter((n) => n.data('bloc') === b.id && !n.hasClass('hidden')),
        })),
      );
      this.element.dataset.blocs = String(a.alliances.blocs.length);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.legend.replaceChildren(
        h('li', { class: 'field-error', text: `Camps not loaded: ${describeError(error)}` }),
        h('li', {}, h('button', { text: 'Retry', attrs: { type: 'button' }, on: { click: () => void this.load() } })),
      );
    } finally {
      if (this.loading === abort) this.legend.removeAttribute('aria-busy');
    }
  }

  private clearBlocs(): void {
    this.loading?.abort();
    this.answer = null;
    this.ctx.graph.cy.nodes('.in-bloc').removeClass('in-bloc');
    this.hulls.clear();
    clear(this.legend);
    clear(this.blocPanel);
    delete this.element.dataset.blocs;
  }

  private renderLegend(): void {
    const answer = this.answer;
    if (!answer) return;
    const colours = blocColours(answer.blocs);
    const chosen = this.state().bloc;
    this.legend.replaceChildren(
      ...answer.blocs.map((b) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              class: 'bloc-button',
              attrs: { type: 'button', 'data-bloc': b.id, 'aria-pressed': String(b.id === chosen) },
              on: { click: () => this.patch({ bloc: b.id === chosen ? null : b.id }) },
            },
            h('span', {
              class: 'swatch',
              attrs: { 'aria-hidden': 'true', style: `background-color: ${colours.get(b.id)?.colour ?? '#888'}` },
            }),
            ` ${b.name}`,
          ),
          h('span', { class: 'count', text: String(b.size) }),
        ),
      ),
    );
    const bloc = answer.blocs.find((b) => b.id === chosen);
    this.blocPanel.replaceChildren(...(bloc ? this.describeBloc(bloc, answer) : [this.describeFrustration(answer)]));
  }

  private describeBloc(bloc: Bloc, answer: Alliances): HTMLElement[] {
    const select = (id: string) => this.ctx.store.update({ selected: { group: 'edges', id } });
    return [
      h('h3', { text: bloc.name }),
      h(
        'p',
        { class: 'muted' },
        `${bloc.size} members: ${bloc.members.map((m) => m.name).join(', ')}. Cohesion ${bloc.cohesion.toFixed(2)}.`,
      ),
      ...bloc.relations.map((r) =>
        h('p', { class: 'muted', text: `Towards ${r.bloc.name}: net ${signed(r.net)} over ${r.relationships}.` }),
      ),
      h('h4', { text: 'What holds it together' }),
      h(
        'ol',
        { class: 'evidence-list' },
        ...bloc.evidence.map((e) =>
          h(
            'li',
            {},
            h('button', {
              class: 'link-button',
              text: e.relationship.sentence,
              attrs: { type: 'button' },
              on: { click: () => select(e.relationship.id) },
            }),
            h('span', {
              class: 'muted',
              text:
                e.reason === 'TIE'
                  ? ` tie, ${e.weight.toFixed(2)}`
                  : ` shared adversary ${e.adversary?.name ?? ''}, ${e.weight.toFixed(2)}`,
            }),
          ),
        ),
      ),
      this.describeFrustration(answer),
    ];
  }

  private describeFrustration(answer: Alliances): HTMLElement {
    const f = answer.frustration;
    if (f.count === 0) return h('p', { class: 'muted', text: 'Frustration: none — every tie fits the camps.' });
    return h(
      'p',
      { class: 'muted' },
      `Frustration: ${f.count} ties (weight ${f.weight.toFixed(1)}), ${f.hostileInside} hostile inside a camp, ${f.friendlyAcross} friendly across: `,
      f.ties.map((t) => `${t.a.name}–${t.b.name} ${signed(t.weight)}`).join('; '),
    );
  }

  // — bundles —

  private applyBundles(): void {
    const { cy } = this.ctx.graph;
    const s = this.state();
    const weights = new Map(this.ctx.vocabulary.types.map((t) => [t.type as string, t.weight ?? null]));
    const visible = cy.edges().filter((e) => !e.hasClass('hidden') && !e.hasClass('forced'));
    const list = s.bundled
      ? bundles(
          visible.map((e) => e.data() as EdgeData),
          weights,
          s.open,
        )
      : [];
    cy.batch(() => {
      cy.edges('.bundle-lead, .bundled-away').removeClass('bundle-lead bundled-away');
      for (const b of list) {
        const [lead, ...rest] = b.edges;
        if (!lead) continue;
        const count = b.edges.length;
        cy.getElementById(lead)
          .addClass('bundle-lead')
          .data({ bundleLabel: b.label, bundleColour: weightColour(Math.max(-10, Math.min(10, b.net / count))) });
        for (const id of rest) cy.getElementById(id).addClass('bundled-away');
      }
    });
    this.element.dataset.bundles = String(list.length);
    this.placeLabels();
  }

  // — dyad —

  private async loadDyad(pair: [string, string] | null): Promise<void> {
    this.dyadLoading?.abort();
    if (!pair) {
      clear(this.dyadPanel);
      return;
    }
    const abort = new AbortController();
    this.dyadLoading = abort;
    const { store, vocabulary } = this.ctx;
    this.dyadPanel.replaceChildren(h('p', { class: 'muted', text: 'Loading the pair’s timeline…' }));
    try {
      const filter = apiFilter(store.state.filters, vocabulary.statuses);
      const { dyad } = await graphqlRequest(DyadDocument, { a: pair[0], b: pair[1], filter }, abort.signal);
      if (abort.signal.aborted) return;
      await this.renderDyad(dyad);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.dyadPanel.replaceChildren(
        h('p', { class: 'field-error', text: `Timeline not loaded: ${describeError(error)}` }),
        h('button', {
          text: 'Retry',
          attrs: { type: 'button', id: 'dyad-retry' },
          on: { click: () => void this.loadDyad(pair) },
        }),
      );
    }
  }

  private async renderDyad(dyad: Dyad): Promise<void> {
    const s = this.state();
    const key = pairKey(dyad.a.id, dyad.b.id);
    const bundled = s.bundled && !s.open.includes(key);
    const chart = h('div', { class: 'dyad-chart', attrs: { id: 'dyad-chart' } });
    const select = (id: string) => this.ctx.store.update({ selected: { group: 'edges', id } });
    append(
      clearAndGet(this.dyadPanel),
      h(
        'div',
        { class: 'dyad-head' },
        h('h3', { text: `${dyad.a.name} – ${dyad.b.name}` }),
        h('button', {
          text: 'Close',
          attrs: { type: 'button', id: 'dyad-close' },
          on: { click: () => this.patch({ dyad: null }) },
        }),
      ),
      h(
        'p',
        { class: 'muted' },
        `By month: cooperation ${signed(dyad.cooperation)}, conflict ${signed(dyad.conflict)}, net ${signed(dyad.net)}.`,
      ),
      s.bundled
        ? h('button', {
            text: bundled ? 'Expand this pair’s relationships' : 'Bundle this pair again',
            attrs: { type: 'button', id: 'bundle-toggle' },
            on: {
              click: () => this.patch({ open: bundled ? [...s.open, key].sort() : s.open.filter((k) => k !== key) }),
            },
          })
        : null,
      chart,
      h(
        'ol',
        { class: 'dyad-events' },
        ...dyad.periods.flatMap((p) =>
          p.events.map((e) =>
            h(
              'li',
              {},
              h('span', { class: 'muted', text: `${p.period} · ${e.direct ? signed(e.score) : 'claim'} · ` }),
              h('button', {
                class: 'link-button',
                text: e.relationship.sentence,
                attrs: { type: 'button' },
                on: { click: () => select(e.relationship.id) },
              }),
            ),
          ),
        ),
      ),
    );
    if (dyad.periods.length === 0) {
      chart.replaceChildren(h('p', { class: 'muted', text: 'No relationship between them under the filter.' }));
      return;
    }
    await drawDyadChart(chart, dyad);
    chart.dataset.periods = String(dyad.periods.length);
  }
}
