// The Cytoscape stylesheet, generated from the vocabulary. Pure. Everything data-driven is a data
// selector (edge[type = "ACCUSES"], edge[status = "alleged"]); UI state is only ever a class
// (.path, .faded, .hidden) switched inside cy.batch(), never a per-element style override.

import type { StylesheetJson } from 'cytoscape';
import { ALLIANCE_STYLES } from '../alliances/style.js';
import type { RelationshipTypeInfo, Vocabulary } from '../api/types.js';

/** The ways edges can be coloured; the legend, the URL and the stylesheet read this one list. */
export const COLOUR_MODES = [
  { id: 'type', label: 'Relationship type' },
  { id: 'weight', label: 'Cooperation – conflict' },
] as const;

export type ColourMode = (typeof COLOUR_MODES)[number]['id'];

/** Categorical colours, readable on white, assigned to relationship types in name order. */
export const TYPE_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#7b4173',
  '#3182bd',
  '#e6550d',
  '#31a354',
  '#756bb1',
  '#636363',
  '#969696',
] as const;

export interface KindStyle {
  shape: 'round-rectangle' | 'ellipse' | 'hexagon' | 'diamond' | 'triangle' | 'star' | 'octagon';
  colour: string;
}

const KNOWN_KINDS: Record<string, KindStyle> = {
  Country: { shape: 'round-rectangle', colour: '#2f5d8c' },
  Person: { shape: 'ellipse', colour: '#7b4f9d' },
  Organization: { shape: 'hexagon', colour: '#b7791f' },
};
const SPARE_KINDS: KindStyle[] = [
  { shape: 'diamond', colour: '#2c7a7b' },
  { shape: 'triangle', colour: '#9b2c2c' },
  { shape: 'octagon', colour: '#4a5568' },
  { shape: 'star', colour: '#744210' },
];

/** Shape and colour of each actor kind: fixed for the vocabulary's three, then a spare list. */
export function kindStyles(kinds: readonly string[]): Map<string, KindStyle> {
  const out = new Map<string, KindStyle>();
  let spare = 0;
  for (const kind of kinds) {
    const known = KNOWN_KINDS[kind];
    if (known) out.set(kind, known);
    else out.set(kind, SPARE_KINDS[spare++ % SPARE_KINDS.length] as KindStyle);
  }
  return out;
}

/** One colour per relationship type, stable for a given vocabulary (assigned in name order). */
export function typeColours(types: readonly RelationshipTypeInfo[]): Map<string, string> {
  const names = types.map((t) => t.type).sort();
  return new Map(names.map((name, i) => [name, TYPE_PALETTE[i % TYPE_PALETTE.length] as string]));
}

/**
 * From this many elements on, everything drawn carries the class `bulk`: straight haystack lines
 * without arrows, marks or labels, and actor names only when zoomed in to read them. The client
 * benchmark measured canvas falling below 30 fps between 1,000 and 2,000 elements with the full style.
 */
export const BULK_FROM_ELEMENTS = 1000;

const NEUTRAL = '#9aa0a6';
const SELECTED = '#c53030';

/**
 * One colour per path of a path answer (class path-0, path-1, …), drawn as a halo under the line
 * so the line keeps its type colour. Ten, as k is at most 10.
 */
export const PATH_COLOURS = [
  '#f28e2b',
  '#4e79a7',
  '#59a14f',
  '#b07aa1',
  '#edc948',
  '#76b7b2',
  '#e15759',
  '#9c755f',
  '#ff9da7',
  '#7f7f7f',
] as const;

