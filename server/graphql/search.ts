// The full-text search string of actors(filter: {search}) as a Lucene query for the actor_search
// index. The user's text is split into words of letters and digits; each word is escaped and gets
// a trailing wildcard, so "Zelen" finds Zelenskyy and "kim yong" finds Kim Yong-hyun. Nothing the
// user types can become Lucene syntax (operators, fields, ranges, fuzzy or regex terms).
import { badInput } from '../model/arguments.js';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Longest search text, and most words in it; names and aliases are far shorter. */
export const MAX_SEARCH_CHARACTERS = 200;
export const MAX_SEARCH_WORDS = 10;

/** Backslash-escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The Lucene query for a search string, or null when it holds no word to search for. Throws a
 * BAD_USER_INPUT error for a text too long to be a name: Lucene refuses very long wildcard terms
 * and many-term queries, and such a search cannot match an actor anyway.
 */
export function luceneQuery(search: string, argument = 'filter.search'): string | null {
  if (search.length > MAX_SEARCH_CHARACTERS) {
    throw badInput(argument, `at most ${MAX_SEARCH_CHARACTERS} characters, got ${search.length}`);
  }
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > MAX_SEARCH_WORDS)
    throw badInput(argument, `at most ${MAX_SEARCH_WORDS} words, got ${words.length}`);
  if (words.length === 0) return null;
  // Lucene's own words AND/OR/NOT are only operators in upper case; the words are lower-cased.
  return words.map((word) => `${escapeLucene(word)}*`).join(' AND ');
}
