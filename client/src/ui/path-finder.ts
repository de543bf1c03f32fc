// The path finder: two actors, options, and the answer. Every path is a row in its own colour
// (the graph's path-N halo) naming the hops where it differs from the first; picking a row
// highlights that path alone and lists it step by step with the sources of each hop.
import type { Actor, Connection, Path, RelationshipTypeInfo } from '../api/types.js';
import { differingHops } from '../graph/paths.js';
import { PATH_COLOURS } from '../graph/stylesheet.js';
import { PATH_DEFAULTS, PATH_LIMITS, type PathState } from '../state/url-state.js';
import { ActorSearch } from './actor-search.js';
import { aboutLine, sourceList, statusBadge } from './details.js';
import { clear, h } from './dom.js';
import { confidenceText, hopText, plural, validTimeText } from './format.js';

export interface PathFinderEvents {
  find: (path: PathState) => void;
  /** The form was refused (a bad number): the old answer must not stay. */
  refused: () => void;
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
  readonly element: HTMLElement;

  constructor(
    private readonly types: ReadonlyMap<string, RelationshipTypeInfo>,
    fallback: (q: string) => Actor[],
    private readonly events: PathFinderEvents,
  ) {
    this.from = new ActorSearch({ id: 'path-from', label: 'From', placeholder: 'First actor…', fallback });
    this.to = new ActorSearch({ id: 'path-to', label: 'To', placeholder: 'Second actor…', fallback });
    const number = (id: string, limits: { min: number; max: number }, value: number) =>
      h('input', {
        attrs: { id, type: 'number', min: limits.min, max: limits.max, step: 1, value, inputmode: 'numeric' },
        on: { input: (event) => (event.currentTarget as HTMLInputElement).removeAttribute('aria-invalid') },
      });
    this.k = number('path-k', PATH_LIMITS.k, PATH_DEFAULTS.k);
    this.hops = number('path-hops', PATH_LIMITS.maxHops, PATH_DEFAULTS.maxHops);
    this.noAllegations = h('input', { attrs: { id: 'path-no-allegations', type: 'checkbox' } });
    this.result = h('div', { class: 'path-result', attrs: { id: 'path-result', 'aria-live': 'polite' } });
    const form = h(
      'form',
      {
        class: 'path-form',
        // The form checks its numbers itself, so a refusal is said in words, not a browser bubble.
        attrs: { 'aria-label': 'Path finder', novalidate: true },
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
        h('label', { attrs: { for: 'path-hops' } }, `Max hops (${PATH_LIMITS.maxHops.max} at most) `, this.hops),
        h('label', { attrs: { for: 'path-k' } }, `Paths (k, up to ${PATH_LIMITS.k.max}) `, this.k),
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { text: 'Find paths', attrs: { type: 'submit', id: 'path-find' } }),
        h('button', { text: 'Swap', attrs: { type: 'button' }, on: { click: () => this.swap() } }),
        h('button', { text: 'Clear', attrs: { type: 'button', id: 'path-clear' }, on: { click: () => this.reset() } }),
      ),
    );
    this.element = h(
      'section',
      { class: 'panel-section', attrs: { id: 'path-finder', 'aria-labelledby': 'path-finder-title', tabindex: -1 } },
      h('h2', { text: 'Path finder', attrs: { id: 'path-finder-title' } }),
      form,
      this.result,
    );
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
      this.refuse(
        `Pick ${from ? 'the second' : 'the first'} actor from the suggestions first.`,
        from ? this.to.input : this.from.input,
      );
      return;
    }
    const maxHops = this.readNumber(this.hops, 'Max hops', PATH_LIMITS.maxHops);
    const k = maxHops === null ? null : this.readNumber(this.k, 'Paths (k)', PATH_LIMITS.k);
    if (maxHops === null || k === null) return;
    this.events.find({ from: from.id, to: to.id, k, maxHops, excludeAllegations: this.noAllegations.checked });
  }

  /** The field's whole number within its limits, or null after saying what is wrong with it. */
  private readNumber(input: HTMLInputElement, name: string, limits: { min: number; max: number }): number | null {
    const text = input.value.trim();
    const n = Number(text);
    if (/^\d+$/.test(text) && n >= limits.min && n <= limits.max) return n;
    input.setAttribute('aria-invalid', 'true');
    this.refuse(
      `${name} must be a whole number from ${limits.min} to ${limits.max}${text ? `, not ${text}` : ''}.`,
      input,
    );
    return null;
  }

  private refuse(message: string, field: HTMLElement): void {
    this.events.refused();
    this.message(message, true);
    field.focus();
  }

  private swap(): void {
    const a = this.from.value;
    this.from.setValue(this.to.value);
    this.to.setValue(a);
  }

  private reset(): void {
    this.clearResult();
    this.events.clear();
  }

  clearResult(): void {
    delete this.result.dataset.state;
    clear(this.result);
  }

  loading(): void {
    this.message('Searching…', false);
  }

  message(text: string, isError: boolean): void {
    this.result.dataset.state = isError ? 'error' : 'message';
    this.result.replaceChildren(
      h('p', { class: isError ? 'error-title' : 'muted', text, attrs: isError ? { role: 'alert' } : {} }),
    );
  }

  /** The answer, with one path highlighted (index) or all of them (null). */
  show(connection: Connection, focus: number | null): void {
    clear(this.result);
    this.result.dataset.state = connection.paths.length > 0 ? 'found' : 'none';
    if (connection.paths.length === 0) {
      this.result.append(h('p', { class: 'no-path', text: connection.message || 'No path.' }));
      return;
    }
    const shown = focus ?? 0;
    const path = connection.paths[shown] as Path;
    this.result.append(h('p', { class: 'path-message', text: connection.message }));
    if (connection.paths.length > 1) this.result.append(...this.pathRows(connection.paths, focus));
    this.result.append(
      h('h3', { text: `Step by step (path ${shown + 1})` }),
      h(
        'ol',
        { class: 'steps' },
        ...path.edges.map((edge, i) => this.step(edge, shown === 0 ? connection.steps[i] : undefined)),
      ),
    );
    if (connection.explanation) {
      this.result.append(
        h(
          'details',
          { class: 'explanation' },
          h('summary', { text: 'The first path in plain English' }),
          h('p', { text: connection.explanation }),
        ),
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

  private pathRows(paths: readonly Path[], focus: number | null): HTMLElement[] {
    const differing = differingHops(paths);
    const list = h('ol', { class: 'path-list', attrs: { 'aria-label': `${paths.length} paths` } });
    paths.forEach((path, i) => {
      const swatch = h('span', { class: 'path-swatch', attrs: { 'aria-hidden': 'true' } });
      swatch.style.backgroundColor = PATH_COLOURS[i % PATH_COLOURS.length] as string;
      const hops = differing[i] ?? [];
      list.append(
        h(
          'li',
          { class: 'path-row', attrs: { 'data-path': i, 'aria-current': focus === i ? 'true' : null } },
          swatch,
          h('button', {
            class: 'link-button',
            text: `Path ${i + 1}: ${path.nodes.map((n) => n.name).join(' → ')}`,
            attrs: { type: 'button', title: 'Highlight only this path', 'aria-pressed': String(focus === i) },
            on: { click: () => this.events.focus(i) },
          }),
          h('span', {
            class: 'muted',
            text: ` ${plural(path.length, 'hop')}, weakest ${confidenceText(path.weakestConfidence)}`,
          }),
          i === 0
            ? null
            : h(
                'ul',
                { class: 'path-diff' },
                ...hops.map((hop) =>
                  h('li', { text: `differs at hop ${hop + 1}: ${hopText(path.edges[hop] as Path['edges'][number])}` }),
                ),
              ),
        ),
      );
    });
    return [
      h('h3', { text: `All ${paths.length} paths` }),
      list,
      h('button', {
        text: 'Highlight all paths',
        attrs: { type: 'button', id: 'path-all', 'aria-pressed': String(focus === null) },
        on: { click: () => this.events.focus(null) },
      }),
    ];
  }

  private step(edge: Path['edges'][number], title: string | undefined): HTMLElement {
    return h(
      'li',
      { attrs: { 'data-edge': edge.id, title: title ?? edge.sentence } },
      h('button', {
        class: 'link-button',
        text: edge.sentence,
        attrs: { type: 'button', title: 'Show its provenance' },
        on: { click: () => this.events.selectEdge(edge.id) },
      }),
      aboutLine(edge, this.events),
      h(
        'div',
        { class: 'rel-meta' },
        statusBadge(edge),
        h('span', { text: this.types.get(edge.type)?.label ?? edge.type }),
        h('span', { text: validTimeText(edge.validFrom, edge.validTo) }),
        h('span', { text: `confidence ${confidenceText(edge.confidence)}` }),
      ),
      sourceList(edge.sources),
    );
  }
}
