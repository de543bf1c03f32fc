// npm run loadtest: a fixed request rate of the client's own queries against a running server,
// then latency percentiles and error counts. Not a test with a pass mark: a measurement to read.
//
//   LOADTEST_URL         GraphQL endpoint (default http://127.0.0.1:4000/graphql)
//   LOADTEST_RATE        requests per second, all connections together (default 50)
//   LOADTEST_DURATION_S  seconds (default 20)
//   LOADTEST_CONNECTIONS concurrent connections (default 10)
//
// The documents are those client/src/api/operations.ts sends, captured by calling each operation
// against a stub fetch, so the load follows the client as it changes. The server's per-client rate
// limit on path queries applies to this one client too: start the server with
// RATE_LIMIT_PER_MINUTE=0 to measure capacity, or keep it to watch it refuse (RATE_LIMITED below).
import autocannon from 'autocannon';

interface Operation {
  readonly name: string;
  readonly body: string;
}

const env = process.env;
const url = env.LOADTEST_URL ?? 'http://127.0.0.1:4000/graphql';
const rate = Number(env.LOADTEST_RATE ?? 50);
const duration = Number(env.LOADTEST_DURATION_S ?? 20);
const connections = Number(env.LOADTEST_CONNECTIONS ?? 10);

/** Real arguments for the seed graph, by variable name. */
const ARGUMENTS: Record<string, unknown> = {
  id: 'russia',
  from: 'kim-jong-un',
  to: 'volodymyr-zelenskyy',
  search: 'kor',
  first: 8,
  depth: 1,
  k: 3,
  options: { maxHops: 4 },
};
/** How often each operation appears in the mix (the client loads the graph once, clicks often). */
const WEIGHTS: Record<string, number> = {
  Vocabulary: 1,
  Graph: 1,
  SearchActors: 4,
  Neighborhood: 3,
  ActorDetail: 3,
  RelationshipDetail: 3,
  Connection: 1,
};

async function clientOperations(): Promise<Operation[]> {
  const operations = await import('../client/src/api/operations.js');
  const captured: { query: string; variables: Record<string, unknown> }[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (_url: unknown, init?: RequestInit) => {
    captured.push(JSON.parse(String(init?.body)));
    return new Response('{"data":null}', { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  try {
    for (const operation of Object.values(operations)) {
      if (typeof operation === 'function') {
        await (operation as (...args: unknown[]) => Promise<unknown>)('russia', 'north-korea', 1, {}).catch(() => {});
      }
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  const mix: Operation[] = [];
  for (const { query, variables } of captured) {
    const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
    const args = Object.fromEntries(Object.keys(variables).map((v) => [v, ARGUMENTS[v] ?? variables[v]]));
    if (name === 'RelationshipDetail') args.id = 'joe-biden-leads-united-states';
    const body = JSON.stringify({ query, variables: args, operationName: name });
    for (let i = 0; i < (WEIGHTS[name] ?? 1); i += 1) mix.push({ name, body });
  }
  return mix;
}

async function main(): Promise<void> {
  const mix = await clientOperations();
  if (mix.length === 0) throw new Error('No client operations found in client/src/api/operations.ts.');
  const names = [...new Set(mix.map((m) => m.name))];
  console.log(
    `Load: ${rate} req/s for ${duration} s over ${connections} connections to ${url}\nMix: ${names
      .map((n) => `${n}×${mix.filter((m) => m.name === n).length}`)
      .join(', ')}`,
  );
  let next = 0;
  const graphqlErrors = new Map<string, number>();
  const result = await autocannon({
    url,
    connections,
    duration,
    overallRate: rate,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const operation = mix[next % mix.length] as Operation;
          next += 1;
          return {
            ...req,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-graphql-client': 'actor-graph-loadtest' },
            body: operation.body,
          };
        },
        onResponse: (_status, body) => {
          try {
            const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
            for (const error of parsed.errors ?? []) {
              const code = error.extensions?.code ?? 'NO_CODE';
              graphqlErrors.set(code, (graphqlErrors.get(code) ?? 0) + 1);
            }
          } catch {
            graphqlErrors.set('NOT_JSON', (graphqlErrors.get('NOT_JSON') ?? 0) + 1);
          }
        },
      },
    ],
  });
  const latency = result.latency as typeof result.latency & { p90?: number; max?: number };
  console.log(
    [
      `requests: ${result.requests.total} (${result.requests.average.toFixed(1)}/s)`,
      `latency ms: p50 ${latency.p50}  p90 ${latency.p90 ?? '?'}  p99 ${latency.p99}  max ${latency.max ?? '?'}  mean ${latency.mean.toFixed(1)}`,
      `transport errors: ${result.errors}  timeouts: ${result.timeouts}  non-2xx: ${result.non2xx}`,
      `GraphQL errors: ${
        graphqlErrors.size === 0 ? 'none' : [...graphqlErrors].map(([code, n]) => `${code} ${n}`).join(', ')
      }`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
