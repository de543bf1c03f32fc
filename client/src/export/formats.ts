// Exports that keep provenance: one record per actor, relationship and source, written as
// Cytoscape JSON, GraphML and CSV with the same field names meaning the same thing in each
// (docs/client.md, "Exports"), and the view they were made from recorded in every file. Pure.
import type { RelationshipTypeInfo, Source } from '../api/types.js';
import type { EdgeData, NodeData } from '../graph/elements.js';
import type { TimeMode } from '../graph/filters.js';
import { confidenceText } from '../ui/format.js';

/** What was on screen when the file was written. */
export interface ExportView {
  title: string;
  /** ISO 8601 instant. */
  exportedAt: string;
  /** The view's query string: open the client with it to see the same view. */
  link: string;
  time: { mode: TimeMode; date: string } | null;
  hiddenTypes: string[];
  hiddenStatuses: string[];
  minConfidence: number;
  colourMode: string;
  path: {
    from: string;
    fromName: string;
    to: string;
    toName: string;
    k: number;
    maxHops: number;
    excludeAllegations: boolean;
    /** Which path is highlighted: null for all of them, else its number (1-based). */
    shown: number | null;
  } | null;
  actors: number;
  relationships: number;
}

export interface NodeRecord {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
}

/** A relationship as every format writes it. Dates: see validFrom/validStart in docs/client.md. */
export interface EdgeRecord {
  id: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  type: string;
  typeLabel: string;
  /** False for symmetric types (MET_WITH, COOPERATES_WITH): from and to are only the stored order. */
  directed: boolean;
  status: string;
  sentence: string;
  confidence: number;
  /** Valid time as written by the sources: YYYY, YYYY-MM or YYYY-MM-DD. */
  validFrom: string | null;
  validTo: string | null;
  /** Valid time as days: first day of validFrom, last day of validTo. */
  validStart: string | null;
  validEnd: string | null;
  /** Knowledge time: the publication day of the earliest source. */
  knownSince: string;
  claimedBy: string | null;
  claimedByName: string | null;
  about: string | null;
  aboutSentence: string | null;
  disputed: boolean;
  summary: string;
  sourceIds: string[];
  sources: Source[];
}

type Scalar = string | number | boolean | null;
type KeyType = 'string' | 'double' | 'boolean';

