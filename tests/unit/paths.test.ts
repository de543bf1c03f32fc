// Pure tests of the path engine's parts: option checks, the Cypher text it builds (user values
// only as $parameters), and the plain-English account.
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkAsOf, windowStart } from '../../server/db/filter.js';
import { CYPHER_DIR, withoutComments } from '../../server/db/queries.js';
import { EVENT_TYPES, RELATIONSHIP_TYPES, SYMMETRIC_TYPES } from '../../server/model/vocabulary.js';
import { neighborsQuery, searchQuery } from '../../server/paths/cypher.js';
import { comparePaths, type PathRow } from '../../server/paths/engine.js';
import { explanation, formatDay, step, when } from '../../server/paths/explain.js';
import { checkK, edgeParams, pathSearch } from '../../server/paths/options.js';

function badInput(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}

describe('path options', () => {
  it('defaults: every type, undirected, four hops, nothing filtered', () => {
    const s = pathSearch(undefined);
    expect(s.types).toEqual(RELATIONSHIP_TYPES);
    expect(s).toMatchObject({ directed: false, maxHops: 4, statuses: null, minConfidence: null, filtered: false });
    expect(checkK(undefined)).toBe(3);
  });

  it('rejects hop counts, k and confidences out of range, naming argument and value', () => {
    expect(badInput(() => pathSearch({ maxHops: 0 })).message).toBe('options.maxHops: must be between 1 and 6, got 0');
    expect(badInput(() => pathSearch({ maxHops: 7 })).message).toBe('options.maxHops: must be between 1 and 6, got 7');
    expect(badInput(() => checkK(0)).message).toBe('k: must be between 1 and 10, got 0');
    expect(badInput(() => checkK(11)).message).toBe('k: must be between 1 and 10, got 11');
    expect(badInput(() => pathSearch({ minConfidence: 1.01 })).message).toBe(
      'options.minConfidence: must be between 0 and 1, got 1.01',
    );
    expect(badInput(() => pathSearch({ minConfidence: -1 })).extensions.argument).toBe('options.minConfidence');
    expect(pathSearch({ maxHops: 1 }).maxHops).toBe(1);
    expect(pathSearch({ maxHops: 6, minConfidence: 0 }).maxHops).toBe(6);
  });

  it('types minus excluded types, in vocabulary order; an empty result is an error', () => {
    expect(pathSearch({ types: ['VISITED', 'LEADS', 'INVADED'], excludeTypes: ['INVADED'] }).types).toEqual([
      'LEADS',
      'VISITED',
    ]);
    expect(pathSearch({ excludeTypes: ['ACCUSES'] }).types).not.toContain('ACCUSES');
    expect(badInput(() => pathSearch({ types: ['LEADS'], excludeTypes: ['LEADS'] })).message).toBe(
      'options.excludeTypes: leaves no relationship type to follow',
    );
    expect(badInput(() => pathSearch({ types: ['LEADS) DETACH DELETE (n'] })).message).toContain('unknown');
    expect(badInput(() => pathSearch({ statuses: ['rumoured'] })).message).toContain('options.statuses[0]');
  });

  it('marks every narrowing option as a filter, but not maxHops', () => {
    expect(pathSearch({ maxHops: 2 }).filtered).toBe(false);
    for (const o of [{ directed: true }, { statuses: ['fact'] }, { minConfidence: 0.5 }, { asOf: '2024-01-01' }]) {
      expect(pathSearch(o).filtered).toBe(true);
    }
    expect(pathSearch({ knownOn: '2024-01-01' }).filtered).toBe(true);
    expect(pathSearch({ excludeTypes: ['LEADS'] }).filtered).toBe(true);
  });

  it('hands the options to the relationship filter, retracted ones out, the types left to the pattern', () => {
    expect(edgeParams(pathSearch({ directed: true, asOf: '2023-08-01', window: 30, statuses: ['fact'] }))).toEqual({
      directed: true,
      f: {
        includeRetracted: false,
        types: null,
        excludeTypes: null,
        statuses: ['fact'],
        minConfidence: null,
        asOf: '2023-08-01',
        windowStart: '2023-07-03',
        knownOn: null,
        betweenFrom: null,
        betweenTo: null,
        source: null,
        claimedBy: null,
        from: null,
        to: null,
        involving: null,
        other: null,
        eventTypes: EVENT_TYPES,
        symmetricTypes: SYMMETRIC_TYPES,
      },
    });
    expect(edgeParams(pathSearch({ excludeTypes: ['LEADS'] })).f.types).toBeNull();
  });

  it('counts a window in days ending on asOf, and refuses one without asOf', () => {
    expect(windowStart('2024-10-20', 30)).toBe('2024-09-21');
    expect(windowStart('2024-03-01', 1)).toBe('2024-03-01');
    expect(windowStart('2024-03-01', 2)).toBe('2024-02-29');
    expect(checkAsOf('options', '2024-10-20', null)).toEqual({ asOf: '2024-10-20', window: null, windowStart: null });
    expect(() => pathSearch({ window: 30 })).toThrow('options.window: needs asOf');
    expect(() => pathSearch({ asOf: '2024-10-20', window: 1.5 })).toThrow(
      'options.window: must be between 1 and 36525',
    );
  });
});

