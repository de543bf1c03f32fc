// Frames: who says, confirms or denies what. A frame is a speech verb (or "according to") with its
// speaker and its scope: the complement after it ("X said that …"), or, when it follows a comma,
// the clause before it ("…, X said Monday"). A participle without a subject of its own
// ("…, dismissing the claims") speaks for the frame before it; "they" in a nested frame ("officials
// said they believe") for the outer speakers. A negated frame ("has not confirmed", "refused to
// deny", "declined to comment") voids everything in its scope.
import {
  clauseEnd,
  coordinated,
  isAgentive,
  isBreaker,
  mentionAfter,
  mentionAt,
  PRONOUNS,
  resolvePronoun,
  type SentenceContext,
  sentenceSubject,
} from './context.js';
import { type FrameCue, lexicon } from './lexicon.js';
import type { Token } from './text.js';
import { phraseLength, splitPhrase, wordIn } from './tokens.js';

export interface Frame {
  readonly cue: FrameCue;
  readonly verb: number;
  readonly speakers: readonly string[];
  readonly negated: boolean;
  /** Token range [start, end) the frame governs. */
  readonly scopeStart: number;
  readonly scopeEnd: number;
  /** For "accused X of …": X, the subject of what is claimed. */
  readonly object: readonly string[];
  /** A claim noun in scope ("Seoul's claims", "the reports") with its owner, if named. */
  readonly claimNoun: { at: number; owner: string | null } | null;
  /** Its scope calls something groundless, fake, lies…: "said the reports were fake news". */
  readonly dismissive: boolean;
}

const SPEAKER_EXCLUDED = new Set([
  'of',
  'in',
  'at',
  'during',
  'on',
  'to',
  'for',
  'against',
  'into',
  'about',
  'than',
  'over',
]);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her']);
const CLAIM_NOUNS = (lexicon.classes.claims ?? []).map(splitPhrase);
const DISMISSIVE = (lexicon.classes.dismissive ?? []).map(splitPhrase);

function negatedAt(ctx: SentenceContext, verb: number): boolean {
  for (let i = verb - 1; i >= Math.max(0, verb - 4); i--) {
    const t = ctx.tokens[i] as Token;
    if (wordIn(t, lexicon.negations) || t.lemma === 'not') return true;
    if (t.norm === 'to' && wordIn(ctx.tokens[i - 1], lexicon.negatingVerbs)) return true;
    if (t.pos === 'VERB' || t.text === ',' || mentionAt(ctx, i)) break;
  }
  return false;
}

/** Speakers in tokens [start, end): a possessor wins ("its representatives", "Seoul's agency"). */
function speakersIn(ctx: SentenceContext, start: number, end: number): string[] {
  for (let i = start; i < end; i++) {
    const t = ctx.tokens[i] as Token;
    if (POSSESSIVE_PRONOUNS.has(t.norm)) return resolvePronoun(ctx, i);
    const m = mentionAt(ctx, i);
    // "Seoul's spy agency" speaks for Seoul; "South Korea's National Intelligence Service" for itself.
    if (m?.possessive && m.start >= start && !mentionAt(ctx, m.end + 1)) return [m.actor];
  }
  // The last group of actors before the verb: "Reports from Japan … say", "French and German
  // diplomats said".
  let found: string[] = [];
  for (let i = start; i < end; i++) {
    const m = mentionAt(ctx, i);
    if (!m || m.start < start) continue;
    i = m.end - 1;
    let p = m.start - 1;
    while (p >= start && (ctx.tokens[p]?.pos === 'DET' || ctx.tokens[p]?.pos === 'ADJ')) p--;
    if (p >= start && SPEAKER_EXCLUDED.has(ctx.tokens[p]?.norm ?? '')) continue;
    const group = coordinated(ctx, m);
    if (!group.some((x) => isAgentive(ctx, x))) continue;
    found = [...new Set(group.map((x) => x.actor))];
    const last = group[group.length - 1];
    if (last) i = Math.max(i, last.end - 1);
  }
  return found;
}

function claimNounIn(ctx: SentenceContext, start: number, end: number): Frame['claimNoun'] {
  for (let i = start; i < end; i++) {
    for (const p of CLAIM_NOUNS) {
      if (!phraseLength(ctx.tokens, i, p)) continue;
      const t = ctx.tokens[i] as Token;
      if (t.pos !== 'NOUN') continue;
      const before = ctx.tokens[i - 1];
      let owner: string | null = null;
      if (before?.norm === 's' && before.pos === 'PART') owner = mentionAt(ctx, i - 2)?.actor ?? null;
      return { at: i, owner };
    }
  }
  return null;
}

