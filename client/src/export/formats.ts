// Exports that keep provenance: GraphML and CSV built from element data. Pure.
import type { EdgeData, NodeData } from '../graph/elements.js';

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

/** One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    cells.map((c) => csvField(c as string | number | boolean | null | undefined)).join(',');
  return `${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

const sourceList = (e: EdgeData) => e.sources.map((s) => s.title).join('; ');
const sourceUrls = (e: EdgeData) => e.sources.map((s) => s.url ?? '').join('; ');
const sourceIds = (e: EdgeData) => e.sources.map((s) => s.id).join('; ');

export function nodesCsv(nodes: readonly NodeData[]): string {
  return toCsv(
    ['id', 'name', 'kind', 'aliases', 'description'],
    nodes.map((n) => [n.id, n.label, n.kind, n.aliases.join('; '), n.description]),
  );
}

export const EDGE_COLUMNS = [
  'id',
  'from',
  'to',
  'type',
  'status',
  'confidence',
  'validFrom',
  'validTo',
  'knownSince',
  'claimedBy',
  'about',
  'disputed',
  'summary',
  'sourceIds',
  'sources',
  'sourceUrls',
] as const;

export function edgesCsv(edges: readonly EdgeData[]): string {
  return toCsv(
    EDGE_COLUMNS,
    edges.map((e) => [
      e.id,
      e.source,
      e.target,
      e.type,
      e.status,
      e.confidence,
      e.validFromText,
      e.validToText,
      e.knownSince,
      e.claimedBy,
      e.about,
      e.disputed,
      e.summary,
      sourceIds(e),
      sourceList(e),
      sourceUrls(e),
    ]),
  );
}

type KeyType = 'string' | 'double' | 'boolean';

const NODE_KEYS: [string, KeyType][] = [
  ['name', 'string'],
  ['kind', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
];
const EDGE_KEYS: [string, KeyType][] = [
  ['type', 'string'],
  ['status', 'string'],
  ['confidence', 'double'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['knownSince', 'string'],
  ['claimedBy', 'string'],
  ['about', 'string'],
  ['disputed', 'boolean'],
  ['summary', 'string'],
  ['sourceIds', 'string'],
  ['sources', 'string'],
  ['sourceUrls', 'string'],
];

/** GraphML (one directed graph; symmetric types keep their stored direction) with provenance as data keys. */
export function toGraphML(nodes: readonly NodeData[], edges: readonly EdgeData[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  ];
  for (const [name, type] of NODE_KEYS) {
    out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  }
  for (const [name, type] of EDGE_KEYS) {
    out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  }
  out.push('  <graph id="actor-graph" edgedefault="directed">');
  const data = (prefix: string, key: string, value: unknown) =>
    value === null || value === undefined || value === ''
      ? []
      : [`      <data key="${prefix}_${key}">${xmlEscape(String(value))}</data>`];
  for (const n of nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">`);
    out.push(
      ...data('n', 'name', n.label),
      ...data('n', 'kind', n.kind),
      ...data('n', 'aliases', n.aliases.join('; ')),
      ...data('n', 'description', n.description),
    );
    out.push('    </node>');
  }
  for (const e of edges) {
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`);
    out.push(
      ...data('e', 'type', e.type),
      ...data('e', 'status', e.status),
      ...data('e', 'confidence', e.confidence),
      ...data('e', 'validFrom', e.validFromText),
      ...data('e', 'validTo', e.validToText),
      ...data('e', 'knownSince', e.knownSince),
      ...data('e', 'claimedBy', e.claimedBy),
      ...data('e', 'about', e.about),
      ...data('e', 'disputed', e.disputed),
      ...data('e', 'summary', e.summary),
      ...data('e', 'sourceIds', sourceIds(e)),
      ...data('e', 'sources', sourceList(e)),
      ...data('e', 'sourceUrls', sourceUrls(e)),
    );
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
