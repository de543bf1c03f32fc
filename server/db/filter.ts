// The relationship filter: what a caller may ask (RelationshipFilter in the SDL) and the `$f`
// parameter that cypher/relationship-filter.cypher and relationship-ends.cypher read.
import {
  badInput,
  checkConfidence,
  checkDateRange,
  checkDay,
  type DateRangeInput,
  intBetween,
} from '../model/arguments.js';
import { EVENT_TYPES, SYMMETRIC_TYPES } from '../model/vocabulary.js';

export interface RelationshipFilterInput {
  types?: string[] | null;
  excludeTypes?: string[] | null;
  statuses?: string[] | null;
  minConfidence?: number | null;
  from?: string | null;
  to?: string | null;
  involving?: string | null;
  between?: DateRangeInput | null;
  asOf?: string | null;
  window?: number | null;
  knownOn?: string | null;
  source?: string | null;
  claimedBy?: string | null;
  includeRetracted?: boolean | null;
}

/** The `$f` parameter of the relationship fragments: every key present, absent ones null. */
export interface FilterParams {
  includeRetracted: boolean;
  types: string[] | null;
  excludeTypes: string[] | null;
  statuses: string[] | null;
  minConfidence: number | null;
  asOf: string | null;
  /** With asOf and a window: the first day of the window; events that ended before it are left out. */
  windowStart: string | null;
  knownOn: string | null;
  betweenFrom: string | null;
  betweenTo: string | null;
  source: string | null;
  claimedBy: string | null;
  from: string | null;
  to: string | null;
  involving: string | null;
  /** With involving: only relationships between that actor and this one. */
  other: string | null;
  eventTypes: readonly string[];
  symmetricTypes: readonly string[];
}

/** The longest window asOf takes, in days: a century. */
export const MAX_WINDOW_DAYS = 36_525;

const DAY_MS = 86_400_000;

/** The first day of a window of `days` days ending on `asOf` (both counted). */
export function windowStart(asOf: string, days: number): string {
  return new Date(Date.parse(`${asOf}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * asOf and its window. "As of D" shows the states that hold on D and the events up to D; a window
 * of N days keeps only the events that were still going on in the N days ending on D.
 */
export function checkAsOf(argument: string, asOf: string | null | undefined, window: number | null | undefined) {
  const day = checkDay(`${argument}.asOf`, asOf);
  const days = intBetween(`${argument}.window`, window, 1, MAX_WINDOW_DAYS, 0);
  if (days > 0 && day === null) throw badInput(`${argument}.window`, 'needs asOf, the day the window ends on');
  return {
    asOf: day,
    window: days > 0 ? days : null,
    windowStart: day !== null && days > 0 ? windowStart(day, days) : null,
  };
}

const list = (value: string[] | null | undefined) => (value === null || value === undefined ? null : [...value]);

/** Checks a RelationshipFilter and turns it into the `$f` parameter. */
export function filterParams(filter: RelationshipFilterInput | null | undefined, argument = 'filter'): FilterParams {
  const f = filter ?? {};
  const minConfidence = checkConfidence(`${argument}.minConfidence`, f.minConfidence);
  const between = checkDateRange(`${argument}.between`, f.between);
  const time = checkAsOf(argument, f.asOf, f.window);
  return {
    includeRetracted: f.includeRetracted === true,
    types: list(f.types),
    excludeTypes: list(f.excludeTypes),
    statuses: list(f.statuses),
    minConfidence,
    asOf: time.asOf,
    windowStart: time.windowStart,
    knownOn: checkDay(`${argument}.knownOn`, f.knownOn),
    betweenFrom: between.from,
    betweenTo: between.to,
    source: f.source ?? null,
    claimedBy: f.claimedBy ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    involving: f.involving ?? null,
    other: null,
    eventTypes: EVENT_TYPES,
    symmetricTypes: SYMMETRIC_TYPES,
  };
}

// A condition of the relationship fragments that a filter field can switch off is written
// `($f.KEY IS NULL OR condition)` (or `($f.KEY OR condition)` for a flag). Neo4j plans such a query
// once for every value of $f and so tests each of those disjunctions on every relationship: at
// 100,000 relationships, with no field set, they took about 160 ms of an 840 ms projection read.
// Each query is therefore run in the shape of its filter: a condition whose field is unset (or
// whose flag is set) becomes `true`, the others lose their test of the field. Only the query's own
// text is cut; every value stays a parameter, and there are at most as many shapes per query as
// combinations of fields that callers use.
const SWITCH = /\(\$f\.([A-Za-z]+) (IS NULL )?OR /g;

/** The index just after the parenthesis that closes the one at `open` (quoted text skipped). */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`Unbalanced parenthesis in a filtered query at ${open}: ${text.slice(open, open + 60)}`);
}

function shaped(text: string, f: FilterParams): string {
  let out = '';
  let at = 0;
  SWITCH.lastIndex = 0;
  for (let m = SWITCH.exec(text); m !== null; m = SWITCH.exec(text)) {
    const key = m[1] as keyof FilterParams;
    if (!(key in f)) throw new Error(`A filtered query tests $f.${key}, which FilterParams does not have.`);
    const value = f[key];
    // Unset is null; undefined (a caller's object built by hand) means the same to Neo4j.
    const off = m[2] === undefined ? value === true : value === null || value === undefined;
    out += text.slice(at, m.index);
    if (off) {
      out += 'true';
      at = closing(text, m.index);
      SWITCH.lastIndex = at;
    } else {
      out += '(';
      at = m.index + m[0].length;
    }
  }
  return out + text.slice(at);
}

/** The fields of `f` that decide a shape, as one key: unset (or set flags) marked. */
const shapeKey = (f: FilterParams) =>
  (Object.keys(f) as (keyof FilterParams)[])
    .map((k) => (f[k] === null || f[k] === undefined || f[k] === true ? '1' : '0'))
    .join('');

/** Query texts whose shapes are kept; generated texts (a path search's types) may be many, so past this all go. */
const SHAPED_QUERIES_KEPT = 512;
const shapes = new Map<string, Map<string, string>>();

/** `query` (a text with the relationship filter spliced in) in the shape of `f`, made once per shape. */
export function forFilter(query: string, f: FilterParams): string {
  let byShape = shapes.get(query);
  if (byShape === undefined) {
    if (shapes.size >= SHAPED_QUERIES_KEPT) shapes.clear();
    byShape = new Map();
    shapes.set(query, byShape);
  }
  const key = shapeKey(f);
  let text = byShape.get(key);
  if (text === undefined) {
    text = shaped(query, f);
    byShape.set(key, text);
  }
  return text;
}
