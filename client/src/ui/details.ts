// The details panel: an actor's relationships grouped by type, or one relationship's full
// provenance with the accusations and denials about it. Claims say what they are about, so two
// accusations by one actor read apart. When the panel's content is replaced while the keyboard is
// in it (a relationship opened from the panel), focus moves to the new heading, not the page.
import type { ActorDetail, Relationship, RelationshipDetail, RelationshipTypeInfo, Source } from '../api/types.js';
import { append, h, sourceLink } from './dom.js';
import { aboutText, capitalise, confidenceText, sourceText, validTimeText } from './format.js';
import { historyTimeline } from './history.js';

export interface DetailsActions {
  selectEdge: (id: string) => void;
  selectActor: (id: string) => void;
  expand: (id: string) => void;
  pathFrom: (id: string, name: string) => void;
  pathTo: (id: string, name: string) => void;
}

type View = 'none' | 'loading' | 'error' | 'actor' | 'relationship';

export class DetailsPanel {
  /** True from the moment the keyboard was in the panel and its content was replaced. */
  private keepFocus = false;

  constructor(
    private readonly el: HTMLElement,
    private readonly types: ReadonlyMap<string, RelationshipTypeInfo>,
    private readonly actions: DetailsActions,
  ) {
    this.empty();
  }

  /** Replaces the content; the keyboard stays in the panel if it was there. */
  private render(view: View, heading: string, ...children: (Node | null)[]): void {
    const active = document.activeElement;
    this.keepFocus ||= active !== null && active !== this.el && this.el.contains(active);
    this.el.dataset.view = view;
    const h2 = h('h2', { text: heading, attrs: { tabindex: -1 } });
    this.el.replaceChildren(h2);
    append(this.el, ...children);
    this.el.scrollTop = 0;
    if (!this.keepFocus) return;
    if (view === 'loading') this.el.focus({ preventScroll: true });
    else {
      h2.focus({ preventScroll: true });
      this.keepFocus = false;
    }
  }

  empty(): void {
    this.render(
      'none',
      'Details',
      h('p', {
        class: 'muted',
        text: 'Select an actor or a relationship (click it, or search) to see where it comes from.',
      }),
    );
  }

  loading(what: string): void {
    this.render('loading', 'Details', h('p', { class: 'muted', text: `Loading ${what}…` }));
  }

  failed(message: string, retry: () => void): void {
    this.render(
      'error',
      'Details',
      h('p', { class: 'error-title', text: message }),
      h('button', { text: 'Retry', attrs: { type: 'button' }, on: { click: retry } }),
    );
  }

  private typeLabel(type: string): string {
    return this.types.get(type)?.label ?? type;
  }

