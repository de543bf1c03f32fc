// The view as a URL query string, so a view can be shared and reloaded. Pure: it reads and writes
// strings only. Decoding is defensive: anything unknown or malformed falls back to the default.

import { type FilterState, NO_FILTER } from '../graph/filters.js';
import type { Renderer } from '../graph/renderer.js';
import { COLOUR_MODES, type ColourMode } from '../graph/stylesheet.js';

export interface PathState {
  from: string;
  to: string;
  /** Number of paths asked for, 1..10. Default 3. */
  k: number;
  /** Longest path, 1..6. Default 4. */
  maxHops: number;
  /** Leave out alleged (and denied) relationships. Default false. */
  excludeAllegations: boolean;
}

/** The relationships of one type, or those of one actor. */
export interface Scope {
  by: 'type' | 'actor';
  id: string;
}

export interface ViewState {
  selected: { group: 'nodes' | 'edges'; id: string } | null;
  filters: FilterState;
  colourMode: ColourMode;
  path: PathState | null;
  /** Actors whose neighbourhood was expanded, in order. */
  expanded: string[];
  /** The part of a big graph loaded (the way in); null: the whole graph, as far as the client loads. */
  scope: Scope | null;
  /** The renderer the URL forces (read when the graph is created); null: chosen by size. */
  renderer: Renderer | null;
}

export const DEFAULT_STATE: ViewState = {
  selected: null,
  filters: NO_FILTER,
  colourMode: 'type',
  path: null,
  expanded: [],
  scope: null,
  renderer: null,
};

export const PATH_DEFAULTS = { k: 3, maxHops: 4 } as const;
/** What the API accepts: k 1..10 paths, 1..6 hops. */
export const PATH_LIMITS = { k: { min: 1, max: 10 }, maxHops: { min: 1, max: 6 } } as const;

/** Names the vocabulary knows; when given, decoded lists keep only these. */
export interface KnownNames {
  types?: readonly string[];
  statuses?: readonly string[];
}

const RENDERERS: readonly Renderer[] = ['canvas', 'webgl'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((s) => s.length > 0))];
}

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

export function encodeState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.selected) p.set(state.selected.group === 'nodes' ? 'actor' : 'rel', state.selected.id);
  const f = state.filters;
  if (f.hiddenTypes.length) p.set('hideTypes', [...f.hiddenTypes].sort().join(','));
  if (f.hiddenStatuses.length) p.set('hideStatuses', [...f.hiddenStatuses].sort().join(','));
  if (f.minConfidence > 0) p.set('minConfidence', String(f.minConfidence));
  if (f.time) p.set(f.time.mode, f.time.date);
  if (state.colourMode !== 'type') p.set('colour', state.colourMode);
  if (state.path) {
    p.set('pathFrom', state.path.from);
    p.set('pathTo', state.path.to);
    if (state.path.k !== PATH_DEFAULTS.k) p.set('k', String(state.path.k));
    if (state.path.maxHops !== PATH_DEFAULTS.maxHops) p.set('maxHops', String(state.path.maxHops));
    if (state.path.excludeAllegations) p.set('noAllegations', '1');
  }
  if (state.expanded.length) p.set('expanded', state.expanded.join(','));
  if (state.scope) p.set('scope', `${state.scope.by}:${state.scope.id}`);
  if (state.renderer) p.set('renderer', state.renderer);
  return p.toString();
}

function decodeScope(value: string | null, types?: readonly string[]): Scope | null {
  const match = value?.match(/^(type|actor):(.+)$/);
  if (!match) return null;
  const [, by, id] = match as [string, 'type' | 'actor', string];
  return by === 'type' && types && !types.includes(id) ? null : { by, id };
}

export function decodeState(search: string, known: KnownNames = {}): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const only = (values: string[], allowed?: readonly string[]) =>
    allowed ? values.filter((v) => allowed.includes(v)) : values;

  const actor = p.get('actor');
  const rel = p.get('rel');
  const selected = actor ? { group: 'nodes' as const, id: actor } : rel ? { group: 'edges' as const, id: rel } : null;

  const confidence = Number(p.get('minConfidence'));
  const asOf = p.get('asOf');
  const knownOn = p.get('knownOn');
  const time =
    asOf && DAY.test(asOf)
      ? { mode: 'asOf' as const, date: asOf }
      : knownOn && DAY.test(knownOn)
        ? { mode: 'knownOn' as const, date: knownOn }
        : null;

  const from = p.get('pathFrom');
  const to = p.get('pathTo');
  return {
    selected,
    filters: {
      hiddenTypes: only(list(p.get('hideTypes')), known.types),
      hiddenStatuses: only(list(p.get('hideStatuses')), known.statuses),
      minConfidence: Number.isFinite(confidence) && confidence > 0 && confidence <= 1 ? confidence : 0,
      time,
    },
    colourMode: COLOUR_MODES.find((m) => m.id === p.get('colour'))?.id ?? 'type',
    path:
      from && to
        ? {
            from,
            to,
            k: intIn(p.get('k'), PATH_LIMITS.k.min, PATH_LIMITS.k.max, PATH_DEFAULTS.k),
            maxHops: intIn(p.get('maxHops'), PATH_LIMITS.maxHops.min, PATH_LIMITS.maxHops.max, PATH_DEFAULTS.maxHops),
            excludeAllegations: p.get('noAllegations') === '1',
          }
        : null,
    expanded: list(p.get('expanded')),
    scope: decodeScope(p.get('scope'), known.types),
    renderer: RENDERERS.find((r) => r === p.get('renderer')) ?? null,
  };
}
