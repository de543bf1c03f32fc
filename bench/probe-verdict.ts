// The pure parts of `npm run probe` (bench/probe.ts): what counts as a coded error, a leaked
// internal, and how one item's verdict is printed. Kept apart so a unit test can hold them.

export interface GraphQLBody {
  readonly data?: unknown;
  readonly errors?: readonly { readonly message?: string; readonly extensions?: Record<string, unknown> }[];
}

/** A stack frame, a source path or a JavaScript error name: what no production answer may carry. */
const INTERNALS = /\n\s+at |\bat [\w.<>]+ \(|\.(?:ts|js|mjs):\d+|\b(?:URIError|TypeError|ReferenceError|Neo4jError)\b/;

export function leaksInternals(text: string): boolean {
  return INTERNALS.test(text) || /"stack"\s*:/.test(text);
}

/** The codes of a response's errors; `NO_CODE` for an error without `extensions.code`. */
export function errorCodes(body: GraphQLBody | undefined): string[] {
  return (body?.errors ?? []).map((e) => {
    const code = e.extensions?.code;
    return typeof code === 'string' && code !== '' ? code : 'NO_CODE';
  });
}

/** True when every error carries a code and nothing internal shows. A body that is not JSON fails. */
export function wellCoded(raw: string): boolean {
  let body: GraphQLBody;
  try {
    body = JSON.parse(raw) as GraphQLBody;
  } catch {
    return false;
  }
  return !leaksInternals(raw) && !errorCodes(body).includes('NO_CODE');
}

/** A write is acknowledged when it answered 200 with its data and no error. */
export function acknowledged(status: number, body: GraphQLBody | undefined, field: string): boolean {
  const data = body?.data as Record<string, unknown> | null | undefined;
  return status === 200 && (body?.errors ?? []).length === 0 && data?.[field] != null;
}

export type Verdict = 'held' | 'FAILED' | 'n/a';

export interface ItemResult {
  readonly item: string;
  readonly verdict: Verdict;
  readonly evidence: string;
}

export function itemLine(r: ItemResult): string {
  return `${r.item.padEnd(5)} ${r.verdict.padEnd(6)} ${r.evidence}`;
}

/** Counts by key, printed "A 3, B 1" (largest first); "none" when empty. */
export function tally(keys: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

/**
 * Most requests a token bucket may serve in `elapsedMs`: the burst plus the refill, plus `slack`
 * for requests that were counted in a neighbouring second.
 */
export function bucketAllows(burst: number, perMinute: number, elapsedMs: number, slack = 2): number {
  return burst + Math.ceil((perMinute * elapsedMs) / 60_000) + slack;
}