export function findFrames(ctx: SentenceContext): Frame[] {
  const frames: Frame[] = [];
  const tokens = ctx.tokens;
  tokens.forEach((t, k) => {
    for (const cue of lexicon.frames) {
      let length = 0;
      if (cue.phrase) length = phraseLength(tokens, k, cue.phrase);
      else if (cue.lemmas && wordIn(t, cue.lemmas) && (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma !== 'be')))
        length = 1;
      if (!length) continue;
      if (cue.needs) {
        const words = (lexicon.classes[cue.needs] ?? []).map(splitPhrase);
        const within = cue.needsWithin ?? 6;
        const near = tokens
          .slice(k + 1, k + 1 + within)
          .some((_w, j) => words.some((p) => phraseLength(tokens, k + 1 + j, p) > 0));
        if (!near) continue;
      }
      const negated = negatedAt(ctx, k);
      const end = clauseEnd(ctx, k);
      let speakers: string[] = [];
      let scopeStart = k + length;
      let scopeEnd = end;
      let object: string[] = [];
      if (cue.speakerAfter) {
        let stop = k + length;
        while (stop < tokens.length && tokens[stop]?.text !== ',' && tokens[stop]?.text !== '.') stop++;
        speakers = speakersIn(ctx, k + length, stop);
        // "X happened, according to Y" governs what comes before; "According to Y, X happened" after.
        if (k > 0) {
          scopeStart = 0;
          scopeEnd = k;
        } else {
          scopeStart = stop;
        }
      } else {
        let boundary = -1;
        for (let i = k - 1; i >= 0; i--) {
          const w = tokens[i] as Token;
          if (
            w.text === ',' ||
            w.text === '—' ||
            w.norm === 'that' ||
            isBreaker(w) ||
            frames.some((f) => f.verb === i)
          ) {
            boundary = i;
            break;
          }
        }
        const before = tokens[boundary];
        const participle =
          t.norm.endsWith('ing') && (!before || boundary === k - 1 || before.text === ',' || isBreaker(before));
        speakers = speakersIn(ctx, boundary + 1, k);
        // "Poland's envoy to NATO, Marek Lis, said …": the office and its holder, set off by commas.
        const held = ctx.mentions.find((m) => m.end === boundary && m.form === 'person' && m.office);
        if (speakers.length === 0 && before?.text === ',' && boundary === k - 1 && held) speakers = [held.actor];
        const pronoun = tokens.findIndex((w, i) => i > boundary && i < k && PRONOUNS.has(w.norm) && w.pos === 'PRON');
        const previous = frames[frames.length - 1];
        if (speakers.length === 0) {
          if (participle) speakers = previous ? [...previous.speakers] : sentenceSubject(ctx);
          else if (pronoun >= 0) speakers = previous ? [...previous.speakers] : resolvePronoun(ctx, pronoun);
        }
        // "…, X said Monday": after a comma, with no clause of its own, the frame governs the clause before.
        if (before?.text === ',' && !participle) {
          let next = tokens.findIndex((w, i) => i > k && (w.text === ',' || w.text === ';'));
          if (next < 0) next = tokens.length;
          const verbAfter = tokens.slice(k + 1, next).some((w) => w.pos === 'VERB' && !w.norm.endsWith('ing'));
          const verbBefore = tokens.slice(0, boundary).some((w) => w.pos === 'VERB');
          if (!verbAfter && verbBefore) {
            scopeStart = previous ? previous.scopeEnd : 0;
            scopeEnd = boundary;
          }
        }
        if (cue.objectIsSubject) {
          const m = mentionAfter(ctx, k + 1, [], 2);
          object = m && !Array.isArray(m) ? coordinated(ctx, m).map((x) => x.actor) : Array.isArray(m) ? m : [];
        }
      }
      // "North Korea is believed to have sent …" inside "officials said …": a passive frame hedges
      // what an outer frame, if any, says; it is no frame itself.
      const passive = tokens[k - 1]?.lemma === 'be' || (tokens[k - 1]?.pos === 'ADV' && tokens[k - 2]?.lemma === 'be');
      // Its subject is what is believed, not who believes it.
      if (passive && !cue.speakerAfter) speakers = [];
      if (passive && frames.some((f) => f.speakers.length > 0 && k < f.scopeEnd)) break;
      frames.push({
        cue,
        verb: k,
        speakers,
        negated,
        scopeStart,
        scopeEnd,
        object,
        claimNoun: claimNounIn(ctx, scopeStart, scopeEnd),
        dismissive: tokens
          .slice(scopeStart, scopeEnd)
          .some((_w, j) => DISMISSIVE.some((p) => phraseLength(tokens, scopeStart + j, p) > 0)),
      });
      break;
    }
  });
  return frames;
}

/** The innermost frame governing token k: the nearest frame whose scope holds it. */
export function frameOf(frames: readonly Frame[], k: number): Frame | null {
  let best: Frame | null = null;
  for (const f of frames) {
    if (k < f.scopeStart || k >= f.scopeEnd) continue;
    if (!best || Math.abs(f.verb - k) < Math.abs(best.verb - k)) best = f;
  }
  return best;
}
