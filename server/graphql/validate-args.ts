// Argument checks beyond what the schema can say. Every failure is a BAD_USER_INPUT error that
// names the argument and the value, e.g. `first: must be between 1 and 500, got 100000`.
import { GraphQLError } from 'graphql';
import { EVENT_TYPES, SYMMETRIC_TYPES } from '../model/vocabulary.js';

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** An integer argument within [min, max], or its default when absent. */
export function intBetween(
  argument: string,
  value: number | null | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(argument, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

// Cursors are opaque to clients: base64url of the JSON sort key of the last item of a page.

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key inside a cursor, or a BAD_USER_INPUT error when it is not one of ours. */
export function decodeCursor(argument: string, cursor: string | null | undefined, parts: number): string[] | null {
  if (cursor === null || cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== parts || !key.every((k) => typeof k === 'string')) {
    throw badInput(argument, `"${cursor}" is not a cursor of this list (use pageInfo.endCursor of the previous page)`);
  }
  return key as string[];
}

export interface DateRangeInput {
  from?: string | null;
  to?: string | null;
}

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

export function checkDateRange(argument: string, range: DateRangeInput | null | undefined) {
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  if (from !== null && to !== null && to < from) {
    throw badInput(argument, `to "${to}" is before from "${from}"`);
  }
  return { from, to };
}

/** Checks a RelationshipFilter and turns it into the `$f` parameter. */
export function filterParams(filter: RelationshipFilterInput | null | undefined, argument = 'filter'): FilterParams {
  const f = filter ?? {};
  const minConfidence = f.minConfidence ?? null;
  if (minConfidence !== null && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw badInput(`${argument}.minConfidence`, `must be between 0 and 1, got ${minConfidence}`);
  }
  const between = checkDateRange(`${argument}.between`, f.between);
  return {
    includeRetracted: f.includeRetracted === true,
    types: list(f.types),
    excludeTypes: list(f.excludeTypes),
    statuses: list(f.statuses),
    minConfidence,
    asOf: f.asOf ?? null,
    knownOn: f.knownOn ?? null,
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

/** A stable key for a filter and page size, so loaders batch only calls with equal arguments. */
export function argsKey(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
