// Import: validate the whole bundle against itself and the stored graph, then write it in ONE
// transaction with UNWIND … MERGE. A bad bundle writes nothing; the same bundle twice changes nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { ROOT_DIR } from '../config.js';
import type { Executor, Tx } from '../db/executor.js';
import { bumpGraphVersion } from '../db/graph-version.js';
import { query } from '../db/queries.js';
import type { Bundle, Relationship } from '../model/bundle.js';
import { parsePartialDate } from '../model/dates.js';
import { type BundleError, formatBundleError, validateBundle } from '../model/validate.js';
import { ACTOR_KINDS, cypherLabel, cypherType, RELATIONSHIP_TYPES } from '../model/vocabulary.js';

const IMPORT_KNOWN = query('import-known');
const SEED_LOADED = query('seed-loaded');
const SEED_MARK_LOADED = query('seed-mark-loaded');
const KNOWN_RELATIONSHIPS = query('import-known-relationships');
const IMPORT_SOURCES = query('import-sources');
const IMPORT_RETRACTED_DEGREES = query('import-retracted-degrees');

/** Rows per UNWIND statement; all statements still share one transaction. */
const CHUNK = 5_000;

export const SEEDS_DIR = path.join(ROOT_DIR, 'seeds');

export interface ImportSummary {
  actors: number;
  sources: number;
  relationships: number;
}

export interface ImportOptions {
  /** The timeout class of the write: `import` (default, minutes) or `write` for one-record mutations. */
  class?: 'import' | 'write';
  /** Called after each written chunk, e.g. to print progress for large bundles. */
  onProgress?: (progress: { stage: 'actors' | 'sources' | 'relationships'; done: number; total: number }) => void;
}

/** A bundle that failed validation. Every error names its record and field. */
export class BundleValidationError extends GraphQLError {
  /** One formatted line per error, e.g. `relationships[3] (id x): to: unknown actor "y"`. */
  readonly lines: readonly string[];
  constructor(readonly errors: readonly BundleError[]) {
    const lines = errors.map(formatBundleError);
    const shown = lines.slice(0, 20);
    const more = lines.length > shown.length ? `\n… and ${lines.length - shown.length} more` : '';
    super(
      `The bundle is invalid (${lines.length} error${lines.length === 1 ? '' : 's'}):\n${shown.join('\n')}${more}`,
      {
        extensions: { code: 'BAD_USER_INPUT', argument: 'bundle', errors: lines },
      },
    );
    this.lines = lines;
  }
}

// Labels and types cannot be parameters; these texts are built once from the vocabulary only.
const ACTOR_WRITE = new Map(
  ACTOR_KINDS.map((kind) => {
    const others = ACTOR_KINDS.filter((k) => k !== kind);
    return [
      kind,
      `UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a:${cypherLabel(kind)}, a.name = row.name, a.aliases = row.aliases, a.description = row.description
${others.length > 0 ? `REMOVE ${others.map((k) => `a:${cypherLabel(k)}`).join(', ')}` : ''}
RETURN count(*) AS count`,
    ];
  }),
);

