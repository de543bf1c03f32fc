// Proposals out: statements merged into bundle records, each with its evidence (the sentences,
// with offsets into the article text), pointed at the graph where the graph already holds them,
// with deterministic ids, in id order.
import type { Actor, Relationship, Source } from '../model/bundle.js';
import { relationshipType, renderSentence, renderTemplate } from '../model/vocabulary.js';
import { slugify } from './article.js';
import type { KnownActor } from './gazetteer.js';
import type { GraphContext, GraphRelationship } from './graph.js';
import type { Mention } from './mentions.js';
import type { ClaimStatement, RelStatement } from './statements.js';
import type { Sentence } from './text.js';

export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A bundle record as the reader proposes it: the record, the spans behind it, and whether the graph holds it. */
interface Proposed {
  evidence: Evidence[];
  existing?: true;
}

export type ActorProposal = Actor & Proposed;

export type RelationshipProposal = Relationship & Proposed;

export interface ArticleProposals {
  source: Source;
  actors: ActorProposal[];
  relationships: RelationshipProposal[];
}

export interface OfficeStatement {
  readonly person: string;
  readonly type: string;
  readonly of: string;
  readonly title: string;
  readonly sentence: number;
  /** Lower than a stated office's 0.95 when the state was read from the context. */
  readonly confidence?: number;
}

export interface EmitInput {
  readonly source: Source;
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly (readonly Mention[])[];
  readonly actors: ReadonlyMap<string, KnownActor>;
  readonly graph: GraphContext;
  readonly relations: readonly RelStatement[];
  readonly claims: readonly ClaimStatement[];
  readonly offices: readonly OfficeStatement[];
}

const RANK: Record<string, number> = { fact: 4, reported: 3, alleged: 2, denied: 1 };
const phase = (status: string) => (status === 'planned' || status === 'cancelled' ? status : 'actual');

/** A relationship being assembled from statements, before it has an id, a summary and sources. */
interface Draft extends Omit<Relationship, 'id' | 'summary' | 'sources'> {
  sentences: Set<number>;
  claimants: Set<string>;
  title: string | null;
  nominal: boolean;
  existing: GraphRelationship | null;
}

const datesAgree = (a: string | null, b: string | null) => !a || !b || a.startsWith(b) || b.startsWith(a);

function relKey(type: string, from: string, to: string, status: string): string {
  const symmetric = relationshipType(type)?.directed === false;
  const [a, b] = symmetric && to < from ? [to, from] : [from, to];
  return `${type}|${a}|${b}|${phase(status)}`;
}

