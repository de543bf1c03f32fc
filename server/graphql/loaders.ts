// Per-request DataLoaders: every nested field that needs the database asks a loader, and each
// loader answers all the items of one nesting level with one query. Root queries return end
// actors and sources embedded in their rows and prime the loaders with them.
import DataLoader from 'dataloader';
import type { Executor } from '../db/executor.js';
import { type FilterParams, forFilter } from '../db/filter.js';
import { query } from '../db/queries.js';
import type { ActorRow, RelationshipRow, SourceRow } from '../db/rows.js';

const ACTORS_BY_ID = query('actors-by-id');
const SOURCES_BY_ID = query('sources-by-id');
const RELATIONSHIPS_BY_ID = query('relationships-by-id');
const CLAIMS_ABOUT = query('claims-about');
const ACTOR_RELATIONSHIPS = query('actor-relationships');
const SOURCE_RELATIONSHIPS = query('source-relationships');

export interface Loaders {
  actor: DataLoader<string, ActorRow | null>;
  source: DataLoader<string, SourceRow | null>;
  /** Any relationship by id, retracted ones included (callers decide whether to show them). */
  relationship: DataLoader<string, RelationshipRow | null>;
  /** The non-retracted claims (accusations, denials) about a relationship, in time order. */
  claims: DataLoader<string, RelationshipRow[]>;
  /** Relationships of an actor under one filter and page size (one loader per distinct arguments). */
  actorRelationships(f: FilterParams, limit: number): DataLoader<string, RelationshipRow[]>;
  sourceRelationships(limit: number): DataLoader<string, RelationshipRow[]>;
  /** Caches the embedded actors and sources of rows (and the rows themselves) for later fields. */
  prime<T extends RelationshipRow>(rows: T[]): T[];
  primeActors<T extends ActorRow>(rows: T[]): T[];
}

const byId = <T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] => {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
};

export function createLoaders(executor: Executor): Loaders {
  const rowsOf = async <T>(text: string, params: Record<string, unknown>, operation: string) =>
    (await executor.read(text, params, { operation })).map((r) => r.row as T);

  const actor = new DataLoader<string, ActorRow | null>(async (ids) =>
    byId(ids, await rowsOf<ActorRow>(ACTORS_BY_ID, { ids }, 'load-actors')),
  );
  const source = new DataLoader<string, SourceRow | null>(async (ids) =>
    byId(ids, await rowsOf<SourceRow>(SOURCES_BY_ID, { ids }, 'load-sources')),
  );
  const relationship = new DataLoader<string, RelationshipRow | null>(async (ids) =>
    byId(ids, prime(await rowsOf<RelationshipRow>(RELATIONSHIPS_BY_ID, { ids }, 'load-relationships'))),
  );
  const claims = new DataLoader<string, RelationshipRow[]>(async (ids) => {
    const rows = await executor.read(CLAIMS_ABOUT, { ids, includeRetracted: false }, { operation: 'load-claims' });
    const grouped = new Map<string, RelationshipRow[]>();
    for (const { about, row } of rows as { about: string; row: RelationshipRow }[]) {
      const group = grouped.get(about) ?? [];
      group.push(row);
      grouped.set(about, group);
    }
    return ids.map((id) => prime(grouped.get(id) ?? []));
  });

  const grouped = async (text: string, params: Record<string, unknown>, operation: string, ids: readonly string[]) => {
    const rows = (await executor.read(text, { ...params, ids }, { operation })) as {
      id: string;
      rows: RelationshipRow[];
    }[];
    const map = new Map(rows.map((r) => [r.id, r.rows]));
    return ids.map((id) => prime(map.get(id) ?? []));
  };

  const actorRelationshipLoaders = new Map<string, DataLoader<string, RelationshipRow[]>>();
  const sourceRelationshipLoaders = new Map<number, DataLoader<string, RelationshipRow[]>>();

  function prime<T extends RelationshipRow>(rows: T[]): T[] {
    for (const row of rows) {
      if (row.fromActor) actor.prime(row.from, row.fromActor);
      if (row.toActor) actor.prime(row.to, row.toActor);
      for (const s of row.sourceRows ?? []) source.prime(s.id, s);
      relationship.prime(row.id, row);
    }
    return rows;
  }

  return {
    actor,
    source,
    relationship,
    claims,
    actorRelationships(f, limit) {
      const key = argsKey({ f, limit });
      let loader = actorRelationshipLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) =>
          grouped(forFilter(ACTOR_RELATIONSHIPS, f), { f, limit }, 'load-actor-relationships', ids),
        );
        actorRelationshipLoaders.set(key, loader);
      }
      return loader;
    },
    sourceRelationships(limit) {
      let loader = sourceRelationshipLoaders.get(limit);
      if (!loader) {
        loader = new DataLoader((ids) => grouped(SOURCE_RELATIONSHIPS, { limit }, 'load-source-relationships', ids));
        sourceRelationshipLoaders.set(limit, loader);
      }
      return loader;
    },
    prime,
    primeActors(rows) {
      for (const row of rows) actor.prime(row.id, row);
      return rows;
    },
  };
}

/** A stable key for a filter and page size, so loaders batch only calls with equal arguments. */
export function argsKey(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
