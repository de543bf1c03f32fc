// The merge rules of review (docs/ingestion.md), as pure functions: when a proposed relationship
// states a stored one again, how confidence grows with independent sources, and which reports
// change what a stored relationship is.
import type { Relationship } from '../model/bundle.js';
import { parsePartialDate } from '../model/dates.js';
import { EVENT_TYPES, SYMMETRIC_TYPES } from '../model/vocabulary.js';

/** Confidence never reaches 1 however many sources agree. */
export const CONFIDENCE_CAP = 0.98;

/**
 * Confidence after one more source: 1 − (1 − c)(1 − c_new) when the new source is independent
 * (another publisher than every source already cited), capped at CONFIDENCE_CAP; unchanged when it
 * is not. Applied once per source, this is 1 − Π(1 − c_i) over the independent sources, and it
 * never lowers a confidence already above the cap.
 */
export function corroboratedConfidence(stored: number, added: number, independent: boolean): number {
  if (!independent) return stored;
  const combined = Math.min(CONFIDENCE_CAP, 1 - (1 - stored) * (1 - added));
  return Math.max(stored, Math.round(combined * 1000) / 1000);
}

const phase = (status: string) => (status === 'planned' || status === 'cancelled' ? status : 'actual');

function period(r: Pick<Relationship, 'type' | 'validFrom' | 'validTo'>): { start: string; end: string } | null {
  if (r.validFrom === null) return null;
  const from = parsePartialDate(r.validFrom);
  const event = EVENT_TYPES.includes(r.type);
  const end = r.validTo !== null ? parsePartialDate(r.validTo).end : event ? from.end : '9999-12-31';
  return { start: from.start, end };
}

/** Valid times overlap; a relationship without a start overlaps anything (it is not dated). */
export function validTimesOverlap(
  a: Pick<Relationship, 'type' | 'validFrom' | 'validTo'>,
  b: Pick<Relationship, 'type' | 'validFrom' | 'validTo'>,
): boolean {
  const pa = period(a);
  const pb = period(b);
  if (pa === null || pb === null) return true;
  return pa.start <= pb.end && pb.start <= pa.end;
}

/**
 * The same statement: same type and ends (either way round for a symmetric type), same phase
 * (planned, cancelled, or the rest), for a claim the same relationship it is about, and valid
 * times that overlap.
 */
export function sameStatement(a: Relationship, b: Relationship): boolean {
  if (a.type !== b.type) return false;
  const ends =
    (a.from === b.from && a.to === b.to) || (SYMMETRIC_TYPES.includes(a.type) && a.from === b.to && a.to === b.from);
  return ends && phase(a.status) === phase(b.status) && a.about === b.about && validTimesOverlap(a, b);
}

/** The stored (or already accepted) relationship a proposed one states again, if any; its own id first. */
export function findMatch(proposed: Relationship, candidates: readonly Relationship[]): Relationship | undefined {
  return candidates.find((c) => c.id === proposed.id) ?? candidates.find((c) => sameStatement(proposed, c));
}

/**
 * What a report changes in a stored relationship, or null: a confirmation by someone who is not a
 * party to an alleged relationship makes it reported; a report that a planned relationship took
 * place (same type and ends, not planned or cancelled) makes it what the report says.
 */
export function statusChange(
  proposed: Relationship,
  target: Relationship,
): { from: string; to: string; because: string } | null {
  if (proposed.type === 'CONFIRMS' && proposed.about === target.id) {
    const party = proposed.from === target.from || proposed.from === target.to;
    if (!party && target.status === 'alleged')
      return { from: 'alleged', to: 'reported', because: 'confirmed by a non-party' };
    return null;
  }
  if (
    target.status === 'planned' &&
    proposed.type === target.type &&
    proposed.from === target.from &&
    proposed.to === target.to &&
    phase(proposed.status) === 'actual'
  ) {
    return { from: 'planned', to: proposed.status, because: 'reported to have taken place' };
  }
  return null;
}
