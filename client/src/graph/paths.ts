// What tells the paths of one answer apart. Pure.
import type { Path } from '../api/types.js';
import type { PathIds } from './highlight.js';

export function pathIds(path: Path): PathIds {
  return { nodes: path.nodes.map((n) => n.id), edges: path.edges.map((e) => e.id) };
}

/**
 * For each path, the hops (0-based) whose relationship the first path does not use. Paths through
 * the same actors differ only there (another accusation, another trip), so these are what a path
 * row must name. The first path's list is empty.
 */
export function differingHops(paths: readonly Path[]): number[][] {
  const first = new Set(paths[0]?.edges.map((e) => e.id) ?? []);
  return paths.map((path, p) => (p === 0 ? [] : path.edges.flatMap((edge, hop) => (first.has(edge.id) ? [] : [hop]))));
}
