import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeState, encodeState, type ViewState } from '../../client/src/state/url-state.js';

const TYPES = ['ACCUSES', 'DENIES', 'MET_WITH', 'SENDS_TROOPS_TO'];
const STATUSES = ['fact', 'reported', 'alleged', 'denied', 'planned', 'cancelled'];
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
const day = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const stateArb: fc.Arbitrary<ViewState> = fc.record({
  selected: fc.option(fc.record({ group: fc.constantFrom('nodes' as const, 'edges' as const), id: slug }), {
    nil: null,
  }),
  filters: fc.record({
    hiddenTypes: fc.uniqueArray(fc.constantFrom(...TYPES)).map((a) => a.sort()),
    hiddenStatuses: fc.uniqueArray(fc.constantFrom(...STATUSES)).map((a) => a.sort()),
    minConfidence: fc.constantFrom(0, 0.05, 0.5, 0.95, 1),
    time: fc.option(fc.record({ mode: fc.constantFrom('asOf' as const, 'knownOn' as const), date: day }), {
      nil: null,
    }),
  }),
  colourMode: fc.constantFrom('type' as const, 'weight' as const),
  path: fc.option(
    fc.record({
      from: slug,
      to: slug,
      k: fc.integer({ min: 1, max: 10 }),
      maxHops: fc.integer({ min: 1, max: 6 }),
      excludeAllegations: fc.boolean(),
    }),
    { nil: null },
  ),
  expanded: fc.uniqueArray(slug, { maxLength: 4 }),
  scope: fc.option(
    fc.oneof(
      fc.record({ by: fc.constant('type' as const), id: fc.constantFrom(...TYPES) }),
      fc.record({ by: fc.constant('actor' as const), id: slug }),
    ),
    { nil: null },
  ),
  renderer: fc.constantFrom('canvas' as const, 'webgl' as const, null),
  articles: fc.option(
    fc
      .record({ source: fc.option(slug, { nil: null }), proposal: fc.option(slug, { nil: null }) })
      .map((a) => (a.source ? a : { source: null, proposal: null })),
    { nil: null },
  ),
});

describe('URL state', () => {
  it('round-trips every view state', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(decodeState(`?${encodeState(state)}`, { types: TYPES, statuses: STATUSES })).toEqual(state);
      }),
    );
  });

  it('writes nothing for the default view', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('');
    expect(decodeState('')).toEqual(DEFAULT_STATE);
  });

  it('reads a hand-written link', () => {
    const state = decodeState(
      '?rel=north-korea-sends-troops-to-russia&hideStatuses=alleged&asOf=2024-10-01&colour=weight',
    );
    expect(state.selected).toEqual({ group: 'edges', id: 'north-korea-sends-troops-to-russia' });
    expect(state.filters.hiddenStatuses).toEqual(['alleged']);
    expect(state.filters.time).toEqual({ mode: 'asOf', date: '2024-10-01' });
    expect(state.colourMode).toBe('weight');
  });

  it('falls back to defaults on anything malformed or unknown', () => {
    const state = decodeState(
      '?hideTypes=ACCUSES,NOT_A_TYPE&hideStatuses=rumour&minConfidence=7&asOf=yesterday&colour=pink&pathFrom=a&k=99&maxHops=-1',
      { types: TYPES, statuses: STATUSES },
    );
    expect(state.filters).toEqual({ hiddenTypes: ['ACCUSES'], hiddenStatuses: [], minConfidence: 0, time: null });
    expect(state.colourMode).toBe('type');
    expect(state.path).toBeNull();
    expect(decodeState('?pathFrom=a&pathTo=b&k=99&maxHops=0').path).toEqual({
      from: 'a',
      to: 'b',
      k: 3,
      maxHops: 4,
      excludeAllegations: false,
    });
  });

  it('keeps ids with characters that need encoding', () => {
    const state = { ...DEFAULT_STATE, selected: { group: 'nodes' as const, id: 'côte d’ivoire & co' } };
    expect(decodeState(encodeState(state)).selected).toEqual(state.selected);
  });
});
