// Export: the whole graph as a bundle, in the normalised order import produces, so that
// export → import into an empty database → export gives the same bytes.
import type { Executor } from '../db/executor.js';
import { query } from '../db/queries.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type Relationship, type SourceKind } from '../model/bundle.js';
import { type DatePrecision, formatPartialDate } from '../model/dates.js';

const EXPORT_BUNDLE = query('export-bundle');

type Row = Record<string, unknown>;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

function partial(date: unknown, precision: unknown): string | null {
  return typeof date === 'string' && typeof precision === 'string'
    ? formatPartialDate(date, precision as DatePrecision)
    : null;
}

export async function exportBundle(executor: Executor): Promise<Bundle> {
  const [row] = await executor.read(EXPORT_BUNDLE, {}, { operation: 'export-bundle', class: 'import' });
  const list = (key: string) => ((row?.[key] ?? []) as Row[]).slice();
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    actors: list('actors')
      .map((a) => ({
        id: String(a.id),
        kind: String(a.kind),
        name: String(a.name),
        aliases: ((a.aliases ?? []) as string[]).slice(),
        description: text(a.description),
      }))
      .sort(byId),
    sources: list('sources')
      .map((s) => ({
        id: String(s.id),
        title: String(s.title),
        publisher: String(s.publisher),
        published: String(s.published),
        url: text(s.url),
        kind: String(s.kind) as SourceKind,
      }))
      .sort(byId),
    relationships: list('relationships').map(relationshipRecord).sort(byId),
  };
}

/** A stored relationship (its properties, type and end ids) as the bundle record that wrote it. */
export function relationshipRecord(r: Row): Relationship {
  const dates = ((r.historyDates ?? []) as unknown[]).map(String);
  const at = (key: string, i: number) => String(((r[key] ?? []) as unknown[])[i] ?? '');
  const history = dates.map((date, i) => ({
    date,
    from: at('historyFrom', i),
    to: at('historyTo', i),
    source: at('historySources', i),
    by: at('historyBy', i) || null,
    note: at('historyNotes', i) || null,
  }));
  return {
    id: String(r.id),
    type: String(r.type),
    from: String(r.from),
    to: String(r.to),
    status: String(r.status),
    confidence: Number(r.confidence),
    validFrom: partial(r.validFrom, r.validFromPrecision),
    validTo: partial(r.validTo, r.validToPrecision),
    summary: String(r.summary),
    sources: ((r.sources ?? []) as string[]).slice(),
    claimedBy: text(r.claimedBy),
    about: text(r.about),
    ...(history.length > 0 ? { history } : {}),
  };
}
