// Export buttons: a PNG picture, and the visible graph with its provenance as Cytoscape JSON,
// GraphML and CSV.
import type { Core } from 'cytoscape';
import { edgesCsv, nodesCsv, toGraphML } from '../export/formats.js';
import type { EdgeData, NodeData } from '../graph/elements.js';
import { h } from './dom.js';

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { attrs: { href: url, download: filename } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function visible(cy: Core) {
  const shown = cy.elements().not('.hidden');
  return {
    nodes: shown.nodes().map((n) => n.data() as NodeData),
    edges: shown.edges().map((e) => e.data() as EdgeData),
    elements: shown,
  };
}

export function exportPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
}

export function createExportMenu(container: HTMLElement, getCy: () => Core | null): void {
  const stamp = () => new Date().toISOString().slice(0, 10);
  const run = (make: (cy: Core) => [Blob, string]) => () => {
    const cy = getCy();
    if (!cy) return;
    const [blob, name] = make(cy);
    download(blob, name);
  };
  const buttons: [string, string, (cy: Core) => [Blob, string]][] = [
    ['export-png', 'PNG', (cy) => [exportPng(cy), `actor-graph-${stamp()}.png`]],
    [
      'export-json',
      'Cytoscape JSON',
      (cy) => {
        const { elements } = visible(cy);
        const json = JSON.stringify({ elements: elements.jsons() }, null, 2);
        return [new Blob([json], { type: 'application/json' }), `actor-graph-${stamp()}.cyjs`];
      },
    ],
    [
      'export-graphml',
      'GraphML',
      (cy) => {
        const { nodes, edges } = visible(cy);
        return [new Blob([toGraphML(nodes, edges)], { type: 'application/xml' }), `actor-graph-${stamp()}.graphml`];
      },
    ],
    [
      'export-nodes-csv',
      'Actors CSV',
      (cy) => [new Blob([nodesCsv(visible(cy).nodes)], { type: 'text/csv' }), `actor-graph-actors-${stamp()}.csv`],
    ],
    [
      'export-edges-csv',
      'Relationships CSV',
      (cy) => [
        new Blob([edgesCsv(visible(cy).edges)], { type: 'text/csv' }),
        `actor-graph-relationships-${stamp()}.csv`,
      ],
    ],
  ];
  container.append(
    h(
      'details',
      { class: 'export-menu' },
      h('summary', { text: 'Export' }),
      h(
        'div',
        { class: 'export-buttons', attrs: { role: 'group', 'aria-label': 'Export the visible graph' } },
        ...buttons.map(([id, label, make]) =>
          h('button', { text: label, attrs: { id, type: 'button' }, on: { click: run(make) } }),
        ),
      ),
    ),
  );
}
