// Filters that double as the legend: every relationship type, status and actor kind from the
// vocabulary, drawn as it appears on the graph, with counts (visible / loaded).
import type { Vocabulary } from '../api/types.js';
import { dayToNumber, type FilterState, numberToDay, type TimeMode } from '../graph/filters.js';
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

const PLAY_STEPS = 40;
const PLAY_INTERVAL_MS = 450;

export class FilterPanel {
  private filters: FilterState;
  private mode: ColourMode;
  private bounds: { min: string; max: string } | null = null;
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
        h('div', { class: 'slider-row' }, this.slider, this.play),
        h('p', { class: 'muted' }, 'Day: ', this.sliderOut),
      ),
    );
    this.paintSwatches();
    this.syncOutputs();
  }

  /** Sets the slider's range from the loaded relationships' dates. */
  setTimeBounds(bounds: { min: string; max: string } | null): void {
    this.bounds = bounds;
    if (!bounds) return;
    this.slider.min = String(dayToNumber(bounds.min));
    this.slider.max = String(dayToNumber(bounds.max));
    this.slider.value = String(dayToNumber(this.filters.time?.date ?? bounds.max));
    this.syncOutputs();
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

  private read(): FilterState {
    const mode: TimeMode = this.timeMode.knownOn.checked ? 'knownOn' : 'asOf';
    return {
      hiddenTypes: [...this.typeBoxes].filter(([, e]) => !e.box.checked).map(([t]) => t),
      hiddenStatuses: [...this.statusBoxes].filter(([, e]) => !e.box.checked).map(([s]) => s),
      minConfidence: Number(this.confidence.value),
      time: this.timeOn.checked && this.bounds ? { mode, date: numberToDay(Number(this.slider.value)) } : null,
    };
  }

  private syncOutputs(): void {
    this.confidenceOut.textContent = `${Math.round(Number(this.confidence.value) * 100)} %`;
    this.sliderOut.textContent = this.bounds ? numberToDay(Number(this.slider.value)) : '—';
    this.slider.disabled = this.bounds === null;
    this.play.disabled = this.bounds === null;
  }

  private emit(): void {
    this.filters = this.read();
    this.syncOutputs();
    this.events.change(this.filters);
  }

  private togglePlay(): void {
    if (this.playing !== undefined) {
      this.stopPlay();
      return;
    }
    if (!this.bounds) return;
    const min = Number(this.slider.min);
    const max = Number(this.slider.max);
    const step = Math.max(1, Math.ceil((max - min) / PLAY_STEPS));
    if (Number(this.slider.value) >= max) this.slider.value = String(min);
    this.timeOn.checked = true;
    this.play.textContent = 'Pause';
    this.play.setAttribute('aria-pressed', 'true');
    this.emit();
    this.playing = setInterval(() => {
      const next = Math.min(max, Number(this.slider.value) + step);
      this.slider.value = String(next);
      this.emit();
      if (next >= max) this.stopPlay();
    }, PLAY_INTERVAL_MS);
  }

  private stopPlay(): void {
    clearInterval(this.playing);
    this.playing = undefined;
    this.play.textContent = 'Play';
    this.play.setAttribute('aria-pressed', 'false');
  }
}
