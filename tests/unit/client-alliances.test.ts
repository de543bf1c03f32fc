// Alliances mode's view-models: bloc colours and sizes, the API filter of the drawn view, bundles
// of parallel edges with count and net score, the dyad chart's series, the URL keys, and positions
// in a link.
import { describe, expect, it } from 'vitest';
import {
  ALLIANCES_OFF,
  apiFilter,
  BLOC_PALETTE,
  blocColours,
  bundles,
  decodeAlliances,
  dyadSeries,
  encodeAlliances,
  nodeSizes,
  pairKey,
} from '../../client/src/alliances/model.js';
import { NO_FILTER } from '../../client/src/graph/filters.js';
import { decodePositions, encodePositions, graphKey, seededRandom } from '../../client/src/state/positions.js';
import { DEFAULT_STATE, decodeState, encodeState } from '../../client/src/state/url-state.js';
import { vocabulary } from './client-fixtures.js';

const weights = new Map(vocabulary.types.map((t) => [t.type as string, t.weight ?? null]));
const edge = (id: string, source: string, target: string, type: string, confidence: number) => ({
  id,
  source,
  target,
  type,
  confidence,
});

describe('blocs', () => {
  it('colours each member by its bloc, the largest bloc first, repeating past the palette', () => {
    const blocs = Array.from({ length: BLOC_PALETTE.length + 1 }, (_, i) => ({
      id: `b${i}`,
      members: [{ id: `m${i}` }],
    }));
    blocs[0]?.members.push({ id: 'm0b' });
    const colours = blocColours(blocs);
    expect(colours.get('m0')).toEqual({ bloc: 'b0', colour: BLOC_PALETTE[0] });
    expect(colours.get('m0b')).toEqual(colours.get('m0'));
    expect(colours.get('m1')?.colour).toBe(BLOC_PALETTE[1]);
    expect(colours.get(`m${BLOC_PALETTE.length}`)?.colour).toBe(BLOC_PALETTE[0]);
    expect(new Set(BLOC_PALETTE).size).toBe(BLOC_PALETTE.length);
  });

  it('sizes actors by the square root of their score, the top one largest', () => {
    const sizes = nodeSizes([
      { id: 'north-korea', score: 0.7 },
      { id: 'united-states', score: 0.175 },
      { id: 'germany', score: 0 },
    ]);
    expect(sizes.get('north-korea')).toBe(72);
    expect(sizes.get('united-states')).toBe(48);
    expect(sizes.get('germany')).toBe(24);
    expect(nodeSizes([{ id: 'a', score: 0 }]).get('a')).toBe(24);
  });

  it('asks the API for the graph the client shows', () => {
    expect(apiFilter(NO_FILTER, vocabulary.statuses)).toEqual({});
    const f = apiFilter(
      {
        hiddenTypes: ['ACCUSES'],
        hiddenStatuses: ['alleged', 'denied'],
        minConfidence: 0.5,
        time: { mode: 'asOf', date: '2024-10-20', window: 30 },
      },
      vocabulary.statuses,
    );
    expect(f).toEqual({
      excludeTypes: ['ACCUSES'],
      statuses: vocabulary.statuses.filter((s) => s !== 'alleged' && s !== 'denied'),
      minConfidence: 0.5,
      asOf: '2024-10-20',
      window: 30,
    });
    expect(apiFilter({ ...NO_FILTER, time: { mode: 'knownOn', date: '2024-06-30' } }, [])).toEqual({
      knownOn: '2024-06-30',
    });
  });
});