export const NODE_FIELDS: readonly (readonly [keyof NodeRecord, KeyType])[] = [
  ['id', 'string'],
  ['name', 'string'],
  ['kind', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
];

/** Every scalar field of a relationship, in the order CSV columns and GraphML keys appear. */
export const EDGE_FIELDS: readonly (readonly [Exclude<keyof EdgeRecord, 'sources'>, KeyType])[] = [
  ['id', 'string'],
  ['from', 'string'],
  ['fromName', 'string'],
  ['to', 'string'],
  ['toName', 'string'],
  ['type', 'string'],
  ['typeLabel', 'string'],
  ['directed', 'boolean'],
  ['status', 'string'],
  ['sentence', 'string'],
  ['confidence', 'double'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['validStart', 'string'],
  ['validEnd', 'string'],
  ['knownSince', 'string'],
  ['claimedBy', 'string'],
  ['claimedByName', 'string'],
  ['about', 'string'],
  ['aboutSentence', 'string'],
  ['disputed', 'boolean'],
  ['summary', 'string'],
  ['sourceIds', 'string'],
];

export const SOURCE_FIELDS: readonly (keyof Source)[] = ['id', 'title', 'publisher', 'published', 'kind', 'url'];

/** Lists inside one CSV cell or GraphML value; ids and aliases never hold it. */
const LIST_SEPARATOR = '; ';

export function nodeRecord(n: NodeData): NodeRecord {
  return { id: n.id, name: n.label, kind: n.kind, aliases: [...n.aliases], description: n.description };
}

export function edgeRecord(e: EdgeData, types: ReadonlyMap<string, RelationshipTypeInfo>): EdgeRecord {
  const info = types.get(e.type);
  return {
    id: e.id,
    from: e.source,
    fromName: e.sourceName,
    to: e.target,
    toName: e.targetName,
    type: e.type,
    typeLabel: info?.label ?? e.type,
    directed: info?.directed ?? true,
    status: e.status,
    sentence: e.sentence,
    confidence: e.confidence,
    validFrom: e.validFrom,
    validTo: e.validTo,
    validStart: e.validStart,
    validEnd: e.validEnd,
    knownSince: e.knownSince,
    claimedBy: e.claimedBy,
    claimedByName: e.claimedByName,
    about: e.about,
    aboutSentence: e.aboutSentence,
    disputed: e.disputed,
    summary: e.summary,
    sourceIds: e.sources.map((s) => s.id),
    sources: e.sources.map((s) => ({ ...s })),
  };
}

/** The sources the relationships cite, each once, by id. */
export function sourcesOf(edges: readonly EdgeRecord[]): Source[] {
  const byId = new Map<string, Source>();
  for (const e of edges) for (const s of e.sources) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

const flat = (value: unknown): Scalar =>
  Array.isArray(value) ? value.join(LIST_SEPARATOR) : ((value as Scalar | undefined) ?? null);

/** The view as name/value pairs, in one order, for the formats that have no nesting. */
export function viewPairs(view: ExportView): [string, string][] {
  const p = view.path;
  const pairs: [string, Scalar][] = [
    ['title', view.title],
    ['exportedAt', view.exportedAt],
    ['link', view.link],
    ['timeMode', view.time?.mode ?? null],
    ['date', view.time?.date ?? null],
    ['hiddenTypes', flat(view.hiddenTypes)],
    ['hiddenStatuses', flat(view.hiddenStatuses)],
    ['minConfidence', view.minConfidence],
    ['colourMode', view.colourMode],
    ['pathFrom', p?.from ?? null],
    ['pathTo', p?.to ?? null],
    ['pathK', p?.k ?? null],
    ['pathMaxHops', p?.maxHops ?? null],
    ['pathExcludeAllegations', p?.excludeAllegations ?? null],
    ['pathShown', p ? (p.shown ?? 'all') : null],
    ['actors', view.actors],
    ['relationships', view.relationships],
  ];
  return pairs.map(([k, v]) => [k, v === null ? '' : String(v)]);
}

/** The view in words, for the caption of a picture. */
export function describeView(view: ExportView, typeLabel: (type: string) => string = (t) => t): string[] {
  const lines = [
    view.time
      ? `${view.time.mode === 'asOf' ? 'As of' : 'As known on'} ${view.time.date} (${view.time.mode === 'asOf' ? 'valid' : 'knowledge'} time)`
      : 'All dates',
  ];
  const hidden = [...view.hiddenStatuses.map((s) => `${s}`), ...view.hiddenTypes.map((t) => typeLabel(t))];
  const filters = [
    hidden.length ? `hidden: ${hidden.join(', ')}` : 'nothing hidden',
    view.minConfidence > 0 ? `confidence at least ${confidenceText(view.minConfidence)}` : '',
    `coloured by ${view.colourMode === 'weight' ? 'cooperation – conflict' : 'relationship type'}`,
  ].filter(Boolean);
  lines.push(`Filters: ${filters.join('; ')}`);
  const p = view.path;
  if (p) {
    const options = [`k ${p.k}`, `at most ${p.maxHops} hops`, p.excludeAllegations ? 'no allegations' : ''].filter(
      Boolean,
    );
    lines.push(
      `Path: ${p.fromName} → ${p.toName} (${options.join(', ')}); ${p.shown === null ? 'all paths shown' : `path ${p.shown} shown`}`,
    );
  }
  lines.push(`${view.actors} actors, ${view.relationships} relationships; exported ${view.exportedAt.slice(0, 10)}`);
  return lines;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A file name that says what view it holds, e.g.
 * actor-graph-relationships_as-of-2024-10-01_no-alleged_path-joe-biden-to-kim-jong-un_2024-12-02.csv
 */
export function exportFileName(view: ExportView, what: string, extension: string): string {
  const parts = [slug(['actor-graph', what].filter(Boolean).join('-'))];
  if (view.time) parts.push(`${view.time.mode === 'asOf' ? 'as-of' : 'known-on'}-${view.time.date}`);
  for (const s of view.hiddenStatuses) parts.push(`no-${slug(s)}`);
  if (view.hiddenTypes.length > 3) parts.push(`${view.hiddenTypes.length}-types-hidden`);
  else for (const t of view.hiddenTypes) parts.push(`no-${slug(t)}`);
  if (view.minConfidence > 0) parts.push(`conf-${Math.round(view.minConfidence * 100)}`);
  if (view.colourMode !== 'type') parts.push(`${slug(view.colourMode)}-colours`);
  if (view.path) {
    parts.push(`path-${slug(view.path.from)}-to-${slug(view.path.to)}`);
    if (view.path.shown !== null) parts.push(`path-${view.path.shown}`);
  }
  parts.push(view.exportedAt.slice(0, 10));
  return `${parts.filter(Boolean).join('_').slice(0, 200)}.${extension}`;
}

// CSV ------------------------------------------------------------------------------------------

/** One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], view?: ExportView): string {
  const line = (cells: readonly unknown[]) => cells.map((c) => csvField(flat(c))).join(',');
  // The view as comment lines before the header (the CSV on the Web dialect's commentPrefix "#").
  const preamble = view ? viewPairs(view).map(([k, v]) => `# ${k}: ${v.replace(/[\r\n]+/g, ' ')}`) : [];
  return `${[...preamble, line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

export function nodesCsv(nodes: readonly NodeRecord[], view?: ExportView): string {
  return toCsv(
    NODE_FIELDS.map(([name]) => name),
    nodes.map((n) => NODE_FIELDS.map(([name]) => n[name])),
    view,
  );
}

export function edgesCsv(edges: readonly EdgeRecord[], view?: ExportView): string {
  return toCsv(
    EDGE_FIELDS.map(([name]) => name),
    edges.map((e) => EDGE_FIELDS.map(([name]) => e[name])),
    view,
  );
}

/** The sources the relationships cite: join on relationships.sourceIds. */
export function sourcesCsv(edges: readonly EdgeRecord[], view?: ExportView): string {
  return toCsv(
    SOURCE_FIELDS,
    sourcesOf(edges).map((s) => SOURCE_FIELDS.map((f) => s[f])),
    view,
  );
}

// GraphML --------------------------------------------------------------------------------------

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * GraphML with provenance as typed data keys. Symmetric types are written with directed="false"
 * (GraphML's own per-edge override of edgedefault) and the `directed` key; the sources of each
 * relationship are a JSON array in its `sources` key; the view is in graph-level keys.
 */
export function toGraphML(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[], view?: ExportView): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  const key = (prefix: string, scope: string, name: string, type: KeyType) =>
    `  <key id="${prefix}_${name}" for="${scope}" attr.name="${name}" attr.type="${type}"/>`;
  const graphPairs = view ? viewPairs(view) : [];
  for (const [name] of graphPairs) out.push(key('g', 'graph', name, 'string'));
  for (const [name, type] of NODE_FIELDS) if (name !== 'id') out.push(key('n', 'node', name, type));
  for (const [name, type] of EDGE_FIELDS) if (name !== 'id') out.push(key('e', 'edge', name, type));
  out.push(key('e', 'edge', 'sources', 'string'));
  out.push('  <graph id="actor-graph" edgedefault="directed">');
  const data = (indent: string, prefix: string, name: string, value: unknown) => {
    const v = flat(value);
    return v === null || v === '' ? [] : [`${indent}<data key="${prefix}_${name}">${xmlEscape(String(v))}</data>`];
  };
  for (const [name, value] of graphPairs) out.push(...data('    ', 'g', name, value));
  for (const n of nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">`);
    for (const [name] of NODE_FIELDS) if (name !== 'id') out.push(...data('      ', 'n', name, n[name]));
    out.push('    </node>');
  }
  for (const e of edges) {
    const directed = e.directed ? '' : ' directed="false"';
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.from)}" target="${xmlEscape(e.to)}"${directed}>`);
    for (const [name] of EDGE_FIELDS) if (name !== 'id') out.push(...data('      ', 'e', name, e[name]));
    out.push(...data('      ', 'e', 'sources', e.sources.length ? JSON.stringify(e.sources) : null));
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

// Cytoscape JSON -------------------------------------------------------------------------------

/**
 * Cytoscape.js JSON (cy.json() reads it back): the records as element data, with Cytoscape's own
 * `source`/`target` beside `from`/`to`, node positions, and the view in the graph's `data`.
 */
export function toCytoscapeJson(
  nodes: readonly NodeRecord[],
  edges: readonly EdgeRecord[],
  view?: ExportView,
  positions: ReadonlyMap<string, { x: number; y: number }> = new Map(),
): string {
  return `${JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'actor-graph',
      target_cytoscapejs_version: '~3',
      data: view ? { view } : {},
      elements: {
        nodes: nodes.map((n) => {
          const position = positions.get(n.id);
          return position ? { data: n, position } : { data: n };
        }),
        edges: edges.map((e) => ({ data: { source: e.from, target: e.to, ...e } })),
      },
    },
    null,
    2,
  )}\n`;
}
