// The path finder: two actors, options, and the answer — every path, and for the first one the
// step-by-step account with the sources of each hop.
import type { Actor, Connection, Path, RelationshipTypeInfo } from '../api/types.js';
import { PATH_DEFAULTS, type PathState } from '../state/url-state.js';
import { ActorSearch } from './actor-search.js';
import { sourceList } from './details.js';
import { clear, h } from './dom.js';
import { confidenceText, validTimeText } from './format.js';

export interface PathFinderEvents {
  find: (path: PathState) => void;
  clear: () => void;
  /** Highlight one path (index) or all of them (null). */
  focus: (index: number | null) => void;
  selectEdge: (id: string) => void;
}

export class PathFinder {
  private readonly from: ActorSearch;
  private readonly to: ActorSearch;
  private readonly k: HTMLInputElement;
  private readonly hops: HTMLInputElement;
  private readonly noAllegations: HTMLInputElement;
  private readonly result: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly types: ReadonlyMap<string, RelationshipTypeInfo>,
    fallback: (q: string) => Actor[],
    private readonly events: PathFinderEvents,
  ) {
    this.from = new ActorSearch({
      id: 'path-from',
      label: 'From',
      placeholder: 'First actor…',
      onPick: () => {},
      fallback,
    });
    this.to = new ActorSearch({ id: 'path-to', label: 'To', placeholder: 'Second actor…', onPick: () => {}, fallback });
    this.k = h('input', { attrs: { id: 'path-k', type: 'number', min: 1, max: 10, value: PATH_DEFAULTS.k } });
    this.hops = h('input', {
      attrs: { id: 'path-hops', type: 'number', min: 1, max: 6, value: PATH_DEFAULTS.maxHops },
    });
    this.noAllegations = h('input', { attrs: { id: 'path-no-allegations', type: 'checkbox' } });
    this.result = h('div', { class: 'path-result', attrs: { id: 'path-result', 'aria-live': 'polite' } });
    const form = h(
      'form',
      {
        class: 'path-form',
        attrs: { 'aria-label': 'Path finder' },
        on: {
          submit: (event) => {
            event.preventDefault();
            this.submit();
          },
        },
      },
      this.from.element,
      this.to.element,
      h('label', { class: 'inline' }, this.noAllegations, ' Exclude allegations (alleged or denied)'),
      h(
        'div',
        { class: 'number-row' },
        h('label', { attrs: { for: 'path-hops' } }, 'Max hops ', this.hops),
        h('label', { attrs: { for: 'path-k' } }, 'Paths (k) ', this.k),
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { text: 'Find paths', attrs: { type: 'submit', id: 'path-find' } }),
        h('button', { text: 'Swap', attrs: { type: 'button' }, on: { click: () => this.swap() } }),
        h('button', { text: 'Clear', attrs: { type: 'button', id: 'path-clear' }, on: { click: () => this.reset() } }),
      ),
    );
    container.append(h('section', { class: 'panel-section' }, h('h2', { text: 'Path finder' }), form, this.result));
  }

  setEnd(which: 'from' | 'to', actor: Actor): void {
    (which === 'from' ? this.from : this.to).setValue(actor);
  }

  /** Fills the form from a state (e.g. the URL) without running it. */
  setState(path: PathState, actors: { from: Actor | null; to: Actor | null }): void {
    this.from.setValue(actors.from);
    this.to.setValue(actors.to);
    this.k.value = String(path.k);
    this.hops.value = String(path.maxHops);
    this.noAllegations.checked = path.excludeAllegations;
  }

  focusFrom(): void {
    this.from.input.focus();
  }

  private submit(): void {
    const from = this.from.value;
    const to = this.to.value;
    if (!from || !to) {
      this.message('Pick both actors from the suggestions first.', true);
      return;
    }
    this.events.find({
      from: from.id,
      to: to.id,
      k: clampInt(this.k.value, 1, 10, PATH_DEFAULTS.k),
      maxHops: clampInt(this.hops.value, 1, 6, PATH_DEFAULTS.maxHops),
      excludeAllegations: this.noAllegations.checked,
    });
  }

  private swap(): void {
    const a = this.from.value;
    this.from.setValue(this.to.value);
    this.to.setValue(a);
  }

  private reset(): void {
    clear(this.result);
    this.events.clear();
  }

  loading(): void {
    this.message('Searching…', false);
  }

  message(text: string, isError: boolean): void {
    this.result.replaceChildren(h('p', { class: isError ? 'error-title' : 'muted', text }));
  }

  show(connection: Connection): void {
    clear(this.result);
    if (connection.paths.length === 0) {
      this.result.append(h('p', { class: 'no-path', text: connection.message || 'No path.' }));
      return;
    }
    const first = connection.paths[0] as Path;
    this.result.append(
      h('p', { class: 'path-message', text: connection.message }),
      h('h3', { text: 'Step by step (first path)' }),
      h(
        'ol',
        { class: 'steps' },
        ...first.edges.map((edge, i) =>
          h(
            'li',
            { attrs: { 'data-edge': edge.id, title: connection.steps[i] ?? edge.sentence } },
            h('button', {
              class: 'link-button',
              text: edge.sentence,
              attrs: { type: 'button', title: 'Show its provenance' },
              on: { click: () => this.events.selectEdge(edge.id) },
            }),
            h(
              'div',
              { class: 'rel-meta' },
              h('span', { class: `badge status-${edge.status}`, text: edge.status }),
              edge.disputed ? h('span', { class: 'badge disputed', text: 'disputed' }) : null,
              h('span', { text: validTimeText(edge.validFrom, edge.validTo) }),
              h('span', { text: `confidence ${confidenceText(edge.confidence)}` }),
            ),
            sourceList(edge.sources),
          ),
        ),
      ),
    );
    if (connection.explanation) {
      this.result.append(
        h(
          'details',
          { class: 'explanation' },
          h('summary', { text: 'The chain in plain English' }),
          h('p', { text: connection.explanation }),
        ),
      );
    }
    if (connection.paths.length > 1) {
      const list = h('ol', { class: 'path-list' });
      connection.paths.forEach((path, i) => {
        list.append(
          h(
            'li',
            {},
            h('button', {
              class: 'link-button',
              text: path.nodes.map((n) => n.name).join(' → '),
              attrs: { type: 'button', title: 'Highlight only this path' },
              on: { click: () => this.events.focus(i) },
            }),
            h('span', {
              class: 'muted',
              text: ` ${path.length} hop${path.length === 1 ? '' : 's'}, weakest ${confidenceText(path.weakestConfidence)}; ${path.edges
                .map((e) => this.types.get(e.type)?.label ?? e.type)
                .join(', ')}`,
            }),
          ),
        );
      });
      this.result.append(
        h('h3', { text: `All ${connection.paths.length} paths` }),
        list,
        h('button', {
          text: 'Highlight all paths',
          attrs: { type: 'button' },
          on: { click: () => this.events.focus(null) },
        }),
      );
    }
    if (connection.commonNeighbors.length > 0) {
      this.result.append(
        h('p', {
          class: 'muted',
          text: `Common neighbours: ${connection.commonNeighbors.map((a) => a.name).join(', ')}`,
        }),
      );
    }
  }
}

function clampInt(value: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
