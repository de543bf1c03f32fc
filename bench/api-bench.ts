// API against its floor: each query class through GraphQL over HTTP and through the bare handler
// (bench/servers.ts), with autocannon, warmed, first at saturation and then at a fixed rate (half
// the floor's saturated throughput, the same for both sides). Both sides walk the same list of
// targets in the same order. An answer counts as an error when its status is not 200 or its body
// carries `errors` (GraphQL reports failures with status 200).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchDatabase } from './db.js';
import type { SyntheticBundle } from './generator.js';
import { rng } from './generator.js';
import { QUERY_CLASSES, type QueryClass, type Target } from './queries.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface Durations {
  /** Requests per side in the sequential warm-up, which also calibrates slow classes… */
  warmupRequests: number;
  /** …or as many as fit in this many seconds. */
  warmupS: number;
  /** Fewest answers a slow class gets at saturation (it runs by count rather than by time). */
  minRequests: number;
  saturationS: number;
  fixedRateS: number;
  connections: number;
}

export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  errors: number;
  /** Mean response size in bytes. */
  bytes: number;
}

export interface ApiResult {
  size: string;
  query: string;
  description: string;
  saturation: { graphql: LoadFigures; raw: LoadFigures };
  fixedRate: { rate: number; graphql: LoadFigures; raw: LoadFigures } | null;
  /** GraphQL / raw, of p50 at saturation (and at the fixed rate when run). */
  p50Ratio: number;
  fixedP50Ratio: number | null;
  rpsRatio: number;
}

export interface Servers {
  graphqlUrl: string;
  rawUrl: string;
  stop(): Promise<void>;
}

/** Starts bench/servers.ts in a child process and waits for its `ready` line. */
export async function startServers(db: BenchDatabase): Promise<Servers> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'servers.ts')], {
    env: {
      ...process.env,
      BENCH_NEO4J_URI: db.uri,
      BENCH_NEO4J_PASSWORD: db.password,
      BENCH_GRAPHQL_PORT: process.env.BENCH_GRAPHQL_PORT ?? '4150',
      BENCH_RAW_PORT: process.env.BENCH_RAW_PORT ?? '4151',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ports = await new Promise<[number, number]>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const m = /^ready (\d+) (\d+)$/.exec(line);
      if (m) resolve([Number(m[1]), Number(m[2])]);
    });
    child.once('exit', (code) => reject(new Error(`The bench servers exited early (code ${code}).`)));
  });
  return {
    graphqlUrl: `http://127.0.0.1:${ports[0]}/graphql`,
    rawUrl: `http://127.0.0.1:${ports[1]}/raw`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Targets for one graph: actors drawn uniformly among those with at least one relationship (so
 * most are ordinary actors, a few are hubs, as a user's clicks would be), and pairs of them.
 */
export function pickTargets(bundle: SyntheticBundle, count: number, seed = 11): Target[] {
  const connected = new Set<string>();
  for (const r of bundle.relationships) {
    connected.add(r.from);
    connected.add(r.to);
  }
  const ids = [...connected].sort();
  const random = rng(seed);
  const pick = () => ids[Math.floor(random() * ids.length)] as string;
  const targets: Target[] = [];
  while (targets.length < count) {
    const id = pick();
    let other = pick();
    while (other === id) other = pick();
    targets.push({ id, other });
  }
  return targets;
}

/** The targets of a class about the top hub: the same pairs, each asking about the hub. */
export function hubTargets(bundle: SyntheticBundle, targets: readonly Target[]): Target[] {
  const degree = new Map<string, number>();
  for (const r of bundle.relationships) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  let hub = '';
  for (const [id, d] of degree) if (d > (degree.get(hub) ?? -1) || (d === degree.get(hub) && id < hub)) hub = id;
  return targets.map((t) => ({ id: hub, other: t.other === hub ? t.id : t.other }));
}

function requestBody(side: 'graphql' | 'raw', q: QueryClass, t: Target): string {
  return side === 'graphql'
    ? JSON.stringify({ query: q.graphql, variables: q.variables(t) })
    : JSON.stringify({ q: q.name, p: q.params(t) });
}

async function load(
  url: string,
  bodies: string[],
  options: { durationS: number; connections: number; rate?: number; amount?: number },
): Promise<LoadFigures> {
  let next = 0;
  let errors = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationS }),
    timeout: 30,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const body = bodies[next % bodies.length] as string;
          next++;
          return { ...req, body };
        },
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors":')) errors++;
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: Math.round(result.latency.mean * 10) / 10,
    errors: errors + result.errors,
    bytes: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
  };
}

