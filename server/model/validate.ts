/**
 * validateBundle checks a whole bundle before anything is written, and reports every problem
 * at once, each naming the record (array, index, id) and the field. On success it returns the
 * normalised bundle: identical duplicates collapsed, defaults filled, arrays sorted by id so an
 * export followed by an import is byte-stable.
 */
import type { z } from 'zod';
import {
  type Actor,
  actorSchema,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type Relationship,
  relationshipSchema,
  type Source,
  sourceSchema,
} from './bundle.js';
import { checkPartialDate, isIsoDay } from './dates.js';
import {
  ACTOR_KINDS,
  isActorKind,
  RELATIONSHIP_TYPES,
  relationshipType,
  STATUSES,
  statusInfo,
  vocabulary,
} from './vocabulary.js';

export interface BundleError {
  /** "relationships[3].to", "actors[0]", "version", or "" for the bundle as a whole. */
  path: string;
  message: string;
  /** The id of the record at fault, when it has a readable one. */
  id?: string;
}

/** What already exists in the database; references may point at these as well. */
export interface KnownIds {
  actorKinds: ReadonlyMap<string, string>;
  sourceIds: ReadonlySet<string>;
  relationships: ReadonlyMap<string, { type: string }>;
}

export type ValidationResult = { ok: true; bundle: Bundle } | { ok: false; errors: BundleError[] };

type Collection = 'actors' | 'sources' | 'relationships';

const EMPTY_KNOWN: KnownIds = { actorKinds: new Map(), sourceIds: new Set(), relationships: new Map() };
const RECORD_PATH = /^(actors|sources|relationships)\[(\d+)\](?:\.(.+))?$/;
const ABOUT_TYPES = vocabulary.relationshipTypes.filter((t) => t.aboutClaim).map((t) => t.type);
/** "A, B and C". */
const listed = (items: readonly string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** `relationships[3] (id nk-troops-ru): to: unknown actor "russsia"` */
export function formatBundleError(e: BundleError): string {
  const m = RECORD_PATH.exec(e.path);
  if (m) {
    const record = `${m[1]}[${m[2]}]${e.id ? ` (id ${e.id})` : ''}`;
    return m[3] ? `${record}: ${m[3]}: ${e.message}` : `${record}: ${e.message}`;
  }
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function zodIssues(error: z.ZodError, raw: unknown, prefix: string, id: string | undefined): BundleError[] {
  const out: BundleError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = pathToString([...issue.path, key]);
        out.push({ path: `${prefix}.${field}`, message: 'unknown field', id });
      }
      continue;
    }
    const field = pathToString(issue.path);
    const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
    out.push({ path: field ? `${prefix}.${field}` : prefix, message: missing ? 'required' : issue.message, id });
  }
  return out;
}

function normalizeActor(a: z.output<typeof actorSchema>): Actor {
  return { id: a.id, kind: a.kind, name: a.name, aliases: a.aliases, description: a.description ?? null };
}

function normalizeSource(s: z.output<typeof sourceSchema>): Source {
  return { id: s.id, title: s.title, publisher: s.publisher, published: s.published, url: s.url ?? null, kind: s.kind };
}

function normalizeRelationship(r: z.output<typeof relationshipSchema>): Relationship {
  return {
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    status: r.status,
    confidence: r.confidence,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    summary: r.summary,
    sources: [...new Set(r.sources)],
    claimedBy: r.claimedBy ?? null,
    about: r.about ?? null,
    ...(r.history && r.history.length > 0
      ? { history: r.history.map((h) => ({ ...h, by: h.by ?? null, note: h.note ?? null })) }
      : {}),
  };
}

interface Parsed<T> {
  index: number;
  value: T;
}

/**
 * Parses one collection record by record; returns the records that have a valid shape (first
 * occurrence of each id) and the ids of every record, valid or not, so that a reference to a
 * record with a shape error is not reported a second time as unknown.
 */
