// Filters that double as the legend: every relationship type, status and actor kind from the
// vocabulary, drawn as it appears on the graph, with counts (visible / loaded).
import type { Vocabulary } from '../api/types.js';
import type { EdgeData } from '../graph/elements.js';
import {
  changeDays,
  dayToNumber,
  type FilterState,
  numberToDay,
  parseDay,
  type TimeMode,
  WINDOWS,
} from '../graph/filters.js';
import {
  COLOUR_MODES,
  type ColourMode,
  edgeColour,
  kindStyles,
  STATUS_STYLES,
  typeColours,
} from '../graph/stylesheet.js';
import { h } from './dom.js';
import { capitalise } from './format.js';

export interface Counts {
  types: Map<string, { visible: number; total: number }>;
  statuses: Map<string, { visible: number; total: number }>;
  kinds: Map<string, number>;
}

export interface FilterPanelEvents {
  change: (filters: FilterState) => void;
  colourMode: (mode: ColourMode) => void;
}

const PLAY_INTERVAL_MS = 600;

export class FilterPanel {
  private filters: FilterState;
  private mode: ColourMode;
  private bounds: { min: string; max: string } | null = null;
  private edges: readonly EdgeData[] = [];
  private readonly typeBoxes = new Map<string, { box: HTMLInputElement; count: HTMLElement; swatch: HTMLElement }>();
  private readonly statusBoxes = new Map<string, { box: HTMLInputElement; count: HTMLElement }>();
  private readonly kindCounts = new Map<string, HTMLElement>();
  private readonly confidence: HTMLInputElement;
  private readonly confidenceOut: HTMLOutputElement;
  private readonly timeOn: HTMLInputElement;
  private readonly timeMode: { asOf: HTMLInputElement; knownOn: HTMLInputElement };
  private readonly slider: HTMLInputElement;
  private readonly sliderOut: HTMLOutputElement;
  private readonly play: HTMLButtonElement;
  private readonly dayField: HTMLInputElement;
  private readonly dayError: HTMLElement;
  private readonly windowSelect: HTMLSelectElement;
  private readonly period: HTMLSelectElement;
  private readonly modeRadios = new Map<ColourMode, HTMLInputElement>();
  readonly element: HTMLElement;
  private playing: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly vocabulary: Vocabulary,
    initial: FilterState,
    mode: ColourMode,
    private readonly events: FilterPanelEvents,
  ) {
    this.filters = initial;
    this.mode = mode;

    const radio = (name: string, value: string, label: string, checked: boolean, onChange: () => void) => {
      const input = h('input', { attrs: { type: 'radio', name, value, checked }, on: { change: onChange } });
      return { input, label: h('label', { class: 'inline' }, input, ` ${label}`) };
    };
    const modeLabels = COLOUR_MODES.map(({ id, label }) => {
      const r = radio('colour-mode', id, label, mode === id, () => this.setMode(id));
      this.modeRadios.set(id, r.input);
      return r.label;
    });

    const typeList = h('ul', { class: 'legend-list' });
    const sortedTypes = [...vocabulary.types].sort((a, b) => a.label.localeCompare(b.label));
    for (const t of sortedTypes) {
      const id = `type-${t.type}`;
      const box = h('input', {
        attrs: { id, type: 'checkbox', checked: !initial.hiddenTypes.includes(t.type), 'data-type': t.type },
        on: { change: () => this.emit() },
      });
      const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
      const count = h('span', { class: 'count' });
      this.typeBoxes.set(t.type, { box, count, swatch });
      typeList.append(
        h(
          'li',
          {},
          box,
          h('label', { attrs: { for: id, title: t.description } }, swatch, ` ${t.label}`, t.directed ? '' : ' ↔'),
          count,
        ),
      );
    }

    const statusList = h('ul', { class: 'legend-list' });
    for (const status of vocabulary.statuses) {
      const id = `status-${status}`;
      const style = STATUS_STYLES[status];
      const box = h('input', {
        attrs: { id, type: 'checkbox', checked: !initial.hiddenStatuses.includes(status), 'data-status': status },
        on: { change: () => this.emit() },
      });
      const count = h('span', { class: 'count' });
      this.statusBoxes.set(status, { box, count });
      statusList.append(
        h(
          'li',
          {},
          box,
          h(
            'label',
            { attrs: { for: id } },
            h('span', {
              class: `line-sample line-${style?.lineStyle ?? 'solid'}${style?.mark ? ' line-mark' : ''}${style?.faint ? ' line-faint' : ''}`,
              attrs: { 'aria-hidden': 'true' },
            }),
            ` ${capitalise(status)}`,
          ),
          count,
        ),
      );
    }
    statusList.append(
      h(
        'li',
        { class: 'legend-note' },
        h('span', { class: 'line-sample line-dashed line-mark', attrs: { 'aria-hidden': 'true' } }),
        ' bar across: denied or disputed',
      ),
    );

    const kindList = h('ul', { class: 'legend-list kinds' });
    for (const [kind, style] of kindStyles(vocabulary.kinds)) {
      const count = h('span', { class: 'count' });
      this.kindCounts.set(kind, count);
      const icon = h('span', { class: `kind-icon shape-${style.shape}`, attrs: { 'aria-hidden': 'true' } });
      icon.style.backgroundColor = style.colour;
      kindList.append(h('li', {}, icon, ` ${kind}`, count));
    }

    this.confidence = h('input', {
      attrs: { id: 'min-confidence', type: 'range', min: 0, max: 1, step: 0.05, value: initial.minConfidence },
      on: { input: () => this.emit() },
    });
    this.confidenceOut = h('output', { attrs: { for: 'min-confidence' } });

    this.timeOn = h('input', {
      attrs: { id: 'time-on', type: 'checkbox', checked: initial.time !== null },
      on: { change: () => this.emit() },
    });
    const asOf = radio('time-mode', 'asOf', 'as of (valid time)', initial.time?.mode !== 'knownOn', () => this.emit());
    const knownOn = radio(
      'time-mode',
      'knownOn',
      'as known on (knowledge time)',
      initial.time?.mode === 'knownOn',
      () => this.emit(),
    );
    this.timeMode = { asOf: asOf.input, knownOn: knownOn.input };
    this.slider = h('input', {
      attrs: { id: 'time-slider', type: 'range', min: 0, max: 0, step: 1, 'aria-label': 'Day' },
      on: {
        input: () => {
          this.timeOn.checked = true;
          this.emit();
        },
      },
    });
    this.sliderOut = h('output', { attrs: { for: 'time-slider', id: 'time-value' } });
    this.dayField = h('input', {
      attrs: {
        id: 'time-day',
        type: 'text',
        inputmode: 'numeric',
        placeholder: 'YYYY-MM-DD',
        autocomplete: 'off',
        size: 10,
        'aria-describedby': 'time-day-error',
      },
      on: {
        change: () => this.typeDay(),
        keydown: (e) => {
          if ((e as KeyboardEvent).key === 'Enter') this.typeDay();
        },
      },
    });
    this.dayError = h('p', { class: 'field-error', attrs: { id: 'time-day-error', role: 'alert' } });
    this.windowSelect = h(
      'select',
      { attrs: { id: 'time-window' }, on: { change: () => this.emit() } },
      h('option', { text: 'every event up to the day', attrs: { value: '' } }),
      ...WINDOWS.map((w) => h('option', { text: `events of the last ${w} days`, attrs: { value: String(w) } })),
    );
    this.windowSelect.value = initial.time?.window ? String(initial.time.window) : '';
    this.period = h('select', {
      attrs: { id: 'time-period' },
      on: { change: () => this.zoom() },
    });
    this.play = h('button', {
      text: 'Play',
      attrs: { type: 'button', 'aria-pressed': 'false' },
      on: { click: () => this.togglePlay() },
    });

    this.element = h(
      'div',
      { class: 'filter-panel', attrs: { id: 'filters' } },
      h(
        'section',
        { class: 'panel-section' },
        h('h2', { text: 'Colour' }),
        h('fieldset', {}, h('legend', { class: 'visually-hidden', text: 'Colour edges by' }), ...modeLabels),
      ),
      h(
        'section',
        { class: 'panel-section' },
        h('h2', { text: 'Relationship types' }),
        h('fieldset', {}, h('legend', { class: 'visually-hidden', text: 'Show relationship types' }), typeList),
      ),
      h(
        'section',
        { class: 'panel-section' },
        h('h2', { text: 'Statuses' }),
        h('fieldset', {}, h('legend', { class: 'visually-hidden', text: 'Show statuses' }), statusList),
      ),
      h('section', { class: 'panel-section' }, h('h2', { text: 'Actors' }), kindList),
      h(
        'section',
        { class: 'panel-section' },
        h('h2', { text: 'Confidence' }),
        h(
          'label',
          { class: 'field-label', attrs: { for: 'min-confidence' } },
          'Minimum confidence ',
          this.confidenceOut,
        ),
        this.confidence,
      ),
      h(
        'section',
        { class: 'panel-section' },
        h('h2', { text: 'Time' }),
        h('label', { class: 'inline' }, this.timeOn, ' Show the graph on one day'),
        h('fieldset', {}, h('legend', { class: 'visually-hidden', text: 'Which time' }), asOf.label, knownOn.label),
        h('label', { class: 'field-label', attrs: { for: 'time-window' } }, 'Show '),
        this.windowSelect,
        h('label', { class: 'field-label', attrs: { for: 'time-period' } }, 'Slider covers '),
        this.period,
        h('div', { class: 'slider-row' }, this.slider, this.play),
        h(
          'div',
          { class: 'slider-row' },
          h('label', { class: 'field-label', attrs: { for: 'time-day' } }, 'Day '),
          this.dayField,
          h('span', { class: 'muted' }, ' shown: ', this.sliderOut),
        ),
        this.dayError,
      ),
    );
    this.paintSwatches();
    this.syncOutputs();
  }

  /** Sets the slider's range, its periods and Play's days from the loaded relationships. */
  setTimeBounds(bounds: { min: string; max: string } | null, edges: readonly EdgeData[] = []): void {
    this.bounds = bounds;
    this.edges = edges;
    if (!bounds) return;
    const chosen = this.period.value;
    const first = Number(bounds.min.slice(0, 4));
    const last = Number(bounds.max.slice(0, 4));
    const years = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
    this.period.replaceChildren(
      h('option', { text: `all of ${first}–${last}`, attrs: { value: '' } }),
      ...years.map((y) => h('option', { text: y, attrs: { value: y } })),
    );
    this.period.value = years.includes(chosen) ? chosen : '';
    this.zoom(false);
  }

  /** The slider's range: the whole span, or one year of it (a 13-year range is too coarse to aim at a day). */
  private range(): { min: string; max: string } | null {
    const b = this.bounds;
    if (!b) return null;
    const year = this.period.value;
    if (!year) return b;
    const min = `${year}-01-01` < b.min ? b.min : `${year}-01-01`;
    const max = `${year}-12-31` > b.max ? b.max : `${year}-12-31`;
    return { min, max };
  }

  private zoom(emit = true): void {
    const range = this.range();
    if (!range) return;
    this.slider.min = String(dayToNumber(range.min));
    this.slider.max = String(dayToNumber(range.max));
    const day = this.filters.time?.date ?? range.max;
    const clamped = [range.min, day, range.max].sort()[1] ?? day;
    this.slider.value = String(dayToNumber(clamped));
    if (emit && this.filters.time && clamped !== day) this.emit();
    else this.syncOutputs();
  }

  /** A day typed in the field: applied when it is a real day, else refused with the reason. */
  private typeDay(): void {
    const parsed = parseDay(this.dayField.value);
    if ('error' in parsed) {
      this.dayError.textContent = `Not applied: ${parsed.error}.`;
      this.dayField.setAttribute('aria-invalid', 'true');
      return;
    }
    this.dayError.textContent = '';
    this.dayField.removeAttribute('aria-invalid');
    const range = this.range();
    if (range && (parsed.day < range.min || parsed.day > range.max)) this.period.value = '';
    this.zoom(false);
    this.slider.value = String(dayToNumber(parsed.day));
    this.timeOn.checked = true;
    this.emit(parsed.day);
  }

  /** Shows why something (a link's date) was not applied; an empty list clears it. */
  warn(problems: readonly string[]): void {
    this.dayError.textContent = problems.join(' ');
  }

  setCounts(counts: Counts): void {
    const lists = [
      [this.typeBoxes, counts.types],
      [this.statusBoxes, counts.statuses],
    ] as const;
    for (const [boxes, totals] of lists) {
      for (const [name, { count }] of boxes) {
        const c = totals.get(name) ?? { visible: 0, total: 0 };
        count.textContent = c.total === c.visible ? String(c.total) : `${c.visible}/${c.total}`;
      }
    }
    for (const [kind, el] of this.kindCounts) el.textContent = String(counts.kinds.get(kind) ?? 0);
  }

  /** Replaces the shown filters (e.g. from the URL) without emitting a change. */
  setFilters(filters: FilterState, mode: ColourMode): void {
    this.filters = filters;
    for (const [type, { box }] of this.typeBoxes) box.checked = !filters.hiddenTypes.includes(type);
    for (const [status, { box }] of this.statusBoxes) box.checked = !filters.hiddenStatuses.includes(status);
    this.confidence.value = String(filters.minConfidence);
    this.timeOn.checked = filters.time !== null;
    if (filters.time) {
      this.timeMode[filters.time.mode].checked = true;
      this.slider.value = String(dayToNumber(filters.time.date));
      this.windowSelect.value = filters.time.window ? String(filters.time.window) : '';
    }
    this.mode = mode;
    const radio = this.modeRadios.get(mode);
    if (radio) radio.checked = true;
    this.paintSwatches();
    this.syncOutputs();
  }

  private setMode(mode: ColourMode): void {
    this.mode = mode;
    this.paintSwatches();
    this.events.colourMode(mode);
  }

  private paintSwatches(): void {
    const colours = typeColours(this.vocabulary.types);
    for (const t of this.vocabulary.types) {
      const entry = this.typeBoxes.get(t.type);
      if (entry) entry.swatch.style.backgroundColor = edgeColour(t, this.mode, colours);
    }
  }

  private read(day?: string): FilterState {
    const mode: TimeMode = this.timeMode.knownOn.checked ? 'knownOn' : 'asOf';
    const window = mode === 'asOf' ? WINDOWS.find((w) => String(w) === this.windowSelect.value) : undefined;
    const date = day ?? numberToDay(Number(this.slider.value));
    return {
      hiddenTypes: [...this.typeBoxes].filter(([, e]) => !e.box.checked).map(([t]) => t),
      hiddenStatuses: [...this.statusBoxes].filter(([, e]) => !e.box.checked).map(([s]) => s),
      minConfidence: Number(this.confidence.value),
      time: this.timeOn.checked && this.bounds ? { mode, date, ...(window ? { window } : {}) } : null,
    };
  }

  private syncOutputs(): void {
    this.confidenceOut.textContent = `${Math.round(Number(this.confidence.value) * 100)} %`;
    const shown = this.filters.time?.date ?? null;
    this.sliderOut.textContent = shown ?? (this.bounds ? 'all time' : '—');
    if (document.activeElement !== this.dayField) this.dayField.value = shown ?? '';
    this.slider.disabled = this.bounds === null;
    this.play.disabled = this.bounds === null;
    this.windowSelect.disabled = this.timeMode.knownOn.checked;
  }

  private emit(day?: string): void {
    this.filters = this.read(day);
    this.syncOutputs();
    this.events.change(this.filters);
  }

  private togglePlay(): void {
    if (this.playing !== undefined) {
      this.stopPlay();
      return;
    }
    const range = this.range();
    if (!range) return;
    // Every day on which the picture changes, within the slider's range, then its last day.
    const mode: TimeMode = this.timeMode.knownOn.checked ? 'knownOn' : 'asOf';
    const window = WINDOWS.find((w) => String(w) === this.windowSelect.value) ?? null;
    const days = [...new Set([...changeDays(this.edges, mode, mode === 'asOf' ? window : null), range.max])].filter(
      (d) => d >= range.min && d <= range.max,
    );
    const current = this.filters.time ? numberToDay(Number(this.slider.value)) : null;
    let index = current === null || current >= range.max ? 0 : days.findIndex((d) => d > current);
    if (index < 0) index = 0;
    const step = () => {
      const day = days[index++];
      if (day === undefined) return this.stopPlay();
      this.slider.value = String(dayToNumber(day));
      this.timeOn.checked = true;
      this.emit(day);
      if (index >= days.length) this.stopPlay();
    };
    this.play.textContent = 'Pause';
    this.play.setAttribute('aria-pressed', 'true');
    this.playing = setInterval(step, PLAY_INTERVAL_MS);
    step();
  }

  private stopPlay(): void {
    clearInterval(this.playing);
    this.playing = undefined;
    this.play.textContent = 'Play';
    this.play.setAttribute('aria-pressed', 'false');
  }
}
