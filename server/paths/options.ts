// Path options: checked once, then turned into the query parameters and the type list of the
// pattern. Every failure is a BAD_USER_INPUT error naming the argument and the value.
import { checkAsOf, type FilterParams, filterParams } from '../db/filter.js';
import { badInput, checkConfidence, checkDay, intBetween } from '../model/arguments.js';
import { isRelationshipType, RELATIONSHIP_TYPES, STATUSES } from '../model/vocabulary.js';

/** The PathOptions input of paths.graphql. */
export interface PathOptionsInput {
  types?: readonly string[] | null;
  excludeTypes?: readonly string[] | null;
  statuses?: readonly string[] | null;
  minConfidence?: number | null;
  directed?: boolean | null;
  maxHops?: number | null;
  asOf?: string | null;
  window?: number | null;
  knownOn?: string | null;
}

/** Default longest path considered. */
export const DEFAULT_MAX_HOPS = 4;
/** The longest path ever searched: past six hops everything is connected to everything. */
export const MAX_HOPS = 6;
/** Default and largest k of paths(k). */
export const DEFAULT_K = 3;
export const MAX_K = 10;

/** Checked options: what the search needs. */
export interface PathSearch {
  /** The relationship types the pattern may use, in vocabulary order; never empty. */
  readonly types: readonly string[];
  readonly statuses: readonly string[] | null;
  readonly minConfidence: number | null;
  readonly directed: boolean;
  readonly maxHops: number;
  readonly asOf: string | null;
  /** Days of events before asOf that count; null: every event up to asOf. */
  readonly window: number | null;
  readonly knownOn: string | null;
  /** True when any option other than maxHops narrows the search. */
  readonly filtered: boolean;
}

/** k of paths(k) and connection(k): 1..10, default 3. */
export function checkK(k: number | null | undefined): number {
  return intBetween('k', k, 1, MAX_K, DEFAULT_K);
}

function typeList(argument: string, values: readonly string[] | null | undefined): readonly string[] | null {
  if (values === null || values === undefined) return null;
  for (const [i, value] of values.entries()) {
    // The GraphQL enum already admits only vocabulary types; this guards other callers with an
    // error that names the argument (the query text is checked again where it is written).
    if (!isRelationshipType(value)) {
      throw badInput(`${argument}[${i}]`, `unknown relationship type "${value}"`);
    }
  }
  return values;
}

export function pathSearch(input: PathOptionsInput | null | undefined, argument = 'options'): PathSearch {
  const o = input ?? {};
  const maxHops = intBetween(`${argument}.maxHops`, o.maxHops, 1, MAX_HOPS, DEFAULT_MAX_HOPS);
  const minConfidence = checkConfidence(`${argument}.minConfidence`, o.minConfidence);
  const only = typeList(`${argument}.types`, o.types);
  const excluded = typeList(`${argument}.excludeTypes`, o.excludeTypes) ?? [];
  const types = RELATIONSHIP_TYPES.filter((t) => (only === null || only.includes(t)) && !excluded.includes(t));
  if (types.length === 0) {
    throw badInput(
      only?.length === 0 ? `${argument}.types` : `${argument}.excludeTypes`,
      'leaves no relationship type to follow',
    );
  }
  const statuses = o.statuses ?? null;
  for (const [i, status] of (statuses ?? []).entries()) {
    if (!STATUSES.includes(status)) throw badInput(`${argument}.statuses[${i}]`, `unknown status "${status}"`);
  }
  const time = checkAsOf(argument, o.asOf, o.window);
  const search = {
    types,
    statuses: statuses === null ? null : [...statuses],
    minConfidence,
    directed: o.directed === true,
    maxHops,
    asOf: time.asOf,
    window: time.window,
    knownOn: checkDay(`${argument}.knownOn`, o.knownOn),
  };
  const filtered =
    types.length < RELATIONSHIP_TYPES.length ||
    search.statuses !== null ||
    minConfidence !== null ||
    search.directed ||
    search.asOf !== null ||
    search.knownOn !== null;
  return Object.freeze({ ...search, filtered });
}

/** The parameters of path-edge-filter.cypher: the relationship filter's `$f`, and the direction. */
export function edgeParams(search: PathSearch): { f: FilterParams; directed: boolean } {
  const { statuses, minConfidence, asOf, window, knownOn } = search;
  return {
    f: filterParams({ statuses: statuses && [...statuses], minConfidence, asOf, window, knownOn }),
    directed: search.directed,
  };
}
