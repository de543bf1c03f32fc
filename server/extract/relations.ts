// Relation cues: a lexicon entry hangs on an anchor word (a verb like "deployed", a noun like
// "invasion"), may need a word of a class nearby ("troops", "weapons"), and finds its two ends by
// the strategies it names: the clause's subject, the possessor ("Russia's invasion"), the
// modifier ("North Korean troops"), the object, the actor after a preposition, and so on. The
// statement stage then decides, from frames, modality, hedges and negation, what it amounts to.

import { relationshipType } from '../model/vocabulary.js';
import {
  clauseEnd,
  clauseStart,
  coordinated,
  idsOf,
  isAgentive,
  mentionAfter,
  mentionAt,
  mentionStarting,
  resolvePronoun,
  type SentenceContext,
  subjectBefore,
} from './context.js';
import { lexicon, type RelationCue } from './lexicon.js';
import type { Token } from './text.js';
import { phraseLength, splitPhrase, wordIn } from './tokens.js';

export interface Candidate {
  readonly cue: RelationCue;
  readonly type: string;
  readonly from: string;
  /** null when the text leaves it out and the cue allows completing it later. */
  readonly to: string | null;
  readonly sentence: number;
  /** The anchor token, and the span [start, end) dates and modifiers are measured from. */
  readonly anchor: number;
  readonly start: number;
  readonly end: number;
}

const classWords = (name: string): string[][] => (lexicon.classes[name] ?? []).map(splitPhrase);

/** Index of the first token at or after `from` (up to `within` tokens) where a phrase of the list starts. */
function findPhrase(
  tokens: readonly Token[],
  from: number,
  to: number,
  phrases: readonly string[][],
): { at: number; length: number } | null {
  for (let k = Math.max(0, from); k < Math.min(tokens.length, to); k++) {
    for (const p of phrases) {
      const length = phraseLength(tokens, k, p);
      if (length > 0) return { at: k, length };
    }
  }
  return null;
}

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their']);

function possessorOf(ctx: SentenceContext, k: number): string[] {
  let i = k - 1;
  for (let hops = 0; i >= 0 && hops < 4; hops++) {
    const t = ctx.tokens[i] as Token;
    if (t.pos === 'ADJ' || t.pos === 'NUM' || t.text === '-' || (t.pos === 'NOUN' && hops > 0) || t.pos === 'ADV') i--;
    else break;
  }
  const t = ctx.tokens[i];
  if (!t) return [];
  if (POSSESSIVE_PRONOUNS.has(t.norm)) return resolvePronoun(ctx, i);
  if (t.norm === 's' && t.pos === 'PART') {
    const m = mentionAt(ctx, i - 1);
    return m ? [m.actor] : [];
  }
  // "Russian President" style compounds are mentions themselves; a possessor may also be a year's
  // owner: "Russia's 2022 invasion" was handled above by skipping NUM.
  return [];
}

function modifierOf(ctx: SentenceContext, k: number): string[] {
  let i = k - 1;
  for (let hops = 0; i >= 0 && hops < 3; hops++) {
    const t = ctx.tokens[i] as Token;
    if (t.pos === 'ADJ' || t.pos === 'NUM' || t.text === '-') i--;
    else break;
  }
  const m = mentionAt(ctx, i);
  if (m && !m.possessive && (m.form === 'demonym' || m.form === 'name')) return coordinated(ctx, m).map((x) => x.actor);
  // "troops from North Korea"
  if (ctx.tokens[k + 1]?.norm === 'from') return idsOf(mentionAfter(ctx, k + 2));
  return [];
}

function prepTarget(ctx: SentenceContext, from: number, preps: readonly string[], all = false): string[] {
  const end = Math.min(clauseEnd(ctx, from), from + 12);
  // Longer phrases first, so "to support" wins over "to".
  const phrases = preps.map(splitPhrase).sort((a, b) => b.length - a.length);
  // "fired missiles at targets in Russia": the first preposition that an actor follows.
  for (let at = from; at < end; ) {
    const found = findPhrase(ctx.tokens, at, end, phrases);
    if (!found) return [];
    const target = mentionAfter(ctx, found.at + found.length);
    if (target && !Array.isArray(target) && all) return coordinated(ctx, target).map((m) => m.actor);
    if (target) return idsOf(target);
    at = found.at + found.length;
  }
  return [];
}

function between(ctx: SentenceContext, k: number): [string, string] | null {
  for (let i = k + 1; i < Math.min(ctx.tokens.length, k + 5); i++) {
    if (ctx.tokens[i]?.norm !== 'between') continue;
    const first = mentionAfter(ctx, i + 1);
    if (!first || Array.isArray(first)) return null;
    const group = coordinated(ctx, first);
    const [a, b] = group;
    return a && b ? [a.actor, b.actor] : null;
  }
  return null;
}

