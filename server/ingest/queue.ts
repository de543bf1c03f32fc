// The review queue in Neo4j (docs/ingestion.md): ingesting an article stores it as a Source with
// its text and its proposals as (:Proposal) nodes; accepting writes the proposals through the
// bundle import in the same transaction as the decision, so a decision and its records commit
// together or not at all. Every transaction locks what it decides on and re-reads it, so two
// concurrent decisions on one proposal write it once.
import crypto from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Executor, Row, Tx } from '../db/executor.js';
import { bumpGraphVersion } from '../db/graph-version.js';
import { query } from '../db/queries.js';
import type { ActorRow, SourceRow } from '../db/rows.js';
import type { Article } from '../extract/article.js';
import { slugify } from '../extract/article.js';
import type { Evidence } from '../extract/emit.js';
import { extractArticle } from '../extract/extract.js';
import { loadGraphFor } from '../extract/load-graph.js';
import { relationshipRecord as storedRecord } from '../import/export-bundle.js';
import { BundleValidationError, type KnownBefore, prepareBundle, writeBundle } from '../import/import-bundle.js';
import { badInput } from '../model/arguments.js';
import { type Actor, BUNDLE_FORMAT, BUNDLE_VERSION, type Relationship, type Source } from '../model/bundle.js';
import { formatBundleError } from '../model/validate.js';
import { renderTemplate } from '../model/vocabulary.js';
import { corroboratedConfidence, findMatch, statusChange } from './merge.js';
import { type ProposalKind, type ProposalState, proposalId, type QueuedProposal, queueProposals } from './proposals.js';

const ARTICLE_SOURCE = query('ingest-article-source');
const LOCK_ARTICLE = query('ingest-lock-article');
const STORE_ARTICLE = query('ingest-store-article');
const CREATE_PROPOSALS = query('proposals-create');
const MERGE_PROPOSALS = query('proposals-merge');
const PROPOSALS_BY_ID = query('proposals-by-id');
const OPEN_OF_SOURCES = query('proposals-open-of-sources');
const LOCK_PROPOSALS = query('proposals-lock');
const UPDATE_PROPOSALS = query('proposals-update');
const DECIDE_PROPOSALS = query('proposals-decide');
const REWRITE_PROPOSALS = query('proposals-rewrite');
const PROPOSALS = query('proposals');
const ARTICLES = query('articles');
const RELATIONSHIP_RECORDS = query('relationship-records');
const LOCK_RELATIONSHIPS = query('relationship-records-lock');
const TO_ACCEPT = query('proposals-to-accept');
const ACCEPT_CONTEXT = query('accept-context');
const ACTORS_BY_ID = query('actors-by-id');
const SOURCES_BY_ID = query('sources-by-id');

/** A proposal as read back: the stored properties with records and evidence parsed. */
export interface ProposalRow extends QueuedProposal {
  state: ProposalState;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The writer who added it (addProposal); null for the reader's own. */
  proposedBy: string | null;
  reason: string | null;
  acceptedAs: string | null;
  acceptedActor: string | null;
}

export interface ArticleRow {
  source: SourceRow;
  text: string;
  ingestedAt: string;
  open: number;
  accepted: number;
  rejected: number;
}

/** What a reviewer may change before accepting (ProposalEdit in the SDL). */
export interface ProposalEdit {
  type?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  confidence?: number | null;
  summary?: string | null;
  claimedBy?: string | null;
  about?: string | null;
  mergeInto?: string | null;
}

const RECORD_EDITS = [
  'type',
  'from',
  'to',
  'status',
  'validFrom',
  'validTo',
  'confidence',
  'summary',
  'claimedBy',
  'about',
] as const;
/** Fields a bundle record cannot leave null: an edit to null is refused rather than dropped. */
const REQUIRED_EDITS = new Set(['type', 'from', 'to', 'status', 'confidence', 'summary']);

export const textHash = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

function proposalOf(row: Row): ProposalRow {
  return {
    id: String(row.id),
    source: String(row.source),
    position: Number(row.position),
    kind: String(row.kind) as ProposalKind,
    state: String(row.state) as ProposalState,
    actor: json<Actor | null>(row.kind === 'ACTOR' ? row.record : null, null),
    relationship: json<Relationship | null>(row.kind === 'ACTOR' ? null : row.record, null),
    evidence: json<Evidence[]>(row.evidence, []),
    confidence: Number(row.confidence),
    target: str(row.target),
    fromStatus: str(row.fromStatus),
    toStatus: str(row.toStatus),
    note: str(row.note),
    names: json<Record<string, string>>(row.names, {}),
    decidedBy: str(row.decidedBy),
    decidedAt: str(row.decidedAt),
    proposedBy: str(row.proposedBy),
    reason: str(row.reason),
    acceptedAs: str(row.acceptedAs),
    acceptedActor: str(row.acceptedActor),
  };
}

