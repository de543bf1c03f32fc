import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvField,
  describeView,
  EDGE_FIELDS,
  type ExportView,
  edgeRecord,
  edgesCsv,
  exportFileName,
  NODE_FIELDS,
  nodeRecord,
  nodesCsv,
  SOURCE_FIELDS,
  sourcesCsv,
  toCytoscapeJson,
  toGraphML,
  xmlEscape,
} from '../../client/src/export/formats.js';
import { type EdgeData, type NodeData, subgraphToElements } from '../../client/src/graph/elements.js';
import { subgraph, types } from './client-fixtures.js';

const elements = subgraphToElements(subgraph);
const nodes = elements.filter((e) => e.group === 'nodes').map((e) => nodeRecord(e.data as NodeData));
const edges = elements.filter((e) => e.group === 'edges').map((e) => edgeRecord(e.data as EdgeData, types));

const view: ExportView = {
  title: 'Actor Graph',
  exportedAt: '2024-12-02T10:00:00.000Z',
  link: '?hideStatuses=alleged&asOf=2024-10-01&pathFrom=joe-biden&pathTo=kim-jong-un',
  time: { mode: 'asOf', date: '2024-10-01' },
  hiddenTypes: ['ACCUSES'],
  hiddenStatuses: ['alleged'],
  minConfidence: 0.5,
  colourMode: 'weight',
  path: {
    from: 'joe-biden',
    fromName: 'Joe Biden',
    to: 'kim-jong-un',
    toName: 'Kim Jong Un',
    k: 3,
    maxHops: 4,
    excludeAllegations: true,
    shown: 2,
  },
  actors: 3,
  relationships: 3,
};

/** An RFC 4180 reader, to check what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  return rows;
}

/**
 * A strict enough XML check for generated GraphML: tags balance, attribute values are quoted, and
 * text holds no raw '<' or stray '&'. Returns the text of every <data> element, unescaped.
 */
function checkXml(xml: string): { dataValues: string[]; data: Map<string, Map<string, string>>; edgeTags: string[] } {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const dataValues: string[] = [];
  // The data of each node, edge and the graph, by owner id then key id.
  const data = new Map<string, Map<string, string>>();
  const edgeTags: string[] = [];
  const owners: string[] = [];
  let key = '';
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null = token.exec(body);
  let consumed = 0;
  while (m) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      if (stack.at(-1) === 'data') {
        const value = unescapeXml(text);
        dataValues.push(value);
        const owner = owners.at(-1) as string;
        data.set(owner, (data.get(owner) ?? new Map()).set(key, value));
      }
    } else if (closing) {
      expect(stack.pop()).toBe(name);
      if (name === 'node' || name === 'edge' || name === 'graph') owners.pop();
    } else {
      expect(attrs ?? '').not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      const id = unescapeXml(/\sid="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '');
      if (name === 'edge') edgeTags.push(m[0]);
      if (name === 'data') key = /key="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '';
      if (!selfClosing) {
        stack.push(name as string);
        if (name === 'node' || name === 'edge' || name === 'graph') owners.push(name === 'graph' ? '#graph' : id);
      }
    }
    m = token.exec(body);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return { dataValues, data, edgeTags };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A CSV export without its comment lines, as records keyed by the header. */
function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(
    text
      .split('\r\n')
      .filter((l) => !l.startsWith('#'))
      .join('\r\n'),
  ).filter((r) => r.length > 1 || r[0] !== '');
  return rows.map((row) => Object.fromEntries((header ?? []).map((c, i) => [c, row[i] ?? ''])));
}

