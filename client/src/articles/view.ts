// The Articles view's DOM, built with the DOM helper (text only ever as text): the list of
// articles, an article's text with its evidence marked, and the proposal cards. Behaviour lives
// in controller.ts; these only build.
import { h, sourceLink } from '../ui/dom.js';
import type { AcceptAllResult } from './accept-all.js';
import type { Article, ArticleSummary, Proposal } from './api.js';
import { cardSentence, dateText, decisionText, KIND_LABELS } from './cards.js';
import { REVIEW_KEYS } from './keys.js';
import { type Segment, segments } from './spans.js';

export function countsText(a: { open: number; accepted: number; rejected: number }): string {
  return `${a.open} open · ${a.accepted} accepted · ${a.rejected} rejected`;
}

export function articleList(
  articles: readonly ArticleSummary[],
  open: (id: string) => void,
  add: () => void,
): HTMLElement {
  return h(
    'div',
    { class: 'article-index' },
    h(
      'div',
      { class: 'articles-head' },
      h('h2', { text: `Articles (${articles.length})`, attrs: { tabindex: -1 } }),
      h('button', { text: 'Add article', attrs: { type: 'button', id: 'add-article' }, on: { click: add } }),
    ),
    articles.length === 0
      ? h('p', { class: 'muted', text: 'No article has been ingested yet. "Add article" reads one into proposals.' })
      : h(
          'ul',
          { class: 'article-list' },
          ...articles.map((a) =>
            h(
              'li',
              { attrs: { 'data-source': a.source.id } },
              h('button', {
                class: 'link-button article-title',
                text: a.source.title,
                attrs: { type: 'button' },
                on: { click: () => open(a.source.id) },
              }),
              h('p', { class: 'muted', text: `${a.source.publisher} · ${dateText(a.source.published)}` }),
              h(
                'p',
                { class: 'article-counts' },
                h('span', { class: 'count-open', text: `${a.open} open` }),
                h('span', { class: 'count-accepted', text: `${a.accepted} accepted` }),
                h('span', { class: 'count-rejected', text: `${a.rejected} rejected` }),
              ),
            ),
          ),
        ),
  );
}

export function articleHeader(article: Article, back: () => void): HTMLElement {
  const s = article.source;
  return h(
    'header',
    { class: 'article-head' },
    h('button', { text: '← All articles', attrs: { type: 'button', id: 'articles-back' }, on: { click: back } }),
    h('h2', { text: s.title, attrs: { tabindex: -1, id: 'article-title' } }),
    h(
      'p',
      { class: 'muted' },
      `${s.publisher} · ${dateText(s.published)} · `,
      s.url ? sourceLink(s.url, 'original') : 'no link',
    ),
    h('p', { class: 'article-counts', attrs: { id: 'article-counts' }, text: countsText(article) }),
    h(
      'p',
      { class: 'key-help muted' },
      'Keys: ',
      ...REVIEW_KEYS.flatMap((k, i) => [i > 0 ? ', ' : '', h('kbd', { text: k.key }), ` ${k.help}`]),
    ),
  );
}

/** One element per segment of the text; a marked segment lists the proposals whose evidence it is. */
export function articleText(text: string, proposals: readonly Proposal[]): HTMLElement {
  const spans = proposals.flatMap((p) => p.evidence.map((e) => ({ start: e.start, end: e.end, id: p.id })));
  const state = new Map(proposals.map((p) => [p.id, p.state]));
  return h(
    'div',
    {
      class: 'article-text',
      attrs: { id: 'article-text', tabindex: 0, 'aria-label': 'Article text; select a passage for a new proposal' },
    },
    ...segments(text, spans).map((seg) => segmentElement(seg, state)),
  );
}

function segmentElement(seg: Segment, state: ReadonlyMap<string, string>): HTMLElement {
  if (seg.ids.length === 0) return h('span', { text: seg.text, attrs: { 'data-start': seg.start } });
  const states = new Set(seg.ids.map((id) => state.get(id)));
  const settled = states.size === 1 ? [...states][0] : 'OPEN';
  return h('mark', {
    class: `evidence state-${String(settled).toLowerCase()}`,
    text: seg.text,
    attrs: {
      'data-start': seg.start,
      'data-proposals': seg.ids.join(' '),
      'data-depth': Math.min(seg.ids.length, 3),
      title: `${seg.ids.length} proposal${seg.ids.length > 1 ? 's' : ''}`,
    },
  });
}

export interface CardActions {
  focus: (p: Proposal) => void;
  accept: (p: Proposal) => void;
  edit: (p: Proposal) => void;
  reject: (p: Proposal) => void;
  showOnGraph: (id: string) => void;
}

