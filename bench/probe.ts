// npm run probe: repeats the reproductions of issue 14 (items 1–12) against a production-mode
// server and prints one line per item, `held` or `FAILED` with its evidence; then the load run: the
// client's mix at a fixed rate with Neo4j killed (SIGKILL) and restarted under it. Exit code 1 when
// anything failed. Traffic goes to 127.0.0.1 only and is bounded (about 3 minutes in all).
//
// By default it starts its own Neo4j (PROBE_NEO4J_INSTANCE_DIR, default .neo4j/instances/probe;
// PROBE_NEO4J_BOLT_PORT, default 7743) and the server through the README's own command,
// `npm start`, with NODE_ENV=production, API_TOKEN set and that Neo4j (PROBE_PORT, default 4225).
// `--url http://127.0.0.1:PORT` probes a server that is already running instead (give PROBE_TOKEN);
// the items that need to control the server or read its Neo4j (2, 3, 8, 9, the load run) then say n/a.
// `--no-load` leaves out the load run; `--only=2,5` runs only those items; PROBE_LOAD_S (default 75) and PROBE_LOAD_RATE (default 20)
// shape it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import {
  AlliancesDocument,
  ConnectionDocument,
  GraphDocument,
  NeighborhoodDocument,
  SearchActorsDocument,
} from '../client/src/api/generated.js';
import { DEV_PASSWORD, ROOT_DIR, readConfig } from '../server/config.js';
import { instanceProcesses, start as startNeo4j, stop as stopNeo4j } from '../server/db/neo4j-local.js';
import { vocabulary } from '../server/model/vocabulary.js';
import {
  acknowledged,
  bucketAllows,
  errorCodes,
  type GraphQLBody,
  type ItemResult,
  itemLine,
  leaksInternals,
  tally,
  wellCoded,
} from './probe-verdict.js';

const env = process.env;
const args = process.argv.slice(2);
const urlArg = args.includes('--url') ? args[args.indexOf('--url') + 1] : undefined;
const withLoad = !args.includes('--no-load');
// --only=2,5 runs those items alone (7 and 8 come from the load run).
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (item: string) => only === undefined || only.includes(item);
const OWN = urlArg === undefined;
const PORT = Number(env.PROBE_PORT ?? 4225);
const BOLT = Number(env.PROBE_NEO4J_BOLT_PORT ?? 7743);
const BASE = urlArg ?? `http://127.0.0.1:${PORT}`;
if (!/^http:\/\/127\.0\.0\.1(:\d+)?$/.test(BASE)) {
  console.error(
    `error: --url must be http://127.0.0.1:PORT (the probe sends traffic to this machine only), not ${BASE}`,
  );
  process.exit(2);
}
const TOKEN = env.PROBE_TOKEN ?? 'probe-token-5e1f0c';
const PASSWORD = 'probe-neo4j-pass-7';
const RATE_PER_MINUTE = 120;
const BURST = 30;
const LOAD_S = Number(env.PROBE_LOAD_S ?? 75);
const LOAD_RATE = Number(env.PROBE_LOAD_RATE ?? 20);
const SPEC = 'application/graphql-response+json';

const neo4jConfig = readConfig({
  NEO4J_INSTANCE_DIR: env.PROBE_NEO4J_INSTANCE_DIR ?? path.join(ROOT_DIR, '.neo4j', 'instances', 'probe'),
  NEO4J_BOLT_PORT: String(BOLT),
  NEO4J_PASSWORD: PASSWORD,
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE: '256m',
}).neo4j;
const local = neo4jConfig.local;

const results: ItemResult[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const record = (item: string, held: boolean | null, evidence: string) => {
  const r: ItemResult = { item, verdict: held === null ? 'n/a' : held ? 'held' : 'FAILED', evidence };
  results.push(r);
  console.log(itemLine(r));
};

interface Answer {
  status: number;
  ms: number;
  bytes: number;
  raw: string;
  body: GraphQLBody | undefined;
}

/** One POST to /graphql; `client` is the address the server keys its rate limit on (TRUST_PROXY=1). */
async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: boolean; accept?: string; client?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: opts.accept ?? 'application/json',
    'x-forwarded-for': opts.client ?? '10.9.0.1',
  };
  if (opts.token) headers.authorization = `Bearer ${TOKEN}`;
  const response = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  const raw = await response.text();
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(raw) as GraphQLBody;
  } catch {
    body = undefined;
  }
  return { status: response.status, ms: Math.round(performance.now() - started), bytes: raw.length, raw, body };
}

const firstError = (a: Answer) => a.body?.errors?.[0];
const codeOf = (a: Answer) => String(firstError(a)?.extensions?.code ?? 'none');
const brief = (a: Answer) => `${a.status} ${codeOf(a)} ${a.bytes} B ${a.ms} ms`;

