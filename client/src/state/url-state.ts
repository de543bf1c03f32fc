// The view as a URL query string, so a view can be shared and reloaded. Pure: it reads and writes
// strings only. Decoding is defensive: anything unknown or malformed falls back to the default.

import { type AlliancesState, decodeAlliances, encodeAlliances } from '../alliances/model.js';
import { type FilterState, NO_FILTER, parseDay, WINDOWS } from '../graph/filters.js';
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

/** The Articles view (review): which article is open and which of its proposals has the focus. */
export interface ArticlesState {
  source: string | null;
  proposal: string | null;
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
  /** Alliances mode, bundled edges and the dyad timeline (client/src/alliances/); absent: off. */
  alliances?: AlliancesState;
  /** The sender's node positions once a node was moved (state/positions.ts); absent: the layout's. */
  positions?: string;
  /** Non-null while the Articles view is shown instead of the graph's panels. */
  articles: ArticlesState | null;
}

export const DEFAULT_STATE: ViewState = {
  selected: null,
  filters: NO_FILTER,
  colourMode: 'type',
  path: null,
  expanded: [],
  scope: null,
  renderer: null,
  articles: null,
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
const isDay = (value: string) => 'day' in parseDay(value);

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
  if (f.time?.mode === 'asOf' && f.time.window) p.set('window', String(f.time.window));
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
  encodeAlliances(p, state.alliances);
  if (state.positions) p.set('pos', state.positions);
  if (state.articles) {
    p.set('view', 'articles');
    if (state.articles.source) p.set('article', state.articles.source);
    if (state.articles.source && state.articles.proposal) p.set('proposal', state.articles.proposal);
  }
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
  const window = WINDOWS.find((w) => String(w) === p.get('window')) ?? null;
  const time =
    asOf && isDay(asOf)
      ? { mode: 'asOf' as const, date: asOf, ...(window ? { window } : {}) }
      : knownOn && isDay(knownOn)
        ? { mode: 'knownOn' as const, date: knownOn }
        : null;

  const from = p.get('pathFrom');
  const to = p.get('pathTo');
  const alliances = decodeAlliances(p);
  return {
    ...(alliances ? { alliances } : {}),
    ...(/^[0-9a-z]+\.[0-9a-z,_-]+$/.test(p.get('pos') ?? '') ? { positions: p.get('pos') as string } : {}),
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
    articles:
      p.get('view') === 'articles'
        ? { source: p.get('article') || null, proposal: (p.get('article') && p.get('proposal')) || null }
        : null,
  };
}

/** What in a link cannot be honoured, as sentences to show (decodeState falls back to the default). */
export function urlProblems(search: string): string[] {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const problems: string[] = [];
  for (const key of ['asOf', 'knownOn'] as const) {
    const value = p.get(key);
    if (value === null) continue;
    const parsed = parseDay(value);
    if ('error' in parsed) problems.push(`The link's ${key} date was ignored: ${parsed.error}.`);
  }
  const window = p.get('window');
  if (window !== null && !WINDOWS.some((w) => String(w) === window)) {
    problems.push(`The link's window was ignored: "${window}" is not one of ${WINDOWS.join(', ')} days.`);
  }
  return problems;
}
