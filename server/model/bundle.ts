/**
 * The bundle format, version 1 (docs/model.md): the one way data enters the graph. The zod
 * schemas here check shape only; references, vocabulary membership, dates and the rules
 * between fields are checked by validateBundle (validate.ts) so that every problem gets its
 * own message.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'actor-graph-bundle';
export const BUNDLE_VERSION = 1;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SOURCE_KINDS = ['article', 'report', 'statement', 'reference'] as const;

const slug = z
  .string({ error: 'expected a string id' })
  .max(80, { error: 'ids are at most 80 characters' })
  .regex(SLUG, { error: 'expected a lower-case slug like "north-korea"' });

const name = z
  .string({ error: 'expected a string' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(200, { error: 'at most 200 characters' });

const nullableString = z.string({ error: 'expected a string or null' }).nullish();

export const actorSchema = z.strictObject({
  id: slug,
  kind: z.string({ error: 'expected a string' }),
  name,
  aliases: z.array(name).default([]),
  description: z.string({ error: 'expected a string' }).max(2000, { error: 'at most 2000 characters' }).nullish(),
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: z
    .string({ error: 'expected a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(500, { error: 'at most 500 characters' }),
  publisher: name,
  published: z.string({ error: 'expected a date YYYY-MM-DD' }),
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL or null' }).nullish(),
  kind: z.enum(SOURCE_KINDS, { error: `expected one of ${SOURCE_KINDS.join(', ')}` }),
});

/** One status change of a relationship: the day it became known, on which source, decided by whom. */
export const historyEntrySchema = z.strictObject({
  date: z.string({ error: 'expected a date YYYY-MM-DD' }),
  from: z.string({ error: 'expected a status' }),
  to: z.string({ error: 'expected a status' }),
  source: slug,
  by: z.string({ error: 'expected a string or null' }).max(200, { error: 'at most 200 characters' }).nullish(),
  note: z.string({ error: 'expected a string or null' }).max(1000, { error: 'at most 1000 characters' }).nullish(),
});

export const relationshipSchema = z.strictObject({
  id: slug,
  type: z.string({ error: 'expected a string' }),
  from: slug,
  to: slug,
  status: z.string({ error: 'expected a string' }),
  confidence: z.number({ error: 'expected a number' }),
  validFrom: nullableString,
  validTo: nullableString,
  summary: z
    .string({ error: 'expected a string' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(1000, { error: 'at most 1000 characters' }),
  sources: z
    .array(slug, { error: 'expected an array of source ids' })
    .min(1, { error: 'at least one source is required' }),
  claimedBy: slug.nullish(),
  about: slug.nullish(),
  /** Optional (bundles without it stay valid): the status changes, oldest first. */
  history: z.array(historyEntrySchema, { error: 'expected an array of status changes' }).optional(),
});

export const envelopeSchema = z.object({
  format: z.unknown(),
  version: z.unknown(),
  actors: z.array(z.unknown(), { error: 'expected an array' }),
  sources: z.array(z.unknown(), { error: 'expected an array' }),
  relationships: z.array(z.unknown(), { error: 'expected an array' }),
});

/** The shape zod accepts, before validateBundle fills defaults. */
export type ActorInput = z.input<typeof actorSchema>;
export type SourceInput = z.input<typeof sourceSchema>;
export type RelationshipInput = z.input<typeof relationshipSchema>;

export type SourceKind = (typeof SOURCE_KINDS)[number];

/** An actor after validation: every field present, absent values as null. */
/** A record as a reader of the graph holds it: every field, lists included, read-only. */
export type ReadonlyRecord<T> = { readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? readonly U[] : T[K] };

export interface Actor {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string | null;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** YYYY-MM-DD */
  published: string;
  url: string | null;
  kind: SourceKind;
}

export interface Relationship {
  id: string;
  type: string;
  from: string;
  to: string;
  status: string;
  confidence: number;
  /** Partial date as written: YYYY, YYYY-MM or YYYY-MM-DD. */
  validFrom: string | null;
  validTo: string | null;
  summary: string;
  sources: string[];
  claimedBy: string | null;
  about: string | null;
  /** Status changes, oldest first; absent when there are none (so older bundles read the same). */
  history?: HistoryRecord[];
}

/** A status change as a bundle writes it: `from` is the status before, `to` the one after. */
export interface HistoryRecord {
  /** YYYY-MM-DD: the publication day of the source that reported the change. */
  date: string;
  from: string;
  to: string;
  source: string;
  by: string | null;
  note: string | null;
}

/** A validated, normalised bundle: arrays sorted by id, defaults filled. */
export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  actors: Actor[];
  sources: Source[];
  relationships: Relationship[];
}
