// Which edges a filter shows. Pure. Filtering hides loaded elements rather than re-querying, so
// node positions stay where the layout put them.
import type { EdgeData } from './elements.js';

export type TimeMode = 'asOf' | 'knownOn';

export interface FilterState {
  /** Relationship types switched off. */
  hiddenTypes: string[];
  /** Statuses switched off. */
  hiddenStatuses: string[];
  /** 0..1; edges below it are hidden. Default 0. */
  minConfidence: number;
  /** A day (YYYY-MM-DD) and which time it means; null shows all time. */
  time: { mode: TimeMode; date: string } | null;
}

export const NO_FILTER: FilterState = Object.freeze({
  hiddenTypes: [],
  hiddenStatuses: [],
  minConfidence: 0,
  time: null,
}) as FilterState;

/** Valid time "as of D": began on or before D (or, undated, known by then) and not ended before D. */
export function holdsOn(edge: Pick<EdgeData, 'validStart' | 'validEnd' | 'knownSince'>, day: string): boolean {
  const began = edge.validStart ?? edge.knownSince;
  return began <= day && (edge.validEnd === null || edge.validEnd >= day);
}

/** Knowledge time "known on D": its earliest source was published on or before D. */
export function knownOn(edge: Pick<EdgeData, 'knownSince'>, day: string): boolean {
  return edge.knownSince <= day;
}

export function edgeVisible(edge: EdgeData, filter: FilterState): boolean {
  if (filter.hiddenTypes.includes(edge.type)) return false;
  if (filter.hiddenStatuses.includes(edge.status)) return false;
  if (edge.confidence < filter.minConfidence) return false;
  if (filter.time) {
    return filter.time.mode === 'asOf' ? holdsOn(edge, filter.time.date) : knownOn(edge, filter.time.date);
  }
  return true;
}

/** The days the time slider spans: from the earliest start or knowledge date to the latest. */
export function timeBounds(edges: readonly EdgeData[]): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const e of edges) {
    for (const day of [e.validStart, e.validEnd, e.knownSince]) {
      if (!day) continue;
      if (min === null || day < min) min = day;
      if (max === null || day > max) max = day;
    }
  }
  return min && max ? { min, max } : null;
}

const DAY_MS = 86_400_000;

export function dayToNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function numberToDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