function parseCollection<S extends z.ZodType, T extends { id: string }>(
  collection: Collection,
  raw: unknown,
  schema: S,
  normalize: (v: z.output<S>) => T,
  errors: BundleError[],
): { records: Parsed<T>[]; ids: Set<string> } {
  const records: Parsed<T>[] = [];
  const ids = new Set<string>();
  if (raw === undefined) {
    errors.push({ path: collection, message: 'required (an array, possibly empty)' });
    return { records, ids };
  }
  if (!Array.isArray(raw)) {
    errors.push({ path: collection, message: 'expected an array' });
    return { records, ids };
  }
  const first = new Map<string, { index: number; json: string }>();
  raw.forEach((item, index) => {
    const prefix = `${collection}[${index}]`;
    const rawId = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    if (rawId !== undefined) ids.add(rawId);
    if (!isObject(item)) {
      errors.push({ path: prefix, message: 'expected an object' });
      return;
    }
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      errors.push(...zodIssues(parsed.error, item, prefix, rawId));
      return;
    }
    const value = normalize(parsed.data);
    const json = JSON.stringify(value);
    const seen = first.get(value.id);
    if (seen) {
      if (seen.json !== json) {
        errors.push({
          path: `${prefix}.id`,
          id: value.id,
          message: `duplicate id "${value.id}" with different content (first at ${collection}[${seen.index}])`,
        });
      }
      return;
    }
    first.set(value.id, { index, json });
    records.push({ index, value });
  });
  return { records, ids };
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function validateBundle(input: unknown, known: KnownIds = EMPTY_KNOWN): ValidationResult {
  const errors: BundleError[] = [];
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', message: 'a bundle must be a JSON object' }] };
  }
  for (const key of Object.keys(input)) {
    if (!['format', 'version', 'actors', 'sources', 'relationships'].includes(key)) {
      errors.push({ path: key, message: 'unknown field' });
    }
  }
  if (input.format !== BUNDLE_FORMAT) {
    errors.push({
      path: 'format',
      message: `expected "${BUNDLE_FORMAT}", got ${JSON.stringify(input.format) ?? 'nothing'}`,
    });
  }
  if (input.version !== BUNDLE_VERSION) {
    errors.push({
      path: 'version',
      message: `unsupported version ${JSON.stringify(input.version) ?? '(missing)'} (this server reads version ${BUNDLE_VERSION})`,
    });
  }

  const actors = parseCollection('actors', input.actors, actorSchema, normalizeActor, errors);
  const sources = parseCollection('sources', input.sources, sourceSchema, normalizeSource, errors);
  const relationships = parseCollection(
    'relationships',
    input.relationships,
    relationshipSchema,
    normalizeRelationship,
    errors,
  );

  // Actors.
  const actorKind = new Map<string, string>();
  for (const { index, value: a } of actors.records) {
    const at = (field: string, message: string) =>
      errors.push({ path: `actors[${index}].${field}`, id: a.id, message });
    if (!isActorKind(a.kind)) {
      at('kind', `unknown actor kind "${a.kind}" (expected one of ${ACTOR_KINDS.join(', ')})`);
      continue;
    }
    const existing = known.actorKinds.get(a.id);
    if (existing !== undefined && existing !== a.kind) {
      at('kind', `actor "${a.id}" already exists as a ${existing}; an import cannot change its kind`);
    }
    actorKind.set(a.id, a.kind);
  }

  // Sources.
  for (const { index, value: s } of sources.records) {
    if (!isIsoDay(s.published)) {
      const check = checkPartialDate(s.published);
      const message =
        check.ok || check.message.startsWith('malformed')
          ? `expected a full date YYYY-MM-DD, got "${s.published}"`
          : check.message;
      errors.push({ path: `sources[${index}].published`, id: s.id, message });
    }
  }

  // Relationships.
  const relIds = new Set<string>(relationships.ids);
  const actorExists = (id: string) => actors.ids.has(id) || known.actorKinds.has(id);
  const kindOf = (id: string) => actorKind.get(id) ?? known.actorKinds.get(id);
  const sourceExists = (id: string) => sources.ids.has(id) || known.sourceIds.has(id);

  for (const { index, value: r } of relationships.records) {
    const at = (field: string, message: string) =>
      errors.push({ path: `relationships[${index}].${field}`, id: r.id, message });
    const info = relationshipType(r.type);
    if (!info) {
      at('type', `unknown relationship type "${r.type}" (expected one of ${RELATIONSHIP_TYPES.join(', ')})`);
    }
    const existing = known.relationships.get(r.id);
    if (existing && existing.type !== r.type) {
      at('id', `relationship "${r.id}" already exists as ${existing.type}; it cannot become ${r.type}`);
    }

    const status = statusInfo(r.status);
    if (!status) at('status', `unknown status "${r.status}" (expected one of ${STATUSES.join(', ')})`);

    for (const end of ['from', 'to'] as const) {
      const id = r[end];
      if (!actorExists(id)) {
        at(end, `unknown actor "${id}"`);
        continue;
      }
      const kind = kindOf(id);
      if (info && kind !== undefined && !info[end].includes(kind)) {
        at(end, `actor "${id}" is a ${kind}, but ${info.type} allows ${info[end].join(', ')}`);
      }
    }
    if (r.from === r.to) at('to', `same actor as from ("${r.to}"); a relationship cannot join an actor to itself`);

    if (r.claimedBy !== null && !actorExists(r.claimedBy)) at('claimedBy', `unknown actor "${r.claimedBy}"`);
    if (status?.requiresClaimedBy && r.claimedBy === null) {
      at(
        'claimedBy',
        `required when status is ${status.status} (the party that ${status.status === 'denied' ? 'denies' : 'makes'} the claim)`,
      );
    }

    r.sources.forEach((sourceId, i) => {
      if (!sourceExists(sourceId)) at(`sources[${i}]`, `unknown source "${sourceId}"`);
    });

    if (r.confidence < 0 || r.confidence > 1) at('confidence', `${r.confidence} is outside [0, 1]`);

    const from = r.validFrom === null ? null : checkPartialDate(r.validFrom);
    const to = r.validTo === null ? null : checkPartialDate(r.validTo);
    if (from && !from.ok) at('validFrom', from.message);
    if (to && !to.ok) at('validTo', to.message);
    if (from?.ok && to?.ok && to.date.end < from.date.start) {
      at('validTo', `"${r.validTo}" ends before validFrom "${r.validFrom}" begins`);
    }

    // History: a chain of status changes, oldest first, ending at the current status.
    let previous: { to: string; date: string } | null = null;
    (r.history ?? []).forEach((h, i) => {
      const field = (name: string) => `history[${i}].${name}`;
      if (!isIsoDay(h.date)) at(field('date'), `expected a full date YYYY-MM-DD, got "${h.date}"`);
      for (const end of ['from', 'to'] as const)
        if (!statusInfo(h[end])) at(field(end), `unknown status "${h[end]}" (expected one of ${STATUSES.join(', ')})`);
      if (h.from === h.to) at(field('to'), `same status as from ("${h.to}"): not a change`);
      if (!sourceExists(h.source)) at(field('source'), `unknown source "${h.source}"`);
      else if (!r.sources.includes(h.source))
        at(field('source'), `"${h.source}" is not among the relationship's sources`);
      if (previous && h.from !== previous.to)
        at(field('from'), `"${h.from}" does not follow the previous change, which ended at "${previous.to}"`);
      if (previous && h.date < previous.date)
        at(field('date'), `${h.date} is before the previous change (${previous.date})`);
      previous = { to: h.to, date: h.date };
    });
    if (previous !== null && (previous as { to: string }).to !== r.status) {
      at('status', `"${r.status}" is not where the history ends ("${(previous as { to: string }).to}")`);
    }

    if (info?.aboutClaim && r.about === null) {
      at('about', `required for ${info.type}: the id of the relationship the claim is about`);
    } else if (info && !info.aboutClaim && r.about !== null) {
      at('about', `only ${listed(ABOUT_TYPES)} may refer to another relationship`);
    } else if (r.about !== null) {
      if (r.about === r.id) at('about', 'a relationship cannot be about itself');
      else if (!relIds.has(r.about) && !known.relationships.has(r.about))
        at('about', `unknown relationship "${r.about}"`);
    }
  }

  // Claims may be about claims, but a chain of `about` must end at a relationship that is about
  // nothing: A about B about A says nothing. Stored relationships cannot point at a new id, so a
  // cycle can only close inside the bundle. Checked once the rest holds, so a bad `about` is
  // reported once.
  const aboutOf = new Map(relationships.records.map(({ value }) => [value.id, value.about]));
  for (const { index, value: r } of errors.length === 0 ? relationships.records : []) {
    const chain = [r.id];
    for (let next: string | null | undefined = r.about; next && aboutOf.has(next); next = aboutOf.get(next)) {
      if (next === r.id) {
        errors.push({
          path: `relationships[${index}].about`,
          id: r.id,
          message: `"about" goes round in a cycle (${[...chain, r.id].join(' → ')}); a claim must lead back to a relationship that is about nothing`,
        });
        break;
      }
      if (chain.includes(next)) break; // a cycle further on, reported at its own members
      chain.push(next);
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    bundle: {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      actors: actors.records.map((p) => p.value).sort(byId),
      sources: sources.records.map((p) => p.value).sort(byId),
      relationships: relationships.records.map((p) => p.value).sort(byId),
    },
  };
}

/**
 * Knowledge time: the earliest publication date among a relationship's sources. The map holds
 * published dates (YYYY-MM-DD) by source id, from the bundle and from the database.
 */
export function computeKnownSince(
  rel: Pick<Relationship, 'id' | 'sources'>,
  publishedById: ReadonlyMap<string, string>,
): string {
  let earliest: string | undefined;
  for (const id of rel.sources) {
    const published = publishedById.get(id);
    if (published !== undefined && (earliest === undefined || published < earliest)) earliest = published;
  }
  if (earliest === undefined) throw new Error(`relationship "${rel.id}" has no source with a known publication date`);
  return earliest;
}
