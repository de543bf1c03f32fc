// The full-text search string of actors(filter: {search}) as a Lucene query for the actor_search
// index. The user's text is split into words of letters and digits; each word is escaped and gets
// a trailing wildcard, so "Zelen" finds Zelenskyy and "kim yong" finds Kim Yong-hyun. Nothing the
// user types can become Lucene syntax (operators, fields, ranges, fuzzy or regex terms).

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Backslash-escapes every character Lucene's query parser treats as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** The Lucene query for a search string, or null when it holds no word to search for. */
export function luceneQuery(search: string): string | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  // Lucene's own words AND/OR/NOT are only operators in upper case; the words are lower-cased.
  return words.map((word) => `${escapeLucene(word)}*`).join(' AND ');
}
