// The markdown report of one bench run: every figure beside its target, from the JSON report.
import type { ApiResult } from './api-bench.js';
import type { ClientCase } from './client-bench.js';
import { EXTRACT_TARGET_PER_S } from './extract-bench.js';
import type { BenchReport } from './run.js';

export const TARGETS = {
  p50Ratio: 1.2,
  importRatio: 0.8,
  shortestPathP50AtM: 20,
  /** Issue 15: the first view of a 2,000 / 8,000 graph in 3 s, 30 fps while panning. */
  clientFirstViewMs: 3_000,
  clientFps: 30,
  analyticsColdMsAtM: 2_000,
  analyticsCachedMsAtM: 50,
  /** Issue 15: a neighbourhood around the top hub, p50 at M and L. */
  hubP50Ms: { 'hub-neighborhood-1': 100, 'hub-neighborhood-2': 300 } as Readonly<Record<string, number>>,
} as const;

const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
const n = (x: number) => x.toLocaleString('en-US');

function apiRows(rows: ApiResult[]): string[] {
  const out = [
    '| size | query | GraphQL p50 / p99 ms | raw p50 / p99 ms | p50 ratio (≤ 1.2) | GraphQL / raw req/s | fixed rate: req/s, GraphQL / raw p50 ms, ratio | errors GraphQL / raw | bytes/answer |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const s = r.saturation;
    const fixed = r.fixedRate
      ? `${r.fixedRate.rate}/s: ${r.fixedRate.graphql.p50} / ${r.fixedRate.raw.p50} (×${r.fixedP50Ratio})`
      : '—';
    const errors = `${s.graphql.errors + (r.fixedRate?.graphql.errors ?? 0)} / ${s.raw.errors + (r.fixedRate?.raw.errors ?? 0)}`;
    out.push(
      `| ${r.size} | ${r.description} | ${s.graphql.p50} / ${s.graphql.p99} | ${s.raw.p50} / ${s.raw.p99} | ${r.p50Ratio} ${r.p50Ratio <= TARGETS.p50Ratio ? '' : '**(missed)**'} | ${s.graphql.rps} / ${s.raw.rps} | ${fixed} | ${errors} | ${n(s.graphql.bytes)} / ${n(s.raw.bytes)} |`,
    );
  }
  return out;
}