function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const parts = [0, 1, 2].map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t));
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`;
}

/** Cooperation (+10, deep green) to conflict (−10, deep red); grey where the vocabulary has no weight. */
export function weightColour(weight: number | null): string {
  if (weight === null || weight === 0) return NEUTRAL;
  const t = Math.min(Math.abs(weight), 10) / 10;
  return weight > 0 ? mix('#9bd39a', '#0b6b2e', t) : mix('#f4a48c', '#a50f15', t);
}

export function edgeColour(type: RelationshipTypeInfo, mode: ColourMode, colours: Map<string, string>): string {
  return mode === 'weight' ? weightColour(type.weight) : (colours.get(type.type) ?? NEUTRAL);
}

/**
 * How each status draws: solid for facts and reports, dashed for allegations, dotted for plans,
 * and a bar across the middle of the line (the "tee" mark) for denied or disputed relationships.
 */
export const STATUS_STYLES: Record<
  string,
  { lineStyle: 'solid' | 'dashed' | 'dotted'; mark: boolean; faint: boolean }
> = {
  fact: { lineStyle: 'solid', mark: false, faint: false },
  reported: { lineStyle: 'solid', mark: false, faint: false },
  alleged: { lineStyle: 'dashed', mark: false, faint: false },
  denied: { lineStyle: 'dashed', mark: true, faint: false },
  planned: { lineStyle: 'dotted', mark: false, faint: false },
  cancelled: { lineStyle: 'dotted', mark: false, faint: true },
};

/** A string literal for a Cytoscape selector: the vocabulary's names never need escaping, but be safe. */
export function selectorString(value: string): string {
  return JSON.stringify(value);
}

export function buildStylesheet(vocabulary: Vocabulary, mode: ColourMode = 'type'): StylesheetJson {
  const colours = typeColours(vocabulary.types);
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: '#1a202c',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        width: 34,
        height: 34,
        'background-color': NEUTRAL,
        'border-width': 2,
        'border-color': '#ffffff',
        // Names too small to read are not drawn (at 12 px: below 60 % zoom).
        'min-zoomed-font-size': 7,
      },
    },
  ];
  for (const [kind, style] of kindStyles(vocabulary.kinds)) {
    sheet.push({
      selector: `node[kind = ${selectorString(kind)}]`,
      style: { shape: style.shape, 'background-color': style.colour },
    });
  }
  sheet.push(
    { selector: 'node[kind = "Country"]', style: { width: 46, height: 34, 'font-size': 13, 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 'mapData(confidence, 0, 1, 1.5, 4.5)',
        'line-color': NEUTRAL,
        'target-arrow-color': NEUTRAL,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        label: '',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: '#4a5568',
        'text-rotation': 'autorotate',
        // Beside the line, not on it, so the mid-line mark of denied and disputed edges stays visible.
        'text-margin-y': -8,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.6,
        'text-background-padding': '1px',
        // Edge labels appear once zoomed in enough to read them; the legend names the colours before.
        'min-zoomed-font-size': 9,
      },
    },
  );
  for (const type of vocabulary.types) {
    const colour = edgeColour(type, mode, colours);
    sheet.push({
      selector: `edge[type = ${selectorString(type.type)}]`,
      style: {
        'line-color': colour,
        'target-arrow-color': colour,
        'target-arrow-shape': type.directed ? 'triangle' : 'none',
        label: type.label,
      },
    });
  }
  for (const [status, style] of Object.entries(STATUS_STYLES)) {
    sheet.push({
      selector: `edge[status = ${selectorString(status)}]`,
      style: {
        'line-style': style.lineStyle,
        ...(style.lineStyle === 'dashed' ? { 'line-dash-pattern': [7, 4] } : {}),
        ...(style.lineStyle === 'dotted' ? { 'line-dash-pattern': [1, 4] } : {}),
        ...(style.faint ? { opacity: 0.5 } : {}),
        ...(style.mark
          ? { 'mid-target-arrow-shape': 'tee', 'mid-target-arrow-color': '#1a202c', 'arrow-scale': 1.4 }
          : {}),
      },
    });
  }
  sheet.push(
    {
      selector: 'edge[?disputed]',
      style: { 'mid-target-arrow-shape': 'tee', 'mid-target-arrow-color': '#1a202c', 'arrow-scale': 1.4 },
    },
    // Bulk: the cheap way to draw thousands of lines (BULK_FROM_ELEMENTS). Status still shows as
    // the line style and type as the colour; the details panel and the legend say the rest.
    { selector: 'node.bulk', style: { 'min-zoomed-font-size': 11, 'text-background-opacity': 0, 'border-width': 1 } },
    {
      selector: 'edge.bulk',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        'target-arrow-shape': 'none',
        'mid-target-arrow-shape': 'none',
        label: '',
      },
    },
    // UI state, as classes. A path forces its elements visible over the filter's .hidden.
    { selector: '.hidden', style: { display: 'none' } },
    ...ALLIANCE_STYLES,
    { selector: '.forced', style: { display: 'element' } },
    { selector: 'node.isolated', style: { opacity: 0.35 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.2 } },
    {
      selector: 'node.path',
      style: { 'border-width': 4, 'border-color': '#1a202c', opacity: 1, 'text-opacity': 1, 'z-index': 10 },
    },
    {
      selector: 'edge.path',
      style: {
        width: 6,
        opacity: 1,
        'text-opacity': 1,
        'z-index': 10,
        'underlay-opacity': 0.7,
        'underlay-padding': 6,
      },
    },
    ...PATH_COLOURS.map((colour, i) => ({ selector: `edge.path-${i}`, style: { 'underlay-color': colour } })),
    // A proposal previewed before it is accepted (the Articles view): there, but not yet the graph's.
    {
      selector: '.ghost',
      style: { display: 'element', opacity: 0.55, 'z-index': 30, 'text-opacity': 1 },
    },
    { selector: 'node.ghost', style: { 'border-style': 'dashed', 'border-color': '#1a202c', 'border-width': 2 } },
    {
      selector: 'edge.ghost',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 5], width: 5, 'min-zoomed-font-size': 0 },
    },
    {
      selector: 'edge.preview-target',
      style: { 'underlay-color': '#2b6cb0', 'underlay-opacity': 0.45, 'underlay-padding': 6, 'z-index': 25 },
    },
    {
      selector: 'node:selected',
      style: { 'border-width': 5, 'border-color': SELECTED, 'overlay-color': SELECTED, 'overlay-opacity': 0.15 },
    },
    {
      // The selected line stands out whatever its type colour: thick, a red halo, its label always shown.
      selector: 'edge:selected',
      style: {
        width: 7,
        opacity: 1,
        'underlay-color': SELECTED,
        'underlay-opacity': 0.6,
        'underlay-padding': 7,
        'z-index': 20,
        'font-size': 12,
        'font-weight': 'bold',
        color: SELECTED,
        'text-opacity': 1,
        'min-zoomed-font-size': 0,
      },
    },
  );
  return sheet;
}
