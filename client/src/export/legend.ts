// The legend of a picture: what is drawn, as the stylesheet draws it. Pure.
import type { Vocabulary } from '../api/types.js';
import type { EdgeData, NodeData } from '../graph/elements.js';
import {
  type ColourMode,
  edgeColour,
  type KindStyle,
  kindStyles,
  PATH_COLOURS,
  STATUS_STYLES,
  typeColours,
} from '../graph/stylesheet.js';
import { capitalise } from '../ui/format.js';

export type LegendEntry =
  | { group: 'Relationship types'; label: string; colour: string; directed: boolean }
  | { group: 'Statuses'; label: string; lineStyle: 'solid' | 'dashed' | 'dotted'; mark: boolean; faint: boolean }
  | { group: 'Actors'; label: string; colour: string; shape: KindStyle['shape'] }
  | { group: 'Paths'; label: string; colour: string };

/** Entries for the types, statuses and kinds present in what is exported, and for the paths shown. */
export function legendEntries(
  nodes: readonly NodeData[],
  edges: readonly EdgeData[],
  vocabulary: Vocabulary,
  mode: ColourMode,
  pathNumbers: readonly number[] = [],
): LegendEntry[] {
  const colours = typeColours(vocabulary.types);
  const types = new Set(edges.map((e) => e.type));
  const statuses = new Set(edges.map((e) => e.status));
  const kinds = new Set(nodes.map((n) => n.kind));
  const out: LegendEntry[] = [];
  for (const t of [...vocabulary.types].sort((a, b) => a.label.localeCompare(b.label))) {
    if (types.has(t.type))
      out.push({
        group: 'Relationship types',
        label: t.label,
        colour: edgeColour(t, mode, colours),
        directed: t.directed,
      });
  }
  for (const status of vocabulary.statuses) {
    const style = STATUS_STYLES[status];
    if (statuses.has(status) && style) out.push({ group: 'Statuses', label: capitalise(status), ...style });
  }
  for (const [kind, style] of kindStyles(vocabulary.kinds)) {
    if (kinds.has(kind)) out.push({ group: 'Actors', label: kind, ...style });
  }
  for (const n of pathNumbers) {
    out.push({ group: 'Paths', label: `Path ${n}`, colour: PATH_COLOURS[(n - 1) % PATH_COLOURS.length] as string });
  }
  return out;
}
