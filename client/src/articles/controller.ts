// The Articles view (review): the list of ingested articles; an article's text with each
// proposal's evidence marked beside its cards; Accept / Edit / Reject by button or key; a ghost of
// the focused proposal on the graph; a new proposal from a selected span; "Add article". It owns
// its panel (#articles), its API calls and its keys, and changes the view only through
// store.update (state.articles: the open article and the focused proposal, in the URL).
import { ApiError } from '../api/client.js';
import { fetchActor, fetchAllActors, fetchRelationship } from '../api/operations.js';
import type { Actor } from '../api/types.js';
import type { AppContext, Controller } from '../controllers/controller.js';
import type { ArticlesState, ViewState } from '../state/url-state.js';
import { h } from '../ui/dom.js';
import { describeError } from '../ui/overlay.js';
import { type AcceptAllResult, confirmText, openOnes, outcome } from './accept-all.js';
import {
  type Article,
  acceptProposal,
  acceptProposals,
  addProposal,
  type Decided,
  fetchArticle,
  fetchArticles,
  fetchProposals,
  fetchSourceKinds,
  ingestArticle,
  type NewProposalInput,
  type Proposal,
  type ProposalEdit,
  rejectProposal,
} from './api.js';
import { ArticleForm } from './article-form.js';
import {
  type ActorChoice,
  changedFields,
  FIELD_LABELS,
  type FormField,
  type FormValues,
  fieldOfMessage,
  formInput,
} from './form.js';
import { ghostOf } from './ghost.js';
import { moveFocus, reviewAction } from './keys.js';
import { Preview } from './preview.js';
import { ProposalForm } from './proposal-form.js';
import { trimSpan } from './spans.js';
import { TokenKeeper } from './token.js';
import { tokenDialog } from './token-dialog.js';
import {
  acceptAllForm,
  acceptAllSummary,
  articleHeader,
  articleList,
  articleText,
  countsText,
  mergeForm,
  proposalCard,
  rejectForm,
  textOffset,
} from './view.js';
import './articles.css';

const FORM_FIELDS = Object.keys(FIELD_LABELS) as FormField[];

/** Proposals in reading order: by their first evidence span, then as the server listed them. */
function readingOrder(proposals: readonly Proposal[]): Proposal[] {
  const first = (p: Proposal) => Math.min(...p.evidence.map((e) => e.start), Number.MAX_SAFE_INTEGER);
  return proposals
    .map((p, i) => ({ p, i }))
    .sort((a, b) => first(a.p) - first(b.p) || a.i - b.i)
    .map((x) => x.p);
}

function valuesOf(p: Proposal): FormValues {
  const r = p.relationship;
  return {
    type: r?.type ?? '',
    from: r?.from ?? '',
    to: r?.to ?? '',
    status: r?.status ?? 'fact',
    validFrom: r?.validFrom ?? '',
    validTo: r?.validTo ?? '',
    confidence: r ? String(r.confidence) : '',
    summary: r?.summary ?? '',
    claimedBy: r?.claimedBy ?? '',
    about: r?.about ?? '',
  };
}

export class ArticlesController implements Controller {
  private readonly root = h('section', {
    class: 'articles',
    attrs: { id: 'articles', 'aria-label': 'Articles and their proposals', tabindex: -1 },
  });
  private readonly preview: Preview;
  private readonly tokens: TokenKeeper;
  private request = 0;
  private article: Article | null = null;
  private proposals: Proposal[] = [];
  private actors: Actor[] | null = null;
  /** The last span of the text the reviewer selected, for "New proposal". */
  private span: { start: number; end: number } | null = null;
  private newButton: HTMLButtonElement | null = null;
  private textElement: HTMLElement | null = null;
  private cardList: HTMLOListElement | null = null;
  private acceptAllButton: HTMLButtonElement | null = null;
  /** What the last "Accept all" did, kept over the re-render that follows it. */
  private acceptAllResult: AcceptAllResult | null = null;

