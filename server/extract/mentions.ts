// Actor mentions: names from the index (longest match first), offices with the person holding
// them ("Polish President Andrzej Duda", "Chancellor Olaf Scholz of Germany", "Choe Son Hui,
// North Korea's foreign minister"), and, once a person is introduced in full, the bare surname or
// family name by which the article goes on ("Duda", "Yoon").
import { slugify } from './article.js';
import { type KnownActor, LayeredMap, type NameEntry, type NameIndex } from './gazetteer.js';
import { normalizeName } from './graph.js';
import { lexicon, type Office } from './lexicon.js';
import type { Sentence, Token } from './text.js';
import { isCapitalized, isHyphenJoin, isPossessive, isWordToken, windowKey, windowKeys } from './tokens.js';

export type MentionForm = 'name' | 'demonym' | 'capital' | 'metonym' | 'person' | 'office';

export interface OfficeHeld {
  readonly title: string;
  /** LEADS, SERVES_IN or null (a nominee, a courtesy title). */
  readonly relation: string | null;
  /** The state or organisation of the office, when the text names it. */
  readonly of: string | null;
  /** "former", "President-elect", …: the office is not held now. */
  readonly cancelled: boolean;
}

export interface Mention {
  readonly sentence: number;
  /** Token indexes [start, end) within the sentence. */
  readonly start: number;
  readonly end: number;
  readonly actor: string;
  readonly form: MentionForm;
  /** Followed by "'s". */
  readonly possessive: boolean;
  readonly office: OfficeHeld | null;
}

export interface ArticleActors {
  /** Every actor the article may refer to: the index's plus the persons it introduces. */
  readonly actors: ReadonlyMap<string, KnownActor>;
  /** Mentions per sentence, in token order. */
  readonly mentions: readonly (readonly Mention[])[];
}

interface Title {
  readonly office: Office;
  readonly words: number;
}

const OFFICE_KEYS: ReadonlyMap<string, Office> = new Map(lexicon.offices.map((o) => [normalizeName(o.title), o]));
const LONGEST_TITLE = Math.max(...[...OFFICE_KEYS.keys()].map((k) => k.split(' ').length));
const CANCELLERS = new Set(lexicon.officeCancellers);
const NOMINATIONS = new Set(lexicon.officeNominations);

const OFFICE_PREFIXES = new Set(
  [...OFFICE_KEYS.keys()].flatMap((k) => k.split(' ').map((_w, n, words) => words.slice(0, n + 1).join(' '))),
);

function titleAt(tokens: readonly Token[], i: number): Title | null {
  let best: Title | null = null;
  for (const [end, key] of windowKeys(tokens, i, LONGEST_TITLE)) {
    if (!OFFICE_PREFIXES.has(key)) break;
    const office = OFFICE_KEYS.get(key);
    if (office) best = { office, words: end - i };
  }
  return best;
}

function nameEntryAt(index: NameIndex, tokens: readonly Token[], i: number): { entry: NameEntry; end: number } | null {
  if (!isWordToken(tokens[i])) return null;
  let best: { entry: NameEntry; end: number } | null = null;
  for (const [end, key] of windowKeys(tokens, i, index.longest)) {
    if (!index.hasPrefix(key)) break;
    const entry = index.entry(key);
    if (!entry) continue;
    const window = tokens.slice(i, end);
    if (entry.needsCapital && !window.some((t) => isCapitalized(t))) continue;
    if (entry.caseSensitive && window.some((t) => /\p{Ll}/u.test(t.text))) continue;
    best = { entry, end };
  }
  return best;
}

/** Capitalised words from k on, hyphen joins included: "Kim Yong-hyun", "Yoon Suk Yeol". */
function nameRun(tokens: readonly Token[], k: number, max = 4): number {
  let at = k;
  let words = 0;
  while (at < tokens.length && words < max) {
    const t = tokens[at];
    if (!isCapitalized(t) || !isWordToken(t) || (t && t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'ADJ')) break;
    at++;
    words++;
    while (isHyphenJoin(tokens, at)) at += 2;
  }
  return at;
}

