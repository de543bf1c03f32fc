// From the reader's proposals to the review queue: one queued proposal per new actor and per
// relationship, classified against the graph the reader saw (docs/ingestion.md). Pure.
import type { ActorProposal, ArticleProposals, Evidence, RelationshipProposal } from '../extract/emit.js';
import type { GraphContext } from '../extract/graph.js';
import type { Actor, Relationship } from '../model/bundle.js';
import { statusChange } from './merge.js';

export type ProposalKind = 'ACTOR' | 'RELATIONSHIP' | 'CORROBORATION' | 'STATUS_CHANGE';
export type ProposalState = 'OPEN' | 'ACCEPTED' | 'REJECTED';

/** A proposal as the queue stores it (records and evidence as JSON on the Proposal node). */
export interface QueuedProposal {
  id: string;
  source: string;
  position: number;
  kind: ProposalKind;
  actor: Actor | null;
  relationship: Relationship | null;
  evidence: Evidence[];
  confidence: number;
  target: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  /** Names of the actors the record mentions, for its sentence. */
  names: Record<string, string>;
}

export const proposalId = (source: string, what: 'actor' | 'rel' | 'status', id: string) => `${source}:${what}:${id}`;

/** A proposal's bundle record: the proposal without its evidence and its `existing` mark. */
const actorRecord = ({ evidence, existing, ...record }: ActorProposal): Actor => record;

export const relationshipRecord = ({ evidence, existing, ...record }: RelationshipProposal): Relationship => record;

/** The queue of one article: new actors, then relationships, each followed by the status change it implies. */
export function queueProposals(proposals: ArticleProposals, graph: GraphContext): QueuedProposal[] {
  const source = proposals.source.id;
  const names: Record<string, string> = {};
  for (const a of [...graph.actors, ...proposals.actors]) names[a.id] = a.name;
  const stored = new Map(graph.relationships.map((r) => [r.id, r as Relationship]));
  const out: QueuedProposal[] = [];
  const base = { source, note: null, target: null, fromStatus: null, toStatus: null, names };
  for (const a of proposals.actors) {
    if (a.existing) continue;
    out.push({
      ...base,
      id: proposalId(source, 'actor', a.id),
      position: out.length,
      kind: 'ACTOR',
      actor: actorRecord(a),
      relationship: null,
      evidence: a.evidence,
      confidence: 1,
    });
  }
  for (const r of proposals.relationships) {
    const record = relationshipRecord(r);
    const planned = graph.relationships.find(
      (g) => g.status === 'planned' && g.type === r.type && g.from === r.from && g.to === r.to && !r.existing,
    );
    const change = planned ? statusChange(record, planned as Relationship) : null;
    const aboutStored = r.about !== null && stored.has(r.about) ? r.about : null;
    out.push({
      ...base,
      id: proposalId(source, change ? 'status' : 'rel', change && planned ? planned.id : r.id),
      position: out.length,
      kind: r.existing ? 'CORROBORATION' : change ? 'STATUS_CHANGE' : 'RELATIONSHIP',
      actor: null,
      relationship: record,
      evidence: r.evidence,
      confidence: r.confidence,
      target: r.existing ? r.id : change && planned ? planned.id : aboutStored,
      fromStatus: change?.from ?? null,
      toStatus: change?.to ?? null,
      note: change?.because ?? null,
    });
    const target = aboutStored ? stored.get(aboutStored) : undefined;
    const confirmed = target && !change ? statusChange(record, target) : null;
    if (target && confirmed) {
      out.push({
        ...base,
        id: proposalId(source, 'status', target.id),
        position: out.length,
        kind: 'STATUS_CHANGE',
        actor: null,
        relationship: record,
        evidence: r.evidence,
        confidence: r.confidence,
        target: target.id,
        fromStatus: confirmed.from,
        toStatus: confirmed.to,
        note: confirmed.because,
      });
    }
  }
  // Two reports of the same change in one article are one proposal.
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.id) && seen.add(p.id)).map((p, position) => ({ ...p, position }));
}
