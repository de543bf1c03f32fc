// Plain-English accounts of paths: one sentence per hop from the vocabulary's template, with the
// status and its claimant, the dates at their precision and the sources.
import type { RelationshipRow, SourceRow } from '../db/rows.js';
import type { DatePrecision } from '../model/dates.js';
import { relationshipType, renderTemplate } from '../model/vocabulary.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A stored day at its precision: day → "13 Oct 2024", month → "Feb 2022", year → "2022". */
export function formatDay(isoDay: string, precision: DatePrecision = 'day'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) throw new RangeError(`not a day YYYY-MM-DD: "${isoDay}"`);
  const [, year, month, dayOfMonth] = m as unknown as [string, string, string, string];
  if (precision === 'year') return year;
  const monthName = MONTHS[Number(month) - 1];
  if (precision === 'month') return `${monthName} ${year}`;
  return `${Number(dayOfMonth)} ${monthName} ${year}`;
}

/** What a hop needs to be told: the fields of a relationship row that a sentence uses. */
export type ExplainedEdge = Pick<
  RelationshipRow,
  | 'type'
  | 'status'
  | 'validFrom'
  | 'validFromPrecision'
  | 'validTo'
  | 'validToPrecision'
  | 'knownSince'
  | 'claimedBy'
  | 'claimedByName'
  | 'claim'
> & { sourceRows?: readonly Pick<SourceRow, 'id' | 'published'>[] };

const precisionOf = (p: string | null): DatePrecision => (p === 'year' || p === 'month' ? p : 'day');

/** When it held: "Sep 2023", "since 20 Jan 2021", "14 Oct 2024 to 20 Oct 2024", or when it became known. */
export function when(edge: ExplainedEdge): string {
  const from = edge.validFrom === null ? null : formatDay(edge.validFrom, precisionOf(edge.validFromPrecision));
  const to = edge.validTo === null ? null : formatDay(edge.validTo, precisionOf(edge.validToPrecision));
  if (from !== null && to !== null) return from === to ? from : `${from} to ${to}`;
  if (from !== null) return relationshipType(edge.type)?.temporal === 'state' ? `since ${from}` : from;
  if (to !== null) return `until ${to}`;
  return `known since ${formatDay(edge.knownSince)}`;
}

/** "alleged by Volodymyr Zelenskyy", "planned", or nothing for a fact. */
export function standing(edge: ExplainedEdge): string {
  if (edge.status === 'fact') return '';
  const by = edge.claimedByName ?? edge.claimedBy;
  return by ? `${edge.status} by ${by}` : edge.status;
}

// Sources are cited by id (stable, and `source(id:)` gives the full record) and publication day;
// titles would make an account of a few hops a paragraph long.
export function sourcesText(edge: ExplainedEdge): string {
  const rows = edge.sourceRows ?? [];
  if (rows.length === 0) return 'no source';
  const listed = rows.map((s) => `${s.id} (${formatDay(s.published)})`);
  return `${rows.length === 1 ? 'source' : 'sources'}: ${listed.join(', ')}`;
}

/** What a claim is about, in brackets: " [North Korea supplies arms to Russia: alleged]". */
export function claimText(edge: ExplainedEdge): string {
  const claim = edge.claim;
  if (!claim || !relationshipType(claim.type)) return '';
  return ` [${renderTemplate(claim.type, claim.from, claim.to)}: ${claim.status}]`;
}

/** One hop: "North Korea supplies arms to Russia (alleged by United States, known since 14 Oct 2024; source: …)". */
export function step(edge: ExplainedEdge, fromName: string, toName: string): string {
  const head = [standing(edge), when(edge)].filter((part) => part !== '').join(', ');
  return `${renderTemplate(edge.type, fromName, toName)}${claimText(edge)} (${head}; ${sourcesText(edge)})`;
}

/** The chain: the steps joined into one account. */
export function explanation(steps: readonly string[]): string {
  return steps.length === 0 ? '' : `${steps.join('; ')}.`;
}
