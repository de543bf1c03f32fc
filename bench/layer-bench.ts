// npx tsx bench/layer-bench.ts [--base=DIR] [--classes=actor,relationships]
// The GraphQL layer's own CPU, apart from Neo4j (docs/benchmarks.md, "GraphQL's own cost"): the
// app over node:http with an executor that replays rows recorded once from the bench's M graph
// (a kept bench instance, BENCH_KEEP_NEO4J=1, holding the M graph of seed 1; the recording goes to
// bench/tmp/tape.json), beside a bare handler that sends the same rows as JSON. Sequential requests
// on one keep-alive connection; CPU time of this whole process per request, so the client's share
// is in every figure. With --base=DIR (a checkout of another commit, e.g. a git worktree, sharing
// this node_modules) that commit's app runs in the same process and the batches alternate, so the
// two are compared under the same load. Prints medians in µs per request. Never a test.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { createDriver, createExecutor, type Executor } from '../server/db/executor.js';
import { pickTargets } from './api-bench.js';
import { BENCH_PASSWORD } from './db.js';
import { generateBundle, SIZES } from './generator.js';
import { QUERY_CLASSES } from './queries.js';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const classes = (arg('classes') ?? 'actor,relationships').split(',');
const TAPE = path.join(import.meta.dirname, 'tmp', 'tape.json');
const REQUESTS = 600;
const BATCHES = 9;

const targets = pickTargets(generateBundle({ ...SIZES.M, seed: 1 }), 64);
const config = readConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  NEO4J_URI: `bolt://127.0.0.1:${process.env.BENCH_NEO4J_PORT ?? '7750'}`,
  NEO4J_PASSWORD: BENCH_PASSWORD,
  RATE_LIMIT_PER_MINUTE: '0',
});
const key = (query: string, params: unknown) => JSON.stringify([query, params]);
const body = (q: (typeof QUERY_CLASSES)[number], t: (typeof targets)[number]) =>
  JSON.stringify({ query: q.graphql, variables: q.variables(t) });

async function record(): Promise<Record<string, unknown[]>> {
  const real = createExecutor({ driver: createDriver(config.neo4j), database: config.neo4j.database });
  const tape: Record<string, unknown[]> = {};
  const recording: Executor = {
    ...real,
    read: async (query, params, options) => {
      const rows = await real.read(query, params, options);
      tape[key(query, params)] = rows;
      return rows;
    },
  };
  const app = createApp({ config, executor: recording });
  for (const q of QUERY_CLASSES) {
    for (const t of targets) {
      const response = await app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(q, t),
      });
      const text = await response.text();
      if (text.includes('"errors"')) throw new Error(`Recording ${q.name}: ${text.slice(0, 300)}`);
    }
  }
  await real.close();
  fs.mkdirSync(path.dirname(TAPE), { recursive: true });
  fs.writeFileSync(TAPE, JSON.stringify(tape));
  return tape;
}

const tape = fs.existsSync(TAPE)
  ? (JSON.parse(fs.readFileSync(TAPE, 'utf8')) as Record<string, unknown[]>)
  : await record();
const replay = async (query: string, params: unknown) => {
  const rows = tape[key(query, params)];
  if (!rows) throw new Error('A call that is not on the tape; delete bench/tmp/tape.json to record again.');
  return structuredClone(rows) as Record<string, unknown>[];
};
const executor = {
  database: 'neo4j',
  read: replay,
  write: replay,
  writeTransaction: () => Promise.reject(new Error('The replaying executor does not write.')),
  ping: async () => true,
  close: async () => {},
} as unknown as Executor;

const listen = async (handler: http.RequestListener) => {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
};
const servers: Record<string, { server: http.Server; port: number; path: string }> = {
  app: { ...(await listen(createApp({ config, executor }))), path: '/graphql' },
  raw: {
    ...(await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { q, p } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { q: string; p: unknown };
        const cls = QUERY_CLASSES.find((c) => c.name === q);
        void replay(cls?.cypher ?? '', p).then((rows) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: rows }));
        });
      });
    })),
    path: '/raw',
  },
};
const base = arg('base');
if (base) {
  const module = (await import(path.resolve(base, 'server', 'app.ts'))) as { createApp: typeof createApp };
  servers.base = { ...(await listen(module.createApp({ config, executor }))), path: '/graphql' };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const post = (port: number, urlPath: string, text: string) =>
  new Promise<string>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          answer += c;
        });
        res.on('end', () => resolve(answer));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

for (const q of QUERY_CLASSES.filter((c) => classes.includes(c.name))) {
  const bodies: Record<string, string[]> = {
    app: targets.map((t) => body(q, t)),
    base: targets.map((t) => body(q, t)),
    raw: targets.map((t) => JSON.stringify({ q: q.name, p: q.params(t) })),
  };
  const times: Record<string, number[]> = {};
  for (let batch = 0; batch < BATCHES; batch++) {
    for (const [side, s] of Object.entries(servers)) {
      const before = process.cpuUsage();
      for (let i = 0; i < REQUESTS; i++) {
        const answer = await post(s.port, s.path, bodies[side]?.[i % targets.length] ?? '');
        if (answer.includes('"errors"')) throw new Error(`${side} ${q.name}: ${answer.slice(0, 300)}`);
      }
      const used = process.cpuUsage(before);
      const list = times[side] ?? [];
      list.push((used.user + used.system) / REQUESTS);
      times[side] = list;
    }
  }
  const figures = Object.entries(times).map(([side, xs]) => `${side} ${median(xs).toFixed(0)}`);
  const paired = times.base
    ? `  app − base ${median(times.app?.map((x, i) => x - (times.base?.[i] ?? 0)) ?? []).toFixed(0)}`
    : '';
  console.log(`${q.name.padEnd(15)} µs/request: ${figures.join('  ')}${paired}`);
}
for (const s of Object.values(servers)) s.server.close();
agent.destroy();
