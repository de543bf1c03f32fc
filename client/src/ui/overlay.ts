// Loading, empty and error states over the graph area. The body's data-state attribute mirrors
// them (loading | ready | empty | error) for tests and for styling.
import { ApiError } from '../api/client.js';
import { clear, h } from './dom.js';

export type PageState = 'loading' | 'ready' | 'empty' | 'error';

export class Overlay {
  constructor(private readonly el: HTMLElement) {}

  private set(state: PageState, ...children: Node[]): void {
    document.body.dataset.state = state;
    clear(this.el);
    this.el.hidden = children.length === 0;
    this.el.append(...children);
  }

  loading(message: string): void {
    this.set('loading', h('div', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('p', { text: message }));
  }

  ready(): void {
    this.set('ready');
  }

  empty(message: string): void {
    this.set('empty', h('p', { text: message }));
  }

  error(error: unknown, retry: () => void): void {
    const button = h('button', { text: 'Retry', attrs: { type: 'button' }, on: { click: retry } });
    this.set('error', h('p', { class: 'error-title', text: describeError(error) }), explainError(error), button);
    button.focus();
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function explainError(error: unknown): HTMLElement {
  const hint =
    error instanceof ApiError && error.kind === 'network'
      ? 'Is the server running? Start it with npm start, then retry.'
      : error instanceof ApiError && error.kind === 'unavailable'
        ? 'The server is up but Neo4j is not answering. Check that the database is running, then retry.'
        : 'Retry, or reload the page.';
  return h('p', { class: 'error-hint', text: hint });
}