export function proposalCard(p: Proposal, current: boolean, actions: CardActions): HTMLLIElement {
  const open = p.state === 'OPEN';
  const decision = decisionText(p);
  const rel = p.relationship;
  const accepted = p.state === 'ACCEPTED' && rel ? rel.id : null;
  const card = h(
    'li',
    {
      class: `proposal-card state-${p.state.toLowerCase()}`,
      attrs: {
        tabindex: -1,
        'data-proposal': p.id,
        'data-kind': p.kind,
        'data-state': p.state,
        'aria-current': current ? 'true' : null,
      },
      on: {
        click: (event) => {
          if (!(event.target as HTMLElement).closest('button, input, select, textarea, form')) actions.focus(p);
        },
      },
    },
    h('p', { class: 'card-kind', text: `${KIND_LABELS[p.kind] ?? p.kind} · ${p.state.toLowerCase()}` }),
    h('p', { class: 'card-sentence', text: cardSentence(p) }),
    p.kind === 'STATUS_CHANGE' && p.fromStatus && p.toStatus
      ? h('p', { class: 'card-change', text: `${p.fromStatus} → ${p.toStatus}` })
      : null,
    p.target ? h('p', { class: 'muted card-target', text: `concerns: ${p.target.sentence}` }) : null,
    p.proposedBy ? h('p', { class: 'card-proposed', text: `added by ${p.proposedBy}` }) : null,
    decision ? h('p', { class: 'card-decision', text: decision }) : null,
    h(
      'div',
      { class: 'button-row' },
      h('button', {
        text: 'Accept',
        class: 'primary',
        attrs: { type: 'button', disabled: !open, 'data-action': 'accept', 'aria-keyshortcuts': 'a' },
        on: { click: () => actions.accept(p) },
      }),
      h('button', {
        text: 'Edit',
        attrs: { type: 'button', disabled: !open, 'data-action': 'edit', 'aria-keyshortcuts': 'e' },
        on: { click: () => actions.edit(p) },
      }),
      h('button', {
        text: 'Reject',
        attrs: { type: 'button', disabled: !open, 'data-action': 'reject', 'aria-keyshortcuts': 'r' },
        on: { click: () => actions.reject(p) },
      }),
      accepted
        ? h('button', {
            text: 'Show on the graph',
            class: 'link-button',
            attrs: { type: 'button', 'data-action': 'show' },
            on: { click: () => actions.showOnGraph(accepted) },
          })
        : null,
    ),
    h('div', { class: 'card-slot' }),
    h('p', { class: 'error-title card-error', attrs: { role: 'alert' } }),
  );
  return card;
}

/** "Accept all" asks first: the question, Accept n (focused) and Cancel; Escape cancels. */
export function acceptAllForm(
  question: string,
  count: number,
  submit: () => void,
  cancel: () => void,
): HTMLFormElement {
  const form = h(
    'form',
    { class: 'accept-all-form', attrs: { 'aria-labelledby': 'accept-all-question' } },
    h('p', { text: question, attrs: { id: 'accept-all-question' } }),
    h(
      'div',
      { class: 'button-row' },
      h('button', {
        text: `Accept ${count}`,
        class: 'primary',
        attrs: { type: 'submit', id: 'accept-all-confirm' },
      }),
      h('button', { text: 'Cancel', attrs: { type: 'button', id: 'accept-all-cancel' }, on: { click: cancel } }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  cancelOnEscape(form, cancel);
  return form;
}

/** What "Accept all" did: n accepted, m failed, and each failure with its reason. */
export function acceptAllSummary(result: AcceptAllResult, close: () => void): HTMLElement {
  return h(
    'div',
    {
      class: `accept-all-summary${result.failed.length > 0 ? ' failed' : ''}`,
      attrs: { id: 'accept-all-summary', role: 'status', tabindex: -1 },
    },
    h('p', { class: 'summary-line', text: result.text }),
    result.failed.length > 0
      ? h(
          'ul',
          { class: 'accept-all-failures' },
          ...result.failed.map((f) =>
            h(
              'li',
              { attrs: { 'data-proposal': f.id } },
              h('span', { class: 'failure-sentence', text: f.sentence }),
              ': ',
              h('span', { class: 'failure-reason', text: f.reason }),
            ),
          ),
        )
      : null,
    h('button', { text: 'Close', class: 'link-button', attrs: { type: 'button' }, on: { click: close } }),
  );
}

/** The inline "why reject?" form: a reason is required (it stays with the proposal). */
export function rejectForm(submit: (reason: string) => void, cancel: () => void): HTMLFormElement {
  const input = h('input', { attrs: { id: 'reject-reason', type: 'text', required: true, autocomplete: 'off' } });
  const error = h('span', { class: 'field-error', attrs: { id: 'reject-reason-error' } });
  input.setAttribute('aria-describedby', error.id);
  const form = h(
    'form',
    { class: 'reject-form', attrs: { novalidate: true } },
    h('label', { text: 'Why reject it?', attrs: { for: 'reject-reason' } }),
    input,
    error,
    h(
      'div',
      { class: 'button-row' },
      h('button', { text: 'Reject', attrs: { type: 'submit' } }),
      h('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: cancel } }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = input.value.trim();
    if (!reason) {
      error.textContent = 'Reason: say why, in a few words';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    submit(reason);
  });
  cancelOnEscape(form, cancel);
  return form;
}

/** For an ACTOR proposal: accept as a new actor, or merge it into an existing one of its kind. */
export function mergeForm(
  candidates: readonly { id: string; name: string }[],
  submit: (mergeInto: string | null) => void,
  cancel: () => void,
): HTMLFormElement {
  const select = h(
    'select',
    { attrs: { id: 'merge-into' } },
    h('option', { text: '— a new actor —', attrs: { value: '' } }),
    ...candidates.map((a) => h('option', { text: a.name, attrs: { value: a.id } })),
  );
  const form = h(
    'form',
    { class: 'merge-form' },
    h('label', { text: 'Accept as', attrs: { for: 'merge-into' } }),
    select,
    h(
      'div',
      { class: 'button-row' },
      h('button', { text: 'Accept', attrs: { type: 'submit' } }),
      h('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: cancel } }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(select.value || null);
  });
  return form;
}

/** The character offset of a DOM point inside the article text (segments carry their start). */
export function textOffset(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node === container) {
    const child = container.childNodes[offset] as HTMLElement | undefined;
    return child ? Number(child.dataset.start) : (container.textContent ?? '').length;
  }
  const segment = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as HTMLElement))?.closest<HTMLElement>(
    '[data-start]',
  );
  if (!segment) return null;
  return Number(segment.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
}

/** Escape in a dialog form cancels it, and goes no further (the view's own keys stay quiet). */
function cancelOnEscape(form: HTMLElement, cancel: () => void): void {
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    cancel();
  });
}
