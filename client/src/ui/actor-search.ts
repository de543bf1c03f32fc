// An accessible autocomplete (ARIA combobox + listbox) over the server's full-text actor search.
// Used for the main search and for the two ends of the path finder. Enter picks the highlighted
// suggestion; with no list open and an actor picked, Enter is left to the form (it submits).
import { searchActors } from '../api/operations.js';
import type { Actor } from '../api/types.js';
import { h } from './dom.js';

export interface ActorSearchOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Hide the label visually (it stays for screen readers). Default false. */
  hiddenLabel?: boolean;
  onPick?: (actor: Actor) => void;
  /** Local matches, used when the server search fails. */
  fallback?: (query: string) => Actor[];
}

const DEBOUNCE_MS = 180;

export class ActorSearch {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private results: Actor[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;
  private picked: Actor | null = null;

  constructor(private readonly options: ActorSearchOptions) {
    const listId = `${options.id}-list`;
    this.input = h('input', {
      attrs: {
        id: options.id,
        type: 'search',
        role: 'combobox',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-autocomplete': 'list',
        'aria-expanded': 'false',
        'aria-controls': listId,
        placeholder: options.placeholder ?? 'Search actors…',
      },
      on: {
        input: () => this.schedule(),
        keydown: (event) => this.onKey(event),
        blur: () => setTimeout(() => this.close(), 150),
      },
    });
    this.list = h('ul', { class: 'combo-list', attrs: { id: listId, role: 'listbox', 'aria-label': options.label } });
    this.list.hidden = true;
    this.element = h(
      'div',
      { class: 'combo' },
      h('label', {
        class: options.hiddenLabel ? 'visually-hidden' : 'field-label',
        text: options.label,
        attrs: { for: options.id },
      }),
      this.input,
      this.list,
    );
  }

  /** The actor last picked, or null once the text was edited. */
  get value(): Actor | null {
    return this.picked;
  }

  setValue(actor: Actor | null): void {
    this.picked = actor;
    this.input.value = actor ? actor.name : '';
  }

  private schedule(): void {
    this.picked = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), DEBOUNCE_MS);
  }

  private async search(): Promise<void> {
    const query = this.input.value.trim();
    this.controller?.abort();
    if (query.length === 0) {
      this.show([]);
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    try {
      const found = await searchActors(query, 8, controller.signal);
      if (!controller.signal.aborted) this.show(found);
    } catch {
      if (!controller.signal.aborted) this.show(this.options.fallback?.(query) ?? []);
    }
  }

  private show(results: Actor[]): void {
    this.results = results;
    this.active = results.length > 0 ? 0 : -1;
    const query = this.input.value.trim();
    const items = results.map((actor, i) =>
      h(
        'li',
        {
          attrs: {
            id: `${this.options.id}-opt-${i}`,
            role: 'option',
            'aria-selected': i === this.active ? 'true' : 'false',
          },
          on: {
            mousedown: (event) => {
              event.preventDefault();
              this.pick(i);
            },
          },
        },
        h('span', { class: 'opt-name', text: actor.name }),
        h('span', { class: 'opt-kind', text: actor.kind }),
        matchedAlias(actor, query)
          ? h('span', { class: 'opt-alias', text: `also ${matchedAlias(actor, query)}` })
          : null,
      ),
    );
    if (items.length === 0 && query.length > 0) {
      items.push(
        h('li', { class: 'combo-none', text: 'No actor matches.', attrs: { role: 'option', 'aria-disabled': 'true' } }),
      );
    }
    this.list.replaceChildren(...items);
    this.list.hidden = items.length === 0;
    this.input.setAttribute('aria-expanded', String(!this.list.hidden));
    this.updateActive();
  }

  private updateActive(): void {
    [...this.list.children].forEach((li, i) => {
      li.setAttribute('aria-selected', i === this.active ? 'true' : 'false');
    });
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.options.id}-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (this.results.length === 0) return;
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + delta + this.results.length) % this.results.length;
      this.updateActive();
    } else if (event.key === 'Enter') {
      const open = !this.list.hidden;
      if (open && this.active >= 0) {
        event.preventDefault();
        this.pick(this.active);
      } else if (!this.picked && this.input.value.trim()) {
        event.preventDefault();
        clearTimeout(this.timer);
        void this.search().then(() => this.results.length > 0 && this.pick(0));
      }
    } else if (event.key === 'Escape' && !this.list.hidden) {
      event.stopPropagation();
      this.close();
    }
  }

  private pick(i: number): void {
    const actor = this.results[i];
    if (!actor) return;
    this.setValue(actor);
    this.close();
    this.options.onPick?.(actor);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}

function matchedAlias(actor: Actor, query: string): string | undefined {
  const q = query.toLowerCase();
  if (q.length === 0 || actor.name.toLowerCase().includes(q)) return undefined;
  return actor.aliases.find((a) => a.toLowerCase().includes(q));
}