function spanText(sentence: Sentence, text: string, i: number, j: number): string {
  const first = sentence.tokens[i];
  const last = sentence.tokens[j - 1];
  return first && last ? text.slice(first.start, last.end).replace(/\s+/g, ' ') : '';
}

/** Finds every actor mention of the article. Deterministic: sentences and tokens in order. */
export function findMentions(sentences: readonly Sentence[], text: string, index: NameIndex): ArticleActors {
  // The persons the article introduces, over the index's actors.
  const actors = new LayeredMap<KnownActor>(index.actors, (a) => a);
  const persons = new Map<string, KnownActor>();
  const byKey = (key: string): NameEntry | undefined => index.entry(key);

  // A person named in a window: a known person if the whole name, or its last or first words,
  // is one; else a new person (two words at least, so a lone capitalised word is never one).
  const personFor = (sentence: Sentence, i: number, j: number): string | null => {
    const tokens = sentence.tokens;
    const key = windowKey(tokens, i, j);
    if (!key) return null;
    const words = key.split(' ');
    for (let cut = 0; cut < words.length; cut++) {
      for (const part of [words.slice(cut).join(' '), words.slice(0, words.length - cut).join(' ')]) {
        const entry = byKey(part);
        if (entry && actors.get(entry.actor)?.kind === 'Person') return entry.actor;
        const local = persons.get(part);
        if (local && (cut === 0 || part.split(' ').length >= 1)) return local.id;
      }
    }
    if (words.length < 2) return null;
    if (byKey(key)) return null;
    const name = spanText(sentence, text, i, j);
    let id = slugify(name);
    if (!id) return null;
    if (actors.has(id) && actors.get(id)?.name !== name) id = `${id}-person`;
    const person: KnownActor = {
      id,
      kind: 'Person',
      name,
      aliases: [],
      description: null,
      existing: false,
      partOf: null,
    };
    actors.set(id, person);
    persons.set(key, person);
    return id;
  };

  const mentions: Mention[][] = sentences.map((sentence) => {
    const found: Mention[] = [];
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; ) {
      let hit = nameEntryAt(index, tokens, i);
      const inner = hit ? nameEntryAt(index, tokens, i + 1) : null;
      // "the North Korean troops": the longer name inside wins over the metonym "the North".
      if (hit && inner && inner.end > hit.end) hit = null;
      // "National Security Council": a body's name inside a longer name the index does not know.
      if (hit && index.actors.get(hit.entry.actor)?.kind === 'Organization' && hit.end - i > 1) {
        const before = tokens[i - 1];
        const absorbed = found.some((m) => m.end === i);
        if (before && !absorbed && before.pos === 'PROPN' && isCapitalized(before) && isWordToken(before)) hit = null;
      }
      if (!hit) {
        i++;
        continue;
      }
      found.push({
        sentence: sentence.index,
        start: i,
        end: hit.end,
        actor: hit.entry.actor,
        form: hit.entry.form,
        possessive: isPossessive(tokens[hit.end]),
        office: null,
      });
      i = hit.end;
    }
    return found;
  });

  // Offices, sentence by sentence, replacing the name mentions they absorb.
  sentences.forEach((sentence, s) => {
    const tokens = sentence.tokens;
    let list = mentions[s] as Mention[];
    const at = (k: number) => list.find((m) => m.start <= k && k < m.end);
    for (let i = 0; i < tokens.length; i++) {
      if (at(i)?.form === 'name' && actors.get(at(i)?.actor ?? '')?.kind === 'Person') continue;
      const title = titleAt(tokens, i);
      if (!title) continue;
      const te = i + title.words;
      let cancelled =
        CANCELLERS.has(tokens[i - 1]?.norm ?? '') ||
        (tokens[i - 1]?.text === '-' && CANCELLERS.has(tokens[i - 2]?.norm ?? ''));
      if (tokens[te]?.text === '-' && CANCELLERS.has(tokens[te + 1]?.norm ?? '')) cancelled = true;
      // "his pick for national security adviser, Mike Waltz": named, not yet in office.
      if (tokens[i - 1]?.norm === 'for' && NOMINATIONS.has(tokens[i - 2]?.lemma ?? '')) cancelled = true;
      // The state or body of the office: right before it ("Polish President", "South Korea's president").
      let qualifier: Mention | undefined = list.find((m) => m.end === i || (m.possessive && m.end === i - 1));
      // "Varga's foreign minister": a person introduced earlier, by surname, before the title.
      if (!qualifier && isPossessive(tokens[i - 1]) && isCapitalized(tokens[i - 2])) {
        const words = [...persons.entries()].filter(([key]) => {
          const parts = key.split(' ');
          return (
            parts.length > 1 && (parts[0] === tokens[i - 2]?.norm || parts[parts.length - 1] === tokens[i - 2]?.norm)
          );
        });
        const only = words.length === 1 ? words[0]?.[1] : undefined;
        if (only) {
          qualifier = {
            sentence: s,
            start: i - 2,
            end: i - 1,
            actor: only.id,
            form: 'person',
            possessive: true,
            office: null,
          };
          list = [...list, qualifier].sort((a, b) => a.start - b.start);
        }
      }
      let start = qualifier ? qualifier.start : i;
      // "former French President …": the canceller may stand before the state of the office.
      if (qualifier && CANCELLERS.has(tokens[qualifier.start - 1]?.norm ?? '')) cancelled = true;
      if (
        qualifier &&
        qualifier.form !== 'name' &&
        qualifier.form !== 'demonym' &&
        qualifier.form !== 'metonym' &&
        qualifier.form !== 'capital' &&
        qualifier.form !== 'person'
      )
        qualifier = undefined;
      // The name after the title, or "Name, the … title", or "title, Name,".
      let nameStart = te;
      while (isHyphenJoin(tokens, nameStart)) nameStart += 2;
      let nameEnd = nameRun(tokens, nameStart);
      const known = at(nameStart);
      if (known && actors.get(known.actor)?.kind === 'Person') nameEnd = Math.max(nameEnd, known.end);
      else if (known) nameEnd = nameStart;
      let end = nameEnd;
      // "Russia's ambassador to the UN, Vassily Nebenzia,": the post the title is held at, then the name.
      let comma = te;
      if (nameEnd === nameStart && tokens[te]?.norm === 'to') {
        const post = list.find((m) => m.start === te + 1 || (tokens[te + 1]?.norm === 'the' && m.start === te + 2));
        if (post && tokens[post.end]?.text === ',') comma = post.end;
      }
      if (nameEnd === nameStart && tokens[comma]?.text === ',') {
        const after = nameRun(tokens, comma + 1);
        if (after > comma + 1 && (!tokens[after] || /^[,.;]$/.test(tokens[after]?.text ?? ''))) {
          nameStart = comma + 1;
          nameEnd = after;
          end = after;
        }
      }
      if (nameEnd === nameStart) {
        let comma = qualifier ? qualifier.start - 1 : i - 1;
        // "Donald Trump, the Republican nominee": a word or two may describe the office.
        for (let n = 0; n < 2 && !qualifier && (tokens[comma]?.pos === 'ADJ' || tokens[comma]?.pos === 'PROPN'); n++)
          comma--;
        const lead = tokens[comma]?.norm === 'the' || tokens[comma]?.norm === 'a' ? comma - 1 : comma;
        if (tokens[lead]?.text === ',') {
          let k = lead;
          while (k > 0 && (isCapitalized(tokens[k - 1]) || isHyphenJoin(tokens, k - 2) || tokens[k - 1]?.text === '-'))
            k--;
          if (k < lead && nameRun(tokens, k) >= lead) {
            nameStart = k;
            nameEnd = lead;
            start = k;
          }
        }
      }
      // "Chancellor Olaf Scholz of Germany"
      if (!qualifier && tokens[nameEnd]?.norm === 'of') {
        const of = list.find((m) => m.start === nameEnd + 1);
        if (of && actors.get(of.actor)?.kind !== 'Person') qualifier = of;
      }
      const ofKind = qualifier ? actors.get(qualifier.actor)?.kind : undefined;
      let relation = cancelled ? null : title.office.relation;
      if (relation && (!qualifier || (title.office.organizationsOnly && ofKind !== 'Organization'))) relation = null;
      // "Biden's national security adviser" serves the state Biden leads: settled where offices are known.
      if (relation === 'SERVES_IN' && ofKind !== 'Country' && ofKind !== 'Person') relation = null;
      if (relation === 'LEADS' && ofKind === 'Person') relation = null;
      const office: OfficeHeld = { title: title.office.title, relation, of: qualifier?.actor ?? null, cancelled };
      const person = nameEnd > nameStart ? personFor(sentence, nameStart, nameEnd) : null;
      if (!person && !(qualifier && title.office.relation === 'LEADS' && !cancelled)) continue;
      const absorbedStart = Math.min(start, nameStart);
      const absorbedEnd = Math.max(end, te, nameEnd);
      list = list.filter((m) =>
        m === qualifier && m.start >= absorbedEnd ? true : m.end <= absorbedStart || m.start >= absorbedEnd,
      );
      const mention: Mention = {
        sentence: s,
        start: absorbedStart,
        end: absorbedEnd,
        actor: person ?? `office:${qualifier?.actor}:${title.office.title}`,
        form: person ? 'person' : 'office',
        possessive: isPossessive(tokens[absorbedEnd]),
        office,
      };
      list = [...list, mention].sort((a, b) => a.start - b.start);
      i = absorbedEnd - 1;
    }
    mentions[s] = list;
  });

  // Surnames and family names of the persons introduced, where no other actor shares them.
  const local = new Map<string, string | null>();
  for (const p of persons.values()) {
    const words = normalizeName(p.name).split(' ');
    for (const w of new Set([words[0], words[words.length - 1]])) {
      if (!w || w.length < 3 || byKey(w)) continue;
      local.set(w, local.has(w) && local.get(w) !== p.id ? null : p.id);
    }
  }
  sentences.forEach((sentence, s) => {
    const list = mentions[s] as Mention[];
    sentence.tokens.forEach((t, i) => {
      if (!isCapitalized(t) || list.some((m) => m.start <= i && i < m.end)) return;
      const id = local.get(t.norm);
      if (!id) return;
      const prev = sentence.tokens[i - 1];
      const next = sentence.tokens[i + 1];
      if ((isCapitalized(prev) && prev?.pos === 'PROPN') || (isCapitalized(next) && next?.pos === 'PROPN')) return;
      list.push({
        sentence: s,
        start: i,
        end: i + 1,
        actor: id,
        form: 'person',
        possessive: isPossessive(next),
        office: null,
      });
    });
    list.sort((a, b) => a.start - b.start);
  });

  // Office mentions without a name stand for the holder the article or graph names, else the state.
  const holders = new Map<string, string>();
  for (const list of mentions)
    for (const m of list) {
      if (m.form === 'person' && m.office?.relation && m.office.of)
        holders.set(`${m.office.of}:${m.office.title}`, m.actor);
    }
  const resolved = mentions.map((list) =>
    list.map((m) => {
      if (m.form !== 'office' || !m.office?.of) return m;
      const holder = holders.get(`${m.office.of}:${m.office.title}`);
      return {
        ...m,
        actor: holder ?? m.office.of,
        form: holder ? ('person' as const) : ('office' as const),
        office: holder ? null : m.office,
      };
    }),
  );

  // Names read only beside another mention of the same actor ("the North" after "North Korea").
  const plain = new Set<string>();
  resolved.forEach((list, s) => {
    for (const m of list) if (!requiresMention(index, sentences[s] as Sentence, m)) plain.add(m.actor);
  });
  const final = resolved.map((list, s) =>
    list.filter((m) => plain.has(m.actor) || !requiresMention(index, sentences[s] as Sentence, m)),
  );
  return { actors, mentions: final };
}

function requiresMention(index: NameIndex, sentence: Sentence, m: Mention): boolean {
  if (m.form === 'person' || m.form === 'office') return false;
  const key = windowKey(sentence.tokens, m.start, m.end);
  return !!key && !!index.entry(key)?.requiresMention;
}