// A relationship id is taken through its registry node, (:RelationshipId {id}), unique across all
// types (Neo4j's relationship constraints are per type). MERGE on it locks the id until this
// transaction ends, so of two racing writes of one id the second sees what the first stored: the
// same type and ends write (idempotently), anything else comes back as a conflict and rolls back.
const RELATIONSHIP_WRITE = new Map(
  RELATIONSHIP_TYPES.map((type) => [
    type,
    `UNWIND $rows AS row
MATCH (a:Actor {id: row.from})
MATCH (b:Actor {id: row.to})
MERGE (k:RelationshipId {id: row.id})
  ON CREATE SET k.type = '${cypherType(type)}', k.from = row.from, k.to = row.to
WITH a, b, row, k, (k.type = '${cypherType(type)}' AND k.from = row.from AND k.to = row.to) AS same
CALL (a, b, row, same) {
  WITH * WHERE same
  MERGE (a)-[r:${cypherType(type)} {id: row.id}]->(b)
  SET r.status = row.status, r.confidence = row.confidence,
    r.validFrom = CASE WHEN row.validFrom IS NULL THEN null ELSE date(row.validFrom) END,
    r.validFromPrecision = row.validFromPrecision,
    r.validTo = CASE WHEN row.validTo IS NULL THEN null ELSE date(row.validTo) END,
    r.validToPrecision = row.validToPrecision,
    r.knownSince = date(row.knownSince), r.summary = row.summary, r.sources = row.sources,
    r.claimedBy = row.claimedBy, r.about = row.about,
    r.historyDates = [d IN row.history.dates | date(d)], r.historyFrom = row.history.from,
    r.historyTo = row.history.to, r.historySources = row.history.sources, r.historyBy = row.history.by,
    r.historyNotes = row.history.notes,
    // A retraction is kept, and never undone by a bundle without one: the first time and reason stay.
    r.retractedAt = coalesce(r.retractedAt, CASE WHEN row.retraction IS NULL THEN null ELSE datetime(row.retraction.at) END),
    r.retractReason = coalesce(r.retractReason, row.retraction.reason)
}
RETURN count(*) AS count,
  [c IN collect(CASE WHEN same THEN null ELSE {id: row.id, type: k.type, from: k.from, to: k.to} END)
    WHERE c IS NOT NULL] AS conflicts`,
  ]),
);

/** A relationship id another write took first, under another type or other ends. */
export interface IdConflict {
  id: string;
  type: string;
  from: string;
  to: string;
}

/** Relationship ids already stored as something else; nothing of the write was kept. */
export class RelationshipIdConflictError extends GraphQLError {
  constructor(readonly conflicts: readonly IdConflict[]) {
    const lines = conflicts.map(
      (c) => `relationship "${c.id}" is already stored as ${c.type} from "${c.from}" to "${c.to}"`,
    );
    super(
      `${lines.slice(0, 20).join('; ')}${lines.length > 20 ? ` … and ${lines.length - 20} more` : ''}. ` +
        'Nothing was written; give the new relationship another id.',
      { extensions: { code: 'CONFLICT', argument: 'id', stored: conflicts.slice(0, 20) } },
    );
  }
}

/** What the stored graph holds under the ids a bundle mentions. */
export interface Known {
  /** Actor id → kind. */
  actors: Map<string, string>;
  /** Source id → publication day. */
  published: Map<string, string>;
  relationships: Map<string, { type: string; from: string; to: string }>;
}

/**
 * What a caller has already read of the stored graph (an accept reads it to plan), with the ids
 * it looked up, stored or not: prepareBundle reads only the ids the bundle mentions beyond them.
 */
export interface KnownBefore {
  known: Known;
  asked: { actors: ReadonlySet<string>; sources: ReadonlySet<string>; relationships: ReadonlySet<string> };
}

async function readKnown(executor: Executor, input: unknown, before?: KnownBefore): Promise<Known> {
  const ids = (key: string, field: string[], asked: ReadonlySet<string> = new Set()) => {
    const out = new Set<string>();
    const records = (input as Record<string, unknown> | null)?.[key];
    if (!Array.isArray(records)) return out;
    for (const record of records) {
      for (const f of field) {
        const value = (record as Record<string, unknown> | null)?.[f];
        if (typeof value === 'string') out.add(value);
        if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.add(v);
      }
    }
    for (const id of asked) out.delete(id);
    return out;
  };
  const actorIds = new Set([
    ...ids('actors', ['id'], before?.asked.actors),
    ...ids('relationships', ['from', 'to', 'claimedBy'], before?.asked.actors),
  ]);
  const sourceIds = new Set([
    ...ids('sources', ['id'], before?.asked.sources),
    ...ids('relationships', ['sources'], before?.asked.sources),
  ]);
  const relationshipIds = ids('relationships', ['id', 'about'], before?.asked.relationships);
  const [row] =
    actorIds.size + sourceIds.size === 0
      ? []
      : await executor.read(
          IMPORT_KNOWN,
          { actorIds: [...actorIds], sourceIds: [...sourceIds] },
          { operation: 'import-known', class: 'import' },
        );
  const [rels] =
    relationshipIds.size === 0
      ? []
      : await executor.read(
          KNOWN_RELATIONSHIPS,
          { ids: [...relationshipIds] },
          { operation: 'import-known-relationships', class: 'import' },
        );
  type R = { id: string; kind: string; published: string; type: string; from: string; to: string };
  const list = (key: string) => (row?.[key] ?? []) as R[];
  return {
    actors: new Map([...(before?.known.actors ?? []), ...list('actors').map((a) => [a.id, a.kind] as const)]),
    published: new Map([
      ...(before?.known.published ?? []),
      ...list('sources').map((s) => [s.id, s.published] as const),
    ]),
    relationships: new Map([
      ...(before?.known.relationships ?? []),
      ...((rels?.relationships ?? []) as R[]).map((r) => [r.id, { type: r.type, from: r.from, to: r.to }] as const),
    ]),
  };
}

