// Import throughput: the project's importBundle against a raw floor, the fastest batched UNWIND we
// could write with the driver for the same data (CREATE into an empty graph, one transaction per
// batch, rows prepared in JavaScript). Both write the same properties and the id registry node of
// each relationship (RelationshipId, which keeps ids unique across types), so the graph left
// behind by either is the same.
import neo4j from 'neo4j-driver';
import { importBundle } from '../server/import/import-bundle.js';
import { parsePartialDate } from '../server/model/dates.js';
import { validateBundle } from '../server/model/validate.js';
import { ACTOR_KINDS, RELATIONSHIP_TYPES } from '../server/model/vocabulary.js';
import { type BenchDatabase, resetDatabase } from './db.js';
import type { SyntheticBundle } from './generator.js';

export interface ImportResult {
  size: string;
  actors: number;
  relationships: number;
  /** validateBundle alone, in ms (part of the project's import). */
  validateMs: number;
  projectMs: number;
  projectRelsPerSec: number;
  rawMs: number;
  rawRelsPerSec: number;
  /** project / raw throughput. */
  ratio: number;
  rawBatch: number;
}

const RAW_BATCH = 10_000;

// Fixed text per label and type, from vocabulary constants only.
const RAW_ACTOR = (kind: string) =>
  `UNWIND $rows AS row CREATE (a:Actor:${kind} {id: row.id, name: row.name, aliases: row.aliases, description: row.description})`;
const RAW_SOURCE = `UNWIND $rows AS row
CREATE (:Source {id: row.id, title: row.title, publisher: row.publisher, published: date(row.published), url: row.url, kind: row.kind})`;
const RAW_RELATIONSHIP = (type: string) => `UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
CREATE (a)-[:${type} {id: row.id, status: row.status, confidence: row.confidence,
  validFrom: date(row.validFrom), validFromPrecision: row.validFromPrecision,
  validTo: date(row.validTo), validToPrecision: row.validToPrecision,
  knownSince: date(row.knownSince), summary: row.summary, sources: row.sources,
  claimedBy: row.claimedBy, about: row.about}]->(b)
CREATE (:RelationshipId {id: row.id, type: '${type}', from: row.from, to: row.to})`;

async function rawImport(db: BenchDatabase, bundle: SyntheticBundle): Promise<void> {
  const published = new Map(bundle.sources.map((s) => [s.id, s.published]));
  const session = db.driver.session({ database: db.config.neo4j.database, defaultAccessMode: neo4j.session.WRITE });
  const batches = async (text: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += RAW_BATCH) {
      const chunk = rows.slice(i, i + RAW_BATCH);
      const t0 = performance.now();
      await session.executeWrite((tx) => tx.run(text, { rows: chunk }));
      if (process.env.BENCH_TRACE)
        console.log(text.slice(0, 60).replace(/\n/g, ' '), chunk.length, Math.round(performance.now() - t0));
    }
  };
  try {
    await batches(RAW_SOURCE, bundle.sources);
    for (const kind of ACTOR_KINDS) {
      await batches(
        RAW_ACTOR(kind),
        bundle.actors.filter((a) => a.kind === kind),
      );
    }
    const byType = new Map<string, unknown[]>(RELATIONSHIP_TYPES.map((t) => [t, []]));
    for (const r of bundle.relationships) {
      const from = r.validFrom ? parsePartialDate(r.validFrom) : null;
      const to = r.validTo ? parsePartialDate(r.validTo) : null;
      let knownSince = '9999-12-31';
      for (const s of r.sources) {
        const day = published.get(s);
        if (day !== undefined && day < knownSince) knownSince = day;
      }
      byType.get(r.type)?.push({
        id: r.id,
        from: r.from,
        to: r.to,
        status: r.status,
        confidence: r.confidence,
        validFrom: from?.start ?? null,
        validFromPrecision: from?.precision ?? null,
        validTo: to?.end ?? null,
        validToPrecision: to?.precision ?? null,
        knownSince,
        summary: r.summary,
        sources: r.sources,
        claimedBy: r.claimedBy,
        about: r.about,
      });
    }
    for (const [type, rows] of byType) await batches(RAW_RELATIONSHIP(type), rows);
  } finally {
    await session.close();
  }
}

async function countRelationships(db: BenchDatabase): Promise<number> {
  const [row] = await db.executor.read('MATCH ()-[r]->() RETURN count(r) AS n', {}, { operation: 'bench-count' });
  return Number(row?.n);
}

/** Raw floor first, then the project's import; the project's graph stays for the API benchmark. */
export async function benchImport(
  db: BenchDatabase,
  size: string,
  bundle: SyntheticBundle,
  log: (line: string) => void,
): Promise<ImportResult> {
  const n = bundle.relationships.length;

  await resetDatabase(db);
  let t = performance.now();
  await rawImport(db, bundle);
  const rawMs = performance.now() - t;
  const rawCount = await countRelationships(db);
  if (rawCount !== n) throw new Error(`Raw import wrote ${rawCount} of ${n} relationships.`);
  log(`  raw UNWIND floor: ${n} relationships in ${(rawMs / 1000).toFixed(1)} s`);

  t = performance.now();
  const check = validateBundle(bundle);
  const validateMs = performance.now() - t;
  if (!check.ok) throw new Error(`The generated bundle is invalid: ${check.errors[0]?.message}`);

  await resetDatabase(db);
  t = performance.now();
  const summary = await importBundle(db.executor, bundle);
  const projectMs = performance.now() - t;
  if (summary.relationships !== n || (await countRelationships(db)) !== n) {
    throw new Error(`importBundle wrote ${summary.relationships} of ${n} relationships.`);
  }
  log(
    `  importBundle:     ${n} relationships in ${(projectMs / 1000).toFixed(1)} s (validation ${Math.round(validateMs)} ms)`,
  );

  const projectRelsPerSec = n / (projectMs / 1000);
  const rawRelsPerSec = n / (rawMs / 1000);
  return {
    size,
    actors: bundle.actors.length,
    relationships: n,
    validateMs: Math.round(validateMs),
    projectMs: Math.round(projectMs),
    projectRelsPerSec: Math.round(projectRelsPerSec),
    rawMs: Math.round(rawMs),
    rawRelsPerSec: Math.round(rawRelsPerSec),
    ratio: Math.round((projectRelsPerSec / rawRelsPerSec) * 100) / 100,
    rawBatch: RAW_BATCH,
  };
}