/** Proposals read as one list per field (`id`, `state`, … of equal length; cypher/proposal-columns.cypher), as proposalOf reads a map. */
function proposalsOfColumns(columns: Row | undefined): ProposalRow[] {
  const ids = (columns?.id ?? []) as unknown[];
  const fields = Object.entries(columns ?? {}).filter(([, v]) => Array.isArray(v)) as [string, unknown[]][];
  return ids.map((_, i) => {
    const row: Row = {};
    for (const [key, values] of fields) row[key] = values[i];
    return proposalOf(row);
  });
}

/** The properties a queued proposal is stored with. */
function storedProperties(p: QueuedProposal) {
  return {
    id: p.id,
    source: p.source,
    position: p.position,
    kind: p.kind,
    state: 'OPEN',
    record: JSON.stringify(p.kind === 'ACTOR' ? p.actor : p.relationship),
    evidence: JSON.stringify(p.evidence),
    confidence: p.confidence,
    target: p.target,
    fromStatus: p.fromStatus,
    toStatus: p.toStatus,
    note: p.note,
    names: JSON.stringify(p.names),
  };
}

const bundleOf = (actors: Actor[], sources: Source[], relationships: Relationship[]) => ({
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  actors,
  sources,
  relationships,
});

/** A concurrent decision changed what this one was prepared from: prepare it again. */
class StaleRead extends Error {}

async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
    }
  }
  throw new GraphQLError('Concurrent reviews kept changing these proposals; try again.', {
    extensions: { code: 'CONFLICT' },
  });
}

// ---------------------------------------------------------------------------------------------
// Ingest

export interface IngestOutcome {
  created: boolean;
  source: string;
}

/**
 * Reads an article into the review queue. The same id and text again change nothing; the same id
 * with another text, or a stored source with other fields, is refused naming what differs.
 */
export async function ingestArticle(executor: Executor, article: Article): Promise<IngestOutcome> {
  const { source, text } = article;
  const hash = textHash(text);
  const [stored] = await executor.read(
    ARTICLE_SOURCE,
    { id: source.id },
    { operation: 'ingest-read', class: 'search' },
  );
  if (stored) {
    if (stored.textHash !== null && stored.textHash !== undefined) {
      if (stored.textHash === hash) return { created: false, source: source.id };
      throw sameIdOtherText(source.id);
    }
    const row = stored.source as SourceRow;
    const differ = (['title', 'publisher', 'published', 'url', 'kind'] as const).filter(
      (f) => (row[f] ?? null) !== (source[f] ?? null),
    );
    if (differ.length > 0) {
      throw badInput(
        `article.${differ[0]}`,
        `source "${source.id}" is already stored with another ${differ.join(', ')}; ingest the article under another id or with the stored fields`,
      );
    }
  }
  const graph = await loadGraphFor(executor, text);
  return storeArticle(executor, article, queueProposals(extractArticle(article, graph), graph));
}

/** Writes an article's source, text and queue in one transaction (the write half of ingestArticle). */
export async function storeArticle(
  executor: Executor,
  article: Article,
  queue: readonly QueuedProposal[],
): Promise<IngestOutcome> {
  const { source, text } = article;
  const hash = textHash(text);
  const prepared = await prepareBundle(executor, bundleOf([], [source], []));
  const at = new Date().toISOString();
  const created = await executor.writeTransaction(
    async (tx) => {
      await writeBundle(tx, prepared);
      const [lock] = await tx.run(LOCK_ARTICLE, { id: source.id });
      if (lock?.textHash !== null && lock?.textHash !== undefined) {
        if (lock.textHash === hash) return false; // a concurrent ingest of the same article won
        throw sameIdOtherText(source.id);
      }
      await tx.run(STORE_ARTICLE, { id: source.id, text, hash, at, proposals: queue.map(storedProperties) });
      await bumpGraphVersion(tx);
      return true;
    },
    { operation: 'ingest-article', class: 'write' },
  );
  return { created, source: source.id };
}

