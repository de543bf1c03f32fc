// Review throughput, each beside the plain bundle import of the same records:
// - ingest: 100 articles (made of the lexicon's own example sentences, never corpus text) read
//   and written to the review queue, one transaction each, against the import of their source
//   records and proposed relationships as one-article bundles; the reader's share is timed apart
//   so the queue write can be compared alone;
// - accept: 1,000 queued relationship proposals accepted in one call, against importBundle of the
//   same 1,000 records into the same graph.

import type { Executor, Params } from '../server/db/executor.js';
import { withoutComments } from '../server/db/queries.js';
import { makeArticle } from '../server/extract/article.js';
import { extractArticle } from '../server/extract/extract.js';
import { lexicon } from '../server/extract/lexicon.js';
import { loadGraphFor } from '../server/extract/load-graph.js';
import { importBundle } from '../server/import/import-bundle.js';
import { sameStatement } from '../server/ingest/merge.js';
import { proposalId, type QueuedProposal, queueProposals } from '../server/ingest/proposals.js';
import { acceptProposals, storeArticle } from '../server/ingest/queue.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Relationship } from '../server/model/bundle.js';
import { type BenchDatabase, resetDatabase, settleStatistics } from './db.js';
import type { SyntheticBundle } from './generator.js';

export const INGEST_TARGET_RATIO = 0.8;

export interface IngestBenchResult {
  articles: number;
  proposals: number;
  ingestMs: number;
  readerMs: number;
  queueWriteMs: number;
  importSameMs: number;
  /** import / queue write (time ratio: ≥ 1 means the queue write is at least as fast). */
  ingestRatio: number;
  accepted: number;
  acceptMs: number;
  importAcceptedMs: number;
  /** import / accept, each warm (the median of its runs after a first, cold one). */
  acceptRatio: number;
  /** The same with Neo4j's query caches cleared before each: the first accept and import a server runs. */
  acceptColdMs: number;
  importColdMs: number;
  acceptColdRatio: number;
}

function articles(count: number) {
  const sentences = [...lexicon.relations, ...lexicon.frames].map((e) => e.example.text);
  return Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: 8 }, (_, j) => sentences[(i * 7 + j) % sentences.length]).join(' ');
    const day = String(1 + (i % 28)).padStart(2, '0');
    return makeArticle(
      text,
      { id: `bench-article-${i}`, published: `2024-10-${day}`, publisher: `Wire ${i % 5}` },
      'bench',
    );
  });
}

/**
 * With BENCH_TRACE set, an executor that prints each statement's start (ms after the wrapper was
 * made), time and rows (its largest list parameter), to see where an accept or an import spends
 * it, the gaps being work in Node; else `executor` itself.
 */
function traced(executor: Executor, label: string): Executor {
  if (!process.env.BENCH_TRACE) return executor;
  const name = (query: string) => {
    const text = withoutComments(query).replace(/\s+/g, ' ');
    const type = /-\[r:(\w+)/.exec(text)?.[1];
    return type ? `write ${type}` : text.slice(0, 56);
  };
  const rows = (params: Params = {}) =>
    Math.max(0, ...Object.values(params).map((v) => (Array.isArray(v) ? v.length : 0)));
  const start = performance.now();
  const timed = async <T>(what: string, params: Params | undefined, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      const at = Math.round(t0 - start);
      console.log(`    [${label} +${at}] ${Math.round(performance.now() - t0)} ms  ${rows(params)} rows  ${what}`);
    }
  };
  return {
    ...executor,
    read: (query, params, options) => timed(name(query), params, () => executor.read(query, params, options)),
    write: (query, params, options) => timed(name(query), params, () => executor.write(query, params, options)),
    writeTransaction: (work, options) =>
      timed(`transaction ${options.operation}`, {}, () =>
        executor.writeTransaction(
          (tx) => work({ run: (query, params) => timed(name(query), params, () => tx.run(query, params)) }),
          options,
        ),
      ),
  };
}

const bundle = (actors: object[], sources: object[], relationships: object[]) => ({
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  actors,
  sources,
  relationships,
});

