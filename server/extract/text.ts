// Sentences and tokens, with character offsets into the article text. wink-nlp tokenises
// losslessly (every character is in a token or in the spaces before one), so offsets are summed,
// never searched for. Paragraphs (blank lines) are read apart so a sentence never spans two.

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence, type ItemToken, type ItsFunction } from 'wink-nlp';

const nlp = winkNLP(model);
const its = nlp.its;
// wink's typings give some helpers a signature its own ItsFunction type does not accept.
const itsOf = (f: unknown) => f as ItsFunction<string>;

export interface Token {
  /** Index within its sentence. */
  readonly i: number;
  readonly text: string;
  /** Lower case, without dots and apostrophes: "U.S." → "us", "’s" → "s". */
  readonly norm: string;
  /** wink's lemma in lower case: "said" → "say", "won" (in "won’t") → "will". */
  readonly lemma: string;
  /** Universal part of speech: PROPN, NOUN, VERB, AUX, ADP, PUNCT, … */
  readonly pos: string;
  readonly start: number;
  readonly end: number;
  /** True when whitespace comes before it: "Jong-un" is one name, "Korea - Russia" is not. */
  readonly spaced: boolean;
}

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tokens: readonly Token[];
}

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[.'’‘`]/g, '');
}

/** Splits the text into sentences of tokens; whitespace-only tokens are dropped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  let paragraph = 0;
  for (let m = paragraphs.exec(text); m; m = paragraphs.exec(text)) {
    if (m[0].trim() === '') continue;
    readParagraph(text, m.index, m[0], paragraph, sentences);
    paragraph += 1;
  }
  return sentences;
}

function readParagraph(text: string, offset: number, chunk: string, paragraph: number, out: Sentence[]): void {
  const doc = nlp.readDoc(chunk);
  let pos = offset;
  const all: { text: string; pos: string; lemma: string; start: number; end: number; spaced: boolean }[] = [];
  doc.tokens().each((t: ItemToken) => {
    const spaces = t.out(itsOf(its.precedingSpaces)) as string;
    const value = t.out() as string;
    pos += spaces.length;
    all.push({
      text: value,
      pos: t.out(itsOf(its.pos)) as string,
      lemma: String(t.out(itsOf(its.lemma))).toLowerCase(),
      start: pos,
      end: pos + value.length,
      spaced: spaces.length > 0,
    });
    pos += value.length;
  });
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(itsOf(its.span)) as unknown as [number, number];
    const tokens: Token[] = [];
    for (let k = first; k <= last; k++) {
      const t = all[k];
      if (!t || t.pos === 'SPACE' || t.text.trim() === '') continue;
      tokens.push({ ...t, i: tokens.length, norm: normalizeWord(t.text) });
    }
    const head = tokens[0];
    const tail = tokens[tokens.length - 1];
    if (!head || !tail) return;
    out.push({
      index: out.length,
      paragraph,
      start: head.start,
      end: tail.end,
      text: text.slice(head.start, tail.end),
      tokens,
    });
  });
}
