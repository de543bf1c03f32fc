// What a proposal card says: "North Korea denies that it sends troops to Russia — 21 Oct 2024 —
// confidence 0.8". The sentence is the API's (status-aware); the date is when the statement was
// made or held if the reading found one, else the day the article was published. Pure.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A partial date as a bundle writes it (YYYY, YYYY-MM, YYYY-MM-DD) in words: "21 Oct 2024", "Oct 2024", "2024". */
export function dateText(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  if (!name) return year as string;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** 0.8 → "0.8", 0.65 → "0.65", 1 → "1": two decimals at most, no trailing zeros. */
export function confidenceNumber(confidence: number): string {
  return String(Math.round(confidence * 100) / 100);
}

export interface CardInput {
  kind: string;
  sentence: string;
  confidence: number;
  source: { published: string };
  relationship?: { validFrom?: string | null } | null;
}

/** The card's one line: sentence — date — confidence. Actors have no date of their own. */
export function cardSentence(p: CardInput): string {
  const parts = [p.sentence];
  if (p.kind !== 'ACTOR') parts.push(dateText(p.relationship?.validFrom ?? p.source.published));
  parts.push(`confidence ${confidenceNumber(p.confidence)}`);
  return parts.join(' — ');
}

/** What accepting does, as a short label for the card's corner. */
export const KIND_LABELS: Record<string, string> = {
  ACTOR: 'new actor',
  RELATIONSHIP: 'new relationship',
  CORROBORATION: 'another source',
  STATUS_CHANGE: 'status change',
};

export interface DecisionInput {
  state: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  reason?: string | null;
}

/** "accepted by ana on 2024-10-22", "rejected by ana on 2024-10-22: not what the text says"; null while open. */
export function decisionText(p: DecisionInput): string | null {
  if (p.state === 'OPEN') return null;
  const verb = p.state === 'ACCEPTED' ? 'accepted' : 'rejected';
  const by = p.decidedBy ? ` by ${p.decidedBy}` : '';
  const when = p.decidedAt ? ` on ${p.decidedAt.slice(0, 10)}` : '';
  const why = p.reason ? `: ${p.reason}` : '';
  return `${verb}${by}${when}${why}`;
}
