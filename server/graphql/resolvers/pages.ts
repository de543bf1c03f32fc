// Cursor pages: the query fetches first + 1 rows; the extra one only says a next page exists.
import type { Page } from '../types.js';
import { encodeCursor } from '../validate-args.js';

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