/** The check validateBundle cannot make: a stored relationship id keeps its end actors. */
function identityErrors(bundle: Bundle, known: Known): BundleError[] {
  const errors: BundleError[] = [];
  bundle.relationships.forEach((rel, i) => {
    const stored = known.relationships.get(rel.id);
    if (stored && (stored.from !== rel.from || stored.to !== rel.to)) {
      errors.push({
        path: `relationships[${i}].from`,
        id: rel.id,
        message: `already stored from "${stored.from}" to "${stored.to}"; a relationship cannot move (give it a new id)`,
      });
    }
  });
  return errors;
}

function historyLists(history: NonNullable<Relationship['history']>) {
  if (history.length === 0) return null;
  return {
    dates: history.map((h) => h.date),
    from: history.map((h) => h.from),
    to: history.map((h) => h.to),
    sources: history.map((h) => h.source),
    by: history.map((h) => h.by ?? ''),
    notes: history.map((h) => h.note ?? ''),
  };
}

function relationshipRow(rel: Relationship, published: Map<string, string>) {
  const from = rel.validFrom ? parsePartialDate(rel.validFrom) : null;
  const to = rel.validTo ? parsePartialDate(rel.validTo) : null;
  const dates = rel.sources.map((id) => published.get(id)).filter((d): d is string => d !== undefined);
  return {
    id: rel.id,
    from: rel.from,
    to: rel.to,
    status: rel.status,
    confidence: rel.confidence,
    validFrom: from?.start ?? null,
    validFromPrecision: from?.precision ?? null,
    validTo: to?.end ?? null,
    validToPrecision: to?.precision ?? null,
    // Knowledge time: when the earliest of its sources was published.
    knownSince: dates.sort()[0],
    summary: rel.summary,
    sources: rel.sources,
    claimedBy: rel.claimedBy,
    about: rel.about,
    // Status changes as parallel lists (Neo4j stores no lists of maps); '' for an absent by or note.
    // No history is no property at all (readers take absent as empty): six empty lists on every
    // relationship of a large import cost transaction memory for nothing.
    history: historyLists(rel.history ?? []),
    retraction: rel.retraction ?? null,
  };
}

/** A validated bundle and the publication days of every source it may cite. */
export interface PreparedBundle {
  bundle: Bundle;
  published: ReadonlyMap<string, string>;
}

/**
 * Validates `input` against itself and the stored graph (beyond what `before` already holds);
 * throws BundleValidationError, writes nothing.
 */
export async function prepareBundle(executor: Executor, input: unknown, before?: KnownBefore): Promise<PreparedBundle> {
  const known = await readKnown(executor, input, before);
  const result = validateBundle(input, {
    actorKinds: known.actors,
    sourceIds: new Set(known.published.keys()),
    relationships: new Map([...known.relationships].map(([id, r]) => [id, { type: r.type }])),
  });
  if (!result.ok) throw new BundleValidationError(result.errors);
  const bundle = result.bundle;
  const identity = identityErrors(bundle, known);
  if (identity.length > 0) throw new BundleValidationError(identity);
  const published = new Map(known.published);
  for (const source of bundle.sources) published.set(source.id, source.published);
  return { bundle, published };
}

/**
 * Writes a prepared bundle inside the caller's transaction (so that other writes can commit with
 * it, or not at all). The caller bumps the graph version.
 */
