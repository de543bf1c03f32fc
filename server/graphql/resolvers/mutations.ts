// Writes. Each goes through requireWriter, then through the same validation and transaction as a
// bundle import (a one-record bundle), so an error reads the same from the CLI and from the API.
import { GraphQLError } from 'graphql';
import { bumpGraphVersion } from '../../db/graph-version.js';
import { query } from '../../db/queries.js';
import type { RelationshipRow } from '../../db/rows.js';
import { importBundle, RelationshipIdConflictError } from '../../import/import-bundle.js';
import { badInput } from '../../model/arguments.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type RelationshipInput } from '../../model/bundle.js';
import { requireWriter } from '../auth.js';
import type { Context } from '../context.js';
import { partialDate } from '../mappers.js';
import type { ResolverMap } from '../types.js';

const RETRACT = query('retract-relationship');

/** Drops undefined values: GraphQL leaves absent optional fields out, bundles want no undefined. */
const defined = (input: object) => Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

const bundleOf = (records: { actors?: object[]; sources?: object[]; relationships?: object[] }) => ({
  format: BUNDLE_FORMAT,
  version: BUNDLE_VERSION,
  actors: (records.actors ?? []).map(defined),
  sources: (records.sources ?? []).map(defined),
  relationships: (records.relationships ?? []).map(defined),
});

/** The fields where a stored relationship differs from an input with the same id. */
function differences(stored: RelationshipRow, input: RelationshipInput): string[] {
  const sorted = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');
  const pairs: [string, unknown, unknown][] = [
    ['type', stored.type, input.type],
    ['from', stored.from, input.from],
    ['to', stored.to, input.to],
    ['status', stored.status, input.status],
    ['confidence', stored.confidence, input.confidence],
    ['validFrom', partialDate(stored.validFrom, stored.validFromPrecision)?.text ?? null, input.validFrom ?? null],
    ['validTo', partialDate(stored.validTo, stored.validToPrecision)?.text ?? null, input.validTo ?? null],
    ['summary', stored.summary, input.summary.trim()],
    ['sources', sorted(stored.sources), sorted(input.sources)],
    ['claimedBy', stored.claimedBy ?? null, input.claimedBy ?? null],
    ['about', stored.about ?? null, input.about ?? null],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field]) => field);
}

/** A retry of what is stored returns it; anything else under its id is a CONFLICT naming the fields. */
function sameOrConflict(stored: RelationshipRow, input: RelationshipInput): RelationshipRow {
  const changed = differences(stored, input);
  if (changed.length === 0) return stored;
  throw conflict(input.id, changed, stored);
}

function conflict(id: string, fields: string[], stored: { type: string; from: string; to: string }): GraphQLError {
  return new GraphQLError(
    `input.id: relationship "${id}" already exists with a different ${fields.join(', ')} ` +
      `(stored: ${stored.type} from "${stored.from}" to "${stored.to}"); ` +
      'relationships are not edited in place: retract it and add the corrected one under a new id.',
    { extensions: { code: 'CONFLICT', argument: 'input.id', fields } },
  );
}

// A single record is interactive work: the short write timeout, not the import's minutes.
const ONE_RECORD = { class: 'write' } as const;

export const mutationResolvers: ResolverMap = {
  Mutation: {
    async upsertActor(_: unknown, { input }: { input: { id: string } }, context: Context) {
      requireWriter(context);
      await importBundle(context.executor, bundleOf({ actors: [input] }), ONE_RECORD);
      return context.loaders.actor.clear(input.id).load(input.id);
    },

    async upsertSource(_: unknown, { input }: { input: { id: string } }, context: Context) {
      requireWriter(context);
      await importBundle(context.executor, bundleOf({ sources: [input] }), ONE_RECORD);
      return context.loaders.source.clear(input.id).load(input.id);
    },

    async addRelationship(_: unknown, { input }: { input: RelationshipInput }, context: Context) {
      requireWriter(context);
      const { loaders } = context;
      const stored = await loaders.relationship.load(input.id);
      if (stored) return sameOrConflict(stored, input);
      try {
        await importBundle(context.executor, bundleOf({ relationships: [input] }), ONE_RECORD);
      } catch (error) {
        // A concurrent write took the id since the read above: say what it stored.
        if (!(error instanceof RelationshipIdConflictError)) throw error;
        const [winner] = error.conflicts;
        if (winner === undefined) throw error;
        throw conflict(
          input.id,
          ['type', 'from', 'to'].filter((f) => winner[f as 'type'] !== input[f as 'type']),
          winner,
        );
      }
      return loaders.relationship.clear(input.id).load(input.id);
    },

    async retractRelationship(_: unknown, { id, reason }: { id: string; reason: string }, context: Context) {
      requireWriter(context);
      if (reason.trim() === '') throw badInput('reason', 'must say why the relationship is retracted');
      const rows = await context.executor.writeTransaction(
        async (tx) => {
          const retracted = await tx.run(RETRACT, { ids: [id], reason: reason.trim() });
          if (retracted.length > 0) await bumpGraphVersion(tx);
          return retracted;
        },
        { operation: 'retract-relationship' },
      );
      if (rows.length === 0) throw badInput('id', `no relationship "${id}"`);
      return context.loaders.relationship.clear(id).load(id);
    },

    async importBundle(_: unknown, { bundle }: { bundle: unknown }, context: Context) {
      requireWriter(context);
      return importBundle(context.executor, bundle);
    },
  },
};
