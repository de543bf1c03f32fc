// The one Cypher expander (server/db/queries.ts): fragments spliced by name, variables, values
// where Cypher takes no parameter (checked integers, vocabulary types, path selectors), and every
// file of cypher/ completing with nothing left over. No database.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, type Fill, query, withoutComments } from '../../server/db/queries.js';
import { neighborhoodQuery } from '../../server/graphql/resolvers/relationships.js';

/** The values the templates among the query files need. */
const FILLS: Record<string, Record<string, Fill>> = {
  neighborhood: { DEPTH: 2 },
  'path-search': { SELECTOR: { kind: 'shortest', n: 32 }, TYPES: ['LEADS', 'MET_WITH'], MAX_HOPS: 4 },
  'path-neighbors': { TYPES: ['LEADS'] },
};

const files = fs
  .readdirSync(CYPHER_DIR)
  .filter((f) => f.endsWith('.cypher'))
  .map((f) => f.replace(/\.cypher$/, ''));
const isFragment = (name: string) => fs.readFileSync(`${CYPHER_DIR}/${name}.cypher`, 'utf8').startsWith('// Fragment');

describe('the Cypher expander', () => {
  it('completes every query file, leaving no placeholder and no comment', () => {
    const queries = files.filter((name) => !isFragment(name) && name !== 'schema');
    expect(queries.length).toBeGreaterThan(20);
    for (const name of queries) {
      const text = query(name, FILLS[name]);
      expect(text, name).not.toMatch(/__[A-Za-z0-9_()]+__/);
      expect(text, name).toBe(withoutComments(text));
      expect(text.trim(), name).not.toBe('');
    }
  });

  it('splices a fragment with its variable, and fragments inside fragments', () => {
    const actors = query('actors-by-id');
    expect(actors).toContain("kind: [label IN labels(a) WHERE label <> 'Actor'][0]");
    // actor-row passes its variable on to actor-degree.
    expect(actors).toContain('COUNT { (a)--() } - coalesce(a.retractedDegree, 0)');
    const relationships = query('relationships-by-id');
    // relationship-row splices actor-row twice, once for each end.
    expect(relationships).toContain('fromActor: a {.id');
    expect(relationships).toContain('toActor: b {.id');
  });

  it('looks relationships up by id through the id registry, whatever their type, the ids as a parameter', () => {
    const text = query('relationships-by-id');
    expect(text).toContain('MATCH (k:RelationshipId) WHERE k.id IN $ids');
    // Grouped by pair of ends, so that a busy pair's relationships are read once, not once per id.
    expect(text).toContain('WITH k.from AS fromId, k.to AS toId, collect(k.id) AS pairIds');
    expect(text).toContain('MATCH (a:Actor {id: fromId})-[r]->(b:Actor {id: toId})');
    expect(text).not.toContain('UNION');
    // Spliced with a list variable, that variable takes the parameter's place.
    const spliced = query('path-search', { SELECTOR: { kind: 'all' }, TYPES: ['LEADS'], MAX_HOPS: 2 });
    expect(spliced).toContain('MATCH (k:RelationshipId) WHERE k.id IN aboutIds');
  });

  it('writes checked integers, vocabulary types and path selectors, and refuses anything else', () => {
    expect(query('path-neighbors', { TYPES: ['LEADS', 'VISITED'] })).toContain('-[r:LEADS|VISITED]-');
    const all = query('path-search', { SELECTOR: { kind: 'all' }, TYPES: ['LEADS'], MAX_HOPS: 6 });
    expect(all).toContain('ALL SHORTEST (a)((x:Actor)-[r:LEADS]-(y:Actor) WHERE');
    expect(all).toContain('){1,6}(b)');
    expect(() => query('path-neighbors', { TYPES: ['LEADS', 'x]-() DETACH DELETE (y'] })).toThrow(
      /not a relationship type of the vocabulary/,
    );
    expect(() => query('path-neighbors', { TYPES: [] })).toThrow(/at least one relationship type/);
    expect(() => query('neighborhood', { DEPTH: 1.5 })).toThrow(/__DEPTH__ takes an integer/);
    expect(() => query('neighborhood', { DEPTH: -1 })).toThrow(/__DEPTH__ takes an integer/);
    const shortest = { SELECTOR: { kind: 'shortest', n: 0 }, TYPES: ['LEADS'], MAX_HOPS: 3 } as const;
    expect(() => query('path-search', shortest)).toThrow(/__SELECTOR__ takes an integer of at least 1/);
  });

  it('fails on a placeholder that names nothing, and on a missing query', () => {
    expect(() => query('neighborhood')).toThrow(/__DEPTH__ has no value and no fragment/);
    expect(() => query('no-such-query')).toThrow(/expected cypher\/no-such-query\.cypher/);
    expect(() => query('../package')).toThrow(/Invalid query name/);
  });

  it('writes the neighbourhood depth into the quantifier, so depth 1 explores one hop', () => {
    for (const depth of [1, 2, 3]) {
      const text = neighborhoodQuery(depth);
      expect(text).toContain(`{1,${depth}}`);
      expect(text).not.toMatch(/\$depth/);
    }
    expect(() => neighborhoodQuery(4)).toThrow(RangeError);
  });
});