/**
 * Sends requests one at a time, up to `warmupRequests` or `warmupS` seconds, whichever comes
 * first (at least two); returns their mean latency in ms.
 */
async function warmUp(url: string, bodies: string[], durations: Durations): Promise<number> {
  const start = performance.now();
  const times: number[] = [];
  for (let i = 0; i < durations.warmupRequests; i++) {
    if (i >= 2 && performance.now() - start > durations.warmupS * 1000) break;
    const t = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[i % bodies.length],
      signal: AbortSignal.timeout(30_000),
    }).catch(() => null);
    await response?.arrayBuffer();
    times.push(performance.now() - t);
  }
  return times.reduce((a, b) => a + b, 0) / times.length;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : Number.NaN);

/** Runs every query class (or the named ones) against both servers. */
export async function benchApi(
  servers: Servers,
  size: string,
  targets: Target[],
  durations: Durations,
  log: (line: string) => void,
  options: { classes?: readonly string[]; fixedRate?: boolean; hubTargets?: readonly Target[] } = {},
): Promise<ApiResult[]> {
  const results: ApiResult[] = [];
  for (const q of QUERY_CLASSES) {
    if (options.classes && !options.classes.includes(q.name)) continue;
    const asked = q.hub ? options.hubTargets : targets;
    if (!asked) throw new Error(`The class ${q.name} asks about the top hub: pass hubTargets.`);
    const bodies = {
      graphql: asked.map((t) => requestBody('graphql', q, t)),
      raw: asked.map((t) => requestBody('raw', q, t)),
    };
    const url = { graphql: servers.graphqlUrl, raw: servers.rawUrl };
    // Warm both sides one request at a time (plans cached, JIT warm, pages in the page cache), and
    // time it: a class whose answers take long runs by count, so that it gets enough answers
    // without the run taking minutes, and a timed run never ends with none finished.
    const warm = {
      raw: await warmUp(url.raw, bodies.raw, durations),
      graphql: await warmUp(url.graphql, bodies.graphql, durations),
    };
    const meanMs = Math.max(warm.raw, warm.graphql, 1);
    const slow = meanMs * 4 > (durations.saturationS * 1000) / 20;
    const amount = slow
      ? Math.max(durations.minRequests, Math.round(((durations.saturationS * 1000) / meanMs) * 1.5))
      : undefined;
    const saturated = {
      durationS: durations.saturationS,
      connections: durations.connections,
      ...(amount ? { amount } : {}),
    };
    const saturation = {
      raw: await load(url.raw, bodies.raw, saturated),
      graphql: await load(url.graphql, bodies.graphql, saturated),
    };
    let fixedRate: ApiResult['fixedRate'] = null;
    if (options.fixedRate !== false && durations.fixedRateS > 0 && saturation.raw.rps >= 2) {
      const rate = Math.max(1, Math.floor(saturation.raw.rps / 2));
      const connections = Math.min(durations.connections, rate);
      fixedRate = {
        rate,
        raw: await load(url.raw, bodies.raw, { durationS: durations.fixedRateS, connections, rate }),
        graphql: await load(url.graphql, bodies.graphql, { durationS: durations.fixedRateS, connections, rate }),
      };
    }
    const result: ApiResult = {
      size,
      query: q.name,
      description: q.description,
      saturation,
      fixedRate,
      p50Ratio: ratio(saturation.graphql.p50, saturation.raw.p50),
      fixedP50Ratio: fixedRate ? ratio(fixedRate.graphql.p50, fixedRate.raw.p50) : null,
      rpsRatio: ratio(saturation.graphql.rps, saturation.raw.rps),
    };
    log(
      `  ${size} ${q.name.padEnd(15)} p50 ${saturation.graphql.p50} / ${saturation.raw.p50} ms (×${result.p50Ratio})` +
        `  rps ${saturation.graphql.rps} / ${saturation.raw.rps}` +
        (fixedRate ? `  @${fixedRate.rate}/s p50 ${fixedRate.graphql.p50} / ${fixedRate.raw.p50} ms` : '') +
        `  errors ${saturation.graphql.errors + (fixedRate?.graphql.errors ?? 0)} / ${saturation.raw.errors + (fixedRate?.raw.errors ?? 0)}`,
    );
    results.push(result);
  }
  return results;
}
