// One sentence as the later stages see it: its tokens, its mentions and its neighbours, with the
// lookups they share (which mention covers a token, where a clause starts, what a pronoun means).
import type { KnownActor } from './gazetteer.js';
import { lexicon } from './lexicon.js';
import type { Mention } from './mentions.js';
import type { Sentence, Token } from './text.js';
import { CLAUSE_BREAKERS, isPossessive, PREPOSITIONS, wordIn } from './tokens.js';

export interface SentenceContext {
  readonly sentence: Sentence;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly previous: SentenceContext | null;
  readonly actors: ReadonlyMap<string, KnownActor>;
}

const AGENTS = lexicon.classes.agents ?? [];
const SKIPPABLE_POS = new Set(['DET', 'ADJ', 'NUM', 'ADV']);
const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her']);
const THING_PRONOUNS = new Set(['it', 'its']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'their']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
export const PRONOUNS = new Set([...PERSON_PRONOUNS, ...THING_PRONOUNS, ...GROUP_PRONOUNS]);

/** A word that opens a new clause: "but", "while", "which", "as" when it joins clauses, … */
export function isBreaker(t: Token): boolean {
  return CLAUSE_BREAKERS.has(t.norm) || t.text === ';' || (t.norm === 'as' && t.pos === 'SCONJ');
}

/** "as" or "after" opening a clause ("as North Korea sends troops"), not "as part of" or "dismissed as rumour". */
function opensClause(ctx: SentenceContext, k: number): boolean {
  for (let i = k + 1; i < Math.min(ctx.tokens.length, k + 6); i++) {
    const t = ctx.tokens[i] as Token;
    if (t.text === ',' || (t.pos === 'ADP' && t.norm !== 'of')) return false;
    if (t.pos === 'VERB' && !t.norm.endsWith('ing')) return true;
  }
  return false;
}

/** Words that are prepositions or conjunctions: "after the talks" stays in the clause, "after Sweden agreed" opens one. */
const CLAUSE_OPENERS = new Set(['as', 'after', 'before', 'since', 'until', 'once']);

function breaksAt(ctx: SentenceContext, i: number): boolean {
  const t = ctx.tokens[i] as Token;
  return isBreaker(t) || t.text === '—' || (CLAUSE_OPENERS.has(t.norm) && opensClause(ctx, i)) || joinsClauses(ctx, i);
}

/** ", and a Ukrainian delegation is expected …": a comma and "and" before a new subject and its verb. */
function joinsClauses(ctx: SentenceContext, i: number): boolean {
  const t = ctx.tokens[i] as Token;
  if (t.norm !== 'and' || ctx.tokens[i - 1]?.text !== ',') return false;
  const next = ctx.tokens[i + 1];
  return (next?.pos === 'DET' || next?.pos === 'PRON') && opensClause(ctx, i);
}

/** The subject of the sentence's first full verb: who a participle or a bare claim speaks for. */
export function sentenceSubject(ctx: SentenceContext): string[] {
  const verb = ctx.tokens.findIndex((t) => t.pos === 'VERB' && !mentionAt(ctx, t.i));
  return verb > 0 ? subjectBefore(ctx, verb) : [];
}

export function kindOf(ctx: SentenceContext, id: string): string | undefined {
  return ctx.actors.get(id)?.kind;
}

export function mentionAt(ctx: SentenceContext, k: number): Mention | undefined {
  return ctx.mentions.find((m) => m.start <= k && k < m.end);
}

export function mentionStarting(ctx: SentenceContext, k: number): Mention | undefined {
  return ctx.mentions.find((m) => m.start === k);
}

/** First token of the clause holding k: after a breaker, a "that" or a dash. */
export function clauseStart(ctx: SentenceContext, k: number): number {
  for (let i = k - 1; i >= 0; i--) {
    const t = ctx.tokens[i] as Token;
    if (breaksAt(ctx, i) || t.norm === 'that') return i + 1;
  }
  return 0;
}

