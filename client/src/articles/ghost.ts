// A proposal drawn on the graph before it is accepted: a ghost edge (and ghost actors for ends not
// drawn yet) in Cytoscape's element form, with ids of their own ("ghost:…") so accepting can add
// the real elements beside them. Pure: the preview (preview.ts) adds and removes them.

export const GHOST_PREFIX = 'ghost:';

export interface GhostSource {
  kind: string;
  actor?: { id: string; name: string; kind: string } | null;
  relationship?: {
    id: string;
    type: string;
    from: string;
    to: string;
    status: string;
    confidence: number;
  } | null;
  target?: { id: string } | null;
}

export interface GhostNode {
  group: 'nodes';
  data: { id: string; label: string; kind: string; ghostOf: string };
}

export interface GhostEdge {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    type: string;
    status: string;
    confidence: number;
    ghostOf: string;
  };
}

export interface Ghost {
  elements: (GhostNode | GhostEdge)[];
  /** Drawn actors the ghost hangs on, to bring into view with it. */
  anchors: string[];
  /** A drawn relationship the proposal is about (a corroboration, a status change). */
  target: string | null;
}

export interface DrawnLookup {
  /** True when the graph draws this actor. */
  drawn: (id: string) => boolean;
  /** A name for an actor that is not drawn (a proposed actor); the id when none is known. */
  name: (id: string) => { name: string; kind: string } | null;
}

/** The ghost of a proposal, or null when it proposes nothing drawable. */
export function ghostOf(p: GhostSource, lookup: DrawnLookup): Ghost | null {
  if (p.kind === 'ACTOR' && p.actor) {
    if (lookup.drawn(p.actor.id)) return { elements: [], anchors: [p.actor.id], target: null };
    const id = `${GHOST_PREFIX}${p.actor.id}`;
    return {
      elements: [{ group: 'nodes', data: { id, label: p.actor.name, kind: p.actor.kind, ghostOf: p.actor.id } }],
      anchors: [],
      target: null,
    };
  }
  const rel = p.relationship;
  if (!rel) return null;
  const elements: (GhostNode | GhostEdge)[] = [];
  const anchors: string[] = [];
  const end = (actorId: string): string => {
    if (lookup.drawn(actorId)) {
      anchors.push(actorId);
      return actorId;
    }
    const id = `${GHOST_PREFIX}${actorId}`;
    if (!elements.some((e) => e.data.id === id)) {
      const known = lookup.name(actorId);
      elements.push({
        group: 'nodes',
        data: { id, label: known?.name ?? actorId, kind: known?.kind ?? '', ghostOf: actorId },
      });
    }
    return id;
  };
  const source = end(rel.from);
  const target = end(rel.to);
  elements.push({
    group: 'edges',
    data: {
      id: `${GHOST_PREFIX}${rel.id}`,
      source,
      target,
      type: rel.type,
      status: rel.status,
      confidence: rel.confidence,
      ghostOf: rel.id,
    },
  });
  const stored = p.target?.id ?? null;
  return { elements, anchors, target: stored && lookup.drawn(stored) ? stored : null };
}