describe('one meaning per field in every format', () => {
  const troops = 'north-korea-sends-troops-to-russia';
  const cooperation = 'russia-cooperates-with-north-korea';
  const graphml = checkXml(toGraphML(nodes, edges, view));
  const csv = csvRecords(edgesCsv(edges, view));
  const json = JSON.parse(toCytoscapeJson(nodes, edges, view)) as {
    data: { view: ExportView };
    elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
  };
  const jsonEdge = (id: string) => json.elements.edges.find((e) => e.data.id === id)?.data;
  const csvEdge = (id: string) => csv.find((r) => r.id === id);
  const xmlEdge = (id: string) => graphml.data.get(id);

  it('writes valid time as the written text in validFrom/validTo and as days in validStart/validEnd, alike', () => {
    for (const [field, value] of [
      ['validFrom', '2023'],
      ['validTo', '2024-06'],
      ['validStart', '2023-01-01'],
      ['validEnd', '2024-06-30'],
    ] as const) {
      expect(jsonEdge(cooperation)?.[field]).toBe(value);
      expect(csvEdge(cooperation)?.[field]).toBe(value);
      expect(xmlEdge(cooperation)?.get(`e_${field}`)).toBe(value);
    }
    expect(csvEdge(troops)).toMatchObject({
      validFrom: '2024-10',
      validStart: '2024-10-01',
      validTo: '',
      validEnd: '',
    });
  });

  it('keeps the claimant by id and name, and what a claim is about', () => {
    expect(csvEdge(troops)).toMatchObject({ claimedBy: 'volodymyr-zelenskyy', claimedByName: 'Volodymyr Zelenskyy' });
    expect(xmlEdge(troops)?.get('e_claimedByName')).toBe('Volodymyr Zelenskyy');
    expect(jsonEdge('ukraine-accuses-north-korea')).toMatchObject({
      about: troops,
      aboutSentence: 'North Korea sends troops to Russia',
    });
    expect(csvEdge('ukraine-accuses-north-korea')?.aboutSentence).toBe('North Korea sends troops to Russia');
  });

  it('marks symmetric types as undirected: GraphML directed="false", directed=false in CSV and JSON', () => {
    expect(graphml.edgeTags.find((t) => t.includes(cooperation))).toContain('directed="false"');
    expect(graphml.edgeTags.find((t) => t.includes(troops))).not.toContain('directed=');
    expect(xmlEdge(cooperation)?.get('e_directed')).toBe('false');
    expect(csvEdge(cooperation)?.directed).toBe('false');
    expect(csvEdge(troops)?.directed).toBe('true');
    expect(jsonEdge(cooperation)?.directed).toBe(false);
  });

  it('keeps every detail of each source: a structured list in JSON and GraphML, a sources CSV joined by id', () => {
    const expected = [
      {
        id: 'ref-b',
        title: 'North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees',
        publisher: 'Example Archive',
        published: '2023-03-01',
        url: null,
        kind: 'reference',
      },
      {
        id: 'yonhap-2024-10-14',
        title: 'North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees',
        publisher: 'Example Wire',
        published: '2024-10-14',
        url: 'https://example.org/a?b=1&c=2',
        kind: 'article',
      },
    ];
    expect(jsonEdge(cooperation)?.sources).toEqual(expected);
    expect(JSON.parse(xmlEdge(cooperation)?.get('e_sources') ?? '[]')).toEqual(expected);
    expect(csvEdge(cooperation)?.sourceIds).toBe('ref-b; yonhap-2024-10-14');
    const sources = csvRecords(sourcesCsv(edges, view));
    expect(Object.keys(sources[0] ?? {})).toEqual([...SOURCE_FIELDS]);
    expect(sources).toEqual(expected.map((s) => ({ ...s, url: s.url ?? '' })));
    // Every id a relationship cites is a row of the sources file.
    const ids = new Set(sources.map((s) => s.id));
    for (const row of csv) for (const id of row.sourceIds?.split('; ') ?? []) expect(ids.has(id)).toBe(true);
  });

  it('records the view in each file', () => {
    expect(json.data.view).toEqual(view);
    const graph = graphml.data.get('#graph');
    expect(graph?.get('g_date')).toBe('2024-10-01');
    expect(graph?.get('g_timeMode')).toBe('asOf');
    expect(graph?.get('g_hiddenStatuses')).toBe('alleged');
    expect(graph?.get('g_pathFrom')).toBe('joe-biden');
    expect(graph?.get('g_pathShown')).toBe('2');
    const comments = edgesCsv(edges, view)
      .split('\r\n')
      .filter((l) => l.startsWith('# '));
    expect(comments).toContain('# date: 2024-10-01');
    expect(comments).toContain('# colourMode: weight');
    expect(comments).toContain('# pathTo: kim-jong-un');
    expect(nodesCsv(nodes, view).startsWith('# title: Actor Graph\r\n')).toBe(true);
  });

  it('names the file after the view', () => {
    expect(exportFileName(view, 'relationships', 'csv')).toBe(
      'actor-graph-relationships_as-of-2024-10-01_no-alleged_no-accuses_conf-50_weight-colours_path-joe-biden-to-kim-jong-un_path-2_2024-12-02.csv',
    );
    const plain = {
      ...view,
      time: null,
      hiddenTypes: [],
      hiddenStatuses: [],
      minConfidence: 0,
      colourMode: 'type',
      path: null,
    };
    expect(exportFileName(plain, '', 'graphml')).toBe('actor-graph_2024-12-02.graphml');
    const many = {
      ...plain,
      hiddenTypes: ['A', 'B', 'C', 'D'],
      time: { mode: 'knownOn' as const, date: '2024-06-30' },
    };
    expect(exportFileName(many, 'actors', 'csv')).toBe(
      'actor-graph-actors_known-on-2024-06-30_4-types-hidden_2024-12-02.csv',
    );
  });

  it('says the view in words for a caption', () => {
    expect(describeView(view, (t) => (t === 'ACCUSES' ? 'accuses' : t))).toEqual([
      'As of 2024-10-01 (valid time)',
      'Filters: hidden: alleged, accuses; confidence at least 50 %; coloured by cooperation – conflict',
      'Path: Joe Biden → Kim Jong Un (k 3, at most 4 hops, no allegations); path 2 shown',
      '3 actors, 3 relationships; exported 2024-12-02',
    ]);
  });
});

