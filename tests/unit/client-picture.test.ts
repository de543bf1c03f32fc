import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { legendEntries } from '../../client/src/export/legend.js';
import { crc32, pngChunks, readPngText, withPngText } from '../../client/src/export/png-text.js';
import { type EdgeData, type NodeData, subgraphToElements } from '../../client/src/graph/elements.js';
import { subgraph, vocabulary } from './client-fixtures.js';

/** A real 1×1 PNG, built here from its parts. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('the view inside a PNG', () => {
  it('computes CRC-32 as PNG does', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('adds an iTXt chunk before IEND with a valid CRC, and reads it back', () => {
    const view = JSON.stringify({ date: '2024-10-01', path: 'Côte d’Ivoire → 北朝鮮' });
    const png = withPngText(tinyPng(), 'actor-graph:view', view);
    const chunks = pngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    const itxt = chunks[2] as (typeof chunks)[number];
    const stored = new DataView(png.buffer).getUint32(itxt.offset + 8 + itxt.data.length);
    expect(stored).toBe(zlib.crc32(Buffer.from(png.subarray(itxt.offset + 4, itxt.offset + 8 + itxt.data.length))));
    expect(readPngText(png).get('actor-graph:view')).toBe(view);
  });

  it('refuses what is not a PNG, and keywords PNG cannot hold', () => {
    expect(() => withPngText(new Uint8Array([1, 2, 3]), 'k', 'v')).toThrow(/signature/);
    expect(() => withPngText(tinyPng(), '', 'v')).toThrow(/keyword/);
    expect(() => withPngText(tinyPng(), 'x'.repeat(80), 'v')).toThrow(/keyword/);
  });
});

describe('the legend of a picture', () => {
  const elements = subgraphToElements(subgraph);
  const nodes = elements.filter((e) => e.group === 'nodes').map((e) => e.data as NodeData);
  const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData);

  it('lists only the types, statuses and kinds drawn, and the paths shown', () => {
    const entries = legendEntries(nodes, edges, vocabulary, 'type', [1, 3]);
    const labels = (group: string) => entries.filter((e) => e.group === group).map((e) => e.label);
    expect(labels('Relationship types')).toEqual(['accuses', 'cooperates with', 'sends troops to']);
    expect(labels('Statuses')).toEqual(['Fact', 'Alleged']);
    expect(labels('Actors')).toEqual(['Country']);
    expect(labels('Paths')).toEqual(['Path 1', 'Path 3']);
    const cooperation = entries.find((e) => e.label === 'cooperates with');
    expect(cooperation).toMatchObject({ directed: false });
    expect(entries.find((e) => e.label === 'Alleged')).toMatchObject({ lineStyle: 'dashed' });
  });

  it('colours the types as the chosen mode does', () => {
    const accuses = (mode: 'type' | 'weight') =>
      legendEntries(nodes, edges, vocabulary, mode).find((e) => e.label === 'accuses');
    expect(accuses('weight')).toMatchObject({ colour: '#e48674' });
    expect(accuses('type')).not.toMatchObject({ colour: '#e48674' });
  });
});
