// Node positions in a link, compactly: `pos=<graph key>.<x>,<y>_<x>,<y>…` with one x,y per actor in
// id order, integers in base 36. The key (a hash of the sorted ids) makes a link from another graph
// harmless: its positions are ignored. Bounded: past MAX_LINKED_POSITIONS actors no positions are
// written, and the deterministic layout alone gives everyone the same picture.

export const MAX_LINKED_POSITIONS = 300;

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** FNV-1a over the sorted ids, base 36: the same actors give the same key. */
export function graphKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const ch of [...ids].sort().join('\n')) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encodePositions(nodes: readonly Placed[]): string | null {
  if (nodes.length === 0 || nodes.length > MAX_LINKED_POSITIONS) return null;
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const coords = sorted.map((n) => `${Math.round(n.x).toString(36)},${Math.round(n.y).toString(36)}`);
  return `${graphKey(sorted.map((n) => n.id))}.${coords.join('_')}`;
}

/** The positions of a link for these actors, or null when it was made for another graph or is malformed. */
export function decodePositions(text: string, ids: readonly string[]): Map<string, { x: number; y: number }> | null {
  const dot = text.indexOf('.');
  if (dot < 0 || text.slice(0, dot) !== graphKey(ids)) return null;
  const coords = text.slice(dot + 1).split('_');
  const sorted = [...ids].sort();
  if (coords.length !== sorted.length) return null;
  const out = new Map<string, { x: number; y: number }>();
  for (const [i, pair] of coords.entries()) {
    const m = /^(-?[0-9a-z]+),(-?[0-9a-z]+)$/.exec(pair);
    if (!m) return null;
    const x = Number.parseInt(m[1] as string, 36);
    const y = Number.parseInt(m[2] as string, 36);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    out.set(sorted[i] as string, { x, y });
  }
  return out;
}

/** A small seeded generator (mulberry32), so a layout that draws random numbers draws the same ones. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
