// npm run bench [-- --quick] [--sizes=S,M,L] [--skip-server] [--skip-api] [--skip-client] [--skip-extract]
// [--only-extract] [--only-ingest] [--skip-ingest] [--skip-import] [--skip-analytics] [--classes=actor,relationships]
// Generates graphs, measures import against a raw UNWIND floor, the API against a bare driver
// handler running the same Cypher, latency as the graph grows, the alliance analytics cold and
// cached, the client's rendering and the article reader's speed; prints
// the figures beside their targets and writes bench/results/<run>.json and .md (a complete run also
// the README's targets table). Never a test.
// First: it sets NODE_ENV before any import loads graphql.
import './production-env.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AnalyticsResult, benchAnalytics } from './analytics-bench.js';
import { type ApiResult, benchApi, type Durations, hubTargets, pickTargets, startServers } from './api-bench.js';
import { benchClient, type ClientResult } from './client-bench.js';
import { type BenchDatabase, type Machine, machine, openBenchDatabase } from './db.js';
import { benchExtract, type ExtractResult } from './extract-bench.js';
import { type GraphSize, generateBundle, SIZES } from './generator.js';
import { benchImport, type ImportResult } from './import-bench.js';
import { benchIngest, type IngestBenchResult } from './ingest-bench.js';
import { renderMarkdown, renderReadmeBlock } from './report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const RESULTS_DIR = path.join(HERE, 'results');

export interface BenchReport {
  run: 'full' | 'quick';
  startedAt: string;
  durationS: number;
  machine: Machine;
  seed: number;
  sizes: GraphSize[];
  import: ImportResult[];
  api: ApiResult[];
  analytics: AnalyticsResult[];
  client: ClientResult | null;
  extract: ExtractResult | null;
  ingest?: IngestBenchResult;
  notes: string[];
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizeNames = (arg('sizes') ?? (quick ? 'S' : 'S,M,L')).split(',') as (keyof typeof SIZES)[];
const SEED = Number(arg('seed') ?? 1);

// Where the full API comparison (with the fixed-rate pass) runs: M, the size of the targets.
const FULL_AT = quick ? 'S' : 'M';
const DURATIONS: Record<'full' | 'scaling', Durations> = quick
  ? {
      full: { warmupRequests: 8, warmupS: 5, minRequests: 8, saturationS: 3, fixedRateS: 3, connections: 8 },
      scaling: { warmupRequests: 8, warmupS: 5, minRequests: 8, saturationS: 3, fixedRateS: 0, connections: 8 },
    }
  : {
      full: { warmupRequests: 12, warmupS: 15, minRequests: 16, saturationS: 8, fixedRateS: 6, connections: 8 },
      scaling: { warmupRequests: 8, warmupS: 10, minRequests: 8, saturationS: 5, fixedRateS: 0, connections: 8 },
    };
// Past M only the classes whose growth the issue asks about: neighbourhoods and paths.
const SCALING_CLASSES = [
  'neighborhood-1',
  'neighborhood-2',
  'hub-neighborhood-1',
  'hub-neighborhood-2',
  'shortestPath',
  'paths-k3',
];

const LOG_FILE = path.join(HERE, 'tmp', 'last-run.log');
fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
fs.writeFileSync(LOG_FILE, '');
const log = (line: string) => {
  console.log(line);
  fs.appendFileSync(LOG_FILE, `${line}\n`);
};

async function main(): Promise<void> {
  const started = Date.now();
  const report: BenchReport = {
    run: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    durationS: 0,
    machine: machine(null),
    seed: SEED,
    sizes: sizeNames.map((s) => SIZES[s]),
    import: [],
    api: [],
    analytics: [],
    client: null,
    extract: null,
    notes: [],
  };
  const write = () => {
    report.durationS = Math.round((Date.now() - started) / 1000);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const base = path.join(RESULTS_DIR, report.run === 'full' ? 'latest' : 'quick');
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, renderMarkdown(report));
  };

  const onlyExtract = args.includes('--only-extract');
  if (args.includes('--only-ingest')) {
    const db = await openBenchDatabase(log);
    try {
      log('\n== review: ingest and accept, beside the plain import');
      report.ingest = await benchIngest(db, generateBundle({ ...SIZES.S, seed: SEED }), log, quick ? 3 : 5);
      write();
    } finally {
      await db.close();
    }
    return;
  }
  if (!args.includes('--skip-extract')) {
    log('\n== article reader (one core)');
    report.extract = benchExtract({ quick, log });
    write();
  }

