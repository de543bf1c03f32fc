// The drawn graph as the controllers share it: what is on it, adding to it one step at a time (two
// fcose runs must never overlap), and one change signal after every addition, so the filter, the
// selection and a path highlight can put their classes back on the new elements.
import type { Core, NodeSingular } from 'cytoscape';
import type { Actor, Subgraph } from '../api/types.js';
import { type EdgeData, type NodeData, nodeToActor, relationshipToEdge, subgraphToElements } from './elements.js';
import { addIncrementally, drawAll } from './setup.js';

export interface Added {
  nodes: number;
  edges: number;
}

export class GraphModel {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(readonly cy: Core) {}

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Runs one change after the ones before it. */
  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  ids(): Set<string> {
    return new Set(this.cy.elements().map((e) => e.id()));
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  actor(id: string): Actor | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() && node.isNode() ? nodeToActor(node.data() as NodeData) : null;
  }

  /** The graph's relationships (not a previewed proposal's ghost). */
  edges(): EdgeData[] {
    return this.cy
      .edges()
      .not('.ghost')
      .map((e) => e.data() as EdgeData);
  }

  /** Drawn actors whose name or an alias contains the text (the search's fallback). */
  matches(query: string, limit = 8): Actor[] {
    const q = query.toLowerCase();
    return this.cy
      .nodes()
      .map((n) => n.data() as NodeData)
      .filter((d) => d.label.toLowerCase().includes(q) || d.aliases.some((a) => a.toLowerCase().includes(q)))
      .slice(0, limit)
      .map(nodeToActor);
  }

  /** Draws a graph from scratch and lays it out. */
  replace(graph: Subgraph): Promise<void> {
    return this.enqueue(async () => {
      await drawAll(this.cy, subgraphToElements(graph));
      this.changed();
    });
  }

  /**
   * Brings drawn relationships up to date (an accepted proposal changed a status or added a
   * source) and adds what the graph does not hold yet.
   */
  upsert(graph: Subgraph, anchor?: string): Promise<Added> {
    return this.enqueue(async () => {
      let updated = 0;
      for (const rel of graph.edges) {
        const edge = this.cy.getElementById(rel.id);
        if (edge.nonempty() && edge.isEdge()) {
          edge.data(relationshipToEdge(rel).data);
          updated++;
        }
      }
      const elements = subgraphToElements(graph, this.ids());
      const node = anchor ? this.cy.getElementById(anchor) : undefined;
      await addIncrementally(this.cy, elements, node?.nonempty() && node.isNode() ? (node as NodeSingular) : undefined);
      const nodes = elements.filter((e) => e.group === 'nodes').length;
      if (elements.length > 0 || updated > 0) this.changed();
      return { nodes, edges: elements.length - nodes };
    });
  }

  /** Adds what the graph does not hold yet, placing the new actors around `anchor` (an actor id). */
  add(graph: Subgraph, anchor?: string): Promise<Added> {
    return this.enqueue(async () => {
      const elements = subgraphToElements(graph, this.ids());
      const node = anchor ? this.cy.getElementById(anchor) : undefined;
      await addIncrementally(this.cy, elements, node?.nonempty() && node.isNode() ? (node as NodeSingular) : undefined);
      const nodes = elements.filter((e) => e.group === 'nodes').length;
      if (elements.length > 0) this.changed();
      return { nodes, edges: elements.length - nodes };
    });
  }
}
