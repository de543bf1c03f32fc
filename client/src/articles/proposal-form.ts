// The proposal form, for an edit before accepting and for a new proposal from a span of the text:
// the vocabulary's types only, and for each end only the actors of the kinds the type allows
// (form.ts). A problem is shown beside the field it names, whether the browser or the server found it.
import { h } from '../ui/dom.js';
import {
  type ActorChoice,
  actorsFor,
  FIELD_LABELS,
  type FormField,
  type FormProblem,
  type FormValues,
  formProblems,
  type TypeChoice,
} from './form.js';

export interface FormChoices {
  types: readonly TypeChoice[];
  statuses: readonly string[];
  actors: readonly ActorChoice[];
  /** Relationships a claim may be about: id and sentence. */
  relationships: readonly { id: string; sentence: string }[];
}

export interface ProposalFormOptions {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  heading: string;
  submitLabel: string;
  values: FormValues;
  choices: FormChoices;
  submit: (values: FormValues) => Promise<void>;
  cancel: () => void;
}

type Control = HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement;

export class ProposalForm {
  readonly element: HTMLFormElement;
  private readonly controls = new Map<FormField, Control>();
  private readonly errors = new Map<FormField, HTMLElement>();
  private readonly formError = h('p', { class: 'error-title', attrs: { role: 'alert' } });

  constructor(private readonly options: ProposalFormOptions) {
    const { choices, values } = options;
    const typeSelect = this.select(
      'type',
      choices.types.map((t) => [t.type, t.label]),
      values.type,
      false,
    );
    typeSelect.addEventListener('change', () => this.refreshEnds());
    this.select('from', [], values.from, false);
    this.select('to', [], values.to, false);
    this.select(
      'status',
      choices.statuses.map((s) => [s, s]),
      values.status,
      false,
    );
    this.input('validFrom', values.validFrom, 'YYYY, YYYY-MM or YYYY-MM-DD');
    this.input('validTo', values.validTo, 'empty: still holds');
    this.input('confidence', values.confidence, '0 to 1');
    this.select(
      'claimedBy',
      [...choices.actors].sort((a, b) => a.name.localeCompare(b.name)).map((a) => [a.id, a.name]),
      values.claimedBy,
      true,
    );
    this.select(
      'about',
      choices.relationships.map((r) => [r.id, r.sentence]),
      values.about,
      true,
    );
    const summary = h('textarea', { attrs: { id: this.fieldId('summary'), rows: 2 } });
    summary.value = values.summary;
    this.controls.set('summary', summary);

    this.element = h(
      'form',
      { class: 'proposal-form', attrs: { novalidate: true, 'aria-label': options.heading } },
      h('h3', { text: options.heading }),
      this.formError,
      ...(Object.keys(FIELD_LABELS) as FormField[]).map((field) => this.row(field)),
      h(
        'div',
        { class: 'button-row' },
        h('button', { text: options.submitLabel, attrs: { type: 'submit', class: 'primary' } }),
        h('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => options.cancel() } }),
      ),
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        options.cancel();
      }
    });
    this.refreshEnds();
  }

  focus(): void {
    this.controls.get('type')?.focus();
  }

  private fieldId(field: FormField): string {
    return `${this.options.id}-${field}`;
  }

  private select(field: FormField, options: [string, string][], value: string, optional: boolean): HTMLSelectElement {
    const el = h('select', { attrs: { id: this.fieldId(field), name: field } });
    this.fill(el, options, value, optional);
    this.controls.set(field, el);
    return el;
  }

  private fill(el: HTMLSelectElement, options: [string, string][], value: string, optional: boolean): void {
    const list = [...options];
    // A value the list does not hold (a proposed actor, not stored yet) stays choosable.
    if (value && !list.some(([v]) => v === value)) list.unshift([value, `${value} (proposed)`]);
    el.replaceChildren(
      h('option', { text: optional ? '—' : 'Choose…', attrs: { value: '' } }),
      ...list.map(([v, label]) => h('option', { text: label, attrs: { value: v } })),
    );
    el.value = value;
  }

  private input(field: FormField, value: string, placeholder: string): void {
    const el = h('input', { attrs: { id: this.fieldId(field), name: field, type: 'text', placeholder } });
    el.value = value;
    this.controls.set(field, el);
  }

  private row(field: FormField): HTMLElement {
    const error = h('span', { class: 'field-error', attrs: { id: `${this.fieldId(field)}-error` } });
    this.errors.set(field, error);
    const control = this.controls.get(field) as Control;
    control.setAttribute('aria-describedby', error.id);
    return h(
      'div',
      { class: 'form-row', attrs: { 'data-field': field } },
      h('label', { text: FIELD_LABELS[field], attrs: { for: this.fieldId(field) } }),
      control,
      error,
    );
  }

  /** The ends offer only the actors of the kinds the chosen type allows. */
  private refreshEnds(): void {
    const { types, actors } = this.options.choices;
    const type = this.controls.get('type')?.value ?? '';
    for (const end of ['from', 'to'] as const) {
      const el = this.controls.get(end) as HTMLSelectElement;
      const allowed = actorsFor(types, type, end, actors);
      const keep = allowed.some((a) => a.id === el.value) || !actors.some((a) => a.id === el.value) ? el.value : '';
      this.fill(
        el,
        allowed.map((a) => [a.id, a.name]),
        keep,
        false,
      );
    }
    const about = this.controls.get('about')?.closest<HTMLElement>('.form-row');
    const info = types.find((t) => t.type === type);
    if (about) about.hidden = !info?.aboutClaim;
  }

  values(): FormValues {
    const get = (field: FormField) => this.controls.get(field)?.value ?? '';
    return {
      type: get('type'),
      from: get('from'),
      to: get('to'),
      status: get('status'),
      validFrom: get('validFrom'),
      validTo: get('validTo'),
      confidence: get('confidence'),
      summary: get('summary'),
      claimedBy: get('claimedBy'),
      about: this.controls.get('about')?.closest<HTMLElement>('.form-row')?.hidden ? '' : get('about'),
    };
  }

  /** Shows problems beside their fields (or above the form when no field is named) and focuses the first. */
  show(problems: readonly FormProblem[], general: string | null = null): void {
    for (const [field, el] of this.errors) {
      const problem = problems.find((p) => p.field === field);
      el.textContent = problem ? `${FIELD_LABELS[field]}: ${problem.message}` : '';
      const control = this.controls.get(field);
      if (problem) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
    }
    this.formError.textContent = general ?? '';
    const first = problems[0];
    if (first) this.controls.get(first.field)?.focus();
  }

  private async send(): Promise<void> {
    const values = this.values();
    const problems = formProblems(values, this.options.choices.types, this.options.choices.actors);
    this.show(problems);
    if (problems.length > 0) return;
    const button = this.element.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      await this.options.submit(values);
    } finally {
      if (button) button.disabled = false;
    }
  }
}
