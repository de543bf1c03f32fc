// "Add article": paste the text, fill the source record, and ingest it. Problems are shown beside
// the field they name, whether the browser found them (no text, no day) or the server did.
import type { ArticleInput, SourceKind } from '../api/generated.js';
import { h } from '../ui/dom.js';
import { ARTICLE_FIELDS, type ArticleField, articleProblems, fieldOfMessage } from './form.js';

const FIELDS = ARTICLE_FIELDS;

export class ArticleForm {
  readonly element: HTMLFormElement;
  private readonly controls = new Map<ArticleField, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  private readonly errors = new Map<ArticleField, HTMLElement>();
  private readonly general = h('p', { class: 'error-title', attrs: { role: 'alert' } });
  private readonly working = h('p', { class: 'muted', attrs: { role: 'status', id: 'article-working' } });
  private readonly kindSelect = h('select', { attrs: { id: 'article-kind' } });

  constructor(
    private readonly submit: (article: ArticleInput) => Promise<void>,
    cancel: () => void,
  ) {
    const text = h('textarea', { attrs: { id: 'article-text', rows: 12, spellcheck: 'false' } });
    this.controls.set('text', text);
    for (const field of ['title', 'publisher', 'url', 'id'] as const) {
      this.controls.set(
        field,
        h('input', { attrs: { id: `article-${field}`, type: field === 'url' ? 'url' : 'text' } }),
      );
    }
    this.controls.set('published', h('input', { attrs: { id: 'article-published', type: 'date' } }));
    this.controls.set('kind', this.kindSelect);
    this.setKinds(['article']);
    this.element = h(
      'form',
      { class: 'article-form', attrs: { novalidate: true, 'aria-labelledby': 'article-form-title' } },
      h('h2', { text: 'Add article', attrs: { id: 'article-form-title', tabindex: -1 } }),
      this.general,
      this.working,
      ...(Object.keys(FIELDS) as ArticleField[]).map((field) => this.row(field)),
      h(
        'div',
        { class: 'button-row' },
        h('button', { text: 'Read and queue for review', attrs: { type: 'submit', id: 'article-submit' } }),
        h('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: cancel } }),
      ),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
  }

  /** The source kinds the server's enum holds (read by introspection). */
  setKinds(kinds: readonly string[]): void {
    this.kindSelect.replaceChildren(...kinds.map((k) => h('option', { text: k, attrs: { value: k } })));
    if (kinds.includes('article')) this.kindSelect.value = 'article';
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('h2')?.focus();
  }

  private row(field: ArticleField): HTMLElement {
    const control = this.controls.get(field) as HTMLElement;
    const error = h('span', { class: 'field-error', attrs: { id: `article-${field}-error` } });
    control.setAttribute('aria-describedby', error.id);
    this.errors.set(field, error);
    return h(
      'div',
      { class: 'form-row', attrs: { 'data-field': field } },
      h('label', {
        text: `${FIELDS[field]}${field === 'text' || field === 'published' ? ' (required)' : ''}`,
        attrs: { for: control.id },
      }),
      control,
      error,
    );
  }

  private values(): Record<ArticleField, string> {
    const out = {} as Record<ArticleField, string>;
    for (const field of Object.keys(FIELDS) as ArticleField[]) out[field] = this.controls.get(field)?.value ?? '';
    return out;
  }

  /** Shows the problems beside their fields; a message naming no field goes above the form. */
  show(problems: readonly { field: ArticleField; message: string }[], general: string | null = null): void {
    for (const [field, el] of this.errors) {
      const problem = problems.find((p) => p.field === field);
      el.textContent = problem ? `${FIELDS[field]}: ${problem.message}` : '';
      const control = this.controls.get(field);
      if (problem) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
    }
    this.general.textContent = general ?? '';
    const first = problems[0];
    if (first) this.controls.get(first.field)?.focus();
  }

  /** A server error: beside the field its message names (`article.published: …`), else above the form. */
  showError(message: string): void {
    const field = fieldOfMessage(message, Object.keys(FIELDS) as ArticleField[]);
    if (field) this.show([{ field, message }]);
    else this.show([], message);
  }

  private async send(): Promise<void> {
    const v = this.values();
    const problems = articleProblems(v);
    this.show(problems);
    if (problems.length > 0) return;
    const article: ArticleInput = { text: v.text, published: v.published, kind: v.kind as SourceKind };
    for (const field of ['title', 'publisher', 'url', 'id'] as const) {
      const value = v[field].trim();
      if (value) article[field] = value;
    }
    const button = this.element.querySelector<HTMLButtonElement>('#article-submit');
    if (button) button.disabled = true;
    this.general.textContent = '';
    this.working.textContent = 'Reading the article and queueing what it says for review…';
    try {
      await this.submit(article);
    } finally {
      if (button) button.disabled = false;
      this.working.textContent = '';
    }
  }
}