  showActor(actor: ActorDetail): void {
    const groups = new Map<string, Relationship[]>();
    for (const rel of actor.relationships) {
      const list = groups.get(rel.type) ?? [];
      list.push(rel);
      groups.set(rel.type, list);
    }
    const sections = [...groups]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([type, rels]) =>
        h(
          'section',
          { class: 'rel-group', attrs: { 'data-type': type } },
          h('h3', {}, `${capitalise(this.typeLabel(type))} (${rels.length})`),
          h('ul', { class: 'rel-list' }, ...rels.map((rel) => this.relationshipItem(rel))),
        ),
      );
    this.render(
      'actor',
      actor.name,
      h(
        'p',
        { class: 'kind-line' },
        h('span', { class: `badge kind-${actor.kind}`, text: actor.kind }),
        ` ${actor.degree} relationships`,
      ),
      actor.aliases.length ? h('p', { class: 'muted', text: `Also: ${actor.aliases.join(', ')}` }) : null,
      actor.description ? h('p', { text: actor.description }) : null,
      h(
        'div',
        { class: 'button-row' },
        h('button', {
          text: 'Expand neighbourhood',
          attrs: { type: 'button' },
          on: { click: () => this.actions.expand(actor.id) },
        }),
        h('button', {
          text: 'Path from here',
          attrs: { type: 'button' },
          on: { click: () => this.actions.pathFrom(actor.id, actor.name) },
        }),
        h('button', {
          text: 'Path to here',
          attrs: { type: 'button' },
          on: { click: () => this.actions.pathTo(actor.id, actor.name) },
        }),
      ),
      sections.length === 0 ? h('p', { class: 'muted', text: 'No relationships recorded.' }) : null,
      ...sections,
    );
  }

  /** One relationship in a list; `shownAbout` is the relationship the list is about, not repeated. */
  private relationshipItem(rel: Relationship, shownAbout?: string): HTMLLIElement {
    return h(
      'li',
      { class: 'rel-item' },
      h('button', {
        class: 'link-button',
        text: rel.sentence,
        attrs: { type: 'button', title: 'Show its provenance' },
        on: { click: () => this.actions.selectEdge(rel.id) },
      }),
      rel.about?.id === shownAbout ? null : aboutLine(rel, this.actions),
      h(
        'div',
        { class: 'rel-meta' },
        statusBadge(rel),
        h('span', { text: validTimeText(rel.validFrom, rel.validTo) }),
        rel.claimedBy ? h('span', { text: `claimed by ${rel.claimedBy.name}` }) : null,
      ),
      sourceList(rel.sources),
    );
  }

  showRelationship(rel: RelationshipDetail): void {
    const info = this.types.get(rel.type);
    const rows: [string, Node | string][] = [
      ['Type', `${this.typeLabel(rel.type)}${info?.cameo ? ` (CAMEO ${info.cameo})` : ''}`],
      ['Status', statusBadge(rel)],
      ['Claimed by', rel.claimedBy ? actorButton(rel.claimedBy, this.actions) : '—'],
      ['Valid time', validTimeText(rel.validFrom, rel.validTo)],
      ['Known since', rel.knownSince],
      ['Confidence', confidenceText(rel.confidence)],
    ];
    if (rel.about) {
      rows.push([
        'About',
        h('button', {
          class: 'link-button',
          text: rel.about.sentence,
          attrs: { type: 'button' },
          on: { click: () => rel.about && this.actions.selectEdge(rel.about.id) },
        }),
      ]);
    }
    const dl = h('dl', { class: 'provenance' });
    for (const [term, value] of rows) dl.append(h('dt', { text: term }), h('dd', {}, value));
    this.render(
      'relationship',
      rel.sentence,
      h(
        'p',
        { class: 'ends' },
        actorButton(rel.from, this.actions),
        h('span', { text: info?.directed === false ? ' ↔ ' : ' → ' }),
        actorButton(rel.to, this.actions),
      ),
      dl,
      h('h3', { text: 'Summary' }),
      h('p', { class: 'summary', text: rel.summary }),
      h('h3', { text: `Sources (${rel.sources.length})` }),
      sourceList(rel.sources),
      h('h3', { text: 'History' }),
      historyTimeline(rel.history, (id) => this.actions.selectEdge(id)),
      h('h3', { text: `Accusations and denials about it (${rel.claims.length})` }),
      rel.claims.length === 0
        ? h('p', { class: 'muted', text: 'None recorded.' })
        : h('ul', { class: 'rel-list claims' }, ...rel.claims.map((c) => this.relationshipItem(c, rel.id))),
    );
  }
}

/** "about: …" under a claim, a link to the relationship it is about. */
export function aboutLine(
  rel: Pick<Relationship, 'about'>,
  actions: Pick<DetailsActions, 'selectEdge'>,
): HTMLElement | null {
  const about = rel.about;
  if (!about) return null;
  return h(
    'p',
    { class: 'about-line' },
    h('button', {
      class: 'link-button',
      text: aboutText(about),
      attrs: { type: 'button', title: 'Show the relationship this claim is about', 'data-about': about.id },
      on: { click: () => actions.selectEdge(about.id) },
    }),
  );
}

export function statusBadge(rel: Pick<Relationship, 'status' | 'disputed'>): HTMLElement {
  return h(
    'span',
    { class: 'status-badges' },
    h('span', { class: `badge status-${rel.status}`, text: rel.status }),
    rel.disputed ? h('span', { class: 'badge disputed', text: 'disputed' }) : null,
  );
}

function actorButton(actor: { id: string; name: string }, actions: DetailsActions): HTMLElement {
  return h('button', {
    class: 'link-button',
    text: actor.name,
    attrs: { type: 'button' },
    on: { click: () => actions.selectActor(actor.id) },
  });
}

export function sourceList(sources: readonly Source[]): HTMLElement {
  if (sources.length === 0) return h('p', { class: 'muted', text: 'No source.' });
  return h(
    'ul',
    { class: 'sources' },
    ...sources.map((s) =>
      h(
        'li',
        { attrs: { 'data-source': s.id } },
        sourceLink(s.url, s.title),
        h('span', { class: 'muted', text: ` — ${sourceText(s)}` }),
      ),
    ),
  );
}