export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines: string[] = [
    `# Benchmark results (${report.run} run)`,
    '',
    `Run ${report.startedAt}, ${report.durationS} s. Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB; ` +
      `Node ${m.node}; Neo4j ${m.neo4j} (heap ${m.neo4jHeap}, page cache ${m.neo4jPageCache}); ${m.platform}. ` +
      `Graphs from bench/generator.ts, seed ${report.seed}. Compare ratios within one run: the machine is shared and noisy.`,
    '',
  ];

  if (report.extract) {
    const x = report.extract;
    lines.push(
      '## Article reader',
      '',
      'The pipeline alone, in CPU time of one process (one core), against the seed graph held in memory (bench/extract-bench.ts); a real call adds two graph reads. Wall-clock throughput in brackets: the shared machine may be busy.',
      '',
      `| text | articles/s (target ≥ ${EXTRACT_TARGET_PER_S}) | ms per article |`,
      '|---|---|---|',
      x.devArticlesPerS === null
        ? '| dev corpus | not found | — |'
        : `| dev corpus (${x.devArticles} articles × ${x.devRuns} runs) | ${n(x.devArticlesPerS)} ${mark(x.devArticlesPerS >= EXTRACT_TARGET_PER_S)} (${x.devWallPerS}) | ${x.devMsPerArticle} |`,
      `| one text of ${n(x.bigBytes)} bytes (${n(x.bigSentences)} sentences) | ${x.bigArticlesPerS} | ${n(x.bigMs)} |`,
      '',
    );
  }

  if (report.ingest) {
    const g = report.ingest;
    lines.push(
      '## Review: ingest and accept',
      '',
      'Articles read and written to the review queue, one transaction each, against the plain import of the records they propose; then accepting proposals (acceptProposals) against the plain import of the same records (bench/ingest-bench.ts). Ratio: import time / workflow time.',
      '',
      `| step | workflow s | plain import s | ratio (≥ ${TARGETS.importRatio}) |`,
      '|---|---|---|---|',
      `| ingest ${n(g.articles)} articles (${n(g.proposals)} proposals): queue write (reader ${(g.readerMs / 1000).toFixed(1)} s besides) | ${(g.queueWriteMs / 1000).toFixed(1)} | ${(g.importSameMs / 1000).toFixed(1)} | ${g.ingestRatio} ${mark(g.ingestRatio >= TARGETS.importRatio)} |`,
      `| accept ${n(g.accepted)} proposals, warm (median of alternating runs) | ${(g.acceptMs / 1000).toFixed(1)} | ${(g.importAcceptedMs / 1000).toFixed(1)} | ${g.acceptRatio} ${mark(g.acceptRatio >= TARGETS.importRatio)} |`,
      `| accept ${n(g.accepted)} proposals, cold (query caches cleared before each) | ${(g.acceptColdMs / 1000).toFixed(1)} | ${(g.importColdMs / 1000).toFixed(1)} | ${g.acceptColdRatio} ${mark(g.acceptColdRatio >= TARGETS.importRatio)} |`,
      '',
    );
  }

  if (report.import.length > 0) {
    lines.push(
      '## Import',
      '',
      '| size | actors | relationships | importBundle rel/s (s) | raw UNWIND floor rel/s (s) | ratio (≥ 0.8) | of which validation |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of report.import) {
      lines.push(
        `| ${r.size} | ${n(r.actors)} | ${n(r.relationships)} | ${n(r.projectRelsPerSec)} (${(r.projectMs / 1000).toFixed(1)}) | ${n(r.rawRelsPerSec)} (${(r.rawMs / 1000).toFixed(1)}) | ${r.ratio} ${mark(r.ratio >= TARGETS.importRatio)} | ${(r.validateMs / 1000).toFixed(1)} s |`,
      );
    }
    lines.push('');
  }

  if (report.api.length > 0) {
    lines.push('## API against the floor', '');
    lines.push(
      'GraphQL over HTTP against a bare `node:http` handler running the same Cypher through the driver; 8 connections at saturation, then (where run) a fixed rate of half the floor’s saturated throughput. Latencies in ms.',
      '',
    );
    lines.push(...apiRows(report.api), '');

    const sizes = [...new Set(report.api.map((r) => r.size))];
    const queries = [...new Set(report.api.map((r) => r.query))];
    lines.push('## Scaling: GraphQL p50 ms (raw p50) by graph size, at saturation', '');
    lines.push(`| query | ${sizes.join(' | ')} |`, `|---|${sizes.map(() => '---').join('|')}|`);
    for (const q of queries) {
      const cells = sizes.map((s) => {
        const r = report.api.find((x) => x.size === s && x.query === q);
        return r ? `${r.saturation.graphql.p50} (${r.saturation.raw.p50})` : '—';
      });
      lines.push(`| ${q} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }

  if (report.analytics.length > 0) {
    lines.push(
      '## Alliance analytics',
      '',
      'Through GraphQL (the app’s fetch, in process), each query warmed once in Neo4j. Cold: a fresh app, its analytics cache empty as after a write (the answer reads the projection, computes, reads the rows it shows); cached: the same request again, median. Beside them the one projection read alone. Milliseconds.',
      '',
      '| size | actors | relationships | projection read | query | cold | cached | answer |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const r of report.analytics) {
      for (const c of r.cases) {
        lines.push(
          `| ${r.size} | ${n(r.actors)} | ${n(r.relationships)} | ${n(r.projectionMs)} | ${c.description} | ${n(c.coldMs)} | ${c.cachedMs} | ${c.detail} |`,
        );
      }
    }
    lines.push('');
  }

  if (report.client) {
    const c = report.client;
    lines.push(
      '## Client rendering',
      '',
      `Headless Chromium ${c.chromium} (software rendering, --disable-gpu; WebGL ${c.webglAvailable ? 'available' : 'NOT available'}), 1280×800, the client's own graph code (stylesheet, bulk styles, layout worker) on generated graphs, one fifth of the elements actors; ${c.seconds} s of panning and zooming per case. First view: from creating the graph to the frame after the laid-out elements were added (layout included).`,
      '',
      '| elements | actors | bulk | canvas first view ms (layout) | canvas fps (worst frame ms) | WebGL first view ms (layout) | WebGL fps (worst frame ms) |',
      '|---|---|---|---|---|---|---|',
    );
    for (const count of [...new Set(c.cases.map((x) => x.count))]) {
      const canvas = c.cases.find((x) => x.count === count && !x.webgl);
      const webgl = c.cases.find((x) => x.count === count && x.webgl);
      const view = (x?: ClientCase) => (x ? `${n(x.firstViewMs)} (${n(x.layoutAndAddMs)})` : '—');
      const fps = (x?: ClientCase) => (x ? `${x.fps} (${x.worstFrameMs})` : '—');
      lines.push(
        `| ${n(count)} | ${n(canvas?.nodes ?? webgl?.nodes ?? 0)} | ${canvas?.bulk ? 'yes' : 'no'} | ${view(canvas)} | ${fps(canvas)} | ${view(webgl)} | ${fps(webgl)} |`,
      );
    }
    lines.push(
      '',
      `WebGL gives more frames per second than canvas from **${c.webglWinsFrom === null ? 'no measured size' : `${n(c.webglWinsFrom)} elements`}** on (bench/results/webgl-threshold.json).`,
      '',
    );
  }

  const targets = targetRows(report);
  if (targets.length > 0) lines.push('## Targets', '', ...TARGETS_HEAD, ...targets, '');
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((x) => `- ${x}`), '');
  return `${lines.join('\n')}\n`;
}

