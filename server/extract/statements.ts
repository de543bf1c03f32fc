// From cues to statements: each relation candidate gets its status from the language around it
// (a frame and its speaker, modality, hedges, negation, a hypothetical), each frame with a speaker
// gives the claims it makes (ACCUSES, CONFIRMS, DENIES), and dates are attached to the nearest cue.

import { relationshipType } from '../model/vocabulary.js';
import { clauseStart, type SentenceContext } from './context.js';
import { type DateMention, findDates, shiftDay } from './dates.js';
import { findFrames, frameOf } from './frames.js';
import type { GraphContext } from './graph.js';
import { lexicon, type Modal } from './lexicon.js';
import { type Candidate, findCandidates } from './relations.js';
import { phraseLength, wordIn } from './tokens.js';

export interface RelStatement {
  readonly kind: 'relation';
  readonly type: string;
  readonly from: string;
  readonly to: string;
  status: string;
  confidence: number;
  validFrom: string | null;
  validTo: string | null;
  claimedBy: string | null;
  readonly sentence: number;
  readonly cue: string;
  readonly anchorLemma: string;
  /** Told by a noun ("the invasion of Ukraine"), which may name a known event, not a new one. */
  readonly nominal: boolean;
}

export interface ClaimStatement {
  readonly kind: 'claim';
  readonly type: string;
  readonly from: string;
  /** For DENIES: the claimant named in the sentence, if any. */
  readonly claimant: string | null;
  readonly about: RelStatement;
  readonly confidence: number;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly sentence: number;
}

export interface Statements {
  readonly relations: RelStatement[];
  readonly claims: ClaimStatement[];
}

/** Where an actor belongs: a state for itself, a person for the state they lead or serve, a body for its state. */
export type SideOf = (actor: string) => string;

const HYPOTHETICAL = lexicon.hypothetical;
const AGREEMENTS = new Set(['treaty', 'accord', 'pact', 'agreement', 'alliance', 'deal']);

function modalBefore(ctx: SentenceContext, list: readonly Modal[], from: number, to: number): Modal | null {
  let best: { modal: Modal; at: number } | null = null;
  for (let k = Math.max(0, from); k < to; k++) {
    for (const m of list) {
      if (phraseLength(ctx.tokens, k, m.words) && (!best || k >= best.at)) best = { modal: m, at: k };
    }
  }
  return best?.modal ?? null;
}

function hypothetical(ctx: SentenceContext, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++)
    if (HYPOTHETICAL.some((h) => phraseLength(ctx.tokens, k, h))) return true;
  return ctx.sentence.text.trim().endsWith('?');
}

/** Modal phrases that start with a negation ("not ruling out"): their "not" negates nothing. */
const NEGATED_MODALS = lexicon.modality.filter((m) => lexicon.negations.includes(m.words[0] ?? ''));

function negatedBefore(ctx: SentenceContext, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < to; k++) {
    const t = ctx.tokens[k];
    const modal = NEGATED_MODALS.find((m) => phraseLength(ctx.tokens, k, m.words));
    if (modal) {
      k += phraseLength(ctx.tokens, k, modal.words) - 1;
      continue;
    }
    if (lexicon.negatingPhrases.some((p) => phraseLength(ctx.tokens, k, p))) return true;
    if (wordIn(t, lexicon.negations) || t?.lemma === 'not') return true;
    if (t?.norm === 'to' && wordIn(ctx.tokens[k - 1], lexicon.negatingVerbs)) return true;
  }
  return false;
}

function presentPerfect(ctx: SentenceContext, anchor: number): boolean {
  const before = ctx.tokens.slice(Math.max(0, anchor - 3), anchor);
  return before.some((t) => t.lemma === 'have' && (t.norm === 'has' || t.norm === 'have'));
}

interface Dated {
  readonly date: DateMention;
  readonly anchor: number;
  readonly isFrame: boolean;
}

/** Each date goes to the nearest cue or frame verb; "a day after …" to the next one on its right. */
function attachDates(
  ctx: SentenceContext,
  dates: readonly DateMention[],
  cues: readonly number[],
  verbs: readonly number[],
): Dated[] {
  // "visited Moscow in November and met Putin": a date belongs to its side of a coordination.
  const joinsBetween = (a: number, b: number) =>
    ctx.tokens.slice(Math.min(a, b), Math.max(a, b)).some((t) => t.norm === 'and' || t.text === ';') ? 3 : 0;
  const anchors = [...verbs.map((a) => ({ a, isFrame: true })), ...cues.map((a) => ({ a, isFrame: false }))];
  const out: Dated[] = [];
  for (const d of dates) {
    let best: { a: number; isFrame: boolean; dist: number } | null = null;
    for (const { a, isFrame } of anchors) {
      if (d.start <= a && a < d.end) continue;
      if (d.shift !== null && a < d.end) continue;
      const dist = (a < d.start ? d.start - a : a - d.end + 1) + joinsBetween(a, a < d.start ? d.start : d.end);
      if (!best || dist < best.dist || (dist === best.dist && isFrame && !best.isFrame)) best = { a, isFrame, dist };
    }
    if (best) out.push({ date: d, anchor: best.a, isFrame: best.isFrame });
  }
  return out;
}