  constructor(private readonly ctx: AppContext) {
    document.querySelector('.layout')?.prepend(this.root);
    this.preview = new Preview(ctx.graph.cy);
    const dialog = tokenDialog();
    this.tokens = new TokenKeeper(sessionStorage, dialog.ask);
    document.addEventListener('keydown', (event) => this.key(event));
    document.addEventListener('selectionchange', () => this.selectionChanged());
  }

  private get state(): ArticlesState | null {
    return this.ctx.store.state.articles;
  }

  private go(articles: Partial<ArticlesState>): void {
    const current = this.state ?? { source: null, proposal: null };
    this.ctx.store.update({ articles: { ...current, ...articles } });
  }

  sync(state: ViewState, previous: ViewState | null): void {
    const now = state.articles;
    this.root.hidden = now === null;
    if (!now) {
      this.preview.clear();
      return;
    }
    const before = previous?.articles;
    if (!before || before.source !== now.source || !this.root.hasChildNodes()) void this.open(now.source, now.proposal);
    else if (before.proposal !== now.proposal) this.focusProposal(now.proposal, true);
  }

  // --- loading -------------------------------------------------------------------------------

  private status(text: string, retry?: () => void): void {
    this.root.replaceChildren(
      h('p', { class: retry ? 'error-title' : 'muted', text, attrs: { role: retry ? 'alert' : 'status' } }),
      ...(retry ? [h('button', { text: 'Retry', attrs: { type: 'button' }, on: { click: retry } })] : []),
    );
  }

  private async open(source: string | null, proposal: string | null): Promise<void> {
    const request = ++this.request;
    this.preview.clear();
    this.article = null;
    this.acceptAllResult = null;
    this.root.dataset.view = 'loading';
    this.status(source ? 'Loading the article…' : 'Loading the articles…');
    try {
      if (!source) {
        const list = await fetchArticles();
        if (request !== this.request) return;
        this.root.dataset.view = 'list';
        this.root.replaceChildren(
          articleList(
            list,
            (id) => this.go({ source: id, proposal: null }),
            () => void this.addArticle(),
          ),
        );
        this.root.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
        return;
      }
      const [article, proposals] = await Promise.all([fetchArticle(source), fetchProposals(source)]);
      if (request !== this.request) return;
      if (!article) {
        this.root.dataset.view = 'error';
        this.status(`There is no ingested article "${source}".`);
        this.root.append(
          h('button', {
            text: '← All articles',
            attrs: { type: 'button' },
            on: { click: () => this.go({ source: null }) },
          }),
        );
        return;
      }
      this.article = article;
      this.proposals = readingOrder(proposals);
      this.renderArticle();
      const focus = this.proposals.find((p) => p.id === proposal) ?? this.proposals.find((p) => p.state === 'OPEN');
      if (focus && focus.id !== proposal) this.go({ proposal: focus.id });
      else this.focusProposal(proposal, false);
      this.root.querySelector<HTMLElement>('#article-title')?.focus({ preventScroll: true });
    } catch (error) {
      if (request !== this.request) return;
      this.root.dataset.view = 'error';
      this.status(describeError(error), () => void this.open(source, proposal));
    }
  }