export async function benchIngest(
  db: BenchDatabase,
  graph: SyntheticBundle,
  log: (line: string) => void,
  acceptRounds = 3,
): Promise<IngestBenchResult> {
  const { executor } = db;
  // The graph the articles are read against: the synthetic S graph's actors and sources.
  await resetDatabase(db);
  await importBundle(executor, bundle(graph.actors, graph.sources, []));

  const list = articles(100);
  let readerMs = 0;
  let ingestMs = 0;
  const sameRecords: { source: object; actors: object[]; relationships: Relationship[] }[] = [];
  let proposals = 0;
  for (const article of list) {
    const t0 = performance.now();
    const context = await loadGraphFor(executor, article.text);
    const queue = queueProposals(extractArticle(article, context), context);
    const t1 = performance.now();
    await storeArticle(executor, article, queue);
    const t2 = performance.now();
    readerMs += t1 - t0;
    ingestMs += t2 - t0;
    proposals += queue.length;
    sameRecords.push({
      source: article.source,
      actors: queue.flatMap((p) => (p.actor ? [p.actor] : [])),
      relationships: queue.flatMap((p) => (p.relationship && p.kind === 'RELATIONSHIP' ? [p.relationship] : [])),
    });
  }
  const queueWriteMs = ingestMs - readerMs;
  // The same records as plain bundles, one per article, into a graph without them.
  await resetDatabase(db);
  await importBundle(executor, bundle(graph.actors, graph.sources, []));
  let importSameMs = 0;
  let refused = 0;
  for (const r of sameRecords) {
    const t0 = performance.now();
    await importBundle(
      executor,
      bundle(
        r.actors,
        [{ ...r.source, id: `${(r.source as { id: string }).id}-plain` }],
        r.relationships.map((x) => ({ ...x, sources: [`${(r.source as { id: string }).id}-plain`] })),
      ),
      { class: 'write' },
    ).catch(() => {
      refused++; // a record naming one the queue holds as another kind: counted, and reported
    });
    importSameMs += performance.now() - t0;
  }
  log(
    `  ingest: ${list.length} articles, ${proposals} proposals in ${Math.round(ingestMs)} ms (reader ${Math.round(readerMs)} ms, queue write ${Math.round(queueWriteMs)} ms); plain import of the same records ${Math.round(importSameMs)} ms (${refused} bundles refused); ratio ${(importSameMs / queueWriteMs).toFixed(2)}`,
  );

  return {
    articles: list.length,
    proposals,
    ingestMs: Math.round(ingestMs),
    readerMs: Math.round(readerMs),
    queueWriteMs: Math.round(queueWriteMs),
    importSameMs: Math.round(importSameMs),
    ingestRatio: Math.round((importSameMs / queueWriteMs) * 100) / 100,
    ...(await benchAccept(db, graph, log, acceptRounds)),
  };
}

export type AcceptBenchResult = Pick<
  IngestBenchResult,
  'accepted' | 'acceptMs' | 'importAcceptedMs' | 'acceptRatio' | 'acceptColdMs' | 'importColdMs' | 'acceptColdRatio'
>;

/**
 * Accepting 1,000 queued relationship proposals in one call, beside importBundle of the same
 * records into the same graph. Neo4j plans a statement on its first use at a parameter size and
 * keeps the plan, and the two share most statements, so whichever ran first paid for both: each
 * is timed cold (the query caches cleared just before it) and then warm (run again, as a running
 * server runs it, `rounds` times), and the warm ratio is the one held to the target. Each run
 * starts from an emptied graph; before it is timed the index statistics are settled (see
 * settleStatistics), and one untimed run of each side after the cold ones plans what the other
 * side's cold run cleared, so that no warm run pays for planning the other side left to it.
 */
