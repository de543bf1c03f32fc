// The notice over the graph when it shows only part of the data ("showing 5,000 of 8,000
// relationships"), with the ways in: the most connected actors, one type, the search, and back to
// the whole graph. Built with the DOM helper; it only calls back.
import type { Overview, RelationshipTypeInfo } from '../api/types.js';
import type { Scope } from '../state/url-state.js';
import { h } from './dom.js';

export interface ScopeNoticeActions {
  choose: (scope: Scope | null) => void;
  search: () => void;
}

export class ScopeNotice {
  readonly element = h('section', {
    class: 'scope-notice',
    attrs: { id: 'scope-notice', 'aria-label': 'What the graph shows', hidden: true },
  });

  constructor(private readonly actions: ScopeNoticeActions) {}

  /** Shows `text` (or hides the notice when null), with the ways in when something was left out. */
  show(
    text: string | null,
    options: {
      scope: Scope | null;
      truncated: boolean;
      overview: Overview | null;
      types: ReadonlyMap<string, RelationshipTypeInfo>;
    },
  ): void {
    this.element.hidden = text === null;
    this.element.dataset.truncated = String(options.truncated);
    if (text === null) {
      this.element.replaceChildren();
      return;
    }
    const children: Node[] = [h('p', { class: 'scope-text', text })];
    const overview = options.overview;
    if (options.truncated && overview) {
      const top = overview.mostConnected.filter(
        (d) => !(options.scope?.by === 'actor' && options.scope.id === d.actor.id),
      );
      if (top.length > 0) {
        children.push(
          h(
            'div',
            { class: 'scope-way' },
            h('span', { text: 'Most connected: ' }),
            ...top.map((d) =>
              h('button', {
                text: `${d.actor.name} (${d.degree.toLocaleString('en-US')})`,
                attrs: { type: 'button', 'data-actor': d.actor.id },
                on: { click: () => this.actions.choose({ by: 'actor', id: d.actor.id }) },
              }),
            ),
          ),
        );
      }
      const select = h(
        'select',
        {
          attrs: { id: 'scope-type' },
          on: {
            change: () => {
              if (select.value) this.actions.choose({ by: 'type', id: select.value });
            },
          },
        },
        h('option', { text: 'one type…', attrs: { value: '' } }),
        ...overview.relationshipsByType.map((c) =>
          h('option', {
            text: `${options.types.get(c.key)?.label ?? c.key} (${c.count.toLocaleString('en-US')})`,
            attrs: { value: c.key, selected: options.scope?.by === 'type' && options.scope.id === c.key },
          }),
        ),
      );
      children.push(
        h(
          'div',
          { class: 'scope-way' },
          h('label', { text: 'Only ', attrs: { for: 'scope-type' } }),
          select,
          h('button', {
            text: 'Search an actor',
            attrs: { type: 'button' },
            on: { click: () => this.actions.search() },
          }),
        ),
      );
    }
    if (options.scope) {
      children.push(
        h('button', {
          text: 'Back to the whole graph',
          attrs: { type: 'button', id: 'scope-all' },
          on: { click: () => this.actions.choose(null) },
        }),
      );
    }
    this.element.replaceChildren(...children);
  }
}
