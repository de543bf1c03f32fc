/**
 * Partial dates. A bundle writes "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the database keeps the first
 * and the last day of that period plus its precision, so "as of" queries compare plain dates.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  precision: DatePrecision;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  /** Last day of the period, YYYY-MM-DD. */
  end: string;
}

export type PartialDateResult = { ok: true; date: PartialDate } | { ok: false; message: string };

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC avoids DST surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Like parsePartialDate but returns the reason instead of throwing. */
export function checkPartialDate(s: string): PartialDateResult {
  const m = PARTIAL.exec(s);
  if (!m) return { ok: false, message: `malformed date "${s}" (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
  const year = Number(m[1]);
  if (year < 1) return { ok: false, message: `impossible date "${s}": there is no year 0` };
  if (m[2] === undefined) {
    return { ok: true, date: { precision: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` } };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { ok: false, message: `impossible date "${s}": month ${m[2]} does not exist` };
  const last = daysInMonth(year, month);
  const ym = `${m[1]}-${m[2]}`;
  if (m[3] === undefined) {
    return { ok: true, date: { precision: 'month', start: `${ym}-01`, end: `${ym}-${pad(last, 2)}` } };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return { ok: false, message: `impossible date "${s}": ${ym} has ${last} days` };
  return { ok: true, date: { precision: 'day', start: s, end: s } };
}

/** Parses "2024", "2024-06" or "2024-06-19"; throws a RangeError naming the problem. */
export function parsePartialDate(s: string): PartialDate {
  const result = checkPartialDate(s);
  if (!result.ok) throw new RangeError(result.message);
  return result.date;
}

/** True for a real calendar day written YYYY-MM-DD (used for published, asOf, knownOn). */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DAY.test(s)) return false;
  const result = checkPartialDate(s);
  return result.ok && result.date.precision === 'day';
}

/**
 * Inverse of parsePartialDate: the stored day (start of the period for validFrom, end for
 * validTo) and its precision give back the written form, e.g. ("2024-06-30", "month") → "2024-06".
 */
export function formatPartialDate(isoDay: string, precision: DatePrecision): string {
  if (!isIsoDay(isoDay)) throw new RangeError(`not a calendar day: "${isoDay}"`);
  switch (precision) {
    case 'year':
      return isoDay.slice(0, 4);
    case 'month':
      return isoDay.slice(0, 7);
    case 'day':
      return isoDay;
    default:
      throw new RangeError(`unknown precision "${String(precision)}"`);
  }
}

/** The valid-time properties stored on a relationship (docs/model.md, "Valid time"). */
export interface StoredValidTime {
  validFrom: string | null;
  validFromPrecision: DatePrecision | null;
  validTo: string | null;
  validToPrecision: DatePrecision | null;
}

/**
 * validFrom is stored as the first day of its period and validTo as the last day of its period,
 * so that "held on D" is `validFrom <= D <= validTo` without knowing the precision.
 * Expects dates that validateBundle has already accepted.
 */
export function storedValidTime(validFrom: string | null, validTo: string | null): StoredValidTime {
  const from = validFrom === null ? null : parsePartialDate(validFrom);
  const to = validTo === null ? null : parsePartialDate(validTo);
  return {
    validFrom: from?.start ?? null,
    validFromPrecision: from?.precision ?? null,
    validTo: to?.end ?? null,
    validToPrecision: to?.precision ?? null,
  };
}