describe('GraphML export', () => {
  it('is well-formed and keeps provenance, with values escaped', () => {
    const xml = toGraphML(nodes, edges);
    const { dataValues } = checkXml(xml);
    expect(xml).toContain('<edge id="north-korea-sends-troops-to-russia" source="north-korea" target="russia">');
    expect(dataValues).toContain('alleged');
    expect(dataValues).toContain('volodymyr-zelenskyy');
    expect(dataValues).toContain('2024-10');
    expect(dataValues).toContain('Ukraine says North Korea sent soldiers, "with equipment", to Russia.');
    expect(dataValues.some((v) => v.includes('https://example.org/a?b=1&c=2'))).toBe(true);
  });

  it('stays well-formed whatever the text holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (name, summary) => {
        const n = [{ ...(nodes[0] as (typeof nodes)[number]), name, description: summary }];
        const { dataValues } = checkXml(toGraphML(n, []));
        // Characters XML cannot hold are dropped; everything else survives.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids.
        const legal = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        if (legal(name)) expect(dataValues).toContain(legal(name));
      }),
    );
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('CSV export', () => {
  it('quotes fields with commas, quotes or line breaks, and only those', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.6)).toBe('0.6');
  });

  it('round-trips any text through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const rows = parseCsv(`${cells.map(csvField).join(',')}\r\n`);
        expect(rows).toEqual([cells]);
      }),
    );
  });

  it('writes one row per relationship under the field list, quoted where needed', () => {
    const rows = parseCsv(edgesCsv(edges));
    expect(rows[0]).toEqual(EDGE_FIELDS.map(([name]) => name));
    expect(rows).toHaveLength(1 + edges.length);
    expect(csvRecords(edgesCsv(edges))[0]).toMatchObject({
      id: 'north-korea-sends-troops-to-russia',
      status: 'alleged',
      knownSince: '2024-10-14',
      disputed: 'true',
      summary: 'Ukraine says North Korea sent soldiers, "with equipment", to Russia.',
      sourceIds: 'yonhap-2024-10-14',
    });
  });

  it('writes actors with their aliases', () => {
    const rows = parseCsv(nodesCsv(nodes));
    expect(rows[0]).toEqual(NODE_FIELDS.map(([name]) => name));
    expect(rows[1]).toEqual(['north-korea', 'North Korea', 'Country', 'DPRK; Pyongyang', '']);
  });
});