/** One past the last token of the clause holding k. */
export function clauseEnd(ctx: SentenceContext, k: number): number {
  for (let i = k + 1; i < ctx.tokens.length; i++) {
    if (breaksAt(ctx, i)) return i;
  }
  return ctx.tokens.length;
}

/** A demonym counts as an actor only before an agent noun: "North Korean troops", "U.S. and South Korean officials". */
export function isAgentive(ctx: SentenceContext, m: Mention): boolean {
  if (m.form !== 'demonym') return true;
  for (let k = m.end; k < Math.min(ctx.tokens.length, m.end + 4); k++) {
    const t = ctx.tokens[k] as Token;
    if (wordIn(t, AGENTS)) return true;
    const inner = mentionStarting(ctx, k);
    if (inner) {
      k = inner.end - 1;
      continue;
    }
    if (!(SKIPPABLE_POS.has(t.pos) || t.norm === 'and' || t.text === ',' || t.pos === 'NOUN')) return false;
  }
  return false;
}

/** A preposition of the given set before m, no earlier than token `from` ("after" opening the clause is no preposition). */
const afterPreposition = (ctx: SentenceContext, m: Pick<Mention, 'start'>, excluded: ReadonlySet<string>, from = 0) => {
  let k = m.start - 1;
  while (k >= 0 && (ctx.tokens[k]?.pos === 'DET' || ctx.tokens[k]?.pos === 'ADJ' || ctx.tokens[k]?.pos === 'NUM')) k--;
  return k >= from && excluded.has(ctx.tokens[k]?.norm ?? '');
};

/** Mentions joined to m by "and" or commas, m included, in text order. */
export function coordinated(ctx: SentenceContext, m: Mention): Mention[] {
  const group = [m];
  let left = m;
  // A comma joins only inside a list that an "and" closes: "A, B and C", not "…Russia, Ukrainian officials".
  let closed = ctx.tokens[m.end + (m.possessive ? 1 : 0)]?.norm === 'and';
  for (;;) {
    const k = left.start - 1;
    const joiner = ctx.tokens[k];
    if (!joiner || !(joiner.norm === 'and' || joiner.text === ',')) break;
    if (joiner.text === ',' && !closed) break;
    let j = k - 1;
    while (j >= 0 && ctx.tokens[j]?.pos === 'DET') j--;
    const prev = ctx.mentions.find((x) => x.end === j + 1);
    if (!prev) break;
    if (joiner.norm === 'and') closed = true;
    group.unshift(prev);
    left = prev;
  }
  let right = m;
  for (;;) {
    const joiner = ctx.tokens[right.end + (right.possessive ? 1 : 0)];
    if (joiner?.norm !== 'and') break;
    let j = right.end + 1;
    while (j < ctx.tokens.length && ctx.tokens[j]?.pos === 'DET') j++;
    const next = mentionStarting(ctx, j);
    if (!next) break;
    group.push(next);
    right = next;
  }
  return group;
}

/**
 * The subject of the clause that ends at k: the nearest mention before k in the clause that is not
 * the object of a preposition, with the mentions coordinated with it; or what a pronoun before k
 * stands for.
 */
export function subjectBefore(ctx: SentenceContext, k: number, lowerBound?: number): string[] {
  const start = Math.max(lowerBound ?? 0, clauseStart(ctx, k));
  for (let i = k - 1; i >= start; i--) {
    const t = ctx.tokens[i] as Token;
    if (t.pos === 'PRON' && PRONOUNS.has(t.norm) && !isPossessive(ctx.tokens[i + 1]) && !mentionAt(ctx, i)) {
      // "his government", "its forces": the agents of the one the pronoun stands for.
      if (['his', 'her', 'its', 'their'].includes(t.norm)) {
        if (wordIn(ctx.tokens[i + 1], AGENTS) && !afterPreposition(ctx, { start: i }, PREPOSITIONS))
          return resolvePronoun(ctx, i);
        continue;
      }
      return resolvePronoun(ctx, i);
    }
    const m = mentionAt(ctx, i);
    if (!m) continue;
    i = m.start;
    if (!isAgentive(ctx, m) && !m.possessive) continue;
    if ((afterPreposition(ctx, m, PREPOSITIONS, start) && !agentOf(ctx, m)) || objectOfVerb(ctx, m)) continue;
    return coordinated(ctx, m).map((x) => x.actor);
  }
  // ", who hosted Kim": the subject of a relative clause is the actor before the comma.
  if (ctx.tokens[start - 1]?.norm === 'who' && ctx.tokens[start - 2]?.text === ',') {
    const head = ctx.mentions.find((m) => m.end === start - 2);
    if (head) return [head.actor];
  }
  return [];
}