function findExisting(graph: GraphContext, d: Draft): GraphRelationship | null {
  const symmetric = relationshipType(d.type)?.directed === false;
  const event = relationshipType(d.type)?.temporal === 'event';
  const matches = graph.relationships.filter((r) => {
    if (r.type !== d.type) return false;
    // A claim is the same claim when the same party makes it about the same relationship.
    const same = r.from === d.from && (r.to === d.to || d.about !== null);
    const swapped = symmetric && r.from === d.to && r.to === d.from;
    if (!same && !swapped) return false;
    if (phase(r.status) !== phase(d.status)) return false;
    if (d.about !== null && r.about !== d.about) return false;
    if (event && !datesAgree(r.validFrom, d.validFrom)) return false;
    return true;
  });
  // An undated event told by a noun ("Russia's invasion of Ukraine") is the dated one of the graph
  // when the graph holds no other like it; told by a verb ("Kim vowed support") it is news, not that.
  const dated = matches.filter((r) => r.validFrom);
  if (event && !d.validFrom && d.about === null && dated.length > 0 && (!d.nominal || dated.length > 1))
    return matches.find((r) => !r.validFrom) ?? null;
  matches.sort(
    (a, b) =>
      Number(b.status === d.status) - Number(a.status === d.status) ||
      Number(b.validFrom === d.validFrom) - Number(a.validFrom === d.validFrom) ||
      Number(a.validFrom !== null) - Number(b.validFrom !== null) ||
      a.id.localeCompare(b.id),
  );
  return matches[0] ?? null;
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function emitProposals(input: EmitInput): ArticleProposals {
  const { source, sentences, actors, graph } = input;
  const name = (id: string) => actors.get(id)?.name ?? id;
  const drafts = new Map<string, Draft>();
  const draftOf = new Map<RelStatement, Draft>();

  const addRel = (r: RelStatement | (OfficeStatement & { kind?: undefined })): Draft => {
    const isOffice = !('status' in r);
    const type = r.type;
    const from = isOffice ? (r as OfficeStatement).person : (r as RelStatement).from;
    const to = isOffice ? (r as OfficeStatement).of : (r as RelStatement).to;
    const status = isOffice ? 'fact' : (r as RelStatement).status;
    const rel = isOffice ? null : (r as RelStatement);
    const event = relationshipType(type)?.temporal === 'event';
    let key = relKey(type, from, to, status);
    if (event && rel?.validFrom) {
      const other = drafts.get(key);
      if (other?.validFrom && !datesAgree(other.validFrom, rel.validFrom)) key = `${key}|${rel.validFrom}`;
    }
    const found = drafts.get(key);
    if (found) {
      found.sentences.add(r.sentence);
      if (rel) {
        if ((RANK[rel.status] ?? 0) > (RANK[found.status] ?? 0)) found.status = rel.status;
        found.confidence = Math.max(found.confidence, rel.confidence);
        if (rel.validFrom && (!found.validFrom || rel.validFrom.length > found.validFrom.length)) {
          found.validFrom = rel.validFrom;
          found.validTo = rel.validTo;
        }
        if (rel.claimedBy) {
          found.claimants.add(rel.claimedBy);
          found.claimedBy ??= rel.claimedBy;
        }
      }
      return found;
    }
    const d: Draft = {
      type,
      from,
      to,
      status,
      confidence: rel ? rel.confidence : ((r as OfficeStatement).confidence ?? 0.95),
      validFrom: rel?.validFrom ?? null,
      validTo: rel?.validTo ?? null,
      claimedBy: rel?.claimedBy ?? null,
      about: null,
      sentences: new Set([r.sentence]),
      claimants: new Set(rel?.claimedBy ? [rel.claimedBy] : []),
      title: isOffice ? (r as OfficeStatement).title : null,
      nominal: rel?.nominal ?? false,
      existing: null,
    };
    drafts.set(key, d);
    return d;
  };

  for (const o of input.offices) addRel(o);
  for (const r of input.relations) draftOf.set(r, addRel(r));

  // Existing relationships first, so claims can point at their ids.
  const ids = new Map<Draft, string>();
  const taken = new Set(graph.relationships.map((r) => r.id));
  const newId = (base: string, d: Draft): string => {
    let id = base.length <= 80 ? base : `${base.slice(0, 71).replace(/-+$/, '')}-${fnv(base)}`;
    for (let n = 2; taken.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    taken.add(id);
    ids.set(d, id);
    return id;
  };
  const verb = (type: string) => type.toLowerCase().replace(/_/g, '-');

  const relDrafts = [...drafts.values()];
  for (const d of relDrafts) {
    d.existing = findExisting(graph, d);
    if (d.existing) ids.set(d, d.existing.id);
  }
  // Claims about the same relationship by the article's claimants name the claimant of a denial.
  const claimantsOf = new Map<Draft, string[]>();
  for (const c of input.claims) {
    const about = draftOf.get(c.about);
    if (!about || c.type === 'DENIES') continue;
    claimantsOf.set(about, [...(claimantsOf.get(about) ?? []), c.from]);
  }
  for (const d of relDrafts) {
    if (d.existing) continue;
    // Denied only through its denial unless the article also claims it.
    const claimed = claimantsOf.get(d);
    if (d.status === 'denied' && claimed?.length) {
      d.status = 'alleged';
      d.claimedBy = claimed[0] ?? null;
      d.confidence = 0.6;
    }
    if (d.status === 'alleged' && !d.claimedBy) d.claimedBy = claimed?.[0] ?? null;
    if (d.status === 'alleged' && d.claimants.size >= 2) d.confidence = Math.max(d.confidence, 0.65);
  }
  const usable = (d: Draft) => d.existing || !((d.status === 'alleged' || d.status === 'denied') && !d.claimedBy);
  const stable = relDrafts.filter(usable).sort((a, b) => keyOrder(a).localeCompare(keyOrder(b)));
  for (const d of stable) {
    if (d.existing) continue;
    const event = relationshipType(d.type)?.temporal === 'event';
    const suffix = d.status === 'planned' || d.status === 'cancelled' ? `-${d.status}` : '';
    newId(`${d.from}-${verb(d.type)}-${d.to}${event && d.validFrom ? `-${d.validFrom}` : ''}${suffix}`, d);
  }

  const claimDrafts = new Map<string, Draft>();
  for (const c of input.claims) {
    const about = draftOf.get(c.about);
    if (!about || !ids.has(about)) continue;
    const aboutId = ids.get(about) as string;
    let to: string | null;
    if (c.type === 'DENIES') {
      to =
        c.claimant ??
        claimantsOf.get(about)?.find((x) => x !== c.from) ??
        about.claimedBy ??
        about.existing?.claimedBy ??
        null;
      if (to === c.from) to = null;
    } else to = about.from;
    if (!to || to === c.from) continue;
    const key = `${c.type}|${c.from}|${aboutId}`;
    const found = claimDrafts.get(key);
    if (found) {
      found.sentences.add(c.sentence);
      if (!found.validFrom && c.validFrom) {
        found.validFrom = c.validFrom;
        found.validTo = c.validTo;
      }
      if (c.claimant && found.to !== c.claimant && c.type === 'DENIES') found.to = c.claimant;
      continue;
    }
    const d: Draft = {
      type: c.type,
      from: c.from,
      to,
      status: 'fact',
      confidence: c.confidence,
      validFrom: c.validFrom,
      validTo: c.validTo,
      claimedBy: null,
      about: aboutId,
      sentences: new Set([c.sentence]),
      claimants: new Set(),
      title: null,
      nominal: false,
      existing: null,
    };
    claimDrafts.set(key, d);
  }
  const claims = [...claimDrafts.values()].sort((a, b) => keyOrder(a).localeCompare(keyOrder(b)));
  for (const d of claims) {
    d.existing = findExisting(graph, d);
    if (d.existing) ids.set(d, d.existing.id);
    else newId(`${d.from}-${verb(d.type)}-${d.about}${d.validFrom ? `-${d.validFrom}` : ''}`, d);
  }

  const evidence = (set: Iterable<number>): Evidence[] =>
    [...set]
      .sort((a, b) => a - b)
      .map((i) => sentences[i])
      .filter((s): s is Sentence => !!s)
      .map((s) => ({ text: s.text, start: s.start, end: s.end }));

  const records: RelationshipProposal[] = [];
  const sentenceOf = new Map<string, string>();
  for (const d of [...stable, ...claims]) {
    const id = ids.get(d);
    if (!id) continue;
    const g = d.existing;
    const type = g?.type ?? d.type;
    const from = g?.from ?? d.from;
    const to = g?.to ?? d.to;
    const status = g?.status ?? d.status;
    const sentence = renderSentence(type, status, name(from), name(to));
    sentenceOf.set(id, sentence);
    const aboutText = d.about ? (sentenceOf.get(d.about) ?? graphSentence(graph, d.about, name)) : null;
    const summary = g
      ? g.summary
      : d.title
        ? `${sentence}, as ${d.title}.`
        : aboutText
          ? `${renderTemplate(type, name(from), name(to))}: ${aboutText}.`
          : `${sentence}.`;
    records.push({
      id,
      type,
      from,
      to,
      status,
      confidence: g ? g.confidence : Math.round(d.confidence * 100) / 100,
      validFrom: g ? g.validFrom : d.validFrom,
      validTo: g ? g.validTo : d.validTo,
      summary,
      sources: [...new Set([...(g?.sources ?? []), source.id])].sort(),
      claimedBy: g ? g.claimedBy : d.claimedBy,
      about: g ? g.about : d.about,
      evidence: evidence(d.sentences),
      ...(g ? { existing: true as const } : {}),
    });
  }

  // Actors: every end and claimant, and every actor the article names.
  const wanted = new Map<string, Set<number>>();
  const want = (id: string, s?: number) => {
    const set = wanted.get(id) ?? new Set<number>();
    if (s !== undefined) set.add(s);
    wanted.set(id, set);
  };
  input.mentions.forEach((list, s) => {
    for (const m of list) if (m.form !== 'demonym') want(m.actor, s);
  });
  for (const r of records) for (const id of [r.from, r.to, r.claimedBy]) if (id) want(id);
  const actorRecords: ActorProposal[] = [];
  for (const [id, seen] of wanted) {
    const a = actors.get(id);
    if (!a) continue;
    if (seen.size === 0) {
      input.mentions.forEach((list, s) => {
        if (list.some((m) => m.actor === id)) seen.add(s);
      });
    }
    actorRecords.push({
      id: a.id,
      kind: a.kind,
      name: a.name,
      aliases: [...a.aliases],
      description: a.description ?? (a.kind === 'Person' ? personDescription(a.id, records, name) : null),
      evidence: evidence([...seen].sort((x, y) => x - y).slice(0, 3)),
      ...(a.existing ? { existing: true as const } : {}),
    });
  }
  actorRecords.sort((a, b) => a.id.localeCompare(b.id));
  records.sort((a, b) => a.id.localeCompare(b.id));
  return { source, actors: actorRecords, relationships: records };
}

function keyOrder(d: Draft): string {
  return `${d.type}|${d.from}|${d.to}|${d.status}|${d.validFrom ?? ''}|${d.about ?? ''}`;
}

function graphSentence(graph: GraphContext, id: string, name: (id: string) => string): string | null {
  const r = graph.relationships.find((x) => x.id === id);
  return r ? renderSentence(r.type, r.status, name(r.from), name(r.to)) : null;
}

function personDescription(
  id: string,
  records: readonly RelationshipProposal[],
  name: (id: string) => string,
): string | null {
  const office = records.find((r) => r.from === id && (r.type === 'LEADS' || r.type === 'SERVES_IN'));
  if (!office) return null;
  return office.type === 'LEADS'
    ? `Leader of ${name(office.to)}.`
    : `Office holder in the government of ${name(office.to)}.`;
}

export { slugify };
