// Cursor pages: the query fetches first + 1 rows; the extra one only says a next page exists.
// Cursors are opaque to clients: base64url of the JSON sort key of the last item of a page.
import { badInput } from '../model/arguments.js';
import type { Page } from './types.js';

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

export function page<T>(rows: T[], first: number, totalCount: number, key: (row: T) => string[]): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    totalCount,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last === undefined ? null : encodeCursor(key(last)) },
  };
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;
