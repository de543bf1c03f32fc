// Alliances mode as data: its state and URL keys, the API filter of the drawn view, bloc colours,
// node sizes by centrality, bundles of parallel edges and the dyad chart's series. Pure (no DOM, no
// cytoscape), so the unit tests run it under node.
import type { AlliancesQuery, CentralityMeasure, DyadQuery, RelationshipFilter } from '../api/generated.js';
import type { EdgeData } from '../graph/elements.js';
import type { FilterState } from '../graph/filters.js';

export type Alliances = AlliancesQuery['alliances'];
export type Bloc = Alliances['blocs'][number];
export type Dyad = DyadQuery['dyad'];

export const MEASURES: readonly { id: CentralityMeasure; label: string }[] = [
  { id: 'DEGREE', label: 'degree' },
  { id: 'BETWEENNESS', label: 'betweenness (brokers)' },
  { id: 'PAGERANK', label: 'PageRank' },
];

/** What the URL keeps of alliances mode, bundling and the dyad. Absent from ViewState: all off. */
export interface AlliancesState {
  /** Alliances mode: actors coloured by bloc, sized by `measure`. */
  on: boolean;
  measure: CentralityMeasure;
  /** The bloc whose panel is open (its id, the leader's). */
  bloc: string | null;
  /** Parallel edges drawn as one per pair… */
  bundled: boolean;
  /** …except these pairs (pairKey), expanded again. */
  open: string[];
  /** The pair whose timeline is shown. */
  dyad: [string, string] | null;
}

export const ALLIANCES_OFF: AlliancesState = Object.freeze({
  on: false,
  measure: 'BETWEENNESS',
  bloc: null,
  bundled: false,
  open: [],
  dyad: null,
}) as AlliancesState;

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Writes the state's keys: `mode=alliances`, `size=`, `bloc=`, `bundle=1`, `open=`, `dyad=a,b`. */
export function encodeAlliances(p: URLSearchParams, s: AlliancesState | undefined): void {
  if (!s) return;
  if (s.on) {
    p.set('mode', 'alliances');
    if (s.measure !== ALLIANCES_OFF.measure) p.set('size', s.measure.toLowerCase());
    if (s.bloc) p.set('bloc', s.bloc);
  }
  if (s.bundled) {
    p.set('bundle', '1');
    if (s.open.length) p.set('open', [...s.open].sort().join(','));
  }
  if (s.dyad) p.set('dyad', s.dyad.join(','));
}

/** Reads them back; anything malformed is dropped. Undefined when none is present. */
export function decodeAlliances(p: URLSearchParams): AlliancesState | undefined {
  const on = p.get('mode') === 'alliances';
  const bundled = p.get('bundle') === '1';
  const pair = (p.get('dyad') ?? '').split(',');
  const dyad =
    pair.length === 2 && pair[0] !== pair[1] && pair.every((id) => ID.test(id)) ? (pair as [string, string]) : null;
  if (!on && !bundled && !dyad) return undefined;
  const measure = MEASURES.find((m) => m.id.toLowerCase() === p.get('size'))?.id ?? ALLIANCES_OFF.measure;
  const bloc = p.get('bloc');
  const open = (p.get('open') ?? '').split(',').filter((k) => /^[a-z0-9-]+\|[a-z0-9-]+$/.test(k));
  return {
    on,
    measure,
    bloc: on && bloc && ID.test(bloc) ? bloc : null,
    bundled,
    open: bundled ? [...new Set(open)].sort() : [],
    dyad,
  };
}

