// A relationship's history as the details panel's timeline: one dated line per entry (recorded,
// each corroborating source, each status change, each claim, denial and confirmation), oldest
// first. Pure: entries in, lines out.
import { dateText } from './cards.js';

export interface HistoryInput {
  date: string;
  kind: string;
  status: string;
  source?: { id: string; title: string; url?: string | null } | null;
  claim?: { id: string; from: { name: string } } | null;
  by?: string | null;
  note?: string | null;
}

export interface TimelineLine {
  /** The day, YYYY-MM-DD, and in words. */
  day: string;
  date: string;
  kind: string;
  /** "Recorded as alleged", "Denied by North Korea", "Status alleged → reported". */
  what: string;
  /** The claim relationship, for CLAIMED/DENIED/CONFIRMED. */
  claimId: string | null;
  source: HistoryInput['source'];
  /** "by ana: NATO confirmed it"; null when there is neither. */
  detail: string | null;
}

function what(entry: HistoryInput, previousStatus: string | null): string {
  const who = entry.claim?.from.name;
  switch (entry.kind) {
    case 'RECORDED':
      return `Recorded as ${entry.status}`;
    case 'CORROBORATED':
      return 'Another source';
    case 'STATUS_CHANGED':
      return previousStatus && previousStatus !== entry.status
        ? `Status ${previousStatus} → ${entry.status}`
        : `Status ${entry.status}`;
    case 'CLAIMED':
      return who ? `Claimed by ${who}` : 'Claimed';
    case 'DENIED':
      return who ? `Denied by ${who}` : 'Denied';
    case 'CONFIRMED':
      return who ? `Confirmed by ${who}` : 'Confirmed';
    case 'RETRACTED':
      return 'Retracted';
    default:
      return entry.kind.toLowerCase();
  }
}

/** The timeline, oldest first (entries of one day keep the server's order). */
export function timeline(entries: readonly HistoryInput[]): TimelineLine[] {
  const sorted = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.i - b.i)
    .map((x) => x.entry);
  let status: string | null = null;
  return sorted.map((entry) => {
    const line: TimelineLine = {
      day: entry.date,
      date: dateText(entry.date),
      kind: entry.kind,
      what: what(entry, status),
      claimId: entry.claim?.id ?? null,
      source: entry.source ?? null,
      detail: [entry.by ? `by ${entry.by}` : null, entry.note].filter(Boolean).join(': ') || null,
    };
    if (entry.kind === 'RECORDED' || entry.kind === 'STATUS_CHANGED') status = entry.status;
    return line;
  });
}
