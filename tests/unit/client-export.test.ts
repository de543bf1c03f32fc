import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, EDGE_COLUMNS, edgesCsv, nodesCsv, toGraphML, xmlEscape } from '../../client/src/export/formats.js';
import { type EdgeData, type NodeData, subgraphToElements } from '../../client/src/graph/elements.js';
import { subgraph } from './client-fixtures.js';

const elements = subgraphToElements(subgraph);
const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data as NodeData);
const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData);

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
function checkXml(xml: string): { dataValues: string[] } {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const dataValues: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null = token.exec(body);
  let consumed = 0;
  while (m) {
    consumed = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      if (stack.at(-1) === 'data') {
        dataValues.push(
          text
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        );
      }
    } else if (closing) {
      expect(stack.pop()).toBe(name);
    } else {
      expect(attrs ?? '').not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      if (!selfClosing) stack.push(name as string);
    }
    m = token.exec(body);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return { dataValues };
}

describe('GraphML export', () => {
  it('is well-formed and keeps provenance, with values escaped', () => {
    const xml = toGraphML(nodes, edges);
    const { dataValues } = checkXml(xml);
    expect(xml).toContain('<edge id="north-korea-sends-troops-to-russia" source="north-korea" target="russia">');
    expect(dataValues).toContain('alleged');
    expect(dataValues).toContain('volodymyr-zelenskyy');
    expect(dataValues).toContain('2024-10');
    expect(dataValues).toContain('North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees');
    expect(dataValues).toContain('https://example.org/a?b=1&c=2');
  });

  it('stays well-formed whatever the text holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (name, summary) => {
        const n = [{ ...(nodes[0] as NodeData), label: name, description: summary }];
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

  it('writes edges with status, dates and sources', () => {
    const rows = parseCsv(edgesCsv(edges));
    expect(rows[0]).toEqual([...EDGE_COLUMNS]);
    const record = Object.fromEntries(EDGE_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(record).toMatchObject({
      id: 'north-korea-sends-troops-to-russia',
      status: 'alleged',
      validFrom: '2024-10',
      knownSince: '2024-10-14',
      claimedBy: 'volodymyr-zelenskyy',
      disputed: 'true',
      summary: 'Ukraine says North Korea sent soldiers, "with equipment", to Russia.',
      sources: 'North Korea "sends troops" to Russia, <Kyiv> says & Seoul agrees',
      sourceUrls: 'https://example.org/a?b=1&c=2',
    });
    expect(rows).toHaveLength(1 + edges.length);
  });

  it('writes actors with their aliases', () => {
    const rows = parseCsv(nodesCsv(nodes));
    expect(rows[1]).toEqual(['north-korea', 'North Korea', 'Country', 'DPRK; Pyongyang', '']);
  });
});
