// Filtered queries run in the shape of their filter (server/db/filter.ts forFilter): a condition
// whose field is unset is cut to `true`, a set one keeps its condition without the test of the
// field, and nothing but the query's own text is cut.
import { describe, expect, it } from 'vitest';
import { filterParams, forFilter } from '../../server/db/filter.js';
import { query } from '../../server/db/queries.js';

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

  it('keeps parentheses inside quoted text out of the count', () => {
    const text = forFilter("RETURN ($f.source IS NULL OR ')' = $f.source) AS x, 1 AS y", filterParams({}));
    expect(text).toBe('RETURN true AS x, 1 AS y');
  });
});