/** "Foreign ministers of the Group of Seven", "officials of the alliance": the agents speak for m. */
function agentOf(ctx: SentenceContext, m: Mention): boolean {
  let k = m.start - 1;
  while (k >= 0 && ctx.tokens[k]?.pos === 'DET') k--;
  return ctx.tokens[k]?.norm === 'of' && wordIn(ctx.tokens[k - 1], AGENTS);
}

const FRAME_LEMMAS = new Set(lexicon.frames.flatMap((f) => f.lemmas ?? []));

/** "visited Moscow and met Putin": Moscow follows a verb, so it is that verb's object, not a subject. */
function objectOfVerb(ctx: SentenceContext, m: Mention): boolean {
  let k = m.start - 1;
  while (k >= 0 && ctx.tokens[k]?.pos === 'DET') k--;
  const t = ctx.tokens[k];
  return !!t && t.pos === 'VERB' && !FRAME_LEMMAS.has(t.lemma);
}

/** The mention right after k (articles, adjectives, numbers and the given words skipped). */
export function mentionAfter(
  ctx: SentenceContext,
  k: number,
  skip: readonly string[] = [],
  gap = 4,
): Mention | string[] | null {
  for (let i = k, seen = 0; i < ctx.tokens.length && seen <= gap; i++, seen++) {
    const m = mentionStarting(ctx, i);
    if (m) return m;
    const t = ctx.tokens[i] as Token;
    if (POSSESSIVE_DETERMINERS.has(t.norm)) continue;
    if (PRONOUNS.has(t.norm) && t.pos === 'PRON') return resolvePronoun(ctx, i);
    if (SKIPPABLE_POS.has(t.pos) || skip.includes(t.norm) || t.text === '-') continue;
    return null;
  }
  return null;
}

/**
 * What a pronoun at k stands for: the first actor of a fitting kind in its clause that is not the
 * object of a preposition (its subject, as a rule), else the sentence's, else the sentence before's.
 */
export function resolvePronoun(ctx: SentenceContext, k: number): string[] {
  const word = ctx.tokens[k]?.norm ?? '';
  const fits = (m: Mention) => {
    const kind = kindOf(ctx, m.actor);
    if (PERSON_PRONOUNS.has(word)) return kind === 'Person';
    if (THING_PRONOUNS.has(word)) return kind === 'Country' || kind === 'Organization';
    return true;
  };
  const usable = (c: SentenceContext, m: Mention) =>
    fits(m) && isAgentive(c, m) && !afterPreposition(c, m, PREPOSITIONS);
  if (GROUP_PRONOUNS.has(word)) {
    const prev = ctx.previous;
    const persons = prev
      ? [...new Set(prev.mentions.filter((m) => kindOf(prev, m.actor) === 'Person').map((m) => m.actor))]
      : [];
    if (persons.length >= 2) return persons;
    return [];
  }
  const start = clauseStart(ctx, k);
  const inClause = ctx.mentions.find((m) => m.start >= start && m.end <= k && usable(ctx, m));
  if (inClause) return [inClause.actor];
  const first = ctx.mentions.find((m) => m.start < k && usable(ctx, m));
  if (first) return [first.actor];
  const prev = ctx.previous;
  const before = prev?.mentions.find((m) => usable(prev, m));
  return before ? [before.actor] : [];
}

export function idsOf(found: Mention | string[] | null): string[] {
  if (!found) return [];
  return Array.isArray(found) ? found : [found.actor];
}
