// Filtered queries run in the shape of their filter (server/db/filter.ts forFilter): a condition
// whose field is unset is cut to `true`, a set one keeps its condition without the test of the
// field, and nothing but the query's own text is cut.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FilterParams, filterParams, forFilter } from '../../server/db/filter.js';
import { query } from '../../server/db/queries.js';
import { neighborhoodQuery } from '../../server/graphql/resolvers/relationships.js';
import { neighborsQuery, searchQuery } from '../../server/paths/cypher.js';

const PROJECTION = query('analytics-projection');

describe('forFilter', () => {
  it('cuts every switchable condition of an empty filter, and keeps the retraction test', () => {
    const text = forFilter(PROJECTION, filterParams({}));
    expect(PROJECTION).toMatch(/\$f\.types IS NULL OR/);
    expect(text).not.toMatch(/\$f\.[A-Za-z]+ (IS NULL )?OR/);
    expect(text).not.toMatch(/\$f\.(types|statuses|asOf|knownOn|minConfidence|source|claimedBy|from|to|involving)\b/);
    expect(text).toContain('(r.retractedAt IS NULL)');
  });

  it('keeps the conditions of the fields set, as parameters, and drops the retraction test when retracted ones are asked for', () => {
    const f = filterParams({ types: ['MEETS'], minConfidence: 0.5, asOf: '2024-10-20', includeRetracted: true });
    const text = forFilter(PROJECTION, f);
    expect(text).toContain('(type(r) IN $f.types)');
    expect(text).toContain('(r.confidence >= $f.minConfidence)');
    expect(text).toContain('date($f.asOf)');
    expect(text).not.toContain('$f.types IS NULL');
    expect(text).not.toContain('retractedAt');
    expect(text).not.toContain('MEETS');
    expect(text).not.toContain('0.5');
  });

  it('gives one text per shape, whatever the values', () => {
    const a = forFilter(PROJECTION, filterParams({ types: ['MEETS'] }));
    const b = forFilter(PROJECTION, filterParams({ types: ['SANCTIONS', 'ATTACKS'] }));
    expect(a).toBe(b);
    expect(forFilter(PROJECTION, filterParams({}))).not.toBe(a);
  });

  it('refuses a query that tests a field the filter does not have', () => {
    expect(() =>
      forFilter('MATCH ()-[r]->() WHERE ($f.colour IS NULL OR r.colour = $f.colour) RETURN r', filterParams({})),
    ).toThrow(/\$f\.colour/);
  });

  // Every query the server runs with a filter, shaped for any combination of set fields: what is
  // left tests only the fields that are set, never whether one is null, and stays balanced.
  const FILTERED = {
    relationships: query('relationships'),
    graph: query('graph'),
    disputed: query('disputed'),
    'actor-relationships': query('actor-relationships'),
    'analytics-projection': PROJECTION,
    'analytics-dyad': query('analytics-dyad'),
    'neighborhood-1': neighborhoodQuery(1),
    'neighborhood-3': neighborhoodQuery(3),
    'path-search': searchQuery({ kind: 'all' }, ['VISITED', 'ATTACKED'], 4),
    'path-neighbors': neighborsQuery(['VISITED']),
  };
  const SWITCHED = [
    'types',
    'excludeTypes',
    'statuses',
    'minConfidence',
    'asOf',
    'windowStart',
    'knownOn',
    'betweenFrom',
    'betweenTo',
    'source',
    'claimedBy',
    'from',
    'to',
    'involving',
    'other',
  ] as const;
  const depth = (text: string) => [...text].reduce((d, c) => (d < 0 ? d : d + (c === '(' ? 1 : c === ')' ? -1 : 0)), 0);

  it('leaves in every filtered query the tests of the set fields only, balanced', () => {
    fc.assert(
      fc.property(fc.subarray([...SWITCHED]), fc.boolean(), (set, includeRetracted) => {
        const f: FilterParams = { ...filterParams({}), includeRetracted };
        for (const key of set)
          (f as unknown as Record<string, unknown>)[key] =
            key === 'minConfidence' ? 0.5 : key.endsWith('ypes') || key === 'statuses' ? ['fact'] : 'x';
        for (const [name, text] of Object.entries(FILTERED)) {
          const shaped = forFilter(text, f);
          expect(shaped, name).not.toMatch(/\(\$f\.[A-Za-z]+ (IS NULL )?OR /);
          expect(depth(shaped), name).toBe(0);
          // A set field keeps its condition (without the null test, checked above); an unset one loses it
          // with every use inside.
          for (const key of SWITCHED) {
            const count = (t: string) => t.split(`$f.${key}`).length - 1;
            const switches = text.split(`($f.${key} IS NULL OR `).length - 1;
            if (set.includes(key)) expect(switches === 0 || count(shaped) > 0, `${name}, ${key} set`).toBe(true);
            else expect(count(text) - count(shaped), `${name}, ${key} unset`).toBeGreaterThanOrEqual(2 * switches);
          }
          const flags = text.split('($f.includeRetracted OR ').length - 1;
          const flag = (t: string) => t.split('$f.includeRetracted').length - 1;
          expect(flag(text) - flag(shaped), name).toBe(flags);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps parentheses inside quoted text out of the count', () => {
    const text = forFilter("RETURN ($f.source IS NULL OR ')' = $f.source) AS x, 1 AS y", filterParams({}));
    expect(text).toBe('RETURN true AS x, 1 AS y');
  });
});
