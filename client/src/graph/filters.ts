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
  time: TimeFilter | null;
}

export interface TimeFilter {
  mode: TimeMode;
  date: string;
  /** asOf only: days of events up to the date that count (30, 90, 365); absent or null: all. */
  window?: number | null;
}

/** The windows the client offers, in days. */
export const WINDOWS = [30, 90, 365] as const;

export const NO_FILTER: FilterState = Object.freeze({
  hiddenTypes: [],
  hiddenStatuses: [],
  minConfidence: 0,
  time: null,
}) as FilterState;

type TimedEdge = Pick<EdgeData, 'validStart' | 'validEnd' | 'knownSince' | 'event' | 'lastDay'>;

/**
 * Valid time "as of D", as the API's filter means it: begun on or before D (or, undated, known by
 * then); a state must not have ended before D, an event counts once it happened, or with a window
 * of N days only if it lasted into the N days ending on D.
 */
export function holdsOn(edge: TimedEdge, day: string, window: number | null = null): boolean {
  const began = edge.validStart ?? edge.knownSince;
  if (began > day) return false;
  if (!edge.event) return edge.validEnd === null || edge.validEnd >= day;
  return window === null || edge.lastDay >= addDays(day, 1 - window);
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
    const { mode, date, window } = filter.time;
    return mode === 'asOf' ? holdsOn(edge, date, window ?? null) : knownOn(edge, date);
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
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A typed or linked day: the day, or a sentence saying what is wrong with it. */
export function parseDay(text: string): { day: string } | { error: string } {
  const value = text.trim();
  const m = DAY.exec(value);
  if (!m) return { error: `"${value}" is not a day written YYYY-MM-DD` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return { error: `"${value}" has no month ${m[2]}` };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return { error: `"${value}" is not a day: ${m[1]}-${m[2]} has ${last} days` };
  return { day: value };
}

export function dayToNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function numberToDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return numberToDay(dayToNumber(day) + days);
}

/**
 * The days on which the picture changes under a time mode, in order: for valid time the day each
 * relationship begins, the day after a state ends, and with a window the day an event leaves it;
 * for knowledge time the day each becomes known. Play steps through these, so nothing that happens
 * is skipped however long the range.
 */
export function changeDays(edges: readonly TimedEdge[], mode: TimeMode, window: number | null = null): string[] {
  const days = new Set<string>();
  for (const e of edges) {
    if (mode === 'knownOn') {
      days.add(e.knownSince);
      continue;
    }
    days.add(e.validStart ?? e.knownSince);
    if (!e.event && e.validEnd !== null) days.add(addDays(e.validEnd, 1));
    if (e.event && window !== null) days.add(addDays(e.lastDay, window));
  }
  return [...days].sort();
}
