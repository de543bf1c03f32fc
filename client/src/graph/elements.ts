// GraphQL results → Cytoscape element definitions. Pure (no DOM, no cytoscape import), so it runs
// under node in the unit tests. Every edge carries its provenance in `data`, which is what the
// stylesheet selects on, what the filters read and what the Cytoscape JSON export keeps.
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
  type: string;
  status: string;
  confidence: number;
  summary: string;
  sentence: string;
  /** valid time: the first day it held, else null. */
  validFrom: string | null;
  /** valid time: the last day it held, else null (still holds). */
  validTo: string | null;
  /** The dates as the sources give them: "2023-09", "2024". */
  validFromText: string | null;
  validToText: string | null;
  knownSince: string;
  disputed: boolean;
  claimedBy: string | null;
  claimedByName: string | null;
  about: string | null;
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
      type: rel.type,
      status: rel.status,
      confidence: rel.confidence,
      summary: rel.summary,
      sentence: rel.sentence,
      validFrom: rel.validFrom?.start ?? null,
      validTo: rel.validTo?.end ?? null,
      validFromText: rel.validFrom?.text ?? null,
      validToText: rel.validTo?.text ?? null,
      knownSince: rel.knownSince,
      disputed: rel.disputed,
      claimedBy: rel.claimedBy?.id ?? null,
      claimedByName: rel.claimedBy?.name ?? null,
      about: rel.about?.id ?? null,
      sources: rel.sources.map((s) => ({ ...s })),
    },
  };
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
