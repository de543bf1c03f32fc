// The article text cut into segments at every edge of an evidence span, so each proposal's spans
// can be marked even where they overlap: a segment lists every proposal whose span covers it.
// Pure: strings and numbers only; the panel renders one element per segment.

/** A proposal's evidence: characters start (inclusive) to end (exclusive) of the article text. */
export interface Span {
  start: number;
  end: number;
  id: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The proposals whose spans cover this segment, in the order the spans were given; empty: plain text. */
  ids: string[];
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Cuts `text` at every start and end of a span (clamped to the text; empty or reversed spans are
 * ignored). Neighbouring segments covered by the same proposals are joined, so the result is the
 * fewest segments that tell every overlap apart. Joined, the segments' texts are `text`.
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.trunc(n)));
  const valid = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({ id: s.id, start: clamp(s.start), end: clamp(s.end) }))
    .filter((s) => s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    const ids = [...new Set(valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id))];
    const last = out[out.length - 1];
    if (last && sameIds(last.ids, ids)) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else out.push({ start, end, text: text.slice(start, end), ids });
  }
  return out;
}

/** A selection of the text without the white space at its ends; null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let a = Math.max(0, Math.min(start, end));
  let b = Math.min(text.length, Math.max(start, end));
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  return a < b ? { start: a, end: b } : null;
}
