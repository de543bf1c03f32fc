// Text inside a PNG: an iTXt chunk (UTF-8, uncompressed) inserted before IEND, so a picture keeps
// the view it was made from. Pure: bytes in, bytes out.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib) compute it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  data: Uint8Array;
  /** Offset of the chunk's length field in the file. */
  offset: number;
}

/** The chunks of a PNG; throws when the bytes are not one. */
export function pngChunks(png: Uint8Array): PngChunk[] {
  if (png.length < 8 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('Not a PNG: the signature is missing.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length), offset });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('Not a PNG: it has no IEND chunk.');
  return chunks;
}

/** The PNG with an iTXt chunk `keyword` = `text` before its IEND. Keywords are 1–79 Latin-1 characters. */
export function withPngText(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword))
    throw new Error(`PNG text keyword "${keyword}" must be 1–79 printable characters.`);
  const end = pngChunks(png).at(-1) as PngChunk;
  const encoder = new TextEncoder();
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
  const body = new Uint8Array([...encoder.encode(keyword), 0, 0, 0, 0, 0, ...encoder.encode(text)]);
  const typed = new Uint8Array([...encoder.encode('iTXt'), ...body]);
  const chunk = new Uint8Array(12 + body.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, body.length);
  chunk.set(typed, 4);
  view.setUint32(8 + body.length, crc32(typed));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, end.offset), 0);
  out.set(chunk, end.offset);
  out.set(png.subarray(end.offset), end.offset + chunk.length);
  return out;
}

/** The text of every iTXt chunk, by keyword (uncompressed ones only, which is what withPngText writes). */
export function readPngText(png: Uint8Array): Map<string, string> {
  const decoder = new TextDecoder();
  const out = new Map<string, string>();
  for (const { type, data } of pngChunks(png)) {
    if (type !== 'iTXt') continue;
    const nul = data.indexOf(0);
    if (nul < 0 || data[nul + 1] !== 0) continue;
    const language = data.indexOf(0, nul + 3);
    const translated = data.indexOf(0, language + 1);
    out.set(decoder.decode(data.subarray(0, nul)), decoder.decode(data.subarray(translated + 1)));
  }
  return out;
}
