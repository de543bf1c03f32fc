// Plain-text formatting shared by the panels. Pure.
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

export function sourceText(source: Source): string {
  return `${source.publisher}, ${source.published}`;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]?.toUpperCase() + s.slice(1);
}
