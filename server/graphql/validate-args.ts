// Cursors of paged lists, and the keys that tell loaders which calls they may batch together.
import { badInput } from '../model/arguments.js';

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

/** A stable key for a filter and page size, so loaders batch only calls with equal arguments. */
export function argsKey(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