function sameIdOtherText(id: string): GraphQLError {
  return badInput(
    'article.text',
    `source "${id}" was already ingested with another text; an ingested article is not replaced (give the new text another id)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Reading the queue

export async function readProposals(executor: Executor, ids: readonly string[]): Promise<Map<string, ProposalRow>> {
  const [columns] = await executor.read(PROPOSALS_BY_ID, { ids }, { operation: 'proposals-by-id', class: 'search' });
  return new Map(proposalsOfColumns(columns).map((p) => [p.id, p]));
}

export interface ProposalQuery {
  source: string | null;
  states: string[] | null;
  after: { source: string; position: number } | null;
  limit: number;
}

export async function listProposals(executor: Executor, q: ProposalQuery) {
  const [row] = await executor.read(
    PROPOSALS,
    {
      source: q.source,
      states: q.states,
      afterSource: q.after?.source ?? null,
      afterPosition: q.after?.position ?? null,
      limit: q.limit,
    },
    { operation: 'proposals', class: 'search' },
  );
  return {
    totalCount: Number(row?.totalCount ?? 0),
    rows: proposalsOfColumns(row),
  };
}

export async function listArticles(
  executor: Executor,
  q: { ids: string[] | null; after: string | null; limit: number },
): Promise<ArticleRow[]> {
  const rows = await executor.read(ARTICLES, q, { operation: 'articles', class: 'search' });
  return rows.map((r) => ({
    source: r.source as SourceRow,
    text: String(r.text),
    ingestedAt: String(r.ingestedAt),
    open: Number(r.open),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
  }));
}

// ---------------------------------------------------------------------------------------------
// Decisions

export interface AcceptRequest {
  id: string;
  edits?: ProposalEdit | null;
}

interface Plan {
  actors: Map<string, Actor>;
  relationships: Map<string, Relationship>;
  /** Stored relationships the plan builds on, as JSON, re-checked under lock. */
  basis: Map<string, string>;
  decisions: Map<string, { acceptedAs: string | null; acceptedActor: string | null; edits: string | null }>;
  /** Open proposals of the same articles whose records now name an accepted id. */
  rewrites: Map<string, { record: string; target: string | null }>;
  /** Status changes that accepted confirmations imply, for the queue (positions given on write). */
  raised: QueuedProposal[];
}

/**
 * Accepts proposals: builds one bundle of what they record (merged into what the graph holds
 * where they state it again), validates it as any bundle, and writes it in one transaction with
 * the decisions. Already accepted proposals are left as they are (a retry changes nothing).
 */
export async function acceptProposals(
  executor: Executor,
  requests: readonly AcceptRequest[],
  by: string,
): Promise<string[]> {
  const ids = requests.map((r) => r.id);
  await retrying(() => acceptOnce(executor, requests, by));
  return ids;
}

async function acceptOnce(executor: Executor, requests: readonly AcceptRequest[], by: string): Promise<void> {
  const [read] = await executor.read(
    TO_ACCEPT,
    { ids: [...new Set(requests.map((r) => r.id))] },
    { operation: 'proposals-to-accept', class: 'search' },
  );
  const queued = proposalsOfColumns(read);
  const requestedCount = Number(read?.requested ?? 0);
  const proposals = new Map(queued.slice(0, requestedCount).map((p) => [p.id, p]));
  const todo: { p: ProposalRow; edits: ProposalEdit | null }[] = [];
  const taken = new Set<string>();
  requests.forEach((request, i) => {
    const where = requests.length === 1 ? 'id' : `ids[${i}]`;
    const p = proposals.get(request.id);
    if (!p) throw badInput(where, `no proposal "${request.id}"`);
    if (p.state === 'REJECTED') {
      throw badInput(
        where,
        `proposal "${p.id}" was rejected${p.decidedBy ? ` by ${p.decidedBy}` : ''}${p.reason ? ` (${p.reason})` : ''}; a rejected proposal is not accepted`,
      );
    }
    if (p.state === 'OPEN' && !taken.has(p.id)) todo.push({ p, edits: request.edits ?? null });
    taken.add(p.id);
  });
  if (todo.length === 0) return;

  // The other open proposals of the articles, with the requested ones still open (as before).
  const siblings = [...todo.map((t) => t.p), ...queued.slice(requestedCount).filter((s) => !proposals.has(s.id))];
  const context = await readContext(executor, todo, siblings);
  const plan = planAccept(todo, siblings, context, by);

  let prepared: Awaited<ReturnType<typeof prepareBundle>>;
  try {
    prepared = await prepareBundle(
      executor,
      bundleOf([...plan.actors.values()], [], [...plan.relationships.values()]),
      context.before,
    );
  } catch (error) {
    if (error instanceof BundleValidationError) throw editError(error, todo);
    throw error;
  }

  const at = new Date().toISOString();
  // The records as read, which the decision compares with the stored ones (not parsed and written
  // again: the same text by construction, and 1,000 fewer JSON.stringify calls).
  const readIds = (read?.id ?? []) as string[];
  const readRecords = (read?.record ?? []) as unknown[];
  // Every proposal planned on (requested or sibling) is one of those rows.
  const expected = new Map<string, string>();
  readIds.forEach((id, i) => {
    if (typeof readRecords[i] === 'string') expected.set(id, readRecords[i] as string);
  });
  const decided = [...plan.decisions];
  const decisions = {
    ids: decided.map(([id]) => id),
    planned: decided.map(([id]) => expected.get(id) ?? null),
    acceptedAs: decided.map(([, d]) => d.acceptedAs),
    acceptedActor: decided.map(([, d]) => d.acceptedActor),
    edits: decided.map(([, d]) => d.edits),
    by,
    at,
  };
  const rewritten = [...plan.rewrites];
  const rewrites = {
    ids: rewritten.map(([id]) => id),
    planned: rewritten.map(([id]) => expected.get(id) ?? null),
    records: rewritten.map(([, r]) => r.record),
    targets: rewritten.map(([, r]) => r.target),
  };
  await executor.writeTransaction(
    async (tx) => {
      await checkBasis(tx, plan.basis);
      await writeBundle(tx, prepared);
      // The proposals are locked, re-read and decided after the bundle, in one statement (and one
      // for the records rewritten): nodes a transaction has changed slow the first index seeks after
      // them (the bundle's first write took 50 times as long behind the lock of 1,000 proposals),
      // and a stale read rolls it all back.
      for (const [statement, params] of [
        [DECIDE_PROPOSALS, decisions],
        [REWRITE_PROPOSALS, rewrites],
      ] as const) {
        if (params.ids.length === 0) continue;
        const [result] = await tx.run(statement, params);
        if (Number(result?.count) !== params.ids.length || ((result?.stale ?? []) as unknown[]).length > 0)
          throw new StaleRead();
      }
      for (const source of new Set(plan.raised.map((r) => r.source))) {
        const [article] = await tx.run(LOCK_ARTICLE, { id: source });
        let position = Number(article?.lastPosition ?? -1);
        const raised = plan.raised.filter((r) => r.source === source).map((r) => ({ ...r, position: ++position }));
        await tx.run(MERGE_PROPOSALS, { proposals: raised.map(storedProperties), at });
      }
      await bumpGraphVersion(tx);
    },
    { operation: 'accept-proposals', class: requests.length > 50 ? 'import' : 'write' },
  );
}

async function checkBasis(tx: Tx, basis: ReadonlyMap<string, string>): Promise<void> {
  if (basis.size === 0) return;
  const rows = await tx.run(LOCK_RELATIONSHIPS, { ids: [...basis.keys()] });
  if (rows.length !== basis.size) throw new StaleRead();
  for (const row of rows) {
    const record = storedRecord(row.row as Row);
    if (JSON.stringify(record) !== basis.get(record.id)) throw new StaleRead();
  }
}

interface Context {
  actors: Map<string, Actor>;
  relationships: Map<string, Relationship>;
  /** Stored candidates by `type from to` (both orders are looked up). */
  candidates: Relationship[];
  sources: Map<string, SourceRow>;
  /** The same as the bundle validation reads it, so that it reads only what the plan adds. */
  before: KnownBefore;
}

async function readContext(
  executor: Executor,
  todo: readonly { p: ProposalRow; edits: ProposalEdit | null }[],
  siblings: readonly ProposalRow[],
): Promise<Context> {
  const actorIds = new Set<string>();
  const relIds = new Set<string>();
  /** Ids the bundle may write or point at, for the registry (the bundle validation's read). */
  const writeIds = new Set<string>();
  const pairs: { type: string; from: string; to: string }[] = [];
  for (const { p, edits } of todo) {
    if (p.actor) actorIds.add(p.actor.id);
    if (edits?.mergeInto) actorIds.add(edits.mergeInto);
    if (p.target) relIds.add(p.target);
    const r = p.relationship && { ...p.relationship, ...definedEdits(edits) };
    if (r) {
      for (const id of [r.from, r.to, r.claimedBy]) if (id) actorIds.add(id);
      // A stored record of the same id and statement is among the candidates; one of the same id
      // and another statement the bundle validation refuses. So only what it is about is read by id.
      if (r.about) relIds.add(r.about);
      writeIds.add(r.id);
      if (edits && ['type', 'from', 'to', 'about'].some((k) => k in definedEdits(edits))) writeIds.add(statementId(r));
      pairs.push({ type: r.type, from: r.from, to: r.to });
    }
  }
  for (const s of siblings) if (s.actor) actorIds.add(s.actor.id);
  const sourceIds = new Set(todo.map((t) => t.p.source));
  const [[row], relRows] = await Promise.all([
    executor.read(
      ACCEPT_CONTEXT,
      { actorIds: [...actorIds], pairs, sourceIds: [...sourceIds], relIds: [...relIds, ...writeIds] },
      { operation: 'accept-context', class: 'search' },
    ),
    relIds.size === 0
      ? Promise.resolve([])
      : executor.read(
          RELATIONSHIP_RECORDS,
          { ids: [...relIds] },
          { operation: 'review-relationships', class: 'search' },
        ),
  ]);
  const candidates = ((row?.candidates ?? []) as Row[]).map(storedRecord);
  const relationships = new Map(
    [...relRows.map((r) => storedRecord(r.row as Row)), ...candidates].map((r) => [r.id, r]),
  );
  const sources = new Map(((row?.sources ?? []) as SourceRow[]).map((s) => [s.id, s]));
  // Sources cited only by what claims and status changes are about, which the context read did not know.
  const missing = [...new Set([...relationships.values()].flatMap((r) => r.sources))].filter((id) => !sources.has(id));
  if (missing.length > 0) {
    const rows = await executor.read(SOURCES_BY_ID, { ids: missing }, { operation: 'review-sources', class: 'search' });
    for (const r of rows) sources.set((r.row as SourceRow).id, r.row as SourceRow);
  }
  const actors = new Map(
    ((row?.actors ?? []) as [string, string, string, string[], string | null][]).map(
      ([id, kind, name, aliases, description]) => [id, { id, kind, name, aliases, description }],
    ),
  );
  const registry = (row?.registry ?? []) as [string, string, string, string][];
  const before: KnownBefore = {
    known: {
      actors: new Map([...actors.values()].map((a) => [a.id, a.kind])),
      published: new Map([...sources.values()].map((s) => [s.id, s.published])),
      relationships: new Map(registry.map(([id, type, from, to]) => [id, { type, from, to }])),
    },
    asked: {
      actors: actorIds,
      sources: new Set([...sourceIds, ...[...relationships.values()].flatMap((r) => r.sources)]),
      relationships: new Set([...relIds, ...writeIds, ...candidates.map((c) => c.id)]),
    },
  };
  return { actors, relationships, candidates, sources, before };
}

function definedEdits(edits: ProposalEdit | null): Partial<Relationship> {
  const out: Record<string, unknown> = {};
  for (const key of RECORD_EDITS) if (edits?.[key] !== undefined) out[key] = edits[key];
  return out as Partial<Relationship>;
}

function planAccept(
  todo: readonly { p: ProposalRow; edits: ProposalEdit | null }[],
  siblings: readonly ProposalRow[],
  context: Context,
  by: string,
): Plan {
  const plan: Plan = {
    actors: new Map(),
    relationships: new Map(),
    basis: new Map(),
    decisions: new Map(),
    rewrites: new Map(),
    raised: [],
  };
  const actorRename = new Map<string, string>();
  const relRename = new Map<string, string>();
  const openActor = new Map<string, ProposalRow>();
  for (const s of siblings) if (s.actor && s.state === 'OPEN') openActor.set(`${s.source} ${s.actor.id}`, s);
  // Candidates by type and ends (either order: a statement only matches one of the same ends), the
  // stored ones the context read and those this plan writes, so that each proposal is compared
  // with the few it may state again rather than with every relationship of its type.
  const ends = (r: Relationship) => (r.from < r.to ? `${r.type} ${r.from} ${r.to}` : `${r.type} ${r.to} ${r.from}`);
  const storedByEnds = new Map<string, Relationship[]>();
  for (const c of context.candidates) storedByEnds.set(ends(c), [...(storedByEnds.get(ends(c)) ?? []), c]);
  const storedById = new Map(context.candidates.map((c) => [c.id, c]));
  const plannedByEnds = new Map<string, Map<string, Relationship>>();
  const planRelationship = (r: Relationship) => {
    plan.relationships.set(r.id, r);
    const same = plannedByEnds.get(ends(r)) ?? new Map<string, Relationship>();
    plannedByEnds.set(ends(r), same.set(r.id, r));
  };
  /** What `rec` may state again: of its type, the one of its id (stored first), then those of its ends. */
  const candidatesOf = (rec: Relationship): Relationship[] => {
    const sameEnds = [
      ...(storedByEnds.get(ends(rec)) ?? []).map((c) => current(c.id) ?? c),
      ...(plannedByEnds.get(ends(rec))?.values() ?? []),
    ];
    const stored = storedById.get(rec.id);
    const sameId = stored ? (current(stored.id) ?? stored) : plan.relationships.get(rec.id);
    return sameId && sameId.type === rec.type ? [sameId, ...sameEnds] : sameEnds;
  };
  const current = (id: string): Relationship | undefined => {
    const planned = plan.relationships.get(id);
    if (planned) return planned;
    const stored = context.relationships.get(id);
    if (stored && !plan.basis.has(id)) plan.basis.set(id, JSON.stringify(stored));
    return stored;
  };
  const addActor = (a: Actor, sourceProposal: string | null): string => {
    const stored = plan.actors.get(a.id) ?? context.actors.get(a.id);
    const base = stored ?? a;
    const aliases = [...new Set([...base.aliases, ...(stored ? [a.name, ...a.aliases] : [])])].filter(
      (n) => n !== base.name,
    );
    plan.actors.set(a.id, { ...base, aliases });
    if (sourceProposal) plan.decisions.set(sourceProposal, { acceptedAs: null, acceptedActor: a.id, edits: null });
    return a.id;
  };
  const published = (source: string) => context.sources.get(source)?.published ?? '';
  const publisher = (source: string) => context.sources.get(source)?.publisher ?? source;

  const order = (k: ProposalKind, r: Relationship | null) =>
    k === 'ACTOR' ? 0 : k === 'STATUS_CHANGE' ? 3 : r?.about ? 2 : 1;
  const sorted = [...todo].sort(
    (a, b) =>
      order(a.p.kind, a.p.relationship) - order(b.p.kind, b.p.relationship) ||
      (a.p.source < b.p.source ? -1 : a.p.source > b.p.source ? 1 : a.p.position - b.p.position),
  );
  // Claims about claims of the batch come after what they are about.
  const pendingIds = new Set(sorted.map((t) => t.p.relationship?.id).filter((id): id is string => !!id));
  const queue = [...sorted];
  let guard = queue.length * queue.length + 1;
  while (queue.length > 0 && guard-- > 0) {
    const item = queue.shift() as (typeof queue)[number];
    const about = item.p.relationship?.about;
    if (
      item.p.kind !== 'STATUS_CHANGE' &&
      about &&
      about !== item.p.relationship?.id &&
      pendingIds.has(about) &&
      queue.some((q) => q.p.relationship?.id === about)
    ) {
      queue.push(item);
      continue;
    }
    accept(item.p, item.edits);
    if (item.p.relationship) pendingIds.delete(item.p.relationship.id);
  }

  function accept(p: ProposalRow, edits: ProposalEdit | null): void {
    const editsJson = edits ? JSON.stringify(edits) : null;
    if (p.kind === 'ACTOR' && p.actor) {
      for (const key of RECORD_EDITS)
        if (edits?.[key] !== undefined && edits?.[key] !== null)
          throw badInput(`edits.${key}`, 'not used for an actor proposal (an actor may only be merged: mergeInto)');
      const into = edits?.mergeInto;
      if (into && into !== p.actor.id) {
        const target = plan.actors.get(into) ?? context.actors.get(into);
        if (!target) throw badInput('edits.mergeInto', `no actor "${into}" to merge "${p.actor.name}" into`);
        const aliases = [...new Set([...target.aliases, p.actor.name, ...p.actor.aliases])].filter(
          (n) => n !== target.name,
        );
        plan.actors.set(into, { ...target, aliases });
        actorRename.set(p.actor.id, into);
        plan.decisions.set(p.id, { acceptedAs: null, acceptedActor: into, edits: editsJson });
      } else {
        addActor(p.actor, null);
        plan.decisions.set(p.id, { acceptedAs: null, acceptedActor: p.actor.id, edits: editsJson });
      }
      return;
    }
    if (!p.relationship) return;
    if (edits?.mergeInto) throw badInput('edits.mergeInto', 'only an actor proposal may be merged into an actor');
    for (const key of REQUIRED_EDITS)
      if (edits?.[key as keyof ProposalEdit] === null) throw badInput(`edits.${key}`, 'cannot be null');

    if (p.kind === 'STATUS_CHANGE') {
      for (const key of RECORD_EDITS)
        if (key !== 'status' && edits?.[key] !== undefined && edits?.[key] !== null)
          throw badInput(`edits.${key}`, 'a status change may only edit status');
      const target = p.target ? current(p.target) : undefined;
      if (!target) throw badInput('id', `the relationship "${p.target}" this status change is about is not stored`);
      const to = edits?.status ?? p.toStatus ?? target.status;
      const sources = target.sources.includes(p.source) ? target.sources : [...target.sources, p.source];
      const history = [...(target.history ?? [])];
      if (to !== target.status) {
        history.push({ date: published(p.source), from: target.status, to, source: p.source, by, note: p.note });
      }
      planRelationship({
        ...target,
        status: to,
        sources,
        ...(history.length > 0 ? { history } : {}),
      });
      plan.decisions.set(p.id, { acceptedAs: target.id, acceptedActor: null, edits: editsJson });
      return;
    }

    const edited = definedEdits(edits);
    const rec: Relationship = { ...p.relationship, ...edited, sources: [p.source] };
    // An edit of what the statement is gives it the id such a statement has.
    if (['type', 'from', 'to', 'about'].some((k) => k in edited)) rec.id = statementId(rec);
    for (const end of ['from', 'to', 'claimedBy'] as const) {
      const id = rec[end];
      if (!id) continue;
      const renamed = actorRename.get(id) ?? id;
      rec[end] = renamed;
      if (!context.actors.has(renamed) && !plan.actors.has(renamed)) {
        const actorProposal = openActor.get(`${p.source} ${renamed}`);
        if (actorProposal?.actor) addActor(actorProposal.actor, actorProposal.id);
      }
    }
    if (rec.about) rec.about = relRename.get(rec.about) ?? rec.about;
    const match = findMatch(rec, candidatesOf(rec));
    if (match) {
      const base = current(match.id) ?? match;
      const cited = new Set(base.sources.map(publisher));
      const merged: Relationship = base.sources.includes(p.source)
        ? { ...base }
        : {
            ...base,
            sources: [...base.sources, p.source],
            confidence: corroboratedConfidence(base.confidence, rec.confidence, !cited.has(publisher(p.source))),
          };
      // What the reviewer edited explicitly wins over the stored record.
      for (const key of ['status', 'validFrom', 'validTo', 'confidence', 'summary', 'claimedBy'] as const)
        if (key in edited) (merged as unknown as Record<string, unknown>)[key] = rec[key];
      planRelationship(merged);
      if (match.id !== p.relationship.id) relRename.set(p.relationship.id, match.id);
      plan.decisions.set(p.id, { acceptedAs: match.id, acceptedActor: null, edits: editsJson });
    } else {
      planRelationship(rec);
      if (rec.id !== p.relationship.id) relRename.set(p.relationship.id, rec.id);
      plan.decisions.set(p.id, { acceptedAs: rec.id, acceptedActor: null, edits: editsJson });
    }
  }

  // An accepted claim that changes what its relationship is raises a status change for review.
  for (const { p } of todo) {
    const id = plan.decisions.get(p.id)?.acceptedAs;
    const claim = id ? plan.relationships.get(id) : undefined;
    if (!claim?.about || p.kind === 'STATUS_CHANGE') continue;
    const target = current(claim.about);
    const change = target ? statusChange(claim, target) : null;
    const raisedId = target ? proposalId(p.source, 'status', target.id) : '';
    if (!target || !change || plan.decisions.has(raisedId) || plan.raised.some((r) => r.id === raisedId)) continue;
    plan.raised.push({
      id: raisedId,
      source: p.source,
      position: 0,
      kind: 'STATUS_CHANGE',
      actor: null,
      relationship: claim,
      evidence: p.evidence,
      confidence: claim.confidence,
      target: target.id,
      fromStatus: change.from,
      toStatus: change.to,
      note: change.because,
      names: p.names,
    });
  }

  // Open proposals of the same articles that name what was renamed now name the accepted ids.
  for (const s of siblings) {
    if (plan.decisions.has(s.id) || !s.relationship) continue;
    const r = { ...s.relationship };
    for (const end of ['from', 'to', 'claimedBy'] as const) {
      const id = r[end];
      if (id && actorRename.has(id)) r[end] = actorRename.get(id) as string;
    }
    if (r.about && relRename.has(r.about)) r.about = relRename.get(r.about) as string;
    const record = JSON.stringify(r);
    if (record !== JSON.stringify(s.relationship)) {
      const target = s.target && relRename.has(s.target) ? (relRename.get(s.target) as string) : s.target;
      plan.rewrites.set(s.id, {
        record,
        target: r.about && !s.target ? r.about : target,
      });
    }
  }
  return plan;
}

/** A relationship id from its content, like the reader's: `<from>-<type>-<to or about>[-<validFrom>]`. */
function statementId(r: Pick<Relationship, 'type' | 'from' | 'to' | 'about' | 'validFrom'>): string {
  return slugify(`${r.from} ${r.type.toLowerCase()} ${r.about ?? r.to} ${r.validFrom ?? ''}`);
}

/** A bundle error of an accept, with the fields the reviewer edited named as `edits.<field>`. */
function editError(error: BundleValidationError, todo: readonly { p: ProposalRow; edits: ProposalEdit | null }[]) {
  const edited = new Set(todo.length === 1 ? Object.keys(definedEdits(todo[0]?.edits ?? null)) : []);
  const lines = error.errors.map((e) => {
    const field = /^relationships\[\d+\]\.([A-Za-z]+)/.exec(e.path)?.[1];
    return field && edited.has(field) ? `edits.${field}: ${e.message}` : formatBundleError(e);
  });
  const first = lines.find((l) => l.startsWith('edits.')) ?? lines[0] ?? 'invalid';
  return new GraphQLError(`Accepting would write an invalid record, so nothing was written: ${lines.join('; ')}`, {
    extensions: {
      code: 'BAD_USER_INPUT',
      argument: first.startsWith('edits.') ? first.slice(0, first.indexOf(':')) : 'id',
      errors: lines,
    },
  });
}

/** Rejects an open proposal with a reason; rejecting it again keeps the first decision. */
export async function rejectProposal(executor: Executor, id: string, reason: string, by: string): Promise<void> {
  const why = reason.trim();
  if (why === '') throw badInput('reason', 'must say why the proposal is rejected');
  await executor.writeTransaction(
    async (tx) => {
      const [row] = await tx.run(LOCK_PROPOSALS, { ids: [id] });
      if (!row) throw badInput('id', `no proposal "${id}"`);
      if (row.state === 'ACCEPTED') {
        throw badInput('id', `proposal "${id}" is already accepted; retract the relationship it became instead`);
      }
      if (row.state === 'REJECTED') return;
      await tx.run(UPDATE_PROPOSALS, {
        rows: [{ id, set: { state: 'REJECTED', decidedBy: by, decidedAt: new Date().toISOString(), reason: why } }],
      });
    },
    { operation: 'reject-proposal', class: 'write' },
  );
}

/** A reviewer's own proposal (NewProposalInput in the SDL). */
export interface NewProposal extends Omit<ProposalEdit, 'type' | 'from' | 'to' | 'status' | 'mergeInto'> {
  type: string;
  from: string;
  to: string;
  status: string;
  start: number;
  end: number;
}

/**
 * Adds what the reader missed to an article's queue, with its span of the text as evidence, and
 * who added it (`by`). The record is validated as a bundle record now (and again on acceptance);
 * errors name `proposal.<field>`.
 */
export async function addProposal(
  executor: Executor,
  sourceId: string,
  input: NewProposal,
  by: string,
): Promise<string> {
  const [article] = await executor.read(
    ARTICLE_SOURCE,
    { id: sourceId },
    { operation: 'ingest-read', class: 'search' },
  );
  if (!article?.textHash) throw badInput('source', `no ingested article "${sourceId}"`);
  const [open] = await executor.read(
    OPEN_OF_SOURCES,
    { sources: [sourceId] },
    { operation: 'proposals-open', class: 'search' },
  );
  const siblings = proposalsOfColumns(open);
  const ids = [input.from, input.to, input.claimedBy].filter((id): id is string => !!id);
  const actorRows = await executor.read(ACTORS_BY_ID, { ids }, { operation: 'review-actors', class: 'search' });
  const names: Record<string, string> = {};
  for (const r of actorRows) names[(r.row as ActorRow).id] = (r.row as ActorRow).name;
  const proposedActors = siblings.flatMap((s) =>
    s.actor && ids.includes(s.actor.id) && !names[s.actor.id] ? [s.actor] : [],
  );
  for (const a of proposedActors) names[a.id] = a.name;
  const record: Relationship = {
    id: statementId({ ...input, about: input.about ?? null, validFrom: input.validFrom ?? null }),
    type: input.type,
    from: input.from,
    to: input.to,
    status: input.status,
    confidence: input.confidence ?? 0.7,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    summary:
      input.summary?.trim() || renderTemplate(input.type, names[input.from] ?? input.from, names[input.to] ?? input.to),
    sources: [sourceId],
    claimedBy: input.claimedBy ?? null,
    about: input.about ?? null,
  };
  try {
    await prepareBundle(executor, bundleOf(proposedActors, [], [record]));
  } catch (error) {
    if (!(error instanceof BundleValidationError)) throw error;
    const lines = error.errors.map((e) => {
      const field = /^relationships\[\d+\]\.([A-Za-z]+)/.exec(e.path)?.[1];
      return field ? `proposal.${field}: ${e.message}` : formatBundleError(e);
    });
    throw new GraphQLError(`The proposal is invalid: ${lines.join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: lines[0]?.split(':')[0] ?? 'proposal', errors: lines },
    });
  }
  const id = proposalId(sourceId, 'rel', record.id);
  const at = new Date().toISOString();
  await executor.writeTransaction(
    async (tx) => {
      const [lock] = await tx.run(LOCK_ARTICLE, { id: sourceId });
      const text = String(lock?.text ?? '');
      if (!Number.isInteger(input.start) || input.start < 0 || input.start >= text.length)
        throw badInput('proposal.start', `must be an offset into the article text (0..${text.length - 1})`);
      if (!Number.isInteger(input.end) || input.end <= input.start || input.end > text.length)
        throw badInput('proposal.end', `must be after start and at most the text's length (${text.length})`);
      const [existing] = await tx.run(PROPOSALS_BY_ID, { ids: [id] });
      if (((existing?.id ?? []) as unknown[]).length > 0)
        throw badInput('proposal', `the article already has this proposal ("${id}")`);
      const proposal: QueuedProposal = {
        id,
        source: sourceId,
        position: Number(lock?.lastPosition ?? -1) + 1,
        kind: 'RELATIONSHIP',
        actor: null,
        relationship: record,
        evidence: [{ text: text.slice(input.start, input.end), start: input.start, end: input.end }],
        confidence: record.confidence,
        target: record.about,
        fromStatus: null,
        toStatus: null,
        note: 'added by a reviewer',
        names,
      };
      await tx.run(CREATE_PROPOSALS, { proposals: [{ ...storedProperties(proposal), proposedBy: by }], at });
    },
    { operation: 'add-proposal', class: 'write' },
  );
  return id;
}
