// GraphQL results → Cytoscape element definitions. Pure (no DOM, no cytoscape import), so it runs
// under node in the unit tests. Every edge carries its provenance in `data`, which is what the
// stylesheet selects on, what the filters read and what every export writes. Each field means one
// thing everywhere (docs/client.md, "Exports").
import type { Actor, Relationship, Source, Subgraph } from '../api/types.js';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  aliases: string[];
  description: string | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  type: string;
  status: string;
  confidence: number;
  summary: string;
  /** The API's sentence, which says what the status says ("planned to visit"). */
  sentence: string;
  /** Valid time as the sources write it: "2023-09", "2024", "2024-10-13"; null when undated. */
  validFrom: string | null;
  validTo: string | null;
  /** Valid time as days: the first day it may have held, and the last (null: still holds). */
  validStart: string | null;
  validEnd: string | null;
  /** True for a type that happens (a visit) rather than holds (a leadership): asOf keeps it once it happened. */
  event: boolean;
  /** An event's last day: its end, or lacking one the end of its start's period, or the day it became known. */
  lastDay: string;
  knownSince: string;
  disputed: boolean;
  claimedBy: string | null;
  claimedByName: string | null;
  /** For a claim (accusation, denial): the relationship it is about, and that one's sentence. */
  about: string | null;
  aboutSentence: string | null;
  sources: Source[];
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
}

export type GraphElement = NodeElement | EdgeElement;

export function actorToNode(actor: Actor): NodeElement {
  return {
    group: 'nodes',
    data: {
      id: actor.id,
      label: actor.name,
      kind: actor.kind,
      aliases: [...actor.aliases],
      description: actor.description,
    },
  };
}

export function relationshipToEdge(rel: Relationship): EdgeElement {
  return {
    group: 'edges',
    data: {
      id: rel.id,
      source: rel.from.id,
      target: rel.to.id,
      sourceName: rel.from.name,
      targetName: rel.to.name,
      type: rel.type,
      status: rel.status,
      confidence: rel.confidence,
      summary: rel.summary,
      sentence: rel.sentence,
      validFrom: rel.validFrom?.text ?? null,
      validTo: rel.validTo?.text ?? null,
      validStart: rel.validFrom?.start ?? null,
      validEnd: rel.validTo?.end ?? null,
      event: rel.typeInfo.temporal === 'event',
      lastDay: rel.validTo?.end ?? rel.validFrom?.end ?? rel.knownSince,
      knownSince: rel.knownSince,
      disputed: rel.disputed,
      claimedBy: rel.claimedBy?.id ?? null,
      claimedByName: rel.claimedBy?.name ?? null,
      about: rel.about?.id ?? null,
      aboutSentence: rel.about?.sentence ?? null,
      sources: rel.sources.map((s) => ({ ...s })),
    },
  };
}

/** An actor as the API shapes it, from a drawn node (for the search fields and path ends). */
export function nodeToActor(d: NodeData): Actor {
  return { id: d.id, name: d.label, kind: d.kind as Actor['kind'], aliases: d.aliases, description: d.description };
}

/**
 * Elements for a subgraph, leaving out what `known` already holds (ids already drawn) and edges
 * whose ends are missing, so the result can be added to a live graph as is.
 */
export function subgraphToElements(graph: Subgraph, known: ReadonlySet<string> = new Set()): GraphElement[] {
  const seen = new Set(known);
  const out: GraphElement[] = [];
  for (const actor of graph.nodes) {
    if (seen.has(actor.id)) continue;
    seen.add(actor.id);
    out.push(actorToNode(actor));
  }
  const present = new Set([...known, ...graph.nodes.map((a) => a.id)]);
  for (const rel of graph.edges) {
    // Cytoscape keeps nodes and edges in one id space: a clash would make cy.add throw.
    if (seen.has(rel.id)) continue;
    if (!present.has(rel.from.id) || !present.has(rel.to.id)) continue;
    seen.add(rel.id);
    out.push(relationshipToEdge(rel));
  }
  return out;
}
