// The small dialog that asks for the API token (a native <dialog>, so focus stays in it and Escape
// closes it). The answer goes to the TokenKeeper, which keeps it in sessionStorage only.
import { h } from '../ui/dom.js';
import type { AskToken } from './token.js';

export function tokenDialog(): { element: HTMLDialogElement; ask: AskToken } {
  const input = h('input', {
    attrs: { id: 'api-token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' },
  });
  const message = h('p', { class: 'error-title', attrs: { id: 'api-token-message', role: 'alert' } });
  const form = h(
    'form',
    { attrs: { method: 'dialog' } },
    h('h2', { text: 'API token' }),
    h('p', {
      text: 'Writing to the graph needs the server\u2019s API token. It is kept for this tab only and sent with each write.',
    }),
    message,
    h('label', { class: 'field-label', text: 'Token', attrs: { for: 'api-token' } }),
    input,
    h(
      'div',
      { class: 'button-row' },
      h('button', { text: 'Use this token', attrs: { type: 'submit', value: 'ok', id: 'api-token-ok' } }),
      h('button', { text: 'Cancel', attrs: { type: 'submit', value: 'cancel', formnovalidate: true } }),
    ),
  );
  const element = h('dialog', { class: 'token-dialog', attrs: { 'aria-labelledby': 'api-token-title' } }, form);
  form.querySelector('h2')?.setAttribute('id', 'api-token-title');
  const ask: AskToken = (why) =>
    new Promise((resolve) => {
      message.textContent = why ?? '';
      message.hidden = !why;
      input.value = '';
      element.returnValue = '';
      element.addEventListener(
        'close',
        () => resolve(element.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null),
        { once: true },
      );
      if (!element.isConnected) document.body.append(element);
      element.showModal();
      input.focus();
    });
  return { element, ask };
}