/** The API filter of what the client shows, so the camps are those of the drawn graph. */
export function apiFilter(filters: FilterState, statuses: readonly string[]): RelationshipFilter {
  const f: RelationshipFilter = {};
  if (filters.hiddenTypes.length) f.excludeTypes = [...filters.hiddenTypes] as RelationshipFilter['excludeTypes'];
  if (filters.hiddenStatuses.length) {
    f.statuses = statuses.filter((s) => !filters.hiddenStatuses.includes(s)) as RelationshipFilter['statuses'];
  }
  if (filters.minConfidence > 0) f.minConfidence = filters.minConfidence;
  const t = filters.time;
  if (t?.mode === 'asOf') {
    f.asOf = t.date;
    if (t.window) f.window = t.window;
  } else if (t?.mode === 'knownOn') f.knownOn = t.date;
  return f;
}

/**
 * Bloc colours, told apart in colour-blind palettes (Okabe–Ito) and kept apart from the edge
 * colours by the hull; the largest bloc gets the first. More blocs than colours repeat them.
 */
export const BLOC_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#8c6d31', '#6a3d9a'];

export interface BlocColour {
  bloc: string;
  colour: string;
}

/** Each member's bloc and its colour, by the blocs' order in the answer (largest first). */
export function blocColours(
  blocs: readonly { id: string; members: readonly { id: string }[] }[],
): Map<string, BlocColour> {
  const out = new Map<string, BlocColour>();
  blocs.forEach((b, i) => {
    const colour = BLOC_PALETTE[i % BLOC_PALETTE.length] as string;
    for (const m of b.members) out.set(m.id, { bloc: b.id, colour });
  });
  return out;
}

/** Node diameters from 24 to 72 px by the square root of the score over the highest (area ∝ score). */
export function nodeSizes(scores: readonly { id: string; score: number }[], min = 24, max = 72): Map<string, number> {
  const top = Math.max(0, ...scores.map((s) => s.score));
  const out = new Map<string, number>();
  for (const s of scores) out.set(s.id, Math.round(top > 0 ? min + (max - min) * Math.sqrt(s.score / top) : min));
  return out;
}

/** The key of an unordered pair: the two ids in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface Bundle {
  key: string;
  a: string;
  b: string;
  /** The pair's edges, by id; the first one stands for the bundle. */
  edges: string[];
  /** Their Goldstein weights × confidence, summed (types without a weight count 0). */
  net: number;
  label: string;
}

/**
 * Bundles of the visible edges: one per pair joined by two or more, with the count and net score.
 * `weights` gives each type's weight (null: none). Pairs in `open` stay expanded.
 */
export function bundles(
  edges: readonly Pick<EdgeData, 'id' | 'source' | 'target' | 'type' | 'confidence'>[],
  weights: ReadonlyMap<string, number | null>,
  open: readonly string[] = [],
): Bundle[] {
  const byPair = new Map<string, Pick<EdgeData, 'id' | 'source' | 'target' | 'type' | 'confidence'>[]>();
  for (const e of edges) {
    const key = pairKey(e.source, e.target);
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  const out: Bundle[] = [];
  for (const [key, list] of [...byPair].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (list.length < 2 || open.includes(key)) continue;
    const sorted = [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
    const net = Math.round(sorted.reduce((sum, e) => sum + (weights.get(e.type) ?? 0) * e.confidence, 0) * 100) / 100;
    const [a, b] = key.split('|') as [string, string];
    out.push({ key, a, b, edges: sorted.map((e) => e.id), net, label: `${sorted.length} · net ${signed(net)}` });
  }
  return out;
}

export function signed(n: number): string {
  const text = Math.abs(n).toFixed(1);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : '0';
}

/** uPlot's columns: x in seconds (the first of each month), cooperation (≥ 0) and conflict (≤ 0). */
export function dyadSeries(dyad: Pick<Dyad, 'periods'>): [number[], number[], number[]] {
  const xs: number[] = [];
  const coop: number[] = [];
  const conflict: number[] = [];
  for (const p of dyad.periods) {
    xs.push(Date.parse(`${p.start}T00:00:00Z`) / 1000);
    coop.push(p.cooperation);
    conflict.push(p.conflict);
  }
  return [xs, coop, conflict];
}