function apposition(ctx: SentenceContext, k: number): string[] {
  for (let i = k - 1; i >= Math.max(0, k - 8); i--) {
    if (ctx.tokens[i]?.text !== ',') continue;
    const m = ctx.mentions.find((x) => x.end === i);
    return m ? [m.actor] : [];
  }
  return [];
}

function participants(ctx: SentenceContext, k: number): string[] {
  // The nearest group of two or more coordinated actors in the clause before the anchor.
  const start = clauseStart(ctx, k);
  for (let i = k - 1; i >= start; i--) {
    const m = mentionAt(ctx, i);
    if (!m) continue;
    const group = coordinated(ctx, m).filter((x) => isAgentive(ctx, x));
    if (group.length >= 2) return group.map((x) => x.actor);
    i = m.start;
  }
  return [];
}

function objectOf(ctx: SentenceContext, k: number, requireWith: boolean): string[] {
  let found = mentionAfter(ctx, k + 1, ['with'], 3);
  // "met Trump and Macron" where only Macron is known: the known ones of the list.
  if (!found && !requireWith) {
    let i = k + 1;
    while (ctx.tokens[i]?.pos === 'PROPN' && !mentionAt(ctx, i)) i++;
    if (i > k + 1 && (ctx.tokens[i]?.norm === 'and' || ctx.tokens[i]?.text === ','))
      found = mentionAfter(ctx, i + 1, [], 1);
  }
  if (!found) return [];
  // "met Zelensky and Macron": every coordinated object.
  if (!requireWith && !Array.isArray(found)) return coordinated(ctx, found).map((m) => m.actor);
  if (requireWith) {
    if (Array.isArray(found)) return [];
    const w = ctx.tokens.findIndex((t, i) => i >= found.end && i <= found.end + 3 && t.norm === 'with');
    if (w < 0) return [];
    const arms = findPhrase(ctx.tokens, w + 1, w + 6, classWords('arms'));
    if (!arms) return [];
  }
  return idsOf(found);
}

const EVENT_SKIP = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'ADP', 'PROPN', 'PART']);

/**
 * The doer of the act an anchor has for object: "condemned on Tuesday the deployment of North
 * Korean troops", "denounced Russia's attack", "criticised the move by Moscow". The first noun
 * after the anchor in its clause, and the actor owning it, modifying it, or after its "of" or "by".
 */
function eventDoer(ctx: SentenceContext, k: number): string[] {
  const end = Math.min(clauseEnd(ctx, k + 1), k + 10);
  for (let n = k + 1; n < end; n++) {
    const t = ctx.tokens[n] as Token;
    if (mentionAt(ctx, n)) {
      const m = mentionAt(ctx, n) as NonNullable<ReturnType<typeof mentionAt>>;
      // "Russia's attack", "North Korean troops": the mention owns or qualifies the noun after it.
      if (m.possessive || m.form === 'demonym') return [m.actor];
      return [];
    }
    if (t.pos !== 'NOUN') {
      if (EVENT_SKIP.has(t.pos)) continue;
      return [];
    }
    const next = ctx.tokens[n + 1]?.norm;
    if (next === 'of' || next === 'by') return idsOf(mentionAfter(ctx, n + 2, [], 2));
    return [];
  }
  return [];
}

function anchorMatches(cue: RelationCue, ctx: SentenceContext, k: number): number {
  const t = ctx.tokens[k] as Token;
  if (!wordIn(t, cue.anchor)) return 0;
  if (cue.anchorPos && !cue.anchorPos.includes(t.pos)) return 0;
  if (cue.anchorPhrase) {
    const length = phraseLength(ctx.tokens, k, cue.anchorPhrase);
    return Math.max(length, 0);
  }
  return 1;
}

function needsMet(cue: RelationCue, ctx: SentenceContext, k: number): { ok: boolean; at: number } {
  const tokens = ctx.tokens;
  const within = cue.needsWithin ?? 6;
  let at = k;
  if (cue.needs) {
    const phrases = classWords(cue.needs);
    const before = () => findPhrase(tokens, Math.max(clauseStart(ctx, k), k - within), k, phrases);
    const found = cue.needsBefore
      ? before()
      : (findPhrase(tokens, k + 1, Math.min(clauseEnd(ctx, k), k + 1 + within), phrases) ?? before());
    if (!found) return { ok: false, at };
    at = found.at;
  }
  if (cue.needsNear) {
    const phrases = typeof cue.needsNear === 'string' ? classWords(cue.needsNear) : cue.needsNear.map(splitPhrase);
    const found = findPhrase(tokens, k + 1, k + within + 1, phrases) ?? findPhrase(tokens, k - within, k, phrases);
    if (!found) return { ok: false, at };
    if (!cue.needs) at = found.at;
  }
  if (cue.needsInSentence && !findPhrase(tokens, 0, tokens.length, classWords(cue.needsInSentence)))
    return { ok: false, at };
  if (cue.predicate) {
    const be = tokens.slice(Math.max(0, k - 3), k).some((t) => t.lemma === 'be');
    if (!be) return { ok: false, at };
  }
  return { ok: true, at };
}

