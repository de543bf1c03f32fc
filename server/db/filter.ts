// The relationship filter: what a caller may ask (RelationshipFilter in the SDL) and the `$f`
// parameter that cypher/relationship-filter.cypher and relationship-ends.cypher read.
import { checkConfidence, checkDateRange, checkDay, type DateRangeInput } from '../model/arguments.js';
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

const list = (value: string[] | null | undefined) => (value === null || value === undefined ? null : [...value]);

/** Checks a RelationshipFilter and turns it into the `$f` parameter. */
export function filterParams(filter: RelationshipFilterInput | null | undefined, argument = 'filter'): FilterParams {
  const f = filter ?? {};
  const minConfidence = checkConfidence(`${argument}.minConfidence`, f.minConfidence);
  const between = checkDateRange(`${argument}.between`, f.between);
  return {
    includeRetracted: f.includeRetracted === true,
    types: list(f.types),
    excludeTypes: list(f.excludeTypes),
    statuses: list(f.statuses),
    minConfidence,
    asOf: checkDay(`${argument}.asOf`, f.asOf),
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
