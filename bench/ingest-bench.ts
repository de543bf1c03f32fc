// Review throughput, each beside the plain bundle import of the same records:
// - ingest: 100 articles (made of the lexicon's own example sentences, never corpus text) read
//   and written to the review queue, one transaction each, against the import of their source
//   records and proposed relationships as one-article bundles; the reader's share is timed apart
//   so the queue write can be compared alone;
// - accept: 1,000 queued relationship proposals accepted in one call, against importBundle of the
//   same 1,000 records into the same graph.
import { makeArticle } from '../server/extract/article.js';
import { extractArticle } from '../server/extract/extract.js';
import { lexicon } from '../server/extract/lexicon.js';
import { loadGraphFor } from '../server/extract/load-graph.js';
import { importBundle } from '../server/import/import-bundle.js';
import { proposalId, type QueuedProposal, queueProposals } from '../server/ingest/proposals.js';
import { acceptProposals, storeArticle } from '../server/ingest/queue.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Relationship } from '../server/model/bundle.js';
import { type BenchDatabase, resetDatabase } from './db.js';
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
  /** import / accept. */
  acceptRatio: number;
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

  // Accept: 1,000 relationships of the synthetic graph (no claims, whose about would need more) queued as proposals of one article.
  await resetDatabase(db);
  await importBundle(executor, bundle(graph.actors, graph.sources, []));
  const records = graph.relationships.filter((r) => r.about === null).slice(0, 1000) as Relationship[];
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
  await storeArticle(executor, { source, text: 'Bench queue.' }, queue);
  const t0 = performance.now();
  await acceptProposals(
    executor,
    queue.map((p) => ({ id: p.id })),
    'bench',
  );
  const acceptMs = performance.now() - t0;
  // The plain import of the same 1,000 records, into the same graph without them.
  await resetDatabase(db);
  await importBundle(executor, bundle(graph.actors, [...graph.sources, source], []));
  const t1 = performance.now();
  await importBundle(
    executor,
    bundle(
      [],
      [],
      records.map((r) => ({ ...r, sources: [source.id] })),
    ),
  );
  const importAcceptedMs = performance.now() - t1;
  log(
    `  accept: ${records.length} proposals in ${Math.round(acceptMs)} ms; plain import of the same records ${Math.round(importAcceptedMs)} ms; ratio ${(importAcceptedMs / acceptMs).toFixed(2)}`,
  );
  return {
    articles: list.length,
    proposals,
    ingestMs: Math.round(ingestMs),
    readerMs: Math.round(readerMs),
    queueWriteMs: Math.round(queueWriteMs),
    importSameMs: Math.round(importSameMs),
    ingestRatio: Math.round((importSameMs / queueWriteMs) * 100) / 100,
    accepted: records.length,
    acceptMs: Math.round(acceptMs),
    importAcceptedMs: Math.round(importAcceptedMs),
    acceptRatio: Math.round((importAcceptedMs / acceptMs) * 100) / 100,
  };
}