  if (!args.includes('--skip-server') && !onlyExtract) {
    let db: BenchDatabase | null = null;
    try {
      db = await openBenchDatabase(log);
      report.machine = machine(db);
      log(
        `Neo4j ${db.version}; ${report.machine.cpus} cores, ${report.machine.memoryGiB} GiB; Node ${process.version}`,
      );
      if (!args.includes('--skip-ingest')) {
        log('\n== review: ingest and accept, beside the plain import');
        report.ingest = await benchIngest(db, generateBundle({ ...SIZES.S, seed: SEED }), log, quick ? 3 : 5);
        write();
      }
      for (const name of sizeNames) {
        const size = SIZES[name];
        log(`\n== ${name}: ${size.actors} actors, ${size.relationships} relationships`);
        const bundle = generateBundle({ ...size, seed: SEED });
        // --skip-import measures the graph already in the database (a kept instance, BENCH_KEEP_NEO4J=1),
        // which must be this size's graph of the same seed.
        if (!args.includes('--skip-import')) {
          report.import.push(await benchImport(db, name, bundle, log));
          write();
        }
        const servers = args.includes('--skip-api') ? null : await startServers(db);
        if (servers) {
          try {
            const targets = pickTargets(bundle, 64);
            const durations = name === FULL_AT ? DURATIONS.full : DURATIONS.scaling;
            const only = arg('classes')?.split(',');
            const classes = name === 'L' ? SCALING_CLASSES.filter((c) => !only || only.includes(c)) : only;
            report.api.push(
              ...(await benchApi(servers, name, targets, durations, log, {
                fixedRate: durations.fixedRateS > 0,
                hubTargets: hubTargets(bundle, targets),
                ...(classes ? { classes } : {}),
              })),
            );
          } finally {
            await servers.stop();
          }
          write();
        }
        if (args.includes('--skip-analytics')) continue;
        log('  -- analytics');
        try {
          report.analytics.push(
            await benchAnalytics(db, name, bundle, log, { coldRuns: quick ? 1 : 3, cachedRuns: quick ? 10 : 20 }),
          );
        } catch (error) {
          // One failing query (a timeout at L) must not cost the rest of the run; the report says so.
          const message = `Alliance analytics at ${name} failed: ${(error as Error).message}`;
          log(`  ${message}`);
          report.notes.push(message);
        }
        write();
      }
    } finally {
      await db?.close();
    }
  }

  if (!args.includes('--skip-client') && !onlyExtract) {
    log('\n== client rendering (headless Chromium)');
    report.client = await benchClient({ quick, log });
    if (!quick) {
      // Read by the client to pick its renderer: WebGL from this many elements on.
      const threshold = {
        webglFromElements: report.client.webglWinsFrom,
        measuredAt: report.startedAt,
        chromium: report.client.chromium,
        note: 'Smallest element count from which cytoscape’s WebGL mode gave more frames per second than canvas while panning and zooming, at that count and every larger one measured (bench/client-bench.ts). null: WebGL never won.',
        fps: report.client.cases.map((c) => ({
          elements: c.count,
          renderer: c.webgl ? 'webgl' : 'canvas',
          fps: c.fps,
        })),
      };
      fs.writeFileSync(path.join(RESULTS_DIR, 'webgl-threshold.json'), `${JSON.stringify(threshold, null, 2)}\n`);
    }
    write();
  }
  write();
  // A complete run (every size and part, not --quick) is the README's: its targets table is
  // rewritten between the markers, so that the README never shows figures of another run.
  if (!quick && !args.some((a) => /^--(skip|only|sizes|classes)/.test(a))) {
    const readme = path.join(HERE, '..', 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    const block = /(<!-- bench:targets -->\n)[\s\S]*?(<!-- \/bench:targets -->)/;
    if (block.test(text)) {
      fs.writeFileSync(
        readme,
        text.replace(block, (_, open, close) => `${open}${renderReadmeBlock(report)}\n${close}`),
      );
      log("Updated the README's Performance table");
    } else log('README.md has no <!-- bench:targets --> block; left unchanged');
  }
  console.log(`\n${renderMarkdown(report)}`);
  console.log(
    `Wrote ${path.relative(process.cwd(), RESULTS_DIR)}/${report.run === 'full' ? 'latest' : 'quick'}.{json,md}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
