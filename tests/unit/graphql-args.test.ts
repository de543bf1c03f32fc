// Argument checks, cursors, the Lucene query built from a search string, and the write-token
// comparison. No database.
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { filterParams } from '../../server/db/filter.js';
import { requireWriter, tokenMatches, writerOf } from '../../server/graphql/auth.js';
import { type CursorScope, decodeCursor, encodeCursor } from '../../server/graphql/pages.js';
import { DateScalar } from '../../server/graphql/scalars.js';
import { escapeLucene, luceneQuery } from '../../server/graphql/search.js';
import { checkConfidence, checkDay, intBetween } from '../../server/model/arguments.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { code: (error as GraphQLError).extensions?.code, message: (error as Error).message };
  }
  return null;
};

describe('intBetween', () => {
  it('accepts the range, defaults when absent, names argument and value otherwise', () => {
    expect(intBetween('first', undefined, 1, 500, 50)).toBe(50);
    expect(intBetween('first', 500, 1, 500, 50)).toBe(500);
    expect(codeOf(() => intBetween('first', 100000, 1, 500, 50))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'first: must be between 1 and 500, got 100000',
    });
    expect(codeOf(() => intBetween('first', 0, 1, 500, 50))?.message).toBe('first: must be between 1 and 500, got 0');
  });
});

describe('checkConfidence and checkDay', () => {
  it('pass what is valid or absent, and name argument and value otherwise', () => {
    expect(checkConfidence('options.minConfidence', 0)).toBe(0);
    expect(checkConfidence('options.minConfidence', 1)).toBe(1);
    expect(checkConfidence('options.minConfidence', undefined)).toBeNull();
    expect(codeOf(() => checkConfidence('options.minConfidence', -0.1))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'options.minConfidence: must be between 0 and 1, got -0.1',
    });
    expect(codeOf(() => checkConfidence('f.minConfidence', Number.NaN))?.message).toBe(
      'f.minConfidence: must be between 0 and 1, got NaN',
    );
    expect(checkDay('asOf', '2024-02-29')).toBe('2024-02-29');
    expect(checkDay('asOf', null)).toBeNull();
    expect(codeOf(() => checkDay('asOf', '2023-02-29'))?.message).toBe(
      'asOf: must be a day YYYY-MM-DD, got "2023-02-29"',
    );
  });
});

describe('cursors', () => {
  const actors = { list: 'actors', filter: { search: '', kinds: null, ids: null } } as const;
  const extensionsOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as GraphQLError).extensions;
    }
    return null;
  };
  const refusal = (cursor: string, scope: CursorScope = actors) => {
    const e = extensionsOf(() => decodeCursor('after', cursor, scope, 2));
    return { code: e?.code, reason: e?.reason, list: e?.cursorList };
  };

  it('round-trip a sort key within their list and filter', () => {
    const cursor = encodeCursor(actors, ['Russia', 'russia']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('after', cursor, actors, 2)).toEqual(['Russia', 'russia']);
    // The same filter written in another key order is the same filter.
    expect(
      decodeCursor('after', cursor, { list: 'actors', filter: { ids: null, kinds: null, search: '' } }, 2),
    ).toEqual(['Russia', 'russia']);
    expect(decodeCursor('after', null, actors, 2)).toBeNull();
  });

  it('refuse a cursor of another list, naming the list it belongs to', () => {
    const relationships = encodeCursor({ list: 'relationships', filter: {} }, ['2024-06-01', 'x-y']);
    expect(refusal(relationships)).toEqual({ code: 'BAD_USER_INPUT', reason: 'OTHER_LIST', list: 'relationships' });
    expect(codeOf(() => decodeCursor('after', relationships, actors, 2))?.message).toBe(
      'after: this cursor belongs to relationships, not to actors (use pageInfo.endCursor of the previous page of actors)',
    );
  });

  it('refuse a cursor of the same list under another filter', () => {
    const russian = encodeCursor({ list: 'actors', filter: { search: 'rus', kinds: null, ids: null } }, ['A', 'a']);
    expect(refusal(russian)).toEqual({ code: 'BAD_USER_INPUT', reason: 'OTHER_FILTER', list: 'actors' });
  });

  it('refuse anything this server did not issue, however close to one', () => {
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    const real = JSON.parse(Buffer.from(encodeCursor(actors, ['A', 'a']), 'base64url').toString('utf8'));
    for (const bad of [
      'nope',
      forged(['A', 'a']), // the old form: a bare sort key
      forged({ a: 1 }),
      forged({ ...real, list: 'people' }),
      forged({ ...real, key: ['A'] }),
      forged({ ...real, key: ['A', 1] }),
      forged({ ...real, filter: 7 }),
    ]) {
      expect(refusal(bad), bad).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CURSOR', list: undefined });
    }
    // A list's own check of each part of the key (here: a day first).
    const timeline = { list: 'timeline', filter: {} } as const;
    const notADay = encodeCursor(timeline, ['Russia', 'x']);
    const day = (v: string, i: number) => i > 0 || /^\d{4}-\d{2}-\d{2}$/.test(v);
    expect(extensionsOf(() => decodeCursor('after', notADay, timeline, 2, day))?.reason).toBe('NOT_A_CURSOR');
  });
});

