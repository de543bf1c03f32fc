// Plain-text formatting shared by the panels and the exports. Pure.
import type { PartialDate, Source } from '../api/types.js';

export function validTimeText(from: PartialDate | string | null, to: PartialDate | string | null): string {
  const text = (d: PartialDate | string | null) => (d === null ? null : typeof d === 'string' ? d : d.text);
  const a = text(from);
  const b = text(to);
  if (a && b) return a === b ? a : `${a} – ${b}`;
  if (a) return `from ${a}`;
  if (b) return `until ${b}`;
  return 'undated';
}

export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)} %`;
}

export function sourceText(source: Pick<Source, 'publisher' | 'published'>): string {
  return `${source.publisher}, ${source.published}`;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1);
}

/** What a claim is about, as a phrase to put after its sentence; empty for relationships that are no claim. */
export function aboutText(about: { sentence: string } | null): string {
  return about ? `about: ${about.sentence}` : '';
}

/** One relationship in one line: its sentence, and what it is about when it is a claim. */
export function hopText(rel: { sentence: string; about: { sentence: string } | null }): string {
  return rel.about ? `${rel.sentence} (${aboutText(rel.about)})` : rel.sentence;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
