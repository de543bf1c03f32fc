import { describe, expect, it } from 'vitest';
import {
  acknowledged,
  bucketAllows,
  errorCodes,
  itemLine,
  leaksInternals,
  tally,
  wellCoded,
} from '../../bench/probe-verdict.js';

describe('probe verdicts', () => {
  it('finds stack frames, source paths and error names, not ordinary messages', () => {
    expect(leaksInternals('URIError: URI malformed\n    at decodeURIComponent (<anonymous>)')).toBe(true);
    expect(leaksInternals('{"message":"x","stack":"..."}')).toBe(true);
    expect(leaksInternals('failed in server/http/use-csrf.ts:12')).toBe(true);
    expect(leaksInternals('{"errors":[{"message":"Bad Request: the path is not valid."}]}')).toBe(false);
    expect(leaksInternals('{"message":"a relationship at the border"}')).toBe(false);
  });

  it('an error without extensions.code is NO_CODE, and makes the response uncoded', () => {
    expect(errorCodes({ errors: [{ message: 'a', extensions: { code: 'TIMEOUT' } }, { message: 'b' }] })).toEqual([
      'TIMEOUT',
      'NO_CODE',
    ]);
    expect(wellCoded('{"errors":[{"message":"a","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}')).toBe(true);
    expect(wellCoded('{"errors":[{"message":"a"}]}')).toBe(false);
    expect(wellCoded('<html>Bad gateway</html>')).toBe(false);
    expect(wellCoded('{"data":{"x":1}}')).toBe(true);
  });

  it('a write counts as acknowledged only with 200, its data and no error', () => {
    expect(acknowledged(200, { data: { addRelationship: { id: 'r' } } }, 'addRelationship')).toBe(true);
    expect(acknowledged(503, { data: { addRelationship: { id: 'r' } } }, 'addRelationship')).toBe(false);
    expect(acknowledged(200, { data: null, errors: [{ message: 'x' }] }, 'addRelationship')).toBe(false);
    expect(acknowledged(200, { data: { addRelationship: null } }, 'addRelationship')).toBe(false);
  });

  it('prints one line per item and counts by key', () => {
    expect(itemLine({ item: '4', verdict: 'held', evidence: '400' })).toBe('4     held   400');
    expect(tally(['B', 'A', 'B'])).toBe('B 2, A 1');
    expect(tally([])).toBe('none');
  });

  it('a token bucket serves its burst plus the refill over the time', () => {
    expect(bucketAllows(30, 120, 10_000, 0)).toBe(50);
    expect(bucketAllows(30, 120, 0)).toBe(32);
  });
});