const TARGETS_HEAD = ['| figure | target | measured | |', '|---|---|---|---|'];

/** Every figure that has a target, beside it: the report's last table and the README's. */
export function targetRows(report: BenchReport): string[] {
  const rows: string[] = [];
  const row = (figure: string, target: string, measured: string, ok: boolean) =>
    rows.push(`| ${figure} | ${target} | ${measured} | ${mark(ok)} |`);
  const x = report.extract;
  if (x && x.devArticlesPerS !== null) {
    row(
      'article reader, dev corpus, articles/s',
      `≥ ${EXTRACT_TARGET_PER_S}`,
      n(x.devArticlesPerS),
      x.devArticlesPerS >= EXTRACT_TARGET_PER_S,
    );
  }
  const g = report.ingest;
  if (g) {
    const ratio = (figure: string, value: number) =>
      row(figure, `≥ ${TARGETS.importRatio}`, String(value), value >= TARGETS.importRatio);
    ratio(`ingest of ${n(g.articles)} articles / plain import`, g.ingestRatio);
    ratio(`accept of ${n(g.accepted)} proposals / plain import, warm`, g.acceptRatio);
    ratio(`accept of ${n(g.accepted)} proposals / plain import, cold`, g.acceptColdRatio);
  }
  for (const r of report.import) {
    row(`import / raw floor at ${r.size}`, `≥ ${TARGETS.importRatio}`, String(r.ratio), r.ratio >= TARGETS.importRatio);
  }
  for (const r of report.api) {
    row(
      `GraphQL/raw p50 ${r.query} at ${r.size}`,
      `≤ ${TARGETS.p50Ratio}`,
      String(r.p50Ratio),
      r.p50Ratio <= TARGETS.p50Ratio,
    );
  }
  for (const r of report.api) {
    const limit = TARGETS.hubP50Ms[r.query];
    if (limit === undefined || r.size === 'S') continue;
    const p50 = r.saturation.graphql.p50;
    row(`${r.query} p50 at ${r.size}`, `≤ ${limit} ms`, `${n(p50)} ms`, p50 <= limit);
  }
  const sp = report.api.find((r) => r.size === 'M' && r.query === 'shortestPath');
  if (sp) {
    const p50 = sp.fixedRate?.graphql.p50 ?? sp.saturation.graphql.p50;
    row(
      `shortestPath p50 at M, maxHops 6${sp.fixedRate ? ' (fixed rate)' : ''}`,
      `≤ ${TARGETS.shortestPathP50AtM} ms`,
      `${n(p50)} ms`,
      p50 <= TARGETS.shortestPathP50AtM,
    );
  }
  for (const c of report.analytics.find((r) => r.size === 'M')?.cases ?? []) {
    row(
      `${c.name} cold at M`,
      `≤ ${n(TARGETS.analyticsColdMsAtM)} ms`,
      `${n(c.coldMs)} ms`,
      c.coldMs <= TARGETS.analyticsColdMsAtM,
    );
    row(
      `${c.name} cached at M`,
      `≤ ${TARGETS.analyticsCachedMsAtM} ms`,
      `${c.cachedMs} ms`,
      c.cachedMs <= TARGETS.analyticsCachedMsAtM,
    );
  }
  for (const count of [500, 2_000, 10_000]) {
    for (const webgl of [false, true]) {
      const c = report.client?.cases.find((k) => k.count === count && k.webgl === webgl);
      if (!c) continue;
      const name = webgl ? 'WebGL' : 'canvas';
      row(
        `${name} first view at ${n(count)} elements`,
        `≤ ${n(TARGETS.clientFirstViewMs)} ms`,
        `${n(c.firstViewMs)} ms`,
        c.firstViewMs <= TARGETS.clientFirstViewMs,
      );
      row(`${name} fps at ${n(count)} elements`, `≥ ${TARGETS.clientFps}`, String(c.fps), c.fps >= TARGETS.clientFps);
    }
  }
  return rows;
}

/** The README's Performance block: when the run was, and its targets table. */
export function renderReadmeBlock(report: BenchReport): string {
  const m = report.machine;
  return [
    `The latest full run, ${report.startedAt.slice(0, 10)} (${Math.round(report.durationS / 60)} minutes; ${m.cpus} shared cores, ${m.memoryGiB} GiB; Neo4j ${m.neo4j}, heap ${m.neo4jHeap}), every target beside its figure; all figures in \`bench/results/latest.md\`:`,
    '',
    ...TARGETS_HEAD,
    ...targetRows(report),
  ].join('\n');
}
