// Dyads: periods and their sums, both directions, symmetric types, claims about the other side's
// acts, members, and the seed's North Korea–Russia history.
import { describe, expect, it } from 'vitest';
import { dyad, periodOf } from '../../server/analytics/dyad.js';
import { type ProjectedEdge, signedGraph } from '../../server/analytics/signed-graph.js';
import { projectionOf, seedBundle } from './analytics-fixtures.js';

const actor = (id: string, kind = 'Country') => ({ id, kind, name: id, aliases: [], description: null });
const rel = (id: string, type: string, from: string, to: string, day: string, about: string | null = null) =>
  ({ id, type, from, to, confidence: 0.5, day, about }) as ProjectedEdge;

describe('periodOf', () => {
  it('gives a month its last day, leap years included, and a year its bounds', () => {
    expect(periodOf('2024-02-10', 'MONTH')).toEqual({ period: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2023-02-10', 'MONTH').end).toBe('2023-02-28');
    expect(periodOf('2024-12-31', 'MONTH').end).toBe('2024-12-31');
    expect(periodOf('2024-06-30', 'YEAR')).toEqual({ period: '2024', start: '2024-01-01', end: '2024-12-31' });
  });
});

describe('dyad', () => {
  const graph = signedGraph({
    actors: [actor('x'), actor('y'), actor('z'), actor('px', 'Person')],
    edges: [
      rel('arms', 'SUPPLIES_ARMS_TO', 'x', 'y', '2024-01-05'),
      rel('strike', 'ATTACKED', 'y', 'x', '2024-01-20'),
      rel('coop', 'COOPERATES_WITH', 'y', 'x', '2023-05-01'),
      rel('troops', 'SENDS_TROOPS_TO', 'x', 'y', '2024-03-01'),
      rel('other', 'ATTACKED', 'x', 'z', '2024-01-01'),
      rel('y-strike', 'ATTACKED', 'y', 'z', '2024-02-01'),
      // x denies, to z (who made the claim), that y attacked z: a claim by x about y's act.
      rel('denial', 'DENIES', 'x', 'z', '2024-02-03', 'y-strike'),
      rel('leads', 'LEADS', 'px', 'x', '2020-01-01'),
      rel('visit', 'VISITED', 'px', 'y', '2024-03-10'),
    ],
    claimed: new Map([['y-strike', { type: 'ATTACKED', from: 'y', to: 'z' }]]),
  });
  const at = (id: string) => graph.index.get(id) ?? -1;

  it('sums cooperation and conflict per month over both directions, oldest first', () => {
    const d = dyad(graph, at('x'), at('y'), { bucket: 'MONTH', withMembers: false });
    expect(d.periods.map((p) => [p.period, p.cooperation, p.conflict, p.net])).toEqual([
      ['2023-05', 3.7, 0, 3.7],
      ['2024-01', 4.15, -5, -0.85],
      ['2024-02', 0, 0, 0], // x's denial about y's strike: listed, not scored
      ['2024-03', 0, 0, 0],
    ]);
    expect(d.periods[1]?.events.map((e) => e.relationship)).toEqual(['arms', 'strike']);
    expect(d).toMatchObject({ cooperation: 7.85, conflict: -5, net: 2.85 });
    // A type without a weight is listed with score 0.
    expect(d.periods[3]?.events).toEqual([{ relationship: 'troops', score: 0, direct: true, day: '2024-03-01' }]);
  });

  it("lists a claim by one about the other's act with score 0, not the claims aimed elsewhere", () => {
    const d = dyad(graph, at('y'), at('z'), { bucket: 'MONTH', withMembers: false });
    expect(d.periods.flatMap((p) => p.events.map((e) => [e.relationship, e.direct, e.score]))).toEqual([
      ['y-strike', true, -5],
    ]);
    const xz = dyad(graph, at('x'), at('z'), { bucket: 'YEAR', withMembers: false });
    expect(xz.periods.flatMap((p) => p.events.map((e) => e.relationship))).toEqual(['other', 'denial']);
    // x's denial concerns y's act: it belongs to the x–y history too, without a score.
    const xy = dyad(graph, at('x'), at('y'), { bucket: 'YEAR', withMembers: false });
    expect(xy.periods.flatMap((p) => p.events).find((e) => e.relationship === 'denial')).toEqual({
      relationship: 'denial',
      score: 0,
      direct: false,
      day: '2024-02-03',
    });
  });

  it("counts a side's members as the side when asked, and their membership without a score", () => {
    const plain = dyad(graph, at('x'), at('y'), { bucket: 'YEAR', withMembers: false });
    const members = dyad(graph, at('x'), at('y'), { bucket: 'YEAR', withMembers: true });
    const ids = (d: typeof plain) => d.periods.flatMap((p) => p.events.map((e) => e.relationship));
    expect(ids(plain)).not.toContain('visit');
    expect(ids(members)).toContain('visit');
    expect(members.cooperation).toBeCloseTo(plain.cooperation + 1.9 * 0.5);
    const own = dyad(graph, at('x'), at('px'), { bucket: 'YEAR', withMembers: true });
    expect(own.periods.flatMap((p) => p.events)).toEqual([
      { relationship: 'leads', score: 0, direct: true, day: '2020-01-01' },
    ]);
  });

  it("tells North Korea's and Russia's history on the seed, the Russian denial included", () => {
    const seed = signedGraph(projectionOf(seedBundle()));
    const d = dyad(seed, seed.index.get('north-korea') ?? -1, seed.index.get('russia') ?? -1, {
      bucket: 'MONTH',
      withMembers: true,
    });
    expect(d.periods.map((p) => p.period)).toEqual(['2022-02', '2023-09', '2024-01', '2024-06', '2024-10']);
    expect(d.conflict).toBe(0);
    const october = d.periods.at(-1)?.events.map((e) => [e.relationship, e.direct]);
    expect(october).toContainEqual(['russia-denies-north-korean-troops-claim', false]);
  });
});