function endsBy(
  ctx: SentenceContext,
  cue: RelationCue,
  k: number,
  needAt: number,
  strategies: readonly string[],
  side: 'from' | 'to',
): string[] {
  const after = k + 1;
  for (const s of strategies) {
    let found: string[] = [];
    switch (s) {
      case 'subject':
        found = subjectBefore(ctx, k);
        break;
      case 'possessor':
        found = possessorOf(ctx, k);
        break;
      case 'modifier':
        found = modifierOf(ctx, needAt !== k ? needAt : k);
        break;
      case 'apposition':
        found = apposition(ctx, k);
        break;
      case 'between': {
        const pair = between(ctx, k);
        found = pair ? [side === 'from' ? pair[0] : pair[1]] : [];
        break;
      }
      case 'participants':
        found = participants(ctx, k);
        break;
      case 'prep':
        found = prepTarget(ctx, after, cue.preps ?? []);
        break;
      case 'prep-all':
        found = prepTarget(ctx, k + 1, cue.preps ?? [], true);
        break;
      case 'prep-by':
        found = prepTarget(ctx, after, ['by']);
        break;
      case 'object':
        found = objectOf(ctx, k + (cue.anchorPhrase ? cue.anchorPhrase.length - 1 : 0), false);
        if (cue.needsAfterObject && found.length > 0) {
          const m = mentionAfter(ctx, k + 1, ['with'], 3);
          const end = m && !Array.isArray(m) ? m.end : k + 2;
          if (ctx.tokens[end]?.norm !== cue.needsAfterObject) found = [];
        }
        break;
      case 'object-with':
        found = objectOf(ctx, k, true);
        break;
      case 'object-event':
        found = eventDoer(ctx, k);
        break;
      case 'object-possessor': {
        const m = mentionAfter(ctx, k + 1, [], 2);
        found = m && !Array.isArray(m) && m.possessive ? [m.actor] : [];
        break;
      }
    }
    if (found.length > 0) return found;
  }
  return [];
}

/** Every relation cue that fires in the sentence, with the ends it finds (several for a group). */
export function findCandidates(ctx: SentenceContext): Candidate[] {
  const out: Candidate[] = [];
  ctx.tokens.forEach((_t, k) => {
    if (mentionAt(ctx, k) && !mentionStarting(ctx, k)) return;
    for (const cue of lexicon.relations) {
      const length = anchorMatches(cue, ctx, k);
      if (!length) continue;
      const need = needsMet(cue, ctx, k);
      if (!need.ok) continue;
      const participantsBoth = cue.from.includes('participants') && cue.to.includes('participants');
      if (participantsBoth) {
        // "Kim and Putin met Trump": the group met someone else, not each other.
        if (objectOf(ctx, k, false).length > 0) continue;
        const group = participants(ctx, k);
        for (let a = 0; a < group.length; a++)
          for (let b = a + 1; b < group.length; b++)
            out.push(candidate(cue, ctx, k, need.at, group[a] as string, group[b] as string));
        continue;
      }
      const froms = endsBy(ctx, cue, k, need.at, cue.from, 'from');
      if (cue.alsoFrom) {
        const extra = prepTarget(ctx, k + 1, cue.alsoFrom);
        froms.push(...extra);
      }
      let tos = endsBy(ctx, cue, k, need.at, cue.to, 'to');
      if (froms.length === 0) continue;
      // "North Korea and Russia signed a defence treaty": a symmetric relation between the pair.
      const pairable = cue.to.includes('between') && relationshipType(cue.type)?.directed === false;
      if (tos.length === 0 && froms.length === 2 && pairable) {
        out.push(candidate(cue, ctx, k, need.at, froms[0] as string, froms[1] as string));
        continue;
      }
      if (tos.length > 0 && froms.length === 0) tos = [];
      if (tos.length === 0) {
        if (cue.complete) for (const f of froms) out.push(candidate(cue, ctx, k, need.at, f, null));
        continue;
      }
      for (const f of froms) for (const t of tos) if (f !== t) out.push(candidate(cue, ctx, k, need.at, f, t));
    }
  });
  return out;
}

function candidate(
  cue: RelationCue,
  ctx: SentenceContext,
  k: number,
  needAt: number,
  from: string,
  to: string | null,
): Candidate {
  return {
    cue,
    type: cue.type,
    from,
    to,
    sentence: ctx.sentence.index,
    anchor: k,
    start: Math.min(k, needAt),
    end: Math.max(k, needAt) + 1,
  };
}
