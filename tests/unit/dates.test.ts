import { describe, expect, it } from 'vitest';
import {
  checkPartialDate,
  formatPartialDate,
  isIsoDay,
  parsePartialDate,
  storedValidTime,
} from '../../server/model/dates.js';

describe('parsePartialDate', () => {
  it('reads a year, a month and a day as periods', () => {
    expect(parsePartialDate('2022')).toEqual({ precision: 'year', start: '2022-01-01', end: '2022-12-31' });
    expect(parsePartialDate('2024-06')).toEqual({ precision: 'month', start: '2024-06-01', end: '2024-06-30' });
    expect(parsePartialDate('2024-01-02')).toEqual({ precision: 'day', start: '2024-01-02', end: '2024-01-02' });
  });

  it('knows month lengths and leap years', () => {
    expect(parsePartialDate('2024-02').end).toBe('2024-02-29');
    expect(parsePartialDate('2023-02').end).toBe('2023-02-28');
    expect(parsePartialDate('1900-02').end).toBe('1900-02-28');
    expect(parsePartialDate('2000-02').end).toBe('2000-02-29');
    expect(parsePartialDate('2024-12').end).toBe('2024-12-31');
  });

  it('throws on impossible dates', () => {
    expect(() => parsePartialDate('2023-02-30')).toThrow('impossible date "2023-02-30": 2023-02 has 28 days');
    expect(() => parsePartialDate('2023-13')).toThrow('impossible date "2023-13": month 13 does not exist');
    expect(() => parsePartialDate('2023-00')).toThrow('month 00 does not exist');
    expect(() => parsePartialDate('2023-04-31')).toThrow('2023-04 has 30 days');
    expect(() => parsePartialDate('0000')).toThrow('there is no year 0');
  });

  it('throws on malformed dates', () => {
    for (const s of ['99999', '24', '2024-6', '2024-06-1', '2024/06/01', ' 2024', '2024-06-01T00:00', '']) {
      expect(() => parsePartialDate(s)).toThrow(`malformed date "${s}"`);
    }
  });

  it('has a non-throwing variant', () => {
    expect(checkPartialDate('2024-10')).toMatchObject({ ok: true });
    expect(checkPartialDate('2024-10-32')).toEqual({
      ok: false,
      message: 'impossible date "2024-10-32": 2024-10 has 31 days',
    });
  });
});

describe('formatPartialDate', () => {
  it('gives the written form back from either end of the period', () => {
    expect(formatPartialDate('2024-06-01', 'month')).toBe('2024-06');
    expect(formatPartialDate('2024-06-30', 'month')).toBe('2024-06');
    expect(formatPartialDate('2022-12-31', 'year')).toBe('2022');
    expect(formatPartialDate('2024-01-02', 'day')).toBe('2024-01-02');
  });

  it('round-trips every precision', () => {
    for (const s of ['2022', '2024-02', '2024-01-02']) {
      const p = parsePartialDate(s);
      expect(formatPartialDate(p.start, p.precision)).toBe(s);
      expect(formatPartialDate(p.end, p.precision)).toBe(s);
    }
  });

  it('refuses something that is not a day', () => {
    expect(() => formatPartialDate('2024-06', 'month')).toThrow('not a calendar day: "2024-06"');
  });
});

describe('isIsoDay', () => {
  it('accepts only real full dates', () => {
    expect(isIsoDay('2024-10-14')).toBe(true);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-10')).toBe(false);
    expect(isIsoDay('2024')).toBe(false);
    expect(isIsoDay(20241014)).toBe(false);
  });
});

describe('storedValidTime', () => {
  it('stores validFrom as the first day and validTo as the last day of their periods', () => {
    expect(storedValidTime('2024-06', '2024-06')).toEqual({
      validFrom: '2024-06-01',
      validFromPrecision: 'month',
      validTo: '2024-06-30',
      validToPrecision: 'month',
    });
    expect(storedValidTime(null, null)).toEqual({
      validFrom: null,
      validFromPrecision: null,
      validTo: null,
      validToPrecision: null,
    });
  });
});