describe('path Cypher', () => {
  const search = pathSearch({
    types: ['LEADS', 'MET_WITH', 'INVADED'],
    statuses: ['fact'],
    minConfidence: 0.7,
    asOf: '2023-08-01',
    knownOn: '2024-10-14',
    directed: true,
    maxHops: 3,
  });

  it('writes types, hop bound and n into the text, every other value as a $parameter', () => {
    const text = searchQuery({ kind: 'shortest', n: 32 }, search.types, search.maxHops);
    expect(text).toMatchSnapshot();
    expect(text).toContain('SHORTEST 32 (a)((x:Actor)-[r:INVADED|LEADS|MET_WITH]-(y:Actor) WHERE');
    expect(text).toContain('){1,3}(b)');
    for (const value of ['fact', '0.7', '2023-08-01', '2024-10-14']) expect(text).not.toContain(value);
    for (const param of ['$f.statuses', '$f.minConfidence', '$f.asOf', '$f.knownOn', '$directed', '$from', '$to']) {
      expect(text).toContain(param);
    }
    // The hop predicate, inside the pattern, is the relationship filter itself plus the direction.
    const hop = /WHERE ([\s\S]*)\)\{1,3\}\(b\)/.exec(text)?.[1] ?? '';
    const filter = withoutComments(fs.readFileSync(path.join(CYPHER_DIR, 'relationship-filter.cypher'), 'utf8'));
    expect(hop).toContain(filter);
    expect(hop).toContain('(NOT $directed OR startNode(r) = x OR type(r) IN $f.symmetricTypes)');
    expect(text).not.toMatch(/__[A-Z_]+__/);
  });

  it('asks for every shortest path with ALL SHORTEST, and builds the neighbour query the same way', () => {
    const all = searchQuery({ kind: 'all' }, ['LEADS'], 6);
    expect(all).toContain('ALL SHORTEST (a)((x:Actor)-[r:LEADS]-(y:Actor) WHERE');
    expect(all).toContain('){1,6}(b)');
    const neighbors = neighborsQuery(['LEADS', 'VISITED']);
    expect(neighbors).toMatchSnapshot();
    expect(neighbors).toContain('-[r:LEADS|VISITED]-');
    expect(neighbors).toContain('){2}(b)');
  });

  it('refuses anything that is not a vocabulary type or a checked integer', () => {
    expect(() => searchQuery({ kind: 'all' }, ['LEADS', 'x]-() DETACH DELETE (y'], 3)).toThrow(
      /not a relationship type/,
    );
    expect(() => neighborsQuery([])).toThrow();
    expect(() => searchQuery({ kind: 'shortest', n: 0 }, ['LEADS'], 3)).toThrow();
    expect(() => searchQuery({ kind: 'shortest', n: 2 }, ['LEADS'], 7)).toThrow();
    expect(() => searchQuery({ kind: 'shortest', n: 1.5 }, ['LEADS'], 3)).toThrow();
  });
});

