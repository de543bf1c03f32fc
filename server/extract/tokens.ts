// Small predicates over tokens shared by the stages.
import type { Token } from './text.js';

export const isWordToken = (t: Token | undefined): t is Token => !!t && /[\p{L}\p{N}]/u.test(t.text);
export const isCapitalized = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);
export const isPossessive = (t: Token | undefined): boolean => !!t && t.norm === 's' && t.pos === 'PART';
export const isHyphenJoin = (tokens: readonly Token[], k: number): boolean => {
  const t = tokens[k];
  const next = tokens[k + 1];
  return !!t && !!next && /^[-‐–]$/.test(t.text) && !t.spaced && !next.spaced;
};

/** The normalised words of tokens [i, j), or null when the window holds punctuation or a possessive. */
export function windowKey(tokens: readonly Token[], i: number, j: number): string | null {
  const words: string[] = [];
  for (let k = i; k < j; k++) {
    const t = tokens[k] as Token;
    if (isHyphenJoin(tokens, k) && k > i && k < j - 1) continue;
    if (!isWordToken(t) || isPossessive(t)) return null;
    const w = t.norm.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!w) return null;
    words.push(w);
  }
  return words.join(' ');
}

/**
 * The keys of the windows starting at i, shortest first, as [end, key] pairs: the same keys
 * windowKey gives, built word by word so a caller can stop at the first key no name starts with.
 */
export function* windowKeys(tokens: readonly Token[], i: number, maxWords: number): Generator<[number, string]> {
  let key = '';
  let words = 0;
  for (let k = i; k < tokens.length && words < maxWords; k++) {
    const t = tokens[k] as Token;
    if (k > i && isHyphenJoin(tokens, k)) continue;
    if (!isWordToken(t) || isPossessive(t)) return;
    const w = t.norm.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (!w) return;
    key = key ? `${key} ${w}` : w;
    words += w.split(' ').length;
    yield [k + 1, key];
  }
}

/** True when the word (lemma or lower-case form) is in the list. */
export function wordIn(t: Token | undefined, list: readonly string[]): boolean {
  return !!t && (list.includes(t.lemma) || list.includes(t.norm));
}

/** Whether tokens from k on spell the phrase (each word matched by lemma or form). */
export function phraseAt(tokens: readonly Token[], k: number, phrase: readonly string[]): boolean {
  let at = k;
  for (const word of phrase) {
    while (isHyphenJoin(tokens, at)) at++;
    const t = tokens[at];
    if (!t || !(t.lemma === word || t.norm === word)) return false;
    at++;
  }
  return true;
}

/** A phrase given as one string: "green light", "mutual-defence" (hyphens and spaces alike). */
export function splitPhrase(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w.length > 0);
}

/** The length in tokens of the phrase at k, or 0 (hyphen joins count as tokens). */
export function phraseLength(tokens: readonly Token[], k: number, phrase: readonly string[]): number {
  let at = k;
  for (const word of phrase) {
    while (isHyphenJoin(tokens, at)) at++;
    const t = tokens[at];
    if (!t || !(t.lemma === word || t.norm === word)) return 0;
    at++;
  }
  return at - k;
}

export const PREPOSITIONS = new Set([
  'in',
  'of',
  'at',
  'on',
  'with',
  'to',
  'from',
  'by',
  'for',
  'against',
  'after',
  'before',
  'during',
  'into',
  'toward',
  'towards',
  'between',
  'among',
  'over',
  'than',
  'about',
  'near',
  'inside',
  'across',
  'through',
  'like',
]);

export const CLAUSE_BREAKERS = new Set([
  ';',
  'but',
  'while',
  'whereas',
  'although',
  'though',
  'which',
  'who',
  'because',
  'whom',
  'when',
  'where',
]);