export interface StatementInput {
  readonly contexts: readonly SentenceContext[];
  readonly published: string;
  readonly graph: GraphContext;
  readonly sideOf: SideOf;
  /** Maps an end to one the type allows (a leader to the state), or null. */
  readonly fitEnd: (type: string, end: 'from' | 'to', actor: string) => string | null;
}

export function buildStatements(input: StatementInput): Statements {
  const { contexts, published, graph, sideOf, fitEnd } = input;
  const relations: RelStatement[] = [];
  const claims: ClaimStatement[] = [];
  const ledeDate = (() => {
    const first = contexts[0];
    if (!first) return null;
    const low = shiftDay(published, -7);
    const d = findDates(first.sentence, published).find(
      (x) => x.shift === null && x.value.length === 10 && x.value >= low && x.value <= published,
    );
    return d?.value ?? null;
  })();

  const ledeActors = new Set((contexts[0]?.mentions ?? []).flatMap((m) => [m.actor, sideOf(m.actor)]));
  for (const c of contexts.slice(0, 3)) {
    // "They were joined by …": a pronoun subject of the lede's follow-up stands for the lede's actors too.
    for (const m of c.mentions) if (ledeActors.has(m.actor)) ledeActors.add(sideOf(m.actor));
  }

  const complete = (c: Candidate, from: string): string | null => {
    for (let i = relations.length - 1; i >= 0; i--) {
      const r = relations[i] as RelStatement;
      if (r.type === c.type && r.from === from) return r.to;
    }
    const tos = new Set(graph.relationships.filter((r) => r.type === c.type && r.from === from).map((r) => r.to));
    return tos.size === 1 ? ([...tos][0] as string) : null;
  };

  contexts.forEach((ctx, s) => {
    const frames = findFrames(ctx);
    const candidates = findCandidates(ctx);
    // Modal words take dates as frames do: "on Friday floated the idea of sending …" dates
    // the remark, not the supply.
    const modalAt = ctx.tokens.flatMap((_t, k) =>
      lexicon.modality.some((m) => m.words.length > 1 && phraseLength(ctx.tokens, k, m.words)) ? [k] : [],
    );
    // Only cues whose ends fit their type may take a date.
    const viable = candidates.filter((c) => {
      const f = fitEnd(c.type, 'from', c.from);
      return !!f && (c.to === null || !!fitEnd(c.type, 'to', c.to));
    });
    const dates = attachDates(
      ctx,
      findDates(ctx.sentence, published),
      viable.map((c) => c.anchor),
      [...frames.map((f) => f.verb), ...modalAt],
    );
    const dateFor = (anchor: number, planned: boolean): { from: string; to: string | null } | null => {
      const d = dates.find((x) => x.anchor === anchor)?.date;
      if (!d) return null;
      if (d.storyDay) return ledeDate ? { from: ledeDate, to: null } : null;
      if (d.shift !== null) return { from: shiftDay(s <= 2 && ledeDate ? ledeDate : published, d.shift), to: null };
      if (planned && d.future) return { from: d.future, to: null };
      return { from: d.value, to: d.until };
    };
    const added: RelStatement[] = [];

    for (const c of candidates) {
      const info = relationshipType(c.type);
      if (!info) continue;
      const from = fitEnd(c.type, 'from', c.from);
      if (!from) continue;
      const rawTo = c.to ?? complete(c, from);
      const to = rawTo ? fitEnd(c.type, 'to', rawTo) : null;
      if (!to || to === from) continue;
      // "The foreign and defence ministers arrived for talks": one state's delegation, not a meeting.
      const together = c.cue.from.includes('participants') && c.cue.to.includes('participants');
      if (together && sideOf(from) !== from && sideOf(from) === sideOf(to)) continue;
      const frame = frameOf(frames, c.anchor);
      const start = Math.max(clauseStart(ctx, c.anchor), frame && frame.verb < c.anchor ? frame.verb + 1 : 0);
      if (hypothetical(ctx, start, c.anchor)) continue;
      if (frame && (frame.negated || frame.cue.stance === 'none')) continue;
      const negated = negatedBefore(ctx, Math.max(start, c.start - 4), c.start);
      const modal = modalBefore(ctx, lexicon.modality, Math.max(start, c.start - 8), c.start);
      const hedge = modalBefore(ctx, lexicon.hedges, Math.max(start, c.start - 5), c.end);
      const planned = modal?.status === 'planned';
      const date = dateFor(c.anchor, planned);
      let validFrom = date?.from ?? null;
      let validTo = date?.to ?? null;
      if (!validFrom && info.temporal === 'event' && !modal) {
        // The day of the story, for the events of its first sentences that share an actor with it.
        if (s <= 2 && ledeDate && (ledeActors.has(from) || ledeActors.has(to))) validFrom = ledeDate;
        else if (presentPerfect(ctx, c.anchor)) validFrom = published.slice(0, 7);
      }
      if (info.temporal === 'event' && validFrom && !validTo) validTo = validFrom;
      const rel: RelStatement = {
        kind: 'relation',
        type: c.type,
        from,
        to,
        status: modal?.status ?? hedge?.status ?? 'fact',
        confidence: modal ? modal.confidence : hedge ? hedge.confidence : c.to ? 0.95 : 0.9,
        validFrom,
        validTo,
        claimedBy: null,
        sentence: s,
        cue: c.cue.id,
        anchorLemma: ctx.tokens[c.anchor]?.lemma ?? '',
        nominal: ctx.tokens[c.anchor]?.pos === 'NOUN',
      };
      const speakers = frame?.speakers ?? [];
      if (!frame || speakers.length === 0) {
        if (negated) continue;
        relations.push(rel);
        added.push(rel);
        continue;
      }
      // A nested frame ("officials said they believe …") is dated by the outer one.
      const outer = frames.filter((f) => f.verb < frame.verb && f.speakers.join() === frame.speakers.join());
      const claimDate = dateFor(frame.verb, false) ?? outer.map((f) => dateFor(f.verb, false)).find((d) => d) ?? null;
      // "said the reports were fake news": speaking of claims as groundless is denying them.
      let stance = frame.cue.stance === 'for' && frame.dismissive && frame.claimNoun ? 'against' : frame.cue.stance;
      if (negated) {
        if (stance !== 'for') continue;
        stance = 'against';
      }
      let kept = false;
      for (const speaker of speakers) {
        const self = sideOf(speaker) === sideOf(from);
        const claimBase = { kind: 'claim' as const, from: speaker, about: rel, sentence: s, confidence: 0.95 };
        const claimTime = { validFrom: claimDate?.from ?? null, validTo: claimDate?.from ?? null };
        if (stance === 'against') {
          claims.push({ ...claimBase, ...claimTime, type: 'DENIES', claimant: frame.claimNoun?.owner ?? null });
          if (!kept) {
            rel.status = 'denied';
            rel.claimedBy = speaker;
            rel.confidence = 0.3;
          }
          kept = true;
          continue;
        }
        if (self) {
          if (!modal) rel.status = 'fact';
          rel.confidence = modal ? modal.confidence : 0.9;
          kept = true;
          continue;
        }
        if (stance === 'confirm' || lexicon.accusable.includes(c.type)) {
          claims.push({
            ...claimBase,
            ...claimTime,
            type: stance === 'confirm' ? 'CONFIRMS' : 'ACCUSES',
            claimant: null,
          });
        }
        if (!modal && rel.claimedBy === null) {
          rel.status = lexicon.accusable.includes(c.type) || stance === 'confirm' ? 'alleged' : 'reported';
          rel.confidence = hedge ? Math.min(hedge.confidence, 0.55) : rel.status === 'alleged' ? 0.6 : 0.75;
        }
        rel.claimedBy ??= speaker;
        kept = true;
      }
      if (kept) {
        relations.push(rel);
        added.push(rel);
      }
    }

    // A frame whose scope holds no cue but a claim noun ("dismissing Seoul's claims") is about the
    // latest claimed (else claimable) relationship of the article.
    for (const frame of frames) {
      if (frame.negated || frame.cue.stance === 'none' || !frame.claimNoun || frame.speakers.length === 0) continue;
      if (candidates.some((c) => c.anchor >= frame.scopeStart && c.anchor < frame.scopeEnd)) continue;
      // The latest relationship someone claims, else the latest that could be claimed.
      const earlier = [...relations].reverse().filter((r) => r.sentence <= s && lexicon.accusable.includes(r.type));
      const about = earlier.find((r) => r.claimedBy !== null || r.status === 'alleged') ?? earlier[0];
      if (!about) continue;
      const date = dateFor(frame.verb, false);
      const stance = frame.cue.stance === 'for' && frame.dismissive ? 'against' : frame.cue.stance;
      for (const speaker of frame.speakers) {
        if (stance !== 'against' && sideOf(speaker) === sideOf(about.from)) continue;
        claims.push({
          kind: 'claim',
          type: stance === 'against' ? 'DENIES' : stance === 'confirm' ? 'CONFIRMS' : 'ACCUSES',
          from: speaker,
          claimant: frame.claimNoun.owner,
          about,
          confidence: 0.9,
          validFrom: date?.from ?? null,
          validTo: date?.from ?? null,
          sentence: s,
        });
      }
    }

    // "The accord, signed … in June": a definite agreement noun dates the agreement told before.
    const head = ctx.tokens[0]?.norm === 'the' ? ctx.tokens[1] : undefined;
    if (head && AGREEMENTS.has(head.lemma)) {
      const sign = ctx.tokens.findIndex((t) => wordIn(t, ['sign', 'conclude', 'seal', 'ink']));
      const date =
        sign >= 0
          ? findDates(ctx.sentence, published).sort((a, b) => Math.abs(a.start - sign) - Math.abs(b.start - sign))[0]
          : undefined;
      const earlier = relations.find((r) => r.sentence < s && AGREEMENTS.has(r.anchorLemma) && !added.includes(r));
      if (date?.value && earlier && date.shift === null && (!earlier.validFrom || date.value < earlier.validFrom))
        earlier.validFrom = date.value;
    }
  });
  return { relations, claims };
}
