// What the page sends the layout worker and what it answers: no cytoscape here, so the page's
// bundle does not pull in the layout code.

export interface LayoutNode {
  id: string;
  /** The node and its label, estimated from the label's length (a worker cannot measure text). */
  width: number;
  height: number;
  /** Known nodes keep their place: they are given with a position and pinned. */
  position?: { x: number; y: number };
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: { source: string; target: string }[];
}

export type Positions = Record<string, { x: number; y: number }>;

/** A node's box for the layout: the shape, and the label under it (12 px text, at most 110 px wide). */
export function nodeBox(label: string): { width: number; height: number } {
  return { width: Math.max(46, Math.min(110, Math.round(label.length * 6.5))), height: 34 + 20 };
}
