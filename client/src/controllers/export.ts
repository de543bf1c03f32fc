// Exports of what is visible, each recording the view it was made from (in the file and its name).
// The formats, the legend and the picture are loaded on the first export (import()), so the first
// view does not wait for code it does not draw.
import type { Core } from 'cytoscape';
import type { EdgeRecord, ExportView, NodeRecord } from '../export/formats.js';
import type { EdgeData, NodeData } from '../graph/elements.js';
import { encodeState } from '../state/url-state.js';
import { download, type ExportChoice, ExportMenu } from '../ui/export-menu.js';
import type { AppContext } from './controller.js';

type Formats = typeof import('../export/formats.js');
const formats = (): Promise<Formats> => import('../export/formats.js');

interface Visible {
  view: ExportView;
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export class ExportController {
  readonly menu: ExportMenu;

  constructor(
    private readonly ctx: AppContext,
    /** The paths drawn now (indexes) and which one is picked (null: all of them). */
    private readonly paths: { readonly focus: number | null; readonly shown: readonly number[] },
  ) {
    const file =
      (what: string, ext: string, type: string, make: (v: Visible, f: Formats) => string): ExportChoice['run'] =>
      async () => {
        const f = await formats();
        const visible = this.visible(f);
        download(new Blob([make(visible, f)], { type }), f.exportFileName(visible.view, what, ext));
      };
    this.menu = new ExportMenu([
      { id: 'export-png', label: 'PNG picture', run: ({ legend }) => this.picture(legend) },
      {
        id: 'export-json',
        label: 'Cytoscape JSON',
        run: file('', 'cyjs', 'application/json', (v, f) =>
          f.toCytoscapeJson(v.nodes, v.edges, v.view, this.positions()),
        ),
      },
      {
        id: 'export-graphml',
        label: 'GraphML',
        run: file('', 'graphml', 'application/xml', (v, f) => f.toGraphML(v.nodes, v.edges, v.view)),
      },
      {
        id: 'export-nodes-csv',
        label: 'Actors CSV',
        run: file('actors', 'csv', 'text/csv', (v, f) => f.nodesCsv(v.nodes, v.view)),
      },
      {
        id: 'export-edges-csv',
        label: 'Relationships CSV',
        run: file('relationships', 'csv', 'text/csv', (v, f) => f.edgesCsv(v.edges, v.view)),
      },
      {
        id: 'export-sources-csv',
        label: 'Sources CSV',
        run: file('sources', 'csv', 'text/csv', (v, f) => f.sourcesCsv(v.edges, v.view)),
      },
    ]);
  }

  private get cy(): Core {
    return this.ctx.graph.cy;
  }

  private positions(): Map<string, { x: number; y: number }> {
    return new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
  }

  /** What is drawn now: every actor, and the relationships not hidden (or shown by a path). */
  private drawn(): { nodes: NodeData[]; edges: EdgeData[] } {
    return {
      nodes: this.cy
        .nodes()
        .not('.ghost')
        .map((n) => n.data() as NodeData),
      edges: this.cy
        .edges()
        .not('.ghost')
        .filter((e) => !e.hasClass('hidden') || e.hasClass('forced'))
        .map((e) => e.data() as EdgeData),
    };
  }

  private visible({ nodeRecord, edgeRecord }: Formats): Visible {
    const { store, graph, types } = this.ctx;
    const state = store.state;
    const drawn = this.drawn();
    const nodes = drawn.nodes.map(nodeRecord);
    const edges = drawn.edges.map((e) => edgeRecord(e, types));
    const path = state.path;
    const focus = path ? this.paths.focus : null;
    const query = encodeState(state);
    const view: ExportView = {
      title: 'Actor Graph',
      exportedAt: new Date().toISOString(),
      link: query ? `?${query}` : '',
      time: state.filters.time,
      hiddenTypes: [...state.filters.hiddenTypes],
      hiddenStatuses: [...state.filters.hiddenStatuses],
      minConfidence: state.filters.minConfidence,
      colourMode: state.colourMode,
      path: path && {
        ...path,
        fromName: graph.actor(path.from)?.name ?? path.from,
        toName: graph.actor(path.to)?.name ?? path.to,
        shown: focus === null ? null : focus + 1,
      },
      actors: nodes.length,
      relationships: edges.length,
    };
    return { view, nodes, edges };
  }

  private async picture(legend: boolean): Promise<void> {
    const [f, { legendEntries }, { graphPicture }] = await Promise.all([
      formats(),
      import('../export/legend.js'),
      import('../export/picture.js'),
    ]);
    const { view } = this.visible(f);
    const { vocabulary, types, store } = this.ctx;
    const { nodes, edges } = this.drawn();
    const pathNumbers = this.paths.shown.map((i) => i + 1);
    const blob = await graphPicture(this.cy, {
      caption: legend ? [view.title, ...f.describeView(view, (t) => types.get(t)?.label ?? t)] : [],
      legend: legend ? legendEntries(nodes, edges, vocabulary, store.state.colourMode, pathNumbers) : [],
      viewJson: JSON.stringify(view),
    });
    download(blob, f.exportFileName(view, '', 'png'));
  }
}
