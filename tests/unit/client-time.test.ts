// Time in the client, as the API means it: "as of D" keeps states that hold and events that
// happened, a window drops older events; Play's days are the days the picture changes; typed and
// linked dates are checked and refused with a reason.
import { describe, expect, it } from 'vitest';
import { relationshipToEdge } from '../../client/src/graph/elements.js';
import { changeDays, edgeVisible, holdsOn, NO_FILTER, parseDay } from '../../client/src/graph/filters.js';
import { DEFAULT_STATE, decodeState, encodeState, urlProblems } from '../../client/src/state/url-state.js';
import { relationship } from './client-fixtures.js';

const month = (m: string, last: string) => ({
  text: m,
  precision: 'month' as const,
  start: `${m}-01`,
  end: `${m}-${last}`,
});
const summit = relationshipToEdge(
  relationship({ id: 'summit', type: 'MET_WITH', validFrom: month('2024-06', '30'), validTo: month('2024-06', '30') }),
).data;
const accusation = relationshipToEdge(
  relationship({ id: 'accusation', type: 'ACCUSES', validFrom: null, validTo: null, knownSince: '2024-10-14' }),
).data;
const invasion = relationshipToEdge(
  relationship({ id: 'invasion', type: 'INVADED', validFrom: month('2022-02', '28'), validTo: null }),
).data;
const leads = relationshipToEdge(
  relationship({ id: 'leads', type: 'LEADS', validFrom: month('2012-05', '31'), validTo: month('2024-05', '31') }),
).data;

describe('as of a day', () => {
  it('knows events from states by their type, and an event its last day', () => {
    expect([summit.event, accusation.event, invasion.event, leads.event]).toEqual([true, true, true, false]);
    expect([summit.lastDay, accusation.lastDay, invasion.lastDay]).toEqual(['2024-06-30', '2024-10-14', '2022-02-28']);
  });

  it('keeps an event once it happened and a state while it holds', () => {
    expect(holdsOn(summit, '2024-05-31')).toBe(false);
    expect(holdsOn(summit, '2024-10-20')).toBe(true);
    expect(holdsOn(invasion, '2024-10-20')).toBe(true);
    expect(holdsOn(leads, '2024-05-31')).toBe(true);
    expect(holdsOn(leads, '2024-06-01')).toBe(false);
  });

  it('with a window keeps only the events that lasted into its days', () => {
    expect(holdsOn(summit, '2024-07-29', 30)).toBe(true);
    expect(holdsOn(summit, '2024-07-30', 30)).toBe(false);
    expect(holdsOn(accusation, '2024-10-20', 30)).toBe(true);
    expect(holdsOn(invasion, '2024-10-20', 365)).toBe(false);
    expect(holdsOn(leads, '2024-05-31', 30)).toBe(true);
    const f = (window?: number) => ({ ...NO_FILTER, time: { mode: 'asOf' as const, date: '2024-10-20', window } });
    expect(edgeVisible(summit, f())).toBe(true);
    expect(edgeVisible(summit, f(90))).toBe(false);
    expect(edgeVisible(summit, f(365))).toBe(true);
  });
});

describe('Play', () => {
  it('steps through the days the picture changes, June 2024 included', () => {
    // Starts, and the day after the leadership ended (the day June's summit begins too).
    expect(changeDays([summit, accusation, invasion, leads], 'asOf')).toEqual([
      '2012-05-01',
      '2022-02-01',
      '2024-06-01',
      '2024-10-14',
    ]);
  });

  it('adds the day an event leaves the window, and for knowledge time the days things became known', () => {
    const days = changeDays([summit, accusation], 'asOf', 30);
    expect(days).toEqual(['2024-06-01', '2024-07-30', '2024-10-14', '2024-11-13']);
    expect(changeDays([summit, accusation, leads], 'knownOn')).toEqual(['2024-10-14']);
  });
});

describe('dates typed or linked', () => {
  it('accepts real days and names what is wrong with the rest', () => {
    expect(parseDay(' 2024-02-29 ')).toEqual({ day: '2024-02-29' });
    expect(parseDay('2023-02-29')).toEqual({ error: '"2023-02-29" is not a day: 2023-02 has 28 days' });
    expect(parseDay('2024-13-01')).toEqual({ error: '"2024-13-01" has no month 13' });
    expect(parseDay('yesterday')).toEqual({ error: '"yesterday" is not a day written YYYY-MM-DD' });
  });

  it('refuses a bad date or window in a link with a message, and keeps the rest of the view', () => {
    expect(urlProblems('?asOf=2024-02-30&window=31')).toEqual([
      'The link\'s asOf date was ignored: "2024-02-30" is not a day: 2024-02 has 29 days.',
      'The link\'s window was ignored: "31" is not one of 30, 90, 365 days.',
    ]);
    expect(decodeState('?asOf=2024-02-30&colour=weight').filters.time).toBeNull();
    expect(urlProblems('?asOf=2024-10-20&window=30')).toEqual([]);
  });

  it('carries the window in the URL, for valid time only', () => {
    const state = {
      ...DEFAULT_STATE,
      filters: { ...NO_FILTER, time: { mode: 'asOf' as const, date: '2024-10-20', window: 90 } },
    };
    expect(encodeState(state)).toBe('asOf=2024-10-20&window=90');
    expect(decodeState(encodeState(state)).filters.time).toEqual({ mode: 'asOf', date: '2024-10-20', window: 90 });
    expect(decodeState('?knownOn=2024-10-20&window=90').filters.time).toEqual({ mode: 'knownOn', date: '2024-10-20' });
  });
});
