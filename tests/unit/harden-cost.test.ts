// The cost estimate the cost limit refuses on, without a server: variables, defaults and nested
// list sizes all count, so the same shape costs the same however it is written.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/graphql/schema.js';
import { operationCost } from '../../server/http/operation-cost.js';
import { LIMITS } from '../../server/http/use-limits.js';

const schema = buildSchema();
const values = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), undefined, variables)?.values;

const HUB = '{ actor(id: "hub-0") { relationships { from { relationships { from { relationships { id } } } } } } }';

describe('operation cost (values a response can hold)', () => {
  it('counts the default page size of a list (first: 100) down nested lists', () => {
    // 1 actor, 100 relationships, 100 from, 10⁴ relationships, 10⁴ from, 10⁶ relationships, 10⁶ ids.
    expect(values(HUB)).toBe(1 + 100 + 100 + 10_000 + 10_000 + 1_000_000 + 1_000_000);
    expect(values(HUB)).toBeGreaterThan(LIMITS.cost);
  });

  it('counts a size given as a variable, or as a variable default, like a literal', () => {
    const literal = values('{ actors(first: 400) { nodes { id name } } }');
    expect(values('query($n: Int) { actors(first: $n) { nodes { id name } } }', { n: 400 })).toBe(literal);
    expect(values('query($n: Int = 400) { actors(first: $n) { nodes { id name } } }')).toBe(literal);
    // a connection's first bounds its nodes: 1 connection + 400 nodes × (1 + 2 fields)
    expect(literal).toBe(1 + 400 + 800);
  });

  it('multiplies through fragments and inline fragments the same way', () => {
    const plain = values('{ actor(id: "a") { relationships(first: 7) { id from { id } } } }');
    const spread = values(
      '{ actor(id: "a") { ...A } } fragment A on Actor { relationships(first: 7) { ... on Relationship { id from { id } } } }',
    );
    expect(spread).toBe(plain);
  });

  it('leaves an operation whose variables do not coerce to execution, which refuses it', () => {
    expect(values('query($n: Int) { actors(first: $n) { totalCount } }', { n: 'many' })).toBeUndefined();
  });
});