export async function writeBundle(
  tx: Tx,
  { bundle, published }: PreparedBundle,
  onProgress: ImportOptions['onProgress'] = () => {},
): Promise<void> {
  const progress = onProgress ?? (() => {});
  await writeChunks(tx, 'sources', IMPORT_SOURCES, bundle.sources, progress);
  for (const [kind, query] of ACTOR_WRITE) {
    await writeChunks(
      tx,
      'actors',
      query,
      bundle.actors.filter((a) => a.kind === kind),
      progress,
    );
  }
  const byType = new Map<string, ReturnType<typeof relationshipRow>[]>();
  for (const rel of bundle.relationships) {
    const rows = byType.get(rel.type) ?? [];
    rows.push(relationshipRow(rel, published as Map<string, string>));
    byType.set(rel.type, rows);
  }
  let done = 0;
  for (const [type, rows] of byType) {
    const query = RELATIONSHIP_WRITE.get(type);
    if (query === undefined) throw new Error(`No write query for type ${type}`); // validated above
    await writeChunks(tx, 'relationships', query, rows, (p) =>
      progress({ stage: 'relationships', done: done + p.done, total: bundle.relationships.length }),
    );
    done += rows.length;
  }
  // Actors count their retracted relationships (actor-degree); those the bundle retracts count now.
  const retractedEnds = [...new Set(bundle.relationships.filter((r) => r.retraction).flatMap((r) => [r.from, r.to]))];
  if (retractedEnds.length > 0) await tx.run(IMPORT_RETRACTED_DEGREES, { ids: retractedEnds });
}

/** Validates `input` as a bundle, then writes all of it in one transaction, or throws and writes nothing. */
export async function importBundle(
  executor: Executor,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const prepared = await prepareBundle(executor, input);
  await executor.writeTransaction(
    async (tx) => {
      await writeBundle(tx, prepared, options.onProgress);
      await bumpGraphVersion(tx);
    },
    { operation: 'import-bundle', class: options.class ?? 'import' },
  );
  const { bundle } = prepared;
  return { actors: bundle.actors.length, sources: bundle.sources.length, relationships: bundle.relationships.length };
}

async function writeChunks(
  tx: Tx,
  stage: 'actors' | 'sources' | 'relationships',
  query: string,
  rows: readonly unknown[],
  progress: NonNullable<ImportOptions['onProgress']>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const [result] = await tx.run(query, { rows: chunk });
    const conflicts = (result?.conflicts ?? []) as IdConflict[];
    if (conflicts.length > 0) throw new RelationshipIdConflictError(conflicts);
    if (Number(result?.count) !== chunk.length) {
      throw new Error(`Import wrote ${String(result?.count)} of ${chunk.length} ${stage}; rolled back.`);
    }
    progress({ stage, done: Math.min(i + CHUNK, rows.length), total: rows.length });
  }
}

/** The seed bundles, seeds/*.bundle.json, in name order. */
export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.bundle.json'))
    .sort()
    .map((f) => path.join(SEEDS_DIR, f));
}

/**
 * The first seed: the graph of the article of 14 October 2024, before any review. The reader's
 * gold and most tests are written against it; the bundles after it are the reviewed dev corpus
 * (docs/ingestion.md), loaded in date order by the start-up.
 */
export const BASE_SEED = path.join(SEEDS_DIR, '2024-10-14-north-korea-troops.bundle.json');

/**
 * Loads seed bundles in order, by default all of them. A bundle is loaded once per content: a
 * later start skips a bundle it has already loaded unchanged, so a reviewer's corroborations and
 * status changes to seeded relationships survive restarts; a bundle whose file changed (a new
 * release) is imported again.
 */
export async function seedDatabase(executor: Executor, files: readonly string[] = seedFiles()): Promise<ImportSummary> {
  const total: ImportSummary = { actors: 0, sources: 0, relationships: 0 };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const name = path.basename(file);
    const sha256 = crypto.createHash('sha256').update(text).digest('hex');
    const [loaded] = await executor.read(SEED_LOADED, { name }, { operation: 'seed-loaded', class: 'lookup' });
    if (loaded?.sha256 === sha256) continue;
    const summary = await importBundle(executor, JSON.parse(text));
    await executor.write(SEED_MARK_LOADED, { name, sha256 }, { operation: 'seed-mark-loaded', class: 'import' });
    total.actors += summary.actors;
    total.sources += summary.sources;
    total.relationships += summary.relationships;
  }
  return total;
}