describe('bundles', () => {
  const seed = [
    edge('russia-cooperates-with-north-korea', 'russia', 'north-korea', 'COOPERATES_WITH', 0.9),
    edge('north-korea-supplied-hwasong-11-to-russia', 'north-korea', 'russia', 'SUPPLIES_ARMS_TO', 0.8),
    edge('north-korea-supplies-arms-to-russia', 'north-korea', 'russia', 'SUPPLIES_ARMS_TO', 0.65),
    edge('north-korea-sends-troops-to-russia', 'north-korea', 'russia', 'SENDS_TROOPS_TO', 0.6),
    edge('joe-biden-leads-united-states', 'joe-biden', 'united-states', 'LEADS', 0.99),
  ];

  it('makes one bundle per pair of two or more, either direction, with its count and net score', () => {
    const [b, ...rest] = bundles(seed, weights);
    expect(rest).toEqual([]);
    expect(b?.key).toBe(pairKey('russia', 'north-korea'));
    expect(b?.key).toBe('north-korea|russia');
    expect(b?.edges).toHaveLength(4);
    // 7.4 × 0.9 + 8.3 × 0.8 + 8.3 × 0.65; troops have no weight.
    expect(b?.net).toBe(18.7);
    expect(b?.label).toBe('4 · net +18.7');
  });

  it('leaves expanded pairs alone, and is the same in any input order', () => {
    expect(bundles(seed, weights, ['north-korea|russia'])).toEqual([]);
    expect(bundles([...seed].reverse(), weights)).toEqual(bundles(seed, weights));
  });
});

describe('dyad series', () => {
  it('puts each month at its first day, cooperation up and conflict down', () => {
    const periods = [
      { period: '2022-02', start: '2022-02-01', cooperation: 6.66, conflict: 0 },
      { period: '2024-10', start: '2024-10-01', cooperation: 5.4, conflict: -1.8 },
    ];
    expect(dyadSeries({ periods } as never)).toEqual([
      [Date.UTC(2022, 1, 1) / 1000, Date.UTC(2024, 9, 1) / 1000],
      [6.66, 5.4],
      [0, -1.8],
    ]);
  });
});

describe('URL keys', () => {
  it('round-trips the mode, measure, bloc, bundles and dyad', () => {
    const alliances = {
      on: true,
      measure: 'PAGERANK' as const,
      bloc: 'russia',
      bundled: true,
      open: ['north-korea|russia'],
      dyad: ['north-korea', 'russia'] as [string, string],
    };
    const query = encodeState({ ...DEFAULT_STATE, alliances });
    expect(query).toBe(
      'mode=alliances&size=pagerank&bloc=russia&bundle=1&open=north-korea%7Crussia&dyad=north-korea%2Crussia',
    );
    expect(decodeState(query).alliances).toEqual(alliances);
    expect(decodeState('').alliances).toBeUndefined();
  });

  it('drops what is malformed', () => {
    const p = new URLSearchParams('mode=alliances&size=bogus&bloc=<x>&open=a|b&dyad=a,a');
    expect(decodeAlliances(p)).toEqual({ ...ALLIANCES_OFF, on: true });
    const q = new URLSearchParams();
    encodeAlliances(q, ALLIANCES_OFF);
    expect(q.toString()).toBe('');
  });
});

describe('positions in a link', () => {
  const nodes = [
    { id: 'russia', x: 10.4, y: -250.6 },
    { id: 'north-korea', x: -1234, y: 0 },
  ];

  it('round-trips integer positions for the same actors, in any order', () => {
    const text = encodePositions(nodes);
    expect(text).toMatch(/^[0-9a-z]+\.[0-9a-z,_-]+$/);
    const back = decodePositions(text as string, ['russia', 'north-korea']);
    expect(back?.get('russia')).toEqual({ x: 10, y: -251 });
    expect(back?.get('north-korea')).toEqual({ x: -1234, y: 0 });
    expect(decodeState(`?pos=${text}`).positions).toBe(text);
  });

  it('ignores positions made for another graph, or malformed ones', () => {
    const text = encodePositions(nodes) as string;
    expect(decodePositions(text, ['russia', 'ukraine'])).toBeNull();
    expect(decodePositions(`${graphKey(['russia', 'north-korea'])}.1,2`, ['russia', 'north-korea'])).toBeNull();
    expect(decodeState('?pos=<script>').positions).toBeUndefined();
  });

  it("is bounded, and the layout's random numbers repeat for a seed", () => {
    const many = Array.from({ length: 301 }, (_, i) => ({ id: `a${i}`, x: 0, y: 0 }));
    expect(encodePositions(many)).toBeNull();
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });
});
