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
