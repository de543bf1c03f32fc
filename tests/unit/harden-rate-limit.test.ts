// The token bucket and the count of expensive fields, without a server.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/graphql/schema.js';
import { operationCost } from '../../server/http/operation-cost.js';
import { clientAddress, TokenBuckets } from '../../server/http/use-rate-limit.js';

const schema = buildSchema();

describe('token buckets', () => {
  it('grants the burst, refuses with the seconds until a token, and refills evenly', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3 }, () => now);
    expect([buckets.take('a', 1), buckets.take('a', 1), buckets.take('a', 1)]).toEqual([0, 0, 0]);
    expect(buckets.take('a', 1)).toBe(1);
    expect(buckets.take('b', 1)).toBe(0); // another client has its own bucket
    now += 1_000;
    expect(buckets.take('a', 1)).toBe(0);
    expect(buckets.take('a', 2)).toBe(2);
    now += 60_000;
    expect(buckets.take('a', 3)).toBe(0); // never more than the burst
    expect(buckets.take('a', 1)).toBe(1);
  });

  it('refuses an operation costing more than the burst, however long the client waits', () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 3 }, () => 0);
    expect(buckets.take('a', 4)).toBeGreaterThan(0);
  });
});

describe('operation cost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}, name?: string) =>
    operationCost(schema, parse(query), name, variables)?.tokens;

  it('counts path fields, aliases one each, through fragments', () => {
    expect(cost('{ actor(id: "a") { id } }')).toBe(0);
    expect(cost('{ a: shortestPath(from: "a", to: "b") { message } b: paths(from: "a", to: "b") { message } }')).toBe(
      2,
    );
    expect(cost('{ ...F } fragment F on Query { connection(from: "a", to: "b") { message } }')).toBe(1);
    expect(cost('{ ... on Query { allShortestPaths(from: "a", to: "b") { message } } }')).toBe(1);
  });

  it('counts the analytics fields, one each', () => {
    expect(cost('{ alliances { actorCount } c: centrality(measure: DEGREE) { exact } }')).toBe(2);
    expect(cost('{ dyad(a: "x", b: "y") { net } }')).toBe(1);
  });

  it('counts neighbourhoods from depth 2, literal or variable', () => {
    expect(cost('{ neighborhood(id: "a") { nodes { id } } }')).toBe(0);
    expect(cost('{ neighborhood(id: "a", depth: 2) { nodes { id } } }')).toBe(1);
    expect(cost('query($d: Int) { neighborhood(id: "a", depth: $d) { nodes { id } } }', { d: 3 })).toBe(1);
    expect(cost('query($d: Int) { neighborhood(id: "a", depth: $d) { nodes { id } } }', { d: 1 })).toBe(0);
  });

  it('reads arguments as the resolver gets them: a variable left out takes its default', () => {
    expect(cost('query($d: Int = 3) { neighborhood(id: "a", depth: $d) { nodes { id } } }')).toBe(1);
    expect(cost('query($d: Int = 3) { neighborhood(id: "a", depth: $d) { nodes { id } } }', { d: 1 })).toBe(0);
  });

  it('counts every field that reads many relationships: timelines, the graph, disputes', () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `t${i}: timeline(actor: "a") { totalCount }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(10);
    expect(cost('{ graph { nodes { id } } disputed { id } }')).toBe(2);
  });

  it('picks the named operation', () => {
    const doc = 'query A { actor(id: "a") { id } } query B { paths(from: "a", to: "b") { message } }';
    expect(cost(doc, {}, 'A')).toBe(0);
    expect(cost(doc, {}, 'B')).toBe(1);
  });
});

describe('client address', () => {
  const request = (forwarded?: string) =>
    new Request('http://x/graphql', forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {});
  const socket = { req: { socket: { remoteAddress: '10.1.1.1' } } };

  it('is the socket address unless a proxy is trusted, then the last forwarded entry', () => {
    expect(clientAddress(request('1.2.3.4'), socket, false)).toBe('10.1.1.1');
    expect(clientAddress(request('6.6.6.6, 1.2.3.4'), socket, true)).toBe('1.2.3.4');
    expect(clientAddress(request(), socket, true)).toBe('10.1.1.1');
    expect(clientAddress(request(), undefined, false)).toBe('unknown');
  });
});