/** A raw HTTP request with the path exactly as given (fetch would normalise it). */
function rawRequest(
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(BASE);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path: pathname, headers, timeout: 10_000 },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${pathname} timed out`)));
    req.end(body);
  });
}

async function getStatus(pathname: string): Promise<number> {
  try {
    return (await fetch(`${BASE}${pathname}`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0;
  }
}

async function until(attempt: () => Promise<boolean>, ms: number, everyMs = 200): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await attempt().catch(() => false)) return Math.round(performance.now() - started);
    await sleep(everyMs);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The server and its Neo4j

let server: ChildProcess | undefined;
let serverOutput = '';
let driver: Driver | undefined;

function descendants(pid: number): number[] {
  const found: number[] = [];
  const stack = [pid];
  while (stack.length > 0) {
    const parent = stack.pop() as number;
    let out = '';
    try {
      out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(parent)], { encoding: 'utf8' });
    } catch {
      // no children
    }
    for (const child of out
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)) {
      found.push(child);
      stack.push(child);
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function startOwn(): Promise<void> {
  console.log(`Starting Neo4j on bolt port ${BOLT} and \`npm start\` on port ${PORT} (production)…`);
  await stopNeo4j(local);
  fs.rmSync(local.instanceDir, { recursive: true, force: true });
  await startNeo4j(local, neo4jConfig);
  driver = neo4j.driver(`bolt://127.0.0.1:${BOLT}`, neo4j.auth.basic('neo4j', PASSWORD), { logging: undefined });
  server = spawn('npm', ['start'], {
    cwd: ROOT_DIR,
    env: {
      PATH: env.PATH ?? '',
      HOME: env.HOME ?? os.homedir(),
      NODE_ENV: 'production',
      API_TOKEN: TOKEN,
      NEO4J_URI: `bolt://127.0.0.1:${BOLT}`,
      NEO4J_PASSWORD: PASSWORD,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: String(RATE_PER_MINUTE),
      RATE_LIMIT_BURST: String(BURST),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => {
    serverOutput = (serverOutput + d.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const ms = await until(async () => (await getStatus('/ready')) === 200, 600_000, 500);
  if (ms === null) throw new Error(`npm start did not become ready within 600 s (it builds first):\n${serverOutput}`);
}

async function stopOwn(): Promise<void> {
  if (server && server.exitCode === null && server.pid !== undefined) {
    for (const pid of [server.pid, ...descendants(server.pid)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await driver?.close();
  if (OWN) {
    await stopNeo4j(local);
    fs.rmSync(local.instanceDir, { recursive: true, force: true });
  }
}

async function countById(id: string): Promise<number> {
  const result = await (driver as Driver).executeQuery(
    'MATCH ()-[r {id: $id}]->() RETURN count(r) AS n',
    { id },
    { database: neo4jConfig.database },
  );
  return Number(result.records[0]?.get('n') ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Setup: a source, the hub graph of item 1, an actor without relationships

const SOURCE = 'probe-source';

async function setup(): Promise<void> {
  const source = await gql(
    'mutation($s: SourceInput!) { upsertSource(input: $s) { id } }',
    { s: { id: SOURCE, title: 'Probe', publisher: 'Probe', published: '2024-01-01', kind: 'report' } },
    { token: true },
  );
  if (!acknowledged(source.status, source.body, 'upsertSource')) throw new Error(`setup: ${source.raw}`);
  const spokes = Array.from({ length: 900 }, (_, i) => ({
    id: `probe-spoke-${i}`,
    kind: 'Country',
    name: `Spoke ${i}`,
  }));
  // 10 hubs × 900 relationships, one bundle per hub (the body limit is 1 MB).
  for (let h = 0; h < 10; h += 1) {
    const bundle = {
      format: 'actor-graph-bundle',
      version: 1,
      actors: [{ id: `hub-${h}`, kind: 'Country', name: `Hub ${h}` }, ...(h === 0 ? spokes : [])],
      sources: [{ id: SOURCE, title: 'Probe', publisher: 'Probe', published: '2024-01-01', kind: 'report' }],
      relationships: Array.from({ length: 900 }, (_, i) => ({
        id: `hub-${h}-condemns-${i}`,
        type: 'CONDEMNS',
        from: `hub-${h}`,
        to: `probe-spoke-${i}`,
        status: 'fact',
        confidence: 0.9,
        summary: `Hub ${h} condemned spoke ${i}.`,
        sources: [SOURCE],
      })),
    };
    const imported = await gql(
      'mutation($b: JSON!) { importBundle(bundle: $b) { relationships } }',
      { b: bundle },
      { token: true, timeoutMs: 120_000 },
    );
    if (!acknowledged(imported.status, imported.body, 'importBundle')) throw new Error(`hub import: ${imported.raw}`);
  }
  const loner = await gql(
    'mutation { upsertActor(input: {id: "probe-loner", kind: Person, name: "Probe Loner"}) { id } }',
    {},
    { token: true },
  );
  if (!acknowledged(loner.status, loner.body, 'upsertActor')) throw new Error(`setup: ${loner.raw}`);
}

// ---------------------------------------------------------------------------------------------
// Items 1–12

async function item1(): Promise<void> {
  const nested = (inner: string) =>
    `{ actor(id:"hub-0") { relationships { from { relationships { from { relationships${inner} { id } } } } } } }`;
  const asIs = await gql(nested(''), {}, { accept: SPEC });
  const withVar = await gql(`query($m: Int) ${nested('(first: $m)')}`, { m: 500 }, { accept: SPEC });
  // Just under the budget: the third level at m where 1 + 200 + 20 000 + 20 000·m ≤ budget.
  const budget = Number(firstError(asIs)?.extensions?.budget ?? 400_000);
  const under = Math.floor((budget - 20_201) / 20_000);
  const passes = await gql(`query($m: Int) ${nested('(first: $m)')}`, { m: under }, { accept: SPEC });
  const refused = (a: Answer) =>
    a.status === 400 &&
    codeOf(a) === 'COST_LIMIT' &&
    Number(firstError(a)?.extensions?.estimate) > budget &&
    /budget/.test(firstError(a)?.message ?? '');
  const held = refused(asIs) && refused(withVar) && passes.status === 200 && !passes.body?.errors;
  record(
    '1',
    held,
    `defaults: ${brief(asIs)} (estimate ${firstError(asIs)?.extensions?.estimate}); first:$m=500: ${brief(withVar)}; just under (m=${under}): ${passes.status} ${passes.bytes} B ${passes.ms} ms`,
  );
}

async function item2(): Promise<void> {
  if (!driver) return record('2', null, 'needs the probe’s own Neo4j');
  // Eight types a country may hold towards a country (not claims, which need `about`): each racer is
  // valid alone, so a refusal can only come from the race.
  const types = vocabulary.relationshipTypes
    .filter((t) => t.from.includes('Country') && t.to.includes('Country') && !t.aboutClaim)
    .map((t) => t.type)
    .slice(0, 8);
  if (types.length < 8) throw new Error(`item 2 needs 8 country-to-country types, the vocabulary has ${types.length}`);
  const rounds = 5;
  const stored: number[] = [];
  let describedStored = 0;
  let mismatch: string | undefined;
  const loserCodes: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const id = `probe-race-${round}`;
    const answers = await Promise.all(
      types.map((type) =>
        gql(
          'mutation($r: RelationshipInput!) { addRelationship(input: $r) { id type } }',
          {
            r: {
              id,
              type,
              from: 'hub-1',
              to: 'hub-2',
              status: 'fact',
              confidence: 0.8,
              summary: `Race ${type}.`,
              sources: [SOURCE],
            },
          },
          { token: true },
        ),
      ),
    );
    stored.push(await countById(id));
    const winners = answers.filter((a) => acknowledged(a.status, a.body, 'addRelationship'));
    const losers = answers.filter((a) => !acknowledged(a.status, a.body, 'addRelationship'));
    loserCodes.push(...losers.map(codeOf));
    // The answers describe what was stored: winners name its type; losers are CONFLICT.
    const storedType = (
      await (driver as Driver).executeQuery(
        'MATCH ()-[r {id: $id}]->() RETURN type(r) AS t',
        { id },
        { database: neo4jConfig.database },
      )
    ).records[0]?.get('t');
    const wrongWinner = winners.find(
      (a) => (a.body?.data as { addRelationship?: { type: string } } | undefined)?.addRelationship?.type !== storedType,
    );
    // A loser is refused naming what is stored: CONFLICT in the write, or BAD_USER_INPUT when
    // validation already sees the winner.
    const wrongLoser = losers.find(
      (a) =>
        !['CONFLICT', 'BAD_USER_INPUT'].includes(codeOf(a)) ||
        !new RegExp(String(storedType), 'i').test(firstError(a)?.message ?? ''),
    );
    if (winners.length === 1 && !wrongWinner && !wrongLoser) describedStored += 1;
    else
      mismatch ??=
        `round ${round}: stored ${String(storedType)}, ${winners.length} acknowledged` +
        (wrongWinner ? `, one answered ${JSON.stringify(wrongWinner.body?.data)}` : '') +
        (wrongLoser ? `, one refused ${codeOf(wrongLoser)} "${firstError(wrongLoser)?.message?.slice(0, 160)}"` : '');
  }
  record(
    '2',
    stored.every((n) => n === 1) && describedStored === rounds,
    `${rounds} rounds × 8 racing types: stored per id ${stored.join(',')}; answers matching what is stored in ${describedStored}/${rounds} rounds (refused: ${tally(loserCodes)})${mismatch ? `; first mismatch: ${mismatch}` : ''}`,
  );
}

async function item4(): Promise<void> {
  const paths = ['/%', '/%E0%A4%A', '/assets/%ZZ'];
  const answers = await Promise.all(paths.map((p) => rawRequest('GET', p)));
  const held = answers.every((a) => a.status === 400 && !leaksInternals(a.text));
  record(
    '4',
    held,
    paths
      .map((p, i) => `${p} → ${answers[i]?.status}${leaksInternals(answers[i]?.text ?? '') ? ' LEAKS' : ''}`)
      .join('; '),
  );
}

async function burst(
  query: string,
  n: number,
  client: string,
): Promise<{ served: number; codes: string[]; statuses: string[]; ms: number }> {
  const started = performance.now();
  const codes: string[] = [];
  const statuses: string[] = [];
  let served = 0;
  // 10 at a time, so the burst lasts a few seconds as in the issue.
  for (let i = 0; i < n; i += 10) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, () => gql(query, {}, { client, accept: SPEC })),
    );
    for (const a of answers) {
      if (a.status === 200 && !a.body?.errors) served += 1;
      else {
        codes.push(errorCodes(a.body)[0] ?? `HTTP ${a.status}`);
        statuses.push(String(a.status));
      }
    }
  }
  return { served, codes, statuses, ms: Math.round(performance.now() - started) };
}

async function item5(): Promise<void> {
  const defaulted = await burst(
    'query($d: Int = 3) { neighborhood(id:"russia", depth:$d) { nodes{id} } }',
    200,
    '10.5.0.1',
  );
  const literal = await burst('{ neighborhood(id:"russia", depth:3) { nodes{id} } }', 200, '10.5.0.2');
  const aliases = Array.from({ length: 10 }, (_, i) => `t${i}: timeline(actor:"russia") { totalCount }`).join(' ');
  const timeline = await burst(`{ ${aliases} }`, 20, '10.5.0.3');
  const cap = (ms: number, perRequest: number) => Math.ceil(bucketAllows(BURST, RATE_PER_MINUTE, ms) / perRequest);
  // Refused by the limit: some RATE_LIMITED, each with 429. Other refusals (a TIMEOUT on a busy
  // machine) are printed, not a bypass.
  const limited = (b: { codes: string[]; statuses: string[] }) =>
    b.codes.includes('RATE_LIMITED') && b.codes.every((c, i) => c !== 'RATE_LIMITED' || b.statuses[i] === '429');
  const held =
    defaulted.served <= cap(defaulted.ms, 1) &&
    limited(defaulted) &&
    literal.served <= cap(literal.ms, 1) &&
    timeline.served <= cap(timeline.ms, 10) &&
    limited(timeline);
  record(
    '5',
    held,
    `defaulted $d=3: ${defaulted.served}/200 served in ${defaulted.ms} ms (${tally(defaulted.codes)}); literal depth 3: ${literal.served}/200 in ${literal.ms} ms; timeline ×10 aliases: ${timeline.served}/20 served (${tally(timeline.codes)})`,
  );
}

async function item6(): Promise<void> {
  const form = 'query=%7B__typename%7D';
  const multipart =
    '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{__typename}"}\r\n--b--\r\n';
  const tries: [string, string, Record<string, string>, string | undefined][] = [];
  for (const p of ['/graphql', '/graphql/', '//graphql']) {
    tries.push(['POST', p, { 'content-type': 'application/x-www-form-urlencoded' }, form]);
    tries.push(['POST', p, { 'content-type': 'multipart/form-data; boundary=b' }, multipart]);
    tries.push(['GET', `${p}?query=%7B__typename%7D`, {}, undefined]);
  }
  const answers = await Promise.all(tries.map(([m, p, h, b]) => rawRequest(m, p, h, b)));
  const ran = answers.filter((a) => a.text.includes('__typename') || /"data"\s*:\s*\{/.test(a.text));
  record(
    '6',
    ran.length === 0,
    `${tries.length} simple requests to /graphql, /graphql/, //graphql: statuses ${tally(answers.map((a) => String(a.status)))}; executed ${ran.length}`,
  );
}

async function item7(): Promise<{ held: boolean; evidence: string }> {
  const deep = await gql(
    '{ actor(id:"russia") { relationships { from { relationships { from { relationships { from { relationships { from { id } } } } } } } } } }',
    {},
    { accept: SPEC },
  );
  const aliases = await gql(
    `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: actor(id:"russia") { id }`).join(' ')} }`,
    {},
    { accept: SPEC },
  );
  const enumLiteral = await gql('{ relationships(filter: {types: [CONDEMN]}) { totalCount } }', {}, { accept: SPEC });
  const variable = await gql(
    'query($f: RelationshipFiltr) { relationships(filter: $f) { totalCount } }',
    {},
    { accept: SPEC },
  );
  const badValue = await gql(
    'query($f: RelationshipFilter) { relationships(filter: $f) { totalCount } }',
    { f: { types: ['CONDEMN'] } },
    { accept: SPEC },
  );
  const all = [deep, aliases, enumLiteral, variable, badValue];
  const problems: string[] = [];
  for (const [name, a] of [
    ['depth', deep],
    ['aliases', aliases],
    ['enum literal', enumLiteral],
    ['variable type', variable],
    ['variable value', badValue],
  ] as const) {
    if (a.status !== 400) problems.push(`${name} HTTP ${a.status}`);
    if (errorCodes(a.body).includes('NO_CODE') || !a.body?.errors?.length) problems.push(`${name} uncoded`);
    if (/did you mean/i.test(a.raw)) problems.push(`${name} suggests`);
    if (/syntax error/i.test(a.raw)) problems.push(`${name} says Syntax Error`);
  }
  // The 5xx half (SERVICE_UNAVAILABLE while Neo4j is down) is read in the load run.
  return {
    held: problems.length === 0,
    evidence: `validation refusals ${all.map((a) => `${a.status} ${codeOf(a)}`).join(', ')}${problems.length ? `; ${problems.join(', ')}` : '; no suggestions'}`,
  };
}

async function item9(): Promise<void> {
  const rel = {
    id: 'probe-retracted',
    type: 'VISITED',
    from: 'hub-3',
    to: 'hub-4',
    status: 'fact',
    confidence: 0.7,
    summary: 'Hub 3 visited hub 4.',
    sources: [SOURCE],
  };
  await gql('mutation($r: RelationshipInput!) { addRelationship(input: $r) { id } }', { r: rel }, { token: true });
  const retracted = await gql(
    'mutation { retractRelationship(id: "probe-retracted", reason: "probe: wrong") { id } }',
    {},
    { token: true },
  );
  // Claims about claims going round: A about B about A.
  const cycle = await gql(
    'mutation($b: JSON!) { importBundle(bundle: $b) { relationships } }',
    {
      b: {
        format: 'actor-graph-bundle',
        version: 1,
        actors: [],
        sources: [],
        relationships: [
          {
            id: 'probe-claim-a',
            type: 'ACCUSES',
            from: 'hub-5',
            to: 'hub-6',
            status: 'fact',
            confidence: 0.5,
            summary: 'A.',
            sources: [SOURCE],
            about: 'probe-claim-b',
          },
          {
            id: 'probe-claim-b',
            type: 'DENIES',
            from: 'hub-6',
            to: 'hub-5',
            status: 'fact',
            confidence: 0.5,
            summary: 'B.',
            sources: [SOURCE],
            about: 'probe-claim-a',
          },
        ],
      },
    },
    { token: true },
  );
  const cycleRefused = !!cycle.body?.errors?.length && /cycle/i.test(cycle.raw);
  let exported = 'n/a (needs the probe’s own Neo4j)';
  let kept: boolean | null = null;
  if (driver) {
    const file = path.join(os.tmpdir(), `probe-export-${process.pid}.json`);
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server', 'cli', 'export.ts'), file], {
      cwd: ROOT_DIR,
      env: {
        PATH: env.PATH ?? '',
        HOME: env.HOME ?? '',
        NEO4J_URI: `bolt://127.0.0.1:${BOLT}`,
        NEO4J_PASSWORD: PASSWORD,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      relationships: { id: string; retraction?: { reason?: string } }[];
    };
    fs.rmSync(file, { force: true });
    const found = bundle.relationships.find((r) => r.id === 'probe-retracted');
    kept = found?.retraction?.reason === 'probe: wrong';
    exported = `export of ${bundle.relationships.length} relationships: the retracted one ${found ? (kept ? 'keeps its retraction' : 'LOST its retraction') : 'missing'}`;
  }
  record(
    '9',
    acknowledged(retracted.status, retracted.body, 'retractRelationship') && cycleRefused && kept !== false,
    `${exported}; about-cycle import: ${cycle.status} ${codeOf(cycle)}${cycleRefused ? ' refused' : ' ACCEPTED'}`,
  );
}

async function item10(): Promise<void> {
  const relCursor = (await gql('{ relationships(first: 1) { pageInfo { endCursor } } }')).body?.data as
    | { relationships: { pageInfo: { endCursor: string } } }
    | undefined;
  const actorsCursor = (await gql('{ actors(first: 1) { pageInfo { endCursor } } }')).body?.data as
    | { actors: { pageInfo: { endCursor: string } } }
    | undefined;
  const q = 'query($c: String, $f: ActorFilter) { actors(first: 1, after: $c, filter: $f) { nodes { id } } }';
  const otherList = await gql(q, { c: relCursor?.relationships.pageInfo.endCursor });
  const otherFilter = await gql(q, { c: actorsCursor?.actors.pageInfo.endCursor, f: { kinds: ['Person'] } });
  const forged = await gql(q, { c: Buffer.from('forged').toString('base64url') });
  const refusedAll = [otherList, otherFilter, forged].every(
    (a) => codeOf(a) === 'BAD_USER_INPUT' && /cursor/i.test(firstError(a)?.message ?? ''),
  );
  record(
    '10',
    refusedAll,
    `relationships cursor on actors: ${codeOf(otherList)} ${firstError(otherList)?.extensions?.reason ?? ''}; other filter: ${codeOf(otherFilter)} ${firstError(otherFilter)?.extensions?.reason ?? ''}; forged: ${codeOf(forged)} ${firstError(forged)?.extensions?.reason ?? ''}`,
  );
}

async function item11(): Promise<void> {
  const a = await gql('{ shortestPath(from: "probe-loner", to: "russia") { reason message } }');
  const result = (a.body?.data as { shortestPath?: { reason: string; message: string } } | undefined)?.shortestPath;
  const message = result?.message ?? '';
  // Each thing said once: no sentence repeated.
  const sentences = message.split(/(?<=\.)\s+/).map((s) => s.replace(/\d+/g, 'N'));
  const repeats = sentences.length !== new Set(sentences).size || /none within/i.test(message);
  record(
    '11',
    result?.reason === 'DIFFERENT_COMPONENTS' && !repeats,
    `reason ${result?.reason ?? codeOf(a)}: "${message}"`,
  );
}

async function item12(): Promise<void> {
  // Two ways to end up on the published password in production: set it, or leave it unset (local Neo4j).
  const cases: Record<string, string>[] = [
    { NEO4J_URI: `bolt://127.0.0.1:${BOLT}`, NEO4J_PASSWORD: DEV_PASSWORD },
    { NEO4J_INSTANCE_DIR: path.join(os.tmpdir(), `probe-unused-${process.pid}`) },
  ];
  const outcomes: string[] = [];
  let held = true;
  for (const extra of cases) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'server', 'main.ts')], {
      cwd: ROOT_DIR,
      env: {
        PATH: env.PATH ?? '',
        HOME: env.HOME ?? '',
        NODE_ENV: 'production',
        PORT: String(PORT + 1),
        HOST: '127.0.0.1',
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await Promise.race([
      new Promise<number | null>((r) => child.once('exit', (c) => r(c))),
      sleep(30_000).then(() => 'running' as const),
    ]);
    if (code === 'running') child.kill('SIGKILL');
    const ok = code !== 'running' && code !== 0 && /NEO4J_PASSWORD/.test(out);
    held &&= ok;
    outcomes.push(
      `${'NEO4J_PASSWORD' in extra ? 'dev password set' : 'password unset'}: ${code === 'running' ? 'STILL RUNNING after 30 s' : `exit ${code}`}${ok ? ', names NEO4J_PASSWORD' : ''}`,
    );
  }
  record('12', held, outcomes.join('; '));
}

async function item3(): Promise<void> {
  if (!server || server.pid === undefined) return record('3', null, 'needs the probe’s own `npm start`');
  const tree = [server.pid, ...descendants(server.pid)];
  const exited = new Promise<number | null>((r) => server?.once('exit', (c) => r(c)));
  process.kill(server.pid, 'SIGTERM');
  const code = await Promise.race([exited, sleep(30_000).then(() => 'running' as const)]);
  const gone = await until(async () => tree.every((pid) => !alive(pid)), 20_000);
  const left = tree.filter(alive);
  const portFree = (await getStatus('/health')) === 0;
  record(
    '3',
    code !== 'running' && left.length === 0 && portFree,
    `SIGTERM to npm (pid ${server.pid}, ${tree.length} processes): npm ${code === 'running' ? 'STILL RUNNING' : `exit ${code}`}; all gone ${gone === null ? `NO, left ${left.join(',')}` : `in ${gone} ms`}; port ${portFree ? 'free' : 'STILL ANSWERS'}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The load run

interface Sent {
  op: string;
  status: number;
  codes: string[];
  coded: boolean;
  ok: boolean;
  writeId?: string;
  acked?: boolean;
  at: number;
}

const MIX: { op: string; weight: number; query: string; variables: () => Record<string, unknown> }[] = [
  { op: 'Graph', weight: 1, query: GraphDocument, variables: () => ({ filter: null, limit: 2000 }) },
  { op: 'SearchActors', weight: 4, query: SearchActorsDocument, variables: () => ({ search: 'kor', first: 8 }) },
  { op: 'Neighborhood', weight: 4, query: NeighborhoodDocument, variables: () => ({ id: 'russia', depth: 1 }) },
  {
    op: 'Connection',
    weight: 2,
    query: ConnectionDocument,
    variables: () => ({ from: 'kim-jong-un', to: 'volodymyr-zelenskyy', k: 3, options: { maxHops: 4 } }),
  },
  { op: 'Alliances', weight: 1, query: AlliancesDocument, variables: () => ({ filter: null }) },
];
const WRITE_SHARE = 0.2;

async function loadRun(): Promise<{ item7: { held: boolean; evidence: string }; item8: ItemResult }> {
  if (!driver) {
    record('load', null, 'needs the probe’s own Neo4j and server');
    return {
      item7: { held: true, evidence: 'outage half n/a' },
      item8: { item: '8', verdict: 'n/a', evidence: 'needs the probe’s own Neo4j' },
    };
  }
  const weighted = MIX.flatMap((m) => Array.from({ length: m.weight }, () => m));
  // Each operation of the mix alone, twice (the second warm), so the load line can be read against
  // what one request costs on this machine.
  const alone: string[] = [];
  for (const m of MIX) {
    const times: number[] = [];
    for (let k = 0; k < 2; k += 1) {
      const a = await gql(m.query, m.variables(), { client: '10.9.0.1' });
      times.push(a.ms);
    }
    alone.push(`${m.op} ${times.join('/')} ms`);
  }
  console.log(`      one at a time (cold/warm): ${alone.join('; ')}`);
  const sent: Sent[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const killAt = Math.round(LOAD_S * 0.25) * 1000;
  const restartAt = killAt + 10_000;
  let killedAt = 0;
  let neo4jBackAt = 0;
  let outage503: string | undefined;
  let n = 0;
  console.log(
    `Load: ${LOAD_RATE} req/s for ${LOAD_S} s; Neo4j SIGKILLed at ${killAt / 1000} s, restarted at ${restartAt / 1000} s…`,
  );
  const neo4jEvents = (async () => {
    await sleep(killAt);
    for (const pid of instanceProcesses(local)) process.kill(pid, 'SIGKILL');
    killedAt = performance.now();
    await sleep(restartAt - killAt);
    // A killed JVM leaves its pid file behind; start() sees it is dead and starts afresh.
    await startNeo4j(local, neo4jConfig);
    neo4jBackAt = performance.now();
  })();
  // The load goes on for LOAD_S, and at least 15 s past Neo4j's return (at most 180 s in all), so
  // the recovery happens under load.
  const loadGoesOn = () => {
    const t = performance.now() - started;
    if (t > 180_000) return false;
    return t < LOAD_S * 1000 || neo4jBackAt === 0 || performance.now() - neo4jBackAt < 15_000;
  };
  while (loadGoesOn()) {
    const i = n;
    n += 1;
    const client = `10.7.${i % 40}.1`; // the client's users: 40 addresses, each under the rate limit
    const isWrite = (i * 7919) % 100 < WRITE_SHARE * 100;
    const at = performance.now() - started;
    const one = (async () => {
      const op = isWrite ? undefined : weighted[i % weighted.length];
      const writeId = isWrite ? `probe-load-${i}` : undefined;
      try {
        const a = isWrite
          ? await gql(
              'mutation($r: RelationshipInput!) { addRelationship(input: $r) { id } }',
              {
                r: {
                  id: writeId,
                  type: 'CONDEMNS',
                  from: 'hub-7',
                  to: `probe-spoke-${i % 900}`,
                  status: 'fact',
                  confidence: 0.6,
                  summary: `Load write ${i}.`,
                  sources: [SOURCE],
                },
              },
              { token: true, client },
            )
          : await gql(op?.query ?? '', op?.variables() ?? {}, { client });
        const codes = errorCodes(a.body);
        sent.push({
          op: op?.op ?? 'addRelationship',
          status: a.status,
          codes,
          coded: wellCoded(a.raw),
          ok: a.status === 200 && codes.length === 0,
          ...(writeId ? { writeId, acked: acknowledged(a.status, a.body, 'addRelationship') } : {}),
          at,
        });
      } catch (error) {
        sent.push({
          op: op?.op ?? 'addRelationship',
          status: 0,
          codes: [`TRANSPORT ${(error as Error).name}`],
          coded: false,
          ok: false,
          at,
          ...(writeId ? { writeId, acked: false } : {}),
        });
      }
    })();
    inFlight.push(one);
    // One request in the outage with the spec's media type: it must be a 5xx with a code.
    if (outage503 === undefined && killedAt > 0 && neo4jBackAt === 0 && performance.now() - killedAt > 7000) {
      outage503 = 'pending';
      void gql('{ actors(first: 1) { nodes { id } } }', {}, { accept: SPEC, client: '10.8.0.1' }).then(
        (a) => {
          outage503 = `${a.status} ${codeOf(a)}`;
        },
        (e: Error) => {
          outage503 = `transport ${e.message}`;
        },
      );
    }
    await sleep(Math.max(0, (n * 1000) / LOAD_RATE - (performance.now() - started)));
  }
  await Promise.all(inFlight);
  await neo4jEvents;
  // Item 8: at the first /ready 200, a real read at once.
  let firstReadAfterReady: Answer | undefined;
  const readyMs = await until(async () => (await getStatus('/ready')) === 200, 60_000, 100);
  if (readyMs !== null)
    firstReadAfterReady = await gql('{ actors(first: 1) { nodes { id } } }', {}, { client: '10.8.0.2' });
  const recoveredMs = await until(
    async () => {
      const a = await gql('{ actors(first: 1) { nodes { id } } }', {}, { client: '10.8.0.3' });
      return a.status === 200 && !a.body?.errors;
    },
    60_000,
    100,
  );
  const sinceBack = Math.round(performance.now() - neo4jBackAt);

  const writes = sent.filter((s) => s.writeId !== undefined);
  const acked = writes.filter((s) => s.acked).map((s) => s.writeId as string);
  const found = await (driver as Driver).executeQuery(
    'MATCH ()-[r:CONDEMNS]->() WHERE r.id IN $ids RETURN count(r) AS n',
    { ids: acked },
    { database: neo4jConfig.database },
  );
  const foundN = Number(found.records[0]?.get('n') ?? 0);
  const uncoded = sent.filter((s) => !s.coded);
  const errors = sent.filter((s) => !s.ok).flatMap((s) => (s.codes.length ? s.codes : [`HTTP ${s.status}`]));
  // Recovery: from Neo4j answering again to the first request of the mix that succeeded after it.
  const backRel = neo4jBackAt - started;
  const firstOkAfter = sent.filter((s) => s.ok && s.at >= backRel).sort((a, b) => a.at - b.at)[0];
  const lost = acked.length - foundN;
  const killRel = killedAt - started;
  const phase = (from: number, to: number) => {
    const inPhase = sent.filter((x) => x.at >= from && x.at < to);
    return `${inPhase.filter((x) => x.ok).length}/${inPhase.length} ok`;
  };
  const phases = `before the kill ${phase(0, killRel)}, Neo4j away ${phase(killRel, backRel)}, after ${phase(backRel, Number.POSITIVE_INFINITY)}; kill at ${Math.round(killRel / 1000)} s, back at ${Math.round(backRel / 1000)} s`;
  // Per operation and phase, to see which part of the mix the server could not carry.
  const byOp = (from: number, to: number) =>
    [...new Set(sent.map((x) => x.op))]
      .map((op) => {
        const mine = sent.filter((x) => x.op === op && x.at >= from && x.at < to);
        const codes = tally(
          mine.filter((x) => !x.ok).flatMap((x) => (x.codes.length ? x.codes : [`HTTP ${x.status}`])),
        );
        return `${op} ${mine.filter((x) => x.ok).length}/${mine.length}${codes === 'none' ? '' : ` (${codes})`}`;
      })
      .join('; ');
  console.log(`      before the kill: ${byOp(0, killRel)}`);
  console.log(`      after Neo4j was back: ${byOp(backRel, Number.POSITIVE_INFINITY)}`);
  const held = lost === 0 && uncoded.length === 0 && recoveredMs !== null && readyMs !== null;
  record(
    'load',
    held,
    `sent ${sent.length}, ok ${sent.filter((s) => s.ok).length} (${phases}), errors ${tally(errors)}; uncoded ${uncoded.length}${uncoded.length ? ` (${tally(uncoded.map((u) => `${u.op} ${u.status}`))})` : ''}; writes ${writes.length}, acked ${acked.length}, found ${foundN}, lost ${lost}; first ok request ${firstOkAfter ? `${Math.round(firstOkAfter.at - backRel)} ms` : 'none'} after Neo4j was back; /ready 200 and reads ok ${sinceBack} ms after, without a server restart`,
  );
  const read8 = firstReadAfterReady;
  const item8ok = read8 !== undefined && read8.status === 200 && !read8.body?.errors;
  const evidence7 = outage503 === undefined || outage503 === 'pending' ? 'outage answer not seen' : outage503;
  const spec5xx = /^50[34] (SERVICE_UNAVAILABLE|TIMEOUT)$/.test(evidence7);
  return {
    item7: { held: spec5xx, evidence: `outage read: ${evidence7}${spec5xx ? '' : ' (expected 503/504 with a code)'}` },
    item8: {
      item: '8',
      verdict: item8ok ? 'held' : 'FAILED',
      evidence: `after Neo4j's restart /ready said 200 at ${readyMs ?? 'never'} ms past the load; the read at once: ${read8 ? brief(read8) : 'none'}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const began = performance.now();
  if (OWN) await startOwn();
  else if ((await getStatus('/health')) !== 200) throw new Error(`No server answers ${BASE}/health.`);
  console.log(`Probing ${BASE} (issue 14, items 1–12)`);
  await setup();
  for (const [item, run] of [
    ['1', item1],
    ['2', item2],
    ['4', item4],
    ['5', item5],
    ['6', item6],
  ] as const) {
    if (wanted(item)) await run();
  }
  const seven = wanted('7') ? await item7() : { held: true, evidence: 'not asked for' };
  for (const [item, run] of [
    ['9', item9],
    ['10', item10],
    ['11', item11],
    ['12', item12],
  ] as const) {
    if (wanted(item)) await run();
  }
  let load: Awaited<ReturnType<typeof loadRun>> | undefined;
  if (OWN && withLoad && (wanted('7') || wanted('8'))) load = await loadRun();
  const outage = load?.item7 ?? { held: true, evidence: 'outage half not run (no load run)' };
  if (wanted('7')) record('7', seven.held && outage.held, `${seven.evidence}; ${outage.evidence}`);
  if (load) {
    results.push(load.item8);
    console.log(itemLine(load.item8));
  } else if (wanted('8')) {
    record('8', null, 'needs the load run (Neo4j killed and restarted)');
  }
  if (wanted('3')) await item3();
  const failed = results.filter((r) => r.verdict === 'FAILED');
  console.log(
    `\n${results.filter((r) => r.verdict === 'held').length} held, ${failed.length} failed, ${results.filter((r) => r.verdict === 'n/a').length} n/a in ${Math.round((performance.now() - began) / 1000)} s`,
  );
  return failed.length === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await stopOwn();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    await stopOwn().catch(() => {});
    process.exit(1);
  });