describe('path explanations', () => {
  it('prints dates at their precision', () => {
    expect(formatDay('2024-10-13', 'day')).toBe('13 Oct 2024');
    expect(formatDay('2022-02-01', 'month')).toBe('Feb 2022');
    expect(formatDay('2022-01-01', 'year')).toBe('2022');
    expect(formatDay('2024-01-02')).toBe('2 Jan 2024');
  });

  const base = {
    type: 'SUPPLIES_ARMS_TO',
    status: 'alleged',
    validFrom: null,
    validFromPrecision: null,
    validTo: null,
    validToPrecision: null,
    knownSince: '2024-10-13',
    claimedBy: 'ukraine',
    claimedByName: 'Ukraine',
    sourceRows: [{ id: 'a-report', published: '2024-10-13' }],
  };

  it('one hop: the template sentence, status with claimant, date, sources', () => {
    expect(step(base, 'North Korea', 'Russia')).toBe(
      'North Korea supplies arms to Russia (alleged by Ukraine, known since 13 Oct 2024; source: a-report (13 Oct 2024))',
    );
    const fact = {
      ...base,
      type: 'INVADED',
      status: 'fact',
      claimedBy: null,
      claimedByName: null,
      validFrom: '2022-02-01',
      validFromPrecision: 'month',
      sourceRows: [
        { id: 'one', published: '2022-02-24' },
        { id: 'two', published: '2024-10-14' },
      ],
    };
    expect(step(fact, 'Russia', 'Ukraine')).toBe(
      'Russia invaded Ukraine (Feb 2022; sources: one (24 Feb 2022), two (14 Oct 2024))',
    );
  });

  it('valid time: a state since its start, an event on its date, a period from and to', () => {
    const leads = { ...base, type: 'LEADS', validFrom: '2021-01-20', validFromPrecision: 'day' };
    expect(when(leads)).toBe('since 20 Jan 2021');
    const met = {
      ...base,
      type: 'MET_WITH',
      validFrom: '2023-09-01',
      validFromPrecision: 'month',
      validTo: '2023-09-30',
      validToPrecision: 'month',
    };
    expect(when(met)).toBe('Sep 2023');
    const visit = {
      ...met,
      validFrom: '2024-10-14',
      validFromPrecision: 'day',
      validTo: '2024-10-20',
      validToPrecision: 'day',
    };
    expect(when(visit)).toBe('14 Oct 2024 to 20 Oct 2024');
    expect(when({ ...base, validTo: '2019-12-31', validToPrecision: 'year' })).toBe('until 2019');
  });

  it('an accusation or denial says what it is about', () => {
    const accuses = {
      ...base,
      type: 'ACCUSES',
      status: 'fact',
      claimedBy: null,
      claimedByName: null,
      claim: { type: 'SUPPLIES_ARMS_TO', from: 'North Korea', to: 'Russia', status: 'alleged' },
    };
    expect(step(accuses, 'Ukraine', 'North Korea')).toBe(
      'Ukraine accused North Korea [North Korea supplies arms to Russia: alleged] (known since 13 Oct 2024; source: a-report (13 Oct 2024))',
    );
    expect(step({ ...accuses, claim: null }, 'Ukraine', 'North Korea')).toBe(
      'Ukraine accused North Korea (known since 13 Oct 2024; source: a-report (13 Oct 2024))',
    );
  });

  it('joins steps into one account', () => {
    expect(explanation(['A met with B (x)', 'B leads C (y)'])).toBe('A met with B (x); B leads C (y).');
    expect(explanation([])).toBe('');
  });
});

describe('path order', () => {
  const path = (ids: string[], confidences: number[]): PathRow => ({
    nodes: [],
    edges: ids.map((id, i) => ({ id, confidence: confidences[i] }) as PathRow['edges'][number]),
    length: ids.length,
    weakestConfidence: Math.min(...confidences),
  });

  it('shorter first, then the better-supported, then by relationship ids', () => {
    const sorted = [
      path(['c', 'd'], [0.9, 0.9]),
      path(['z'], [0.5]),
      path(['b', 'e'], [0.9, 0.6]),
      path(['a', 'f'], [0.9, 0.9]),
    ].sort(comparePaths);
    expect(sorted.map((p) => p.edges.map((e) => e.id).join())).toEqual(['z', 'a,f', 'c,d', 'b,e']);
  });
});
