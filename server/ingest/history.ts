// A relationship's dated history (docs/ingestion.md), composed from what is stored: its sources
// (the earliest records it, each later one corroborates it), its status changes, the claims about
// it and its retraction. Pure: the caller passes the rows.
import type { RelationshipRow, SourceRow } from '../db/rows.js';
import { statusKnownOn } from '../db/rows.js';

export type HistoryKind =
  | 'RECORDED'
  | 'CORROBORATED'
  | 'STATUS_CHANGED'
  | 'CLAIMED'
  | 'DENIED'
  | 'CONFIRMED'
  | 'RETRACTED';

export interface HistoryItem {
  date: string;
  kind: HistoryKind;
  status: string;
  source: SourceRow | null;
  claim: RelationshipRow | null;
  by: string | null;
  note: string | null;
}

const CLAIM_KIND: Record<string, HistoryKind> = { ACCUSES: 'CLAIMED', DENIES: 'DENIED', CONFIRMS: 'CONFIRMED' };
const ORDER: HistoryKind[] = [
  'RECORDED',
  'CORROBORATED',
  'CLAIMED',
  'CONFIRMED',
  'DENIED',
  'STATUS_CHANGED',
  'RETRACTED',
];

/** Oldest first; on one day: recorded, corroborated, the claims, then status changes and retraction. */
export function composeHistory(row: RelationshipRow, claims: readonly RelationshipRow[]): HistoryItem[] {
  const items: HistoryItem[] = [];
  const sources = row.sourceRows ?? [];
  const ordered = [...sources].sort((a, b) =>
    a.published === b.published ? (a.id < b.id ? -1 : 1) : a.published < b.published ? -1 : 1,
  );
  const changeSources = new Set(row.historySources ?? []);
  const at = (day: string) => statusKnownOn(row, day);
  ordered.forEach((source, i) => {
    if (i > 0 && changeSources.has(source.id)) return; // told by its status change
    items.push({
      date: i === 0 ? row.knownSince : source.published,
      kind: i === 0 ? 'RECORDED' : 'CORROBORATED',
      status: at(i === 0 ? row.knownSince : source.published),
      source,
      claim: null,
      by: null,
      note: null,
    });
  });
  (row.historyDates ?? []).forEach((date, i) => {
    const sourceId = row.historySources?.[i] ?? '';
    items.push({
      date,
      kind: 'STATUS_CHANGED',
      status: row.historyTo?.[i] ?? row.status,
      source: sources.find((s) => s.id === sourceId) ?? null,
      claim: null,
      by: row.historyBy?.[i] || null,
      note: `${row.historyFrom?.[i] ?? '?'} → ${row.historyTo?.[i] ?? '?'}${row.historyNotes?.[i] ? `: ${row.historyNotes[i]}` : ''}`,
    });
  });
  for (const claim of claims) {
    const kind = CLAIM_KIND[claim.type];
    if (!kind) continue;
    items.push({
      date: claim.knownSince,
      kind,
      status: at(claim.knownSince),
      source: claim.sourceRows?.[0] ?? null,
      claim,
      by: null,
      note: null,
    });
  }
  if (row.retractedAt) {
    items.push({
      date: row.retractedAt.slice(0, 10),
      kind: 'RETRACTED',
      status: row.status,
      source: null,
      claim: null,
      by: null,
      note: row.retractReason,
    });
  }
  return items.sort((a, b) =>
    a.date === b.date ? ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) : a.date < b.date ? -1 : 1,
  );
}
