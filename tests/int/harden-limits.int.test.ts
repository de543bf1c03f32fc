// The HTTP and GraphQL surface against abuse, over the real app and Neo4j: every client document
// passes the query limits, each limit admits a query just under it and refuses one just over with a
// clear message and no stack trace; body size, batching, CSRF, CORS, production mode, rate limits
// and request ids.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { LIMITS } from '../../server/http/use-limits.js';
import { BASE_SEED, importBundle, seedDatabase } from '../../server/import/import-bundle.js';
import { createLogger } from '../../server/logger.js';
import { openExecutor, resetDatabase, testConfig } from '../helpers/db.js';

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

function makeApp(env: Record<string, string> = {}) {
  const config = testConfig(env);
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger({ logLevel: 'info' }, sink);
  const app = createApp({ config, executor, log });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.fetch('http://actor-graph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { response, body: (await response.json()) as Body };
  };
  return {
    app,
    lines,
    post,
    query: (query: string, variables: Record<string, unknown> = {}) => post({ query, variables }),
  };
}

const executor = openExecutor();
const dev = makeApp();
afterAll(() => executor.close());
beforeAll(async () => {
  await resetDatabase(executor);
  await seedDatabase(executor, [BASE_SEED]);
});

/** Every document the client sends, captured by running each exported operation against a stub fetch. */
async function clientDocuments(): Promise<{ query: string; variables: Record<string, unknown> }[]> {
  const operations = await import('../../client/src/api/operations.js');
  const seen: { query: string; variables: Record<string, unknown> }[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (_url: unknown, init?: RequestInit) => {
    seen.push(JSON.parse(String(init?.body)));
    return new Response('{"data":null}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  try {
    for (const operation of Object.values(operations)) {
      if (typeof operation !== 'function') continue;
      await (operation as (...args: unknown[]) => Promise<unknown>)('russia', 'north-korea', 2, {}).catch(() => {});
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  return seen;
}

function expectRefused(body: Body, pattern: RegExp) {
  expect(body.data ?? null).toBeNull();
  const error = body.errors?.[0];
  expect(error?.message).toMatch(pattern);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+|stack/);
}

describe('query limits', () => {
  it('passes every query document of the client, with real arguments, without an error', async () => {
    const documents = await clientDocuments();
    expect(documents.length).toBeGreaterThanOrEqual(7);
    for (const { query, variables } of documents) {
      // The stub call passed placeholder arguments; give each variable the client uses a real value.
      const real: Record<string, unknown> = { id: 'russia', from: 'russia', to: 'north-korea', search: 'Korea' };
      Object.assign(real, {
        first: 8,
        depth: 2,
        k: 3,
        options: { maxHops: 4 },
        limit: 2000,
        top: 10,
        filter: { involving: 'russia' },
      });
      const realistic = Object.fromEntries(Object.keys(variables).map((name) => [name, real[name] ?? variables[name]]));
      const { body } = await dev.query(query, realistic);
      expect(body.errors, query).toBeUndefined();
    }
  });

  const nested = (pairs: number, leaf = 'id') =>
    `{ actor(id: "russia") { ${'relationships(first: 1) { from { '.repeat(pairs)}${leaf}${' } }'.repeat(pairs)} } }`;

  it(`depth: ${LIMITS.depth} passes, ${LIMITS.depth + 1} is refused`, async () => {
    // actor, then (relationships, from) pairs, then the leaf: 1 + 2p + 1 levels.
    const under = nested(3); // 8
    const over = `{ actor(id: "russia") { ${'relationships(first: 1) { from { '.repeat(3)}relationships(first: 1) { id }${' } }'.repeat(3)} } }`;
    expect((await dev.query(under)).body.errors).toBeUndefined();
    expectRefused((await dev.query(over)).body, /depth limit of 8 exceeded, found 9/i);
  });

  it(`aliases: ${LIMITS.aliases} pass, ${LIMITS.aliases + 1} are refused`, async () => {
    // Aliases of __typename are free (graphql-armor's allow list); those of real fields count.
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: relationshipTypes { type }`).join(' ')} }`;
    expect((await dev.query(aliases(LIMITS.aliases))).body.errors).toBeUndefined();
    expectRefused((await dev.query(aliases(LIMITS.aliases + 1))).body, /aliases limit of 10 exceeded/i);
  });

  it(`directives: ${LIMITS.directives} pass, ${LIMITS.directives + 1} are refused`, async () => {
    const directives = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `d${i}: __typename @include(if: true)`).join(' ')} }`;
    expect((await dev.query(directives(LIMITS.directives))).body.errors).toBeUndefined();
    expectRefused((await dev.query(directives(LIMITS.directives + 1))).body, /directives limit of 5 exceeded/i);
  });

  it(`tokens: ${LIMITS.tokens} pass, ${LIMITS.tokens + 1} are refused`, async () => {
    // 16 tokens around the list of ids (commas are not tokens). Repeating a field instead would trip
    // graphql-js's own guard on field merging first.
    const tokens = (n: number) => `{ actors(filter: { ids: [${'"x" '.repeat(n - 16)}] }) { totalCount } }`;
    expect((await dev.query(tokens(LIMITS.tokens))).body.errors).toBeUndefined();
    expectRefused((await dev.query(tokens(LIMITS.tokens + 1))).body, /token limit of 1000 exceeded/i);
  });

  it(`cost: on a hub graph, just under ${LIMITS.cost} values passes, just over is refused (defaults and variables count)`, async () => {
    // One hub with 30 relationships: the estimate counts the page sizes asked for (100 by default), not what is stored.
    await importBundle(executor, {
      format: 'actor-graph-bundle',
      version: 1,
      actors: [
        { id: 'hub-0', kind: 'Country', name: 'Hub' },
        ...Array.from({ length: 30 }, (_, i) => ({ id: `spoke-${i}`, kind: 'Country', name: `Spoke ${i}` })),
      ],
      sources: [{ id: 'hub-source', title: 'Hub', publisher: 'Test', published: '2024-01-01', kind: 'article' }],
      relationships: Array.from({ length: 30 }, (_, i) => ({
        id: `hub-0-condemns-${i}`,
        type: 'CONDEMNS',
        from: 'hub-0',
        to: `spoke-${i}`,
        status: 'fact',
        confidence: 0.9,
        summary: `Hub condemned spoke ${i}.`,
        sources: ['hub-source'],
      })),
    });
    // relationships takes first: 100 by default: 1 + 2·100 + 2·100² + 2·100²·m values.
    const hub =
      'query($m: Int = 100) { actor(id: "hub-0") { relationships { from { relationships { from { relationships(first: $m) { id } } } } } } }';
    const estimate = (m: number) => 1 + 200 + 20_000 + 20_000 * m;
    const under = Math.floor((LIMITS.cost - 20_201) / 20_000);
    expect(estimate(under)).toBeLessThanOrEqual(LIMITS.cost);
    expect(estimate(under + 1)).toBeGreaterThan(LIMITS.cost);
    const passed = await dev.query(hub, { m: under });
    expect(passed.body.errors).toBeUndefined();
    // The hub's own relationships, two levels down, really were returned.
    const first = (passed.body.data as { actor: { relationships: { from: { relationships: unknown[] } }[] } }).actor;
    expect(first.relationships).toHaveLength(30);
    expect(first.relationships[0]?.from.relationships).toHaveLength(30);
    const spec = { accept: 'application/graphql-response+json' };
    for (const refused of [
      await dev.post({ query: hub, variables: { m: under + 1 } }, spec),
      await dev.post({ query: hub }, spec), // the variable's default, 100
      await dev.post({ query: hub.replace('(first: $m)', '').replace('query($m: Int = 100) ', '') }, spec), // the argument's default, 100
    ]) {
      expect(refused.response.status).toBe(400);
      expectRefused(refused.body, new RegExp(`about \\d+ values; the budget is ${LIMITS.cost}`));
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT');
      expect(Number(refused.body.errors?.[0]?.extensions?.estimate)).toBeGreaterThan(LIMITS.cost);
    }
  });

  it('refusals carry a code, and HTTP 400 when the client accepts application/graphql-response+json', async () => {
    const deep = `{ actor(id: "russia") { ${'relationships(first: 1) { from { '.repeat(4)}id${' } }'.repeat(4)} } }`;
    const aliases = `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: relationshipTypes { type }`).join(' ')} }`;
    const badVariable = { query: 'query($n: Int) { actors(first: $n) { totalCount } }', variables: { n: 'many' } };
    for (const body of [{ query: deep }, { query: aliases }, badVariable]) {
      const spec = await dev.post(body, { accept: 'application/graphql-response+json' });
      expect(spec.response.status, JSON.stringify(spec.body)).toBe(400);
      expect(spec.body.errors?.[0]?.extensions?.code, JSON.stringify(spec.body)).toMatch(
        /^(QUERY_LIMIT|BAD_USER_INPUT)$/,
      );
      expect(spec.body.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
      // application/json keeps 200 (the spec's rule for that media type), with the same code.
      const legacy = await dev.post(body, { accept: 'application/json' });
      expect(legacy.response.status).toBe(200);
      expect(legacy.body.errors?.[0]?.extensions?.code).toBe(spec.body.errors?.[0]?.extensions?.code);
    }
  });

  it(`characters: ${LIMITS.characters} pass, one more is refused`, async () => {
    const padded = (n: number) => {
      const core = '{ __typename }\n#';
      return core + 'x'.repeat(n - core.length);
    };
    expect((await dev.query(padded(LIMITS.characters))).body.errors).toBeUndefined();
    const over = await dev.query(padded(LIMITS.characters + 1));
    expect(over.response.status).toBe(400);
    expectRefused(over.body, /10001 characters; the limit is 10000/);
    expect(over.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
  });

  it('body size: a body just under the limit is served, one over it is refused with 413', async () => {
    const body = (bytes: number) => {
      const shell = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
      return JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes - shell.length) } });
    };
    const under = await dev.post(body(LIMITS.bodyBytes));
    expect(under.response.status).toBe(200);
    expect(under.body.data).toEqual({ __typename: 'Query' });
    const over = await dev.post(body(LIMITS.bodyBytes + 1));
    expect(over.response.status).toBe(413);
    expectRefused(over.body, /Request body too large/i);
  });

  it('body size over node:http: by Content-Length before reading, and counted when chunked', async () => {
    const server = http.createServer(dev.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const send = (body: string, headers: Record<string, string>) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const small = JSON.stringify({ query: '{ __typename }' });
      const large = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(LIMITS.bodyBytes) } });
      const exact = await send(small, { 'content-length': String(Buffer.byteLength(small)) });
      expect(exact.status).toBe(200);
      expect(JSON.parse(exact.text).data).toEqual({ __typename: 'Query' });
      const declared = await send(large, { 'content-length': String(Buffer.byteLength(large)) });
      expect(declared.status).toBe(413);
      expect(declared.text).toMatch(/Request body too large/);
      const chunked = await send(large, { 'transfer-encoding': 'chunked' });
      expect(chunked.status).toBe(413);
      expect(chunked.text).toMatch(/Request body too large/);
      const smallChunked = await send(small, { 'transfer-encoding': 'chunked' });
      expect(smallChunked.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a Content-Length that is not one non-negative integer', async () => {
    const response = await dev.app.fetch('http://actor-graph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '12, 12' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Content-Length/);
  });

  it('refuses batched requests', async () => {
    const { body } = await dev.post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/batch/i);
  });

  it('logs each refusal with the request id', async () => {
    await dev.query(nested(4));
    const refusal = dev.lines.findLast((line) => line.msg === 'Query refused by a limit');
    expect(refusal?.limit).toMatch(/depth/);
    expect(refusal?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('CSRF prevention', () => {
  const get = (headers: Record<string, string> = {}) =>
    dev.app.fetch('http://actor-graph.test/graphql?query=%7B__typename%7D', {
      headers: { accept: 'application/json', ...headers },
    });

  it('refuses a GET without a client header, and serves it with one', async () => {
    const refused = await get();
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Body).errors?.[0]?.extensions?.code).toBe('CSRF_REFUSED');
    const served = await get({ 'x-graphql-client': 'actor-graph' });
    expect(served.status).toBe(200);
  });

  it('refuses a "simple" text/plain POST (a form on another site could send one)', async () => {
    const response = await dev.app.fetch('http://actor-graph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(403);
  });

  it('serves an application/json POST without the header (never a simple request)', async () => {
    const { response, body } = await dev.query('{ __typename }');
    expect(response.status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
  });
});

describe('CORS', () => {
  const preflight = (app: ReturnType<typeof makeApp>['app'], origin: string) =>
    app.fetch('http://actor-graph.test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows only the configured origins', async () => {
    const { app } = makeApp({ CORS_ORIGINS: 'https://graph.example.org, https://other.example.org' });
    const good = await preflight(app, 'https://graph.example.org');
    expect(good.headers.get('access-control-allow-origin')).toBe('https://graph.example.org');
    expect(good.headers.get('access-control-allow-credentials')).toBeNull();
    const bad = await preflight(app, 'https://evil.example.com');
    expect(bad.headers.get('access-control-allow-origin')).toBe('null');
  });

  it('in production with no CORS_ORIGINS, allows no other origin', async () => {
    const { app } = makeApp({ NODE_ENV: 'production' });
    const response = await preflight(app, 'https://evil.example.com');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('production mode', () => {
  const prod = makeApp({ NODE_ENV: 'production' });

  it('serves no GraphiQL', async () => {
    const response = await prod.app.fetch('http://actor-graph.test/graphql', { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toMatch(/graphiql/i);
  });

  it('refuses introspection of the schema, but still serves the client its vocabulary enums', async () => {
    expectRefused((await prod.query('{ __schema { types { name } } }')).body, /Introspection is disabled/);
    expectRefused(
      (await prod.query('{ __type(name: "Query") { fields { name } } }')).body,
      /Introspection is disabled/,
    );
    expectRefused(
      (await prod.query('query($n: String!) { __type(name: $n) { name } }', { n: 'ActorKind' })).body,
      /Introspection is disabled/,
    );
    const vocabulary = (await clientDocuments()).find((d) => d.query.includes('__type'));
    expect(vocabulary).toBeDefined();
    expect((await prod.query(vocabulary?.query ?? '')).body.errors).toBeUndefined();
    // Development keeps full introspection for GraphiQL.
    expect((await dev.query('{ __schema { queryType { name } } }')).body.errors).toBeUndefined();
  });

  it('hides field suggestions', async () => {
    const { body } = await prod.query('{ actr(id: "russia") { id } }');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const { body: devBody } = await dev.query('{ actr(id: "russia") { id } }');
    expect(devBody.errors?.[0]?.message).toMatch(/Did you mean "actor"/);
    // Enum values, as a literal and as a variable, are suggested nowhere in production either.
    const literal = await prod.query('{ relationships(filter: { types: [ALLIED] }) { totalCount } }');
    const variable = await prod.query(
      'query($t: RelationshipType!) { relationships(filter: { types: [$t] }) { totalCount } }',
      { t: 'ALLIED' },
    );
    for (const { body: b } of [literal, variable]) {
      expect(b.errors?.[0]?.message).toMatch(/does not exist in "RelationshipType"/);
      expect(b.errors?.[0]?.message).not.toMatch(/Did you mean/);
      expect(b.errors?.[0]?.extensions?.code).toBeDefined();
    }
  });

  it('masks unexpected errors, logging them with the request id', async () => {
    const config = testConfig({ NODE_ENV: 'production', NEO4J_DATABASE: 'no-such-database' });
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _e, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const broken = openExecutor(config);
    try {
      const app = createApp({ config, executor: broken, log: createLogger({ logLevel: 'info' }, sink) });
      const response = await app.fetch('http://actor-graph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'masked-1' },
        body: JSON.stringify({ query: '{ actor(id: "russia") { id } }' }),
      });
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toMatch(/no-such-database|Neo4j|stack/i);
      const logged = lines.find((line) => line.msg === 'Unexpected error in a resolver');
      expect(logged?.requestId).toBe('masked-1');
      expect(JSON.stringify(logged)).toMatch(/no-such-database/);
    } finally {
      await broken.close();
    }
  });
});

describe('rate limit on expensive fields', () => {
  const PATH = '{ shortestPath(from: "russia", to: "united-states") { path { length } } }';

  it('grants the burst, then refuses with RATE_LIMITED, 429 and Retry-After; cheap fields stay free', async () => {
    const limited = makeApp({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '3' });
    for (let i = 0; i < 3; i += 1) expect((await limited.query(PATH)).body.errors).toBeUndefined();
    const refused = await limited.query(PATH);
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.response.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expectRefused(refused.body, /Too many path or deep neighbourhood queries/);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0]?.extensions?.retryAfter).toBe(Number(refused.response.headers.get('retry-after')));
    // A depth-1 neighbourhood and lookups are not counted; a depth-2 one is.
    expect((await limited.query('{ neighborhood(id: "russia") { nodes { id } } }')).body.errors).toBeUndefined();
    expect((await limited.query('{ actor(id: "russia") { name } }')).body.errors).toBeUndefined();
    const deep = await limited.query('query($d: Int) { neighborhood(id: "russia", depth: $d) { nodes { id } } }', {
      d: 2,
    });
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts each aliased path field, so aliases cannot multiply the allowance', async () => {
    const limited = makeApp({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '3' });
    const four = `{ ${[1, 2, 3, 4].map((i) => `p${i}: shortestPath(from: "russia", to: "ukraine") { message }`).join(' ')} }`;
    expect((await limited.query(four)).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('keys by the proxy-appended X-Forwarded-For entry only when TRUST_PROXY is set', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '1' };
    const as = (app: ReturnType<typeof makeApp>, forwarded: string) =>
      app.post({ query: PATH }, { 'x-forwarded-for': forwarded });
    const proxied = makeApp({ ...env, TRUST_PROXY: '1' });
    expect((await as(proxied, '10.0.0.1')).body.errors).toBeUndefined();
    expect((await as(proxied, '10.0.0.1')).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // A client cannot pick its own key by prepending entries: the proxy's (last) one counts.
    expect((await as(proxied, '1.2.3.4, 10.0.0.1')).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await as(proxied, '10.0.0.2')).body.errors).toBeUndefined();
    // Without TRUST_PROXY the header is ignored: a new value does not buy a new bucket.
    const direct = makeApp(env);
    expect((await as(direct, '10.0.0.1')).body.errors).toBeUndefined();
    expect((await as(direct, '10.0.0.2')).body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('request ids', () => {
  it('answers with a fresh id, or the caller’s when it is well-formed, and logs it on the request line', async () => {
    const fresh = await dev.query('{ __typename }');
    const id = fresh.response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(dev.lines.some((line) => line.requestId === id && line.msg === 'request' && line.status === 200)).toBe(true);

    const given = await dev.post({ query: '{ __typename }' }, { 'x-request-id': 'edge-7f3a.42' });
    expect(given.response.headers.get('x-request-id')).toBe('edge-7f3a.42');

    const hostile = await dev.post({ query: '{ __typename }' }, { 'x-request-id': `a${'b'.repeat(200)}` });
    expect(hostile.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
