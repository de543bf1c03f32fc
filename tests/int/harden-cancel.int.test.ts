// Timeouts and cancellation in the executor against the real Neo4j: a call past its class's
// timeout is stopped by Neo4j and reported as TIMEOUT; an aborted signal (the HTTP request's, via
// withSignal, or one passed in CallOptions) ends the call at once and the query stops in Neo4j.
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createDriver, createExecutor, type Executor, withSignal } from '../../server/db/executor.js';
import { openExecutor, testConfig } from '../helpers/db.js';

// Counts to a very large number: many seconds of CPU in Neo4j, no data needed.
const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS n';

const executor: Executor = openExecutor();
const neo = inject('neo4j');
const admin = neo4j.driver(neo.uri, neo4j.auth.basic(neo.user, neo.password));
afterAll(async () => {
  await executor.close();
  await admin.close();
});

/** Transactions in Neo4j now running under the given operation name. */
async function running(operation: string): Promise<number> {
  const { records } = await admin.executeQuery(
    'SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.operation = $operation RETURN count(*) AS n',
    { operation },
    { database: neo.database },
  );
  return Number(records[0]?.get('n'));
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('executor timeouts and cancellation', () => {
  it('stops a lookup that runs past its timeout and says TIMEOUT', async () => {
    const started = Date.now();
    const error = await executor.read(SLOW, {}, { operation: 'harden-timeout', class: 'lookup' }).catch((e) => e);
    const took = Date.now() - started;
    expect(error.extensions?.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/limit of 5000 ms/);
    expect(took).toBeGreaterThanOrEqual(4_500);
    expect(took).toBeLessThan(15_000);
    expect(await waitFor(async () => (await running('harden-timeout')) === 0, 30_000)).toBe(true);
  });

  it('ends the call and the Neo4j query when the signal in CallOptions aborts', async () => {
    const controller = new AbortController();
    const call = executor
      .read(SLOW, {}, { operation: 'harden-abort', class: 'import', signal: controller.signal })
      .catch((e) => e);
    expect(await waitFor(async () => (await running('harden-abort')) === 1, 30_000)).toBe(true);
    const aborted = Date.now();
    controller.abort();
    const error = await call;
    expect(error.extensions?.code).toBe('CANCELLED');
    expect(Date.now() - aborted).toBeLessThan(10_000); // a bound on "at once", not a speed figure: the query alone runs for minutes
    expect(await waitFor(async () => (await running('harden-abort')) === 0, 30_000)).toBe(true);
  });

  it('takes the signal of the surrounding withSignal scope (how the HTTP request reaches every resolver)', async () => {
    const controller = new AbortController();
    const call = withSignal(controller.signal, () =>
      Promise.resolve().then(() => executor.read(SLOW, {}, { operation: 'harden-scope', class: 'import' })),
    ).catch((e) => e);
    expect(await waitFor(async () => (await running('harden-scope')) === 1, 30_000)).toBe(true);
    controller.abort();
    expect((await call).extensions?.code).toBe('CANCELLED');
    expect(await waitFor(async () => (await running('harden-scope')) === 0, 30_000)).toBe(true);
  });

  it('rolls an aborted write back', async () => {
    const controller = new AbortController();
    // One transaction: a write, then a long read; the abort lands during the read.
    const call = executor
      .writeTransaction(
        async (tx) => {
          await tx.run('CREATE (:HardenAbortProbe)');
          return tx.run(SLOW);
        },
        { operation: 'harden-abort-write', class: 'import', signal: controller.signal },
      )
      .catch((e) => e);
    expect(await waitFor(async () => (await running('harden-abort-write')) === 1, 30_000)).toBe(true);
    controller.abort();
    const outcome = await call;
    expect(outcome?.extensions?.code, String(outcome?.message ?? JSON.stringify(outcome))).toBe('CANCELLED');
    expect(await waitFor(async () => (await running('harden-abort-write')) === 0, 30_000)).toBe(true);
    const [row] = await executor.read('MATCH (p:HardenAbortProbe) RETURN count(p) AS n', {}, { operation: 'probe' });
    expect(row?.n).toBe(0);
  });

  it('refuses at once a call whose signal has already aborted, and leaves the executor usable', async () => {
    const error = await executor
      .read('RETURN 1 AS one', {}, { operation: 'harden-pre-aborted', signal: AbortSignal.abort() })
      .catch((e) => e);
    expect(error.extensions?.code).toBe('CANCELLED');
    expect(await executor.read('RETURN 1 AS one', {}, { operation: 'after' })).toEqual([{ one: 1 }]);
  });
});

describe('admission: a bounded number of calls in Neo4j at once', () => {
  // One slot, and a short wait for it: a long call holds the slot, the next is refused as busy
  // without reaching Neo4j, and once the slot is back calls run again.
  const config = testConfig({ NEO4J_MAX_CONCURRENCY: '1' });
  const gated = createExecutor({
    driver: createDriver(config.neo4j),
    database: config.neo4j.database,
    maxConcurrency: config.neo4j.maxConcurrency,
    admissionWaitMs: 300,
  });
  afterAll(() => gated.close());

  it('refuses a call as busy (503, Retry-After) while every slot stays taken, and serves once one is back', async () => {
    const controller = new AbortController();
    const holder = gated
      .read(SLOW, {}, { operation: 'harden-slot-holder', class: 'import', signal: controller.signal })
      .catch((e) => e);
    expect(await waitFor(async () => (await running('harden-slot-holder')) === 1, 30_000)).toBe(true);

    const refused = await gated.read('RETURN 1 AS one', {}, { operation: 'harden-busy' }).catch((e) => e);
    expect(refused.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.extensions?.busy).toBe(true);
    expect(refused.message).toMatch(/busy/);

    // Through the API: the spec's media type gets 503 with a hint to retry, and a code.
    const app = createApp({ config, executor: gated });
    const response = await app.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ actors(first: 1) { nodes { id } } }' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');

    // A waiting call gets the slot as soon as the holder is gone, and the executor is not marked down.
    const waiting = gated.read('RETURN 2 AS two', {}, { operation: 'harden-after-slot' });
    controller.abort();
    expect((await holder).extensions?.code).toBe('CANCELLED');
    expect(await waiting).toEqual([{ two: 2 }]);
    expect(await gated.read('RETURN 3 AS three', {}, { operation: 'harden-after-slot' })).toEqual([{ three: 3 }]);
  });
});
