// What the reader knows of the graph: actors with their names and aliases, and the relationships
// among them. A plain value, so every stage is a pure function of article and graph.

export interface GraphActor {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string | null;
}

export interface GraphRelationship {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly status: string;
  readonly confidence: number;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly summary: string;
  readonly sources: readonly string[];
  readonly claimedBy: string | null;
  readonly about: string | null;
}

export interface GraphContext {
  readonly actors: readonly GraphActor[];
  readonly relationships: readonly GraphRelationship[];
}

export const EMPTY_GRAPH: GraphContext = Object.freeze({ actors: [], relationships: [] });

/** Names compared the way the corpus gold compares them: case, dots, apostrophes, hyphens aside. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, ' s')
    .replace(/[.']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