export async function benchAccept(
  db: BenchDatabase,
  graph: SyntheticBundle,
  log: (line: string) => void,
  rounds = 3,
): Promise<AcceptBenchResult> {
  const { executor } = db;
  // 1,000 relationships of the synthetic graph queued as proposals of one article: no claims, whose
  // about would need more, and none that states another again (sameStatement), which the accept
  // merges into one where the import writes both, so that the two sides write the same 1,000.
  const records: Relationship[] = [];
  const byEnds = new Map<string, Relationship[]>();
  for (const r of graph.relationships as Relationship[]) {
    if (records.length === 1000) break;
    const ends = `${r.type} ${[r.from, r.to].sort().join(' ')}`;
    const same = byEnds.get(ends) ?? [];
    if (r.about !== null || same.some((s) => sameStatement(r, s))) continue;
    byEnds.set(ends, [...same, r]);
    records.push(r);
  }
  const source = {
    id: 'bench-queue',
    title: 'Bench queue',
    publisher: 'Bench',
    published: '2024-10-01',
    url: null,
    kind: 'article' as const,
  };
  const queue: QueuedProposal[] = records.map((r, position) => ({
    id: proposalId(source.id, 'rel', r.id),
    source: source.id,
    position,
    kind: 'RELATIONSHIP',
    actor: null,
    relationship: { ...r, sources: [source.id] },
    evidence: [],
    confidence: r.confidence,
    target: null,
    fromStatus: null,
    toStatus: null,
    note: null,
    names: {},
  }));
  const clearPlans = () => executor.write('CALL db.clearQueryCaches()', {}, { operation: 'bench-clear-plans' });
  const timed = async (cold: boolean, work: () => Promise<unknown>) => {
    if (cold) await clearPlans();
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  // Both sides start from the same graph: the actors, the sources and the article with its queue.
  // (Without the queue the import wrote its 1,000 relationships about 10 % faster than the accept wrote
  // the same ones, with a store of 1,000 nodes and one article fewer.)
  const fill = async () => {
    await resetDatabase(db);
    await importBundle(executor, bundle(graph.actors, graph.sources, []));
    await storeArticle(executor, { source, text: 'Bench queue.' }, queue);
    await settleStatistics(db);
  };
  const accept = async (cold: boolean) => {
    await fill();
    const tag = cold ? 'accept cold' : 'accept';
    return timed(cold, () =>
      acceptProposals(
        traced(executor, tag),
        queue.map((p) => ({ id: p.id })),
        'bench',
      ),
    );
  };
  // The plain import of the same 1,000 records, into the same graph (the queue left open).
  const plain = async (cold: boolean) => {
    await fill();
    const rows = records.map((r) => ({ ...r, sources: [source.id] }));
    return timed(cold, () => importBundle(traced(executor, cold ? 'import cold' : 'import'), bundle([], [], rows)));
  };
  // The import first: the accept runs every statement the import writes with. It does not run the
  // import's two reads (its own read serves the validation), whose plans the cold accept cleared:
  // one untimed run of each plans again what it needs, or the first warm import would pay for it.
  const importColdMs = await plain(true);
  const acceptColdMs = await accept(true);
  await plain(false);
  await accept(false);
  // Warm: each run again, which of the two runs first alternating, the median of each kept (one
  // run on this shared machine can take several times another).
  const warm = { accept: [] as number[], plain: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) warm.accept.push(await accept(false));
    warm.plain.push(await plain(false));
    if (i % 2 === 1) warm.accept.push(await accept(false));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const acceptMs = median(warm.accept);
  const importAcceptedMs = median(warm.plain);
  const ms = (x: number) => `${Math.round(x)} ms`;
  log(
    `  accept: ${records.length} proposals in ${ms(acceptMs)}; plain import of the same records ${ms(importAcceptedMs)}; ratio ${(importAcceptedMs / acceptMs).toFixed(2)} (warm: median of ${rounds} runs each, alternating which runs first, after a cold run of each; cold, query caches cleared before each: ${ms(acceptColdMs)} and ${ms(importColdMs)}, ratio ${(importColdMs / acceptColdMs).toFixed(2)})`,
  );
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    accepted: records.length,
    acceptMs: Math.round(acceptMs),
    importAcceptedMs: Math.round(importAcceptedMs),
    acceptRatio: ratio(importAcceptedMs, acceptMs),
    acceptColdMs: Math.round(acceptColdMs),
    importColdMs: Math.round(importColdMs),
    acceptColdRatio: ratio(importColdMs, acceptColdMs),
  };
}
