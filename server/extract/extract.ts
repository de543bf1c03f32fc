// The pipeline, end to end: sentences → mentions → cues and frames → statements with status and
// dates → proposals. A pure function of the article and the graph: the same input gives the
// same proposals, byte for byte.
import { relationshipType } from '../model/vocabulary.js';
import type { Article } from './article.js';
import type { SentenceContext } from './context.js';
import { type ArticleProposals, emitProposals, type OfficeStatement } from './emit.js';
import { buildNameIndex } from './gazetteer.js';
import type { GraphContext } from './graph.js';
import { lexicon } from './lexicon.js';
import { findMentions, type Mention } from './mentions.js';
import { buildStatements } from './statements.js';
import { splitSentences } from './text.js';

const OFFICE_RELATION = new Map(lexicon.offices.map((o) => [o.title, o.relation]));
/** Offices of a state: a title alone may take its state from the context; "director" may not. */
const STATE_ONLY = new Map(lexicon.offices.map((o) => [o.title, !o.organizationsOnly]));

export const PROPOSALS_FORMAT = 'actor-graph-proposals';
export const PROPOSALS_VERSION = 1;

export interface ProposalsDocument {
  format: typeof PROPOSALS_FORMAT;
  version: typeof PROPOSALS_VERSION;
  articles: ArticleProposals[];
}

export function extractArticle(article: Article, graph: GraphContext): ArticleProposals {
  const sentences = splitSentences(article.text);
  const index = buildNameIndex(graph);
  const { actors, mentions } = findMentions(sentences, article.text, index);

  const graphOffice = new Map<string, string>();
  const graphOfficeType = new Map<string, string>();
  for (const r of [...graph.relationships].sort((a, b) => a.id.localeCompare(b.id))) {
    if ((r.type === 'LEADS' || r.type === 'SERVES_IN') && r.validTo === null && !graphOffice.has(r.from)) {
      if (actors.get(r.to)?.kind === 'Country') {
        graphOffice.set(r.from, r.to);
        graphOfficeType.set(r.from, r.type);
      }
    }
  }
  const offices: OfficeStatement[] = [];
  const officeOf = new Map<string, string>();
  const held = mentions.flatMap((list, s) =>
    list.flatMap((m) =>
      m.form === 'person' && m.office?.relation && m.office.of && !m.office.cancelled ? [{ m, s }] : [],
    ),
  );
  // Offices of states first, so "Biden's adviser" can find the state of an office held under a person.
  for (const pass of ['Country', 'Person'] as const) {
    for (const { m, s } of held) {
      const o = m.office as NonNullable<typeof m.office>;
      let of = o.of as string;
      if ((actors.get(of)?.kind === 'Person') !== (pass === 'Person')) continue;
      if (pass === 'Person') of = officeOf.get(of) ?? graphOffice.get(of) ?? '';
      if (!of || (pass !== 'Person' && actors.get(of)?.kind === 'Person')) continue;
      offices.push({ person: m.actor, type: o.relation as string, of, title: o.title, sentence: s });
      if (!officeOf.has(m.actor) && actors.get(of)?.kind === 'Country') officeOf.set(m.actor, of);
    }
  }
  // A title without its state ("Defense Secretary Lloyd Austin", "President Volodymyr Zelensky"):
  // the office the graph holds for that person, else the state the story is about where the title
  // stands, which is the first state named before it in its sentence, or in the sentence before.
  const stateOf = (id: string): string | null => {
    const a = actors.get(id);
    if (!a) return null;
    if (a.kind === 'Country') return id;
    if (a.kind === 'Person') return officeOf.get(id) ?? graphOffice.get(id) ?? null;
    return a.partOf && actors.get(a.partOf)?.kind === 'Country' ? a.partOf : null;
  };
  const firstState = (list: readonly Mention[], before: number, skip: string): string | null => {
    for (const m of list) {
      if (m.start >= before) break;
      const state = m.actor === skip ? null : stateOf(m.actor);
      if (state) return state;
    }
    return null;
  };
  mentions.forEach((list, s) => {
    for (const m of list) {
      const o = m.office;
      const relation = o ? OFFICE_RELATION.get(o.title) : null;
      if (m.form !== 'person' || !o || o.of || o.cancelled || !relation || STATE_ONLY.get(o.title) !== true) continue;
      if (officeOf.has(m.actor)) continue;
      const held = graphOffice.get(m.actor);
      const heldType = held ? graphOfficeType.get(m.actor) : null;
      if (held && heldType === relation) {
        offices.push({ person: m.actor, type: relation, of: held, title: o.title, sentence: s });
        officeOf.set(m.actor, held);
        continue;
      }
      if (held || graph.actors.some((a) => a.id === m.actor)) continue;
      const of =
        firstState(list, m.start, m.actor) ?? firstState(mentions[s - 1] ?? [], Number.POSITIVE_INFINITY, m.actor);
      if (!of) continue;
      offices.push({ person: m.actor, type: relation, of, title: o.title, sentence: s, confidence: 0.8 });
      officeOf.set(m.actor, of);
    }
  });
  // A spokesperson of NATO speaks for NATO, though SERVES_IN only joins a person to a state.
  for (const list of mentions)
    for (const m of list) {
      const o = m.office;
      if (m.form === 'person' && o?.of && !o.cancelled && !officeOf.has(m.actor) && OFFICE_RELATION.get(o.title))
        if (actors.get(o.of)?.kind === 'Organization') officeOf.set(m.actor, o.of);
    }
  const sideOf = (id: string): string => {
    const a = actors.get(id);
    if (!a) return id;
    if (a.kind === 'Person') return officeOf.get(id) ?? graphOffice.get(id) ?? id;
    if (a.kind === 'Organization' && a.partOf && actors.get(a.partOf)?.kind === 'Country') return a.partOf;
    return id;
  };
  const fitEnd = (type: string, end: 'from' | 'to', id: string): string | null => {
    const allowed = relationshipType(type)?.[end] ?? [];
    const kind = actors.get(id)?.kind;
    if (kind && allowed.includes(kind)) return id;
    const side = sideOf(id);
    const sideKind = actors.get(side)?.kind;
    return side !== id && sideKind && allowed.includes(sideKind) ? side : null;
  };

  const contexts: SentenceContext[] = [];
  sentences.forEach((sentence, i) => {
    contexts.push({
      sentence,
      tokens: sentence.tokens,
      mentions: mentions[i] ?? [],
      previous: contexts[i - 1] ?? null,
      actors,
    });
  });
  const { relations, claims } = buildStatements({
    contexts,
    published: article.source.published,
    graph,
    sideOf,
    fitEnd,
  });
  return emitProposals({ source: article.source, sentences, mentions, actors, graph, relations, claims, offices });
}

export function proposalsDocument(articles: ArticleProposals[]): ProposalsDocument {
  return { format: PROPOSALS_FORMAT, version: PROPOSALS_VERSION, articles };
}
