// Alliance analytics: blocs, centrality and a dyad through GraphQL (the app's own fetch, in
// process), cold and cached, beside the time of the one projection read they all start from.
// Every query runs once untimed first, so Neo4j has planned it and paged the graph in, as on a
// server that has answered before. Cold: a fresh app, so its analytics cache is empty, as after
// a write; the answer reads the projection, computes, and reads the relationship rows it shows.
// Cached: the same request again, median of several: the graph-version read, the cache lookup
// and the GraphQL execution.

import { readProjection } from '../server/analytics/projection.js';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { createDriver, createExecutor } from '../server/db/executor.js';
import { filterParams } from '../server/db/filter.js';
import type { BenchDatabase } from './db.js';
import type { SyntheticBundle } from './generator.js';

export interface AnalyticsCase {
  name: string;
  description: string;
  coldMs: number;
  cachedMs: number;
  /** A figure of the answer that shows what was computed (blocs, sample size, periods). */
  detail: string;
}

export interface AnalyticsResult {
  size: string;
  actors: number;
  relationships: number;
  projectionMs: number;
  cases: AnalyticsCase[];
}

export interface AnalyticsOptions {
  /** Cold runs per case (median taken) and cached requests per case. */
  coldRuns: number;
  cachedRuns: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** The pair with the most relationships between them: the dyad a user would open first. */
export function busiestPair(bundle: SyntheticBundle): [string, string] {
  const counts = new Map<string, number>();
  for (const r of bundle.relationships) {
    if (r.from === r.to) continue;
    const key = r.from < r.to ? `${r.from}\n${r.to}` : `${r.to}\n${r.from}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const [a, b] = (best?.[0] ?? '\n').split('\n');
  return [a ?? '', b ?? ''];
}

interface Case {
  name: string;
  description: string;
  query: string;
  variables: Record<string, unknown>;
  detail: (data: Record<string, unknown>) => string;
}

function cases(bundle: SyntheticBundle): Case[] {
  const [a, b] = busiestPair(bundle);
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely here, each by its own shape
  type Any = Record<string, any>;
  return [
    {
      name: 'alliances',
      description: 'alliances: blocs with members, top 5 evidence, frustration',
      query: `{ alliances { actorCount frustration { count weight }
        blocs { id name size cohesion members { id } relations { bloc { id } net } evidence { weight relationship { id } } } } }`,
      variables: {},
      detail: (d) => {
        const blocs = (d as Any).alliances.blocs as Any[];
        return `${blocs.length} blocs, largest ${blocs[0]?.size ?? 0}, frustration ${(d as Any).alliances.frustration.count}`;
      },
    },
    ...(['BETWEENNESS', 'PAGERANK'] as const).map((measure) => ({
      name: `centrality-${measure.toLowerCase()}`,
      description: `centrality(${measure}, top: 20)`,
      query: `query($m: CentralityMeasure!) { centrality(measure: $m, top: 20) { exact sampled top { rank score actor { id name } } } }`,
      variables: { m: measure },
      detail: (d: Record<string, unknown>) => {
        const c = (d as Any).centrality;
        return c.exact ? 'exact' : `sampled ${c.sampled} sources`;
      },
    })),
    {
      name: 'dyad',
      description: 'dyad(busiest pair, MONTH) with its events',
      query: `query($a: ID!, $b: ID!) { dyad(a: $a, b: $b) { net periods { period net events { score relationship { id } } } } }`,
      variables: { a, b },
      detail: (d) => `${((d as Any).dyad.periods as unknown[]).length} periods`,
    },
  ];
}

async function ask(app: ReturnType<typeof createApp>, c: Case) {
  const t = performance.now();
  const response = await app.fetch('http://bench.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: c.query, variables: c.variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  const ms = performance.now() - t;
  if (body.errors || !body.data) throw new Error(`${c.name}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return { ms, data: body.data };
}

export async function benchAnalytics(
  db: BenchDatabase,
  size: string,
  bundle: SyntheticBundle,
  log: (line: string) => void,
  options: AnalyticsOptions,
): Promise<AnalyticsResult> {
  const config = readConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    NEO4J_URI: db.uri,
    NEO4J_PASSWORD: db.password,
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const fresh = () => {
    const executor = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
    return { executor, app: createApp({ config, executor }) };
  };
  const warm = fresh();
  try {
    for (const c of cases(bundle)) await ask(warm.app, c);
  } finally {
    await warm.executor.close();
  }
  const projectionRuns: number[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    const t = performance.now();
    await readProjection(db.executor, filterParams(null), { claims: false });
    projectionRuns.push(performance.now() - t);
  }
  const projectionMs = Math.round(median(projectionRuns));
  log(`  projection read:  ${projectionMs} ms`);

  const results: AnalyticsCase[] = [];
  for (const c of cases(bundle)) {
    const cold: number[] = [];
    const cached: number[] = [];
    let detail = '';
    for (let run = 0; run < options.coldRuns; run++) {
      const { executor, app } = fresh();
      try {
        const first = await ask(app, c);
        cold.push(first.ms);
        detail = c.detail(first.data);
        if (run === 0) for (let i = 0; i < options.cachedRuns; i++) cached.push((await ask(app, c)).ms);
      } finally {
        await executor.close();
      }
    }
    const row = {
      name: c.name,
      description: c.description,
      coldMs: Math.round(median(cold)),
      cachedMs: Math.round(median(cached) * 10) / 10,
      detail,
    };
    log(`  ${c.name.padEnd(22)} cold ${row.coldMs} ms, cached ${row.cachedMs} ms (${detail})`);
    results.push(row);
  }
  return {
    size,
    actors: bundle.actors.length,
    relationships: bundle.relationships.length,
    projectionMs,
    cases: results,
  };
}