  private renderArticle(): void {
    const article = this.article;
    if (!article) return;
    this.root.dataset.view = 'article';
    this.newButton = h('button', {
      text: 'New proposal from the selected text',
      attrs: { type: 'button', id: 'new-proposal', disabled: true, 'aria-keyshortcuts': 'n' },
      on: { click: () => this.newProposal() },
    });
    this.textElement = articleText(article.text, this.proposals);
    this.textElement.addEventListener('click', (event) => {
      const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-proposals]');
      if (!mark || !window.getSelection()?.isCollapsed) return;
      const ids = (mark.dataset.proposals ?? '').split(' ');
      const at = ids.indexOf(this.state?.proposal ?? '');
      const next = ids[(at + 1) % ids.length];
      if (next) this.go({ proposal: next });
    });
    this.cardList = h('ol', { class: 'proposal-cards', attrs: { id: 'proposal-cards', 'aria-label': 'Proposals' } });
    this.acceptAllButton = h('button', {
      text: 'Accept all open',
      attrs: { type: 'button', id: 'accept-all', 'aria-keyshortcuts': 'Shift+A' },
      on: { click: () => this.askAcceptAll() },
    });
    this.root.replaceChildren(
      articleHeader(article, () => this.go({ source: null, proposal: null })),
      h(
        'div',
        { class: 'review' },
        h('div', { class: 'text-column' }, h('div', { class: 'text-tools' }, this.newButton), this.textElement),
        h(
          'section',
          { class: 'cards-column', attrs: { 'aria-labelledby': 'proposals-title' } },
          h('h3', { text: `Proposals (${this.proposals.length})`, attrs: { id: 'proposals-title' } }),
          h('div', { class: 'bulk-tools' }, this.acceptAllButton),
          h('div', { class: 'card-slot', attrs: { id: 'accept-all-slot' } }),
          h('div', { class: 'card-slot', attrs: { id: 'new-proposal-slot' } }),
          this.cardList,
        ),
      ),
    );
    this.renderCards();
    if (this.acceptAllResult) this.showAcceptAll(this.acceptAllResult);
  }

  private renderCards(): void {
    const list = this.cardList;
    if (!list) return;
    const open = openOnes(this.proposals).length;
    if (this.acceptAllButton) {
      this.acceptAllButton.textContent = `Accept all open (${open})`;
      this.acceptAllButton.disabled = open === 0;
    }
    const current = this.state?.proposal ?? null;
    list.replaceChildren(
      ...this.proposals.map((p) =>
        proposalCard(p, p.id === current, {
          focus: (q) => this.go({ proposal: q.id }),
          accept: (q) => void this.accept(q, null),
          edit: (q) => void this.edit(q),
          reject: (q) => this.reject(q),
          showOnGraph: (id) => this.ctx.store.update({ articles: null, selected: { group: 'edges', id } }),
        }),
      ),
    );
  }

  private refreshCounts(): void {
    const article = this.article;
    if (!article) return;
    const count = (state: string) => this.proposals.filter((p) => p.state === state).length;
    this.article = { ...article, open: count('OPEN'), accepted: count('ACCEPTED'), rejected: count('REJECTED') };
    const el = this.root.querySelector('#article-counts');
    if (el) el.textContent = countsText(this.article);
  }

  // --- focus and preview ---------------------------------------------------------------------

  private card(id: string | null): HTMLElement | null {
    if (!id || !this.cardList) return null;
    return [...this.cardList.children].find((c) => (c as HTMLElement).dataset.proposal === id) as HTMLElement | null;
  }

  /** Marks the focused proposal's card and spans, brings both into view, and previews it on the graph. */
  private focusProposal(id: string | null, moveKeyboard: boolean): void {
    for (const card of this.cardList?.children ?? []) {
      const el = card as HTMLElement;
      if (el.dataset.proposal === id) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
    let firstMark: HTMLElement | null = null;
    for (const mark of this.textElement?.querySelectorAll<HTMLElement>('mark[data-proposals]') ?? []) {
      const on = id !== null && (mark.dataset.proposals ?? '').split(' ').includes(id);
      mark.classList.toggle('current', on);
      if (on && !firstMark) firstMark = mark;
    }
    const card = this.card(id);
    card?.scrollIntoView({ block: 'nearest' });
    firstMark?.scrollIntoView({ block: 'nearest' });
    if (moveKeyboard) card?.focus({ preventScroll: true });
    const proposal = this.proposals.find((p) => p.id === id);
    this.preview.show(
      proposal
        ? ghostOf(proposal, {
            drawn: (actor) => this.ctx.graph.has(actor),
            name: (actor) => this.nameOf(actor),
          })
        : null,
    );
  }

  private nameOf(id: string): { name: string; kind: string } | null {
    const proposed = this.proposals.find((p) => p.actor?.id === id)?.actor;
    if (proposed) return proposed;
    return this.actors?.find((a) => a.id === id) ?? null;
  }

  private current(): Proposal | null {
    return this.proposals.find((p) => p.id === this.state?.proposal) ?? null;
  }

  // --- keys ----------------------------------------------------------------------------------

  private key(event: KeyboardEvent): void {
    if (!this.state || !this.article || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    const typing = !!target?.closest('input, textarea, select, dialog, [contenteditable="true"], form');
    const action = reviewAction({ ...event, key: event.key, typing });
    if (!action) return;
    event.preventDefault();
    const proposal = this.current();
    if (action === 'next' || action === 'previous') {
      const at = this.proposals.findIndex((p) => p.id === this.state?.proposal);
      const next = this.proposals[moveFocus(at, this.proposals.length, action)];
      if (next) this.go({ proposal: next.id });
      return;
    }
    if (action === 'new') {
      this.newProposal();
      return;
    }
    if (action === 'accept-all') {
      this.askAcceptAll();
      return;
    }
    if (!proposal) return;
    if (proposal.state !== 'OPEN') {
      this.ctx.announce(`This proposal is already ${proposal.state.toLowerCase()}.`);
      return;
    }
    if (action === 'accept') void this.accept(proposal, null);
    else if (action === 'reject') this.reject(proposal);
    else if (action === 'edit') void this.edit(proposal);
  }

  // --- decisions -----------------------------------------------------------------------------

  private slot(p: Proposal): HTMLElement | null {
    return this.card(p.id)?.querySelector<HTMLElement>('.card-slot') ?? null;
  }

  private cardError(p: Proposal, message: string): void {
    const el = this.card(p.id)?.querySelector('.card-error');
    if (el) el.textContent = message;
  }

  /** A proposal decided: its card, the marks, the counts, and what it became drawn on the graph. */
  private async decided(d: Decided): Promise<void> {
    this.proposals = this.proposals.map((p) => (p.id === d.id ? d : p));
    if (!this.proposals.some((p) => p.id === d.id)) this.proposals = readingOrder([...this.proposals, d]);
    this.refreshCounts();
    const focusWasInCards = this.cardList?.contains(document.activeElement) ?? false;
    this.renderCards();
    for (const mark of this.textElement?.querySelectorAll<HTMLElement>('mark[data-proposals]') ?? []) {
      const ids = (mark.dataset.proposals ?? '').split(' ');
      const states = new Set(ids.map((id) => this.proposals.find((p) => p.id === id)?.state));
      const settled = states.size === 1 ? [...states][0] : 'OPEN';
      mark.className = `evidence state-${String(settled).toLowerCase()}`;
    }
    if (d.acceptedActor) {
      this.actors = null;
      await this.ctx.graph.upsert({ nodes: [d.acceptedActor], edges: [] });
    }
    if (d.acceptedAs) {
      const rel = d.acceptedAs;
      await this.ctx.graph.upsert({ nodes: [rel.from, rel.to], edges: [rel] }, rel.from.id);
    } else if (d.state === 'ACCEPTED' && d.relationship) await this.draw(d.relationship.id);
    // On to the next open proposal, as a reviewer works down the list.
    const at = this.proposals.findIndex((p) => p.id === d.id);
    const next = [...this.proposals.slice(at + 1), ...this.proposals.slice(0, at)].find((p) => p.state === 'OPEN');
    if (next && this.state?.proposal === d.id) this.go({ proposal: next.id });
    else this.focusProposal(this.state?.proposal ?? null, false);
    if (focusWasInCards) this.card(this.state?.proposal ?? null)?.focus({ preventScroll: true });
  }

  /** Draws a stored relationship (and its ends) that a decision made or changed. */
  private async draw(id: string): Promise<void> {
    try {
      const rel = await fetchRelationship(id);
      if (!rel) return;
      const ends = await Promise.all(
        [rel.from.id, rel.to.id].map(async (a) => this.ctx.graph.actor(a) ?? (await fetchActor(a))),
      );
      await this.ctx.graph.upsert({ nodes: ends.filter((a) => a !== null), edges: [rel] }, rel.from.id);
    } catch (error) {
      this.ctx.announce(`Accepted, but it could not be drawn: ${describeError(error)}`);
    }
  }

  /**
   * After a failed write, the proposal's state as the server has it: a decision can be written and
   * its answer still fail (a read after it timed out), and the card must not say "open" then.
   */
  private async resync(p: Proposal): Promise<void> {
    const source = this.article?.source.id;
    if (!source) return;
    try {
      const fresh = (await fetchProposals(source)).find((q) => q.id === p.id);
      if (fresh && fresh.state !== p.state) await this.decided({ ...fresh, acceptedAs: null, acceptedActor: null });
    } catch {
      // The error already shown says enough.
    }
  }

  /** Marks a card as waiting for the server; its buttons are off until the answer. */
  private busy(p: Proposal, on: boolean): void {
    const card = this.card(p.id);
    if (!card) return;
    card.setAttribute('aria-busy', String(on));
    for (const b of card.querySelectorAll<HTMLButtonElement>('.button-row button'))
      b.disabled = on || p.state !== 'OPEN';
  }

  private async accept(p: Proposal, edits: ProposalEdit | null, form?: ProposalForm): Promise<void> {
    this.cardError(p, '');
    this.busy(p, true);
    try {
      const d = await this.tokens.write((token) => acceptProposal(p.id, edits, token));
      this.ctx.announce(`Accepted: ${d.sentence}`);
      await this.decided(d);
    } catch (error) {
      this.busy(p, false);
      const message = describeError(error);
      if (form) {
        const field = fieldOfMessage(message, FORM_FIELDS);
        form.show(field ? [{ field, message }] : [], field ? null : message);
      } else this.cardError(p, message);
      await this.resync(p);
    }
  }

  // --- accept all ----------------------------------------------------------------------------

  private acceptAllSlot(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('#accept-all-slot');
  }

  /** The confirmation step: what will be sent, Accept n or Cancel. */
  private askAcceptAll(): void {
    const slot = this.acceptAllSlot();
    if (!slot) return;
    const open = openOnes(this.proposals);
    if (open.length === 0) {
      this.ctx.announce('This article has no open proposal to accept.');
      return;
    }
    this.acceptAllResult = null;
    const close = () => {
      slot.replaceChildren();
      this.acceptAllButton?.focus({ preventScroll: true });
    };
    const form = acceptAllForm(confirmText(open.length), open.length, () => void this.acceptAll(open, form), close);
    slot.replaceChildren(form);
    form.querySelector<HTMLButtonElement>('#accept-all-confirm')?.focus();
  }

  /**
   * Sends every open proposal in one acceptProposals call, then reads the article and its queue
   * again (counts, cards, marks, and any status change the batch raised) and says what came of it.
   */
  private async acceptAll(sent: readonly Proposal[], form: HTMLFormElement): Promise<void> {
    const source = this.article?.source.id;
    if (!source) return;
    for (const b of form.querySelectorAll('button')) b.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const ids = sent.map((p) => p.id);
    let result: AcceptAllResult;
    try {
      const decided = await this.tokens.write((token) => acceptProposals(ids, token));
      result = outcome(sent, decided);
      await this.drawDecided(decided);
    } catch (error) {
      const cause = {
        message: describeError(error),
        argument: error instanceof ApiError ? error.argument : null,
      };
      // A write can commit and its answer be lost: what the queue holds now decides what is said.
      const now = await fetchProposals(source).catch(() => sent);
      result = outcome(sent, now, cause);
    }
    this.acceptAllResult = result;
    this.ctx.announce(result.text);
    await this.reload(source);
    this.root.querySelector<HTMLElement>('#accept-all-summary')?.focus({ preventScroll: true });
  }

  private showAcceptAll(result: AcceptAllResult): void {
    const slot = this.acceptAllSlot();
    slot?.replaceChildren(
      acceptAllSummary(result, () => {
        this.acceptAllResult = null;
        slot.replaceChildren();
        this.acceptAllButton?.focus({ preventScroll: true });
      }),
    );
  }

  /** The open article and its proposals read again, drawn as they now are. */
  private async reload(source: string): Promise<void> {
    try {
      const [article, proposals] = await Promise.all([fetchArticle(source), fetchProposals(source)]);
      if (!article || this.article?.source.id !== source) return;
      this.article = article;
      this.proposals = readingOrder(proposals);
      const next =
        this.proposals.find((p) => p.id === this.state?.proposal) ?? this.proposals.find((p) => p.state === 'OPEN');
      this.renderArticle();
      if (next && next.id !== this.state?.proposal) this.go({ proposal: next.id });
      else this.focusProposal(this.state?.proposal ?? null, false);
    } catch (error) {
      this.ctx.announce(`The article could not be read again: ${describeError(error)}`);
      if (this.acceptAllResult) this.showAcceptAll(this.acceptAllResult);
    }
  }

  /** What a batch accepted, drawn on the graph: new actors, then the relationships with their ends. */
  private async drawDecided(decided: readonly Decided[]): Promise<void> {
    const actors = decided.flatMap((d) => (d.acceptedActor ? [d.acceptedActor] : []));
    const rels = decided.flatMap((d) => (d.acceptedAs ? [d.acceptedAs] : []));
    if (actors.length > 0) this.actors = null;
    if (actors.length === 0 && rels.length === 0) return;
    try {
      const nodes = new Map([...actors, ...rels.flatMap((r) => [r.from, r.to])].map((a) => [a.id, a]));
      const edges = new Map(rels.map((r) => [r.id, r]));
      await this.ctx.graph.upsert({ nodes: [...nodes.values()], edges: [...edges.values()] });
    } catch (error) {
      this.ctx.announce(`Accepted, but not all of it could be drawn: ${describeError(error)}`);
    }
  }

  private reject(p: Proposal): void {
    const slot = this.slot(p);
    if (!slot) return;
    const close = () => {
      slot.replaceChildren();
      this.card(p.id)?.focus({ preventScroll: true });
    };
    const form = rejectForm((reason) => {
      void (async () => {
        this.busy(p, true);
        try {
          const d = await this.tokens.write((token) => rejectProposal(p.id, reason, token));
          this.ctx.announce(`Rejected: ${d.sentence}`);
          await this.decided(d);
        } catch (error) {
          this.busy(p, false);
          this.cardError(p, describeError(error));
          await this.resync(p);
        }
      })();
    }, close);
    slot.replaceChildren(form);
    form.querySelector('input')?.focus();
  }

  private async choices() {
    this.actors ??= (await fetchAllActors()).items;
    const actors: ActorChoice[] = this.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind }));
    const claimTypes = new Set(this.ctx.vocabulary.types.filter((t) => t.aboutClaim).map((t) => t.type as string));
    const relationships = [
      ...this.ctx.graph
        .edges()
        .filter((e) => !claimTypes.has(e.type))
        .map((e) => ({ id: e.id, sentence: e.sentence })),
      ...this.proposals
        .filter((p) => p.relationship && !claimTypes.has(p.relationship.type) && !p.relationship.existing)
        .map((p) => ({ id: p.relationship?.id ?? '', sentence: `${p.sentence} (proposed)` })),
    ].sort((a, b) => a.sentence.localeCompare(b.sentence));
    return {
      types: this.ctx.vocabulary.types,
      statuses: this.ctx.vocabulary.statuses,
      actors,
      relationships,
    };
  }

  private async edit(p: Proposal): Promise<void> {
    const slot = this.slot(p);
    if (!slot) return;
    const close = () => {
      slot.replaceChildren();
      this.card(p.id)?.focus({ preventScroll: true });
    };
    let choices: Awaited<ReturnType<ArticlesController['choices']>>;
    try {
      choices = await this.choices();
    } catch (error) {
      this.cardError(p, describeError(error));
      return;
    }
    if (p.kind === 'ACTOR') {
      const kind = p.actor?.kind;
      const candidates = choices.actors.filter((a) => a.kind === kind && a.id !== p.actor?.id);
      const form = mergeForm(candidates, (mergeInto) => void this.accept(p, mergeInto ? { mergeInto } : null), close);
      slot.replaceChildren(form);
      form.querySelector('select')?.focus();
      return;
    }
    const before = valuesOf(p);
    const form: ProposalForm = new ProposalForm({
      id: 'edit',
      heading: 'Edit, then accept',
      submitLabel: 'Accept with these changes',
      values: before,
      choices,
      submit: async (after) => {
        const edits = changedFields(before, after) as ProposalEdit;
        await this.accept(p, Object.keys(edits).length > 0 ? edits : null, form);
      },
      cancel: close,
    });
    slot.replaceChildren(form.element);
    form.focus();
  }

  // --- a new proposal from a span ------------------------------------------------------------

  private selectionChanged(): void {
    const text = this.textElement;
    const article = this.article;
    if (!text || !article || !this.newButton) return;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const start = textOffset(text, range.startContainer, range.startOffset);
    const end = textOffset(text, range.endContainer, range.endOffset);
    if (start === null || end === null) return;
    this.span = trimSpan(article.text, start, end);
    this.newButton.disabled = this.span === null;
  }

  private newProposal(): void {
    const span = this.span;
    const article = this.article;
    const slot = this.root.querySelector<HTMLElement>('#new-proposal-slot');
    if (!article || !slot) return;
    if (!span) {
      this.ctx.announce('Select a passage of the article first: it becomes the new proposal\u2019s evidence.');
      return;
    }
    const quoted = article.text.slice(span.start, span.end);
    const short = quoted.length > 90 ? `${quoted.slice(0, 90)}…` : quoted;
    void this.choices().then(
      (choices) => {
        const close = () => slot.replaceChildren();
        const form: ProposalForm = new ProposalForm({
          id: 'new',
          heading: `New proposal from \u201c${short}\u201d`,
          submitLabel: 'Add the proposal',
          values: { ...valuesOf({ relationship: null } as unknown as Proposal), status: 'fact' },
          choices,
          submit: async (values) => {
            const proposal = { ...formInput(values), start: span.start, end: span.end } as unknown as NewProposalInput;
            try {
              const d = await this.tokens.write((token) => addProposal(article.source.id, proposal, token));
              close();
              this.proposals = readingOrder([...this.proposals, d]);
              this.renderArticle();
              this.ctx.announce(`Proposal added: ${d.sentence}`);
              this.go({ proposal: d.id });
            } catch (error) {
              const message = describeError(error);
              const field = fieldOfMessage(message, FORM_FIELDS);
              form.show(field ? [{ field, message }] : [], field ? null : message);
            }
          },
          cancel: close,
        });
        slot.replaceChildren(form.element);
        form.focus();
      },
      (error: unknown) => this.ctx.announce(describeError(error)),
    );
  }

  // --- add article ---------------------------------------------------------------------------

  private async addArticle(): Promise<void> {
    const back = () => void this.open(null, null);
    const form: ArticleForm = new ArticleForm(async (input) => {
      try {
        const result = await this.tokens.write((token) => ingestArticle(input, token));
        const id = result.article.source.id;
        this.ctx.announce(
          result.created
            ? `Ingested: ${result.proposals.length} proposals to review.`
            : 'This article was ingested before: nothing changed.',
        );
        if (this.state?.source === id) void this.open(id, null);
        else this.go({ source: id, proposal: null });
      } catch (error) {
        form.showError(error instanceof ApiError ? error.message : describeError(error));
      }
    }, back);
    this.root.dataset.view = 'add';
    this.root.replaceChildren(form.element);
    form.focus();
    try {
      form.setKinds(await fetchSourceKinds());
    } catch {
      // The form keeps "article", the default kind.
    }
  }
}