describe('filterParams', () => {
  it('fills every key, checks confidence and date ranges', () => {
    const f = filterParams({ types: ['ACCUSES'], asOf: '2024-01-01' });
    expect(f).toMatchObject({ types: ['ACCUSES'], asOf: '2024-01-01', statuses: null, includeRetracted: false });
    expect(f.symmetricTypes).toContain('MET_WITH');
    expect(f.eventTypes).toContain('VISITED');
    expect(f.eventTypes).not.toContain('LEADS');
    expect(codeOf(() => filterParams({ minConfidence: 1.5 }))?.message).toBe(
      'filter.minConfidence: must be between 0 and 1, got 1.5',
    );
    expect(codeOf(() => filterParams({ between: { from: '2024-02-01', to: '2024-01-01' } }))?.message).toBe(
      'filter.between: to "2024-01-01" is before from "2024-02-01"',
    );
  });
});

describe('Date scalar', () => {
  it('accepts real calendar days only', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2024-13-01', '2023-02-29', '2024-1-01', '2024', 20240101]) {
      expect(codeOf(() => DateScalar.parseValue(bad))?.code).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(() => DateScalar.parseValue('2024-13-01'))?.message).toBe('"2024-13-01" is not a date (YYYY-MM-DD)');
  });
});

describe('search', () => {
  it('turns words into escaped prefix terms joined by AND', () => {
    expect(luceneQuery('Zelen')).toBe('zelen*');
    expect(luceneQuery('  Kim Yong-hyun ')).toBe('kim* AND yong* AND hyun*');
    expect(luceneQuery('AND OR NOT')).toBe('and* AND or* AND not*');
    expect(luceneQuery('*** ()')).toBeNull();
  });

  it('leaves no Lucene syntax from the user in the query', () => {
    const q = luceneQuery('name:"x" OR (a) [b TO c] ~2 ^3 \\ / ! && ||') ?? '';
    expect(q).not.toMatch(/[:"()[\]~^\\/!&|]/);
    expect(escapeLucene('a+b-c(d)*?:\\/')).toBe('a\\+b\\-c\\(d\\)\\*\\?\\:\\\\\\/');
  });

  it('refuses a text too long to be a name, naming the argument', () => {
    expect(luceneQuery('x'.repeat(200))).toBe(`${'x'.repeat(200)}*`);
    expect(() => luceneQuery('x'.repeat(201))).toThrow('filter.search: at most 200 characters, got 201');
    expect(() => luceneQuery('a b c d e f g h i j k')).toThrow('filter.search: at most 10 words, got 11');
  });
});

describe('write authorisation', () => {
  const context = (env: Record<string, string>, authorization?: string) => ({
    config: readConfig(env),
    request: new Request('http://x/graphql', { headers: authorization ? { authorization } : {} }),
  });
  const A = 'alice-secret-0123456789';
  const B = 'bob-secret-0123456789';

  it('compares tokens of any length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
  });

  it('says FORBIDDEN while writes are off, UNAUTHENTICATED without the right token', () => {
    expect(codeOf(() => requireWriter(context({}, 'Bearer x')))?.code).toBe('FORBIDDEN');
    expect(codeOf(() => requireWriter(context({ API_TOKEN: A })))?.code).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireWriter(context({ API_TOKEN: A }, 'Bearer wrong')))?.code).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireWriter(context({ API_TOKEN: A }, `Bearer ${A}`)))).toBeNull();
  });

  it('returns the name of the token that matched: "api" for API_TOKEN, the entry name for API_TOKENS', () => {
    const env = { API_TOKEN: A, API_TOKENS: `bob:${B}` };
    expect(requireWriter(context(env, `Bearer ${A}`))).toBe('api');
    expect(requireWriter(context(env, `bearer ${B}`))).toBe('bob');
    expect(codeOf(() => requireWriter(context(env, `Bearer ${B}x`)))?.code).toBe('UNAUTHENTICATED');
    expect(codeOf(() => requireWriter(context(env, 'Bearer bob')))?.code).toBe('UNAUTHENTICATED');
  });

  it('compares the presented token with every configured one, whichever matches', () => {
    const { apiTokens } = readConfig({ API_TOKENS: `a:${A},b:${B},c:c-secret-0123456789` });
    for (const [presented, name] of [
      [A, 'a'],
      [B, 'b'],
      ['c-secret-0123456789', 'c'],
      ['none-of-them-0123456789', null],
    ] as const) {
      const compared: string[] = [];
      const found = writerOf(presented, apiTokens, (p, expected) => {
        compared.push(expected);
        return tokenMatches(p, expected);
      });
      expect(found).toBe(name);
      expect(compared).toHaveLength(3);
    }
  });
});
