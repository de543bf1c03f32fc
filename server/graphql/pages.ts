// Cursor pages: the query fetches first + 1 rows; the extra one only says a next page exists.
// Cursors are opaque to clients: base64url of JSON naming the list, a hash of its filter and the
// sort key of the last item of a page. A cursor is only accepted by the list and filter it came
// from, so a cursor of another list, of the same list under another filter, or one that this server
// did not issue is refused, saying which.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Page } from './types.js';

/** The paged lists, by field name. */
export const PAGED_LISTS = ['actors', 'relationships', 'timeline', 'proposals'] as const;
export type PagedList = (typeof PAGED_LISTS)[number];

/** Which page sequence a cursor belongs to: the list and its arguments other than first/after. */
export interface CursorScope {
  readonly list: PagedList;
  /** The filter as the resolver reads it (normalised), so equal filters hash alike. */
  readonly filter: unknown;
}

export type CursorRefusal = 'NOT_A_CURSOR' | 'OTHER_LIST' | 'OTHER_FILTER';

/** JSON with object keys sorted, so the hash depends on the filter's values only. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function filterHash(filter: unknown): string {
  return createHash('sha256').update(stableJson(filter)).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: CursorScope, key: readonly string[]): string {
  const body = { list: scope.list, filter: filterHash(scope.filter), key };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function refused(argument: string, reason: CursorRefusal, message: string, list?: PagedList): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argument, reason, ...(list ? { cursorList: list } : {}) },
  });
}

/**
 * The sort key inside a cursor of `scope` with `parts` strings, each passing `part` when given, or
 * a BAD_USER_INPUT error whose `reason` says why not (and `cursorList` which list it belongs to).
 */
export function decodeCursor(
  argument: string,
  cursor: string | null | undefined,
  scope: CursorScope,
  parts: number,
  part: (value: string, index: number) => boolean = () => true,
): string[] | null {
  if (cursor === null || cursor === undefined) return null;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  const { list, filter, key } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const known = PAGED_LISTS.find((l) => l === list);
  if (
    known === undefined ||
    typeof filter !== 'string' ||
    !Array.isArray(key) ||
    key.length !== parts ||
    !key.every((k) => typeof k === 'string')
  ) {
    throw notIssued(argument, cursor, scope);
  }
  if (known !== scope.list) {
    throw refused(
      argument,
      'OTHER_LIST',
      `this cursor belongs to ${known}, not to ${scope.list} (use pageInfo.endCursor of the previous page of ${scope.list})`,
      known,
    );
  }
  if (filter !== filterHash(scope.filter)) {
    throw refused(
      argument,
      'OTHER_FILTER',
      `this cursor belongs to ${known} under other arguments: page on with the arguments of its first page, or start again without ${argument}`,
      known,
    );
  }
  if (!key.every((k, i) => part(k, i))) throw notIssued(argument, cursor, scope);
  return key as string[];
}

function notIssued(argument: string, cursor: string, scope: CursorScope): GraphQLError {
  return refused(
    argument,
    'NOT_A_CURSOR',
    `"${cursor}" is not a cursor this server issued (use pageInfo.endCursor of the previous page of ${scope.list})`,
  );
}

export function page<T>(
  rows: T[],
  first: number,
  totalCount: number,
  key: (row: T) => string[],
  scope: CursorScope,
): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    totalCount,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: last === undefined ? null : encodeCursor(scope, key(last)),
    },
  };
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
