// Client rendering: the first view (layout in the worker, drawing, the frame after) and frames
// per second while panning and zooming, for generated graphs of several element counts, with
// cytoscape's canvas renderer and its WebGL mode, in headless Chromium (the system's chromium
// through playwright-core). The page (bench/client/) runs the client's own graph code, built here
// with Vite, so the figures are the client's: its stylesheet, its bulk styles, its layout.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Vocabulary } from '../client/src/api/types.js';
import type { GraphElement } from '../client/src/graph/elements.js';
import type { Renderer } from '../client/src/graph/renderer.js';
import { vocabulary } from '../server/model/vocabulary.js';
import { generateBundle } from './generator.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** One fifth of the elements are actors, as in a 2,000-actor / 8,000-relationship graph. */
export const NODE_SHARE = 0.2;

export interface ClientCase {
  count: number;
  nodes: number;
  edges: number;
  webgl: boolean;
  /** The client drew it with its bulk styles (BULK_FROM_ELEMENTS). */
  bulk: boolean;
  /** From createGraph to the frame after the laid-out graph was added. */
  firstViewMs: number;
  /** Of which the layout (in the worker) and adding the elements. */
  layoutAndAddMs: number;
  fps: number;
  worstFrameMs: number;
}

export interface ClientResult {
  chromium: string;
  webglAvailable: boolean;
  seconds: number;
  cases: ClientCase[];
  /** The smallest measured element count from which WebGL gives more frames per second than canvas at every larger count; null if it never does. */
  webglWinsFrom: number | null;
}

/** The client's vocabulary as the Vocabulary query gives it, from the same file the server reads. */
function clientVocabulary(): Vocabulary {
  return {
    types: vocabulary.relationshipTypes.map((t) => ({
      type: t.type,
      label: t.label,
      directed: t.directed,
      cameo: t.cameo ?? null,
      weight: t.weight ?? null,
      aboutClaim: t.aboutClaim ?? false,
      description: t.description ?? '',
    })) as Vocabulary['types'],
    kinds: vocabulary.actorKinds.map((k) => k.kind),
    statuses: vocabulary.statuses.map((s) => s.status) as Vocabulary['statuses'],
  };
}

/** A generated graph of `count` elements as the client's elements (only what the stylesheet reads). */
export function benchElements(count: number, seed = 1): GraphElement[] {
  const actors = Math.max(10, Math.round(count * NODE_SHARE));
  const bundle = generateBundle({ actors, relationships: count - actors, seed });
  const names = new Map(bundle.actors.map((a) => [a.id, a.name]));
  return [
    ...bundle.actors.map(
      (a): GraphElement => ({
        group: 'nodes',
        data: { id: a.id, label: a.name, kind: a.kind, aliases: [], description: null },
      }),
    ),
    ...bundle.relationships.map(
      (r): GraphElement => ({
        group: 'edges',
        data: {
          id: r.id,
          source: r.from,
          target: r.to,
          sourceName: names.get(r.from) ?? r.from,
          targetName: names.get(r.to) ?? r.to,
          type: r.type,
          status: r.status,
          confidence: r.confidence,
          summary: '',
          event: false,
          lastDay: '2024-01-01',
          sentence: '',
          validFrom: null,
          validTo: null,
          validStart: null,
          validEnd: null,
          knownSince: '2024-01-01',
          disputed: false,
          claimedBy: null,
          claimedByName: null,
          about: null,
          aboutSentence: null,
          sources: [],
        },
      }),
    ),
  ];
}

async function buildPage(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'actor-graph-client-bench-'));
  await build({
    root: path.join(HERE, 'client'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = req.url === '/' ? 'index.html' : decodeURIComponent((req.url ?? '').split('?')[0] ?? '').slice(1);
    const file = path.resolve(dir, name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(Number(process.env.BENCH_PAGE_PORT ?? 4152), '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** The smallest count from which WebGL beats canvas on fps at that count and every larger one. */
export function webglThreshold(cases: readonly ClientCase[]): number | null {
  const counts = [...new Set(cases.map((c) => c.count))].sort((a, b) => a - b);
  let from: number | null = null;
  for (const count of counts) {
    const canvas = cases.find((c) => c.count === count && !c.webgl);
    const webgl = cases.find((c) => c.count === count && c.webgl);
    const wins = canvas !== undefined && webgl !== undefined && webgl.fps > canvas.fps;
    if (wins && from === null) from = count;
    if (!wins) from = null;
  }
  return from;
}

type RunCase = (input: {
  elements: GraphElement[];
  vocabulary: Vocabulary;
  renderer: Renderer;
  seconds: number;
}) => Promise<Omit<ClientCase, 'count' | 'webgl'>>;

export async function benchClient(options: { quick: boolean; log: (line: string) => void }): Promise<ClientResult> {
  const counts = options.quick ? [500, 2_000] : [500, 1_000, 2_000, 5_000, 10_000];
  const seconds = options.quick ? 3 : 5;
  const executablePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
  const dir = await buildPage();
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const vocab = clientVocabulary();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    const webglAvailable = await page.evaluate(() =>
      (window as unknown as { webglAvailable(): boolean }).webglAvailable(),
    );
    if (!webglAvailable) options.log('  WebGL is not available in this Chromium: the webgl cases fall back to canvas.');
    // A fresh page for every case: cytoscape's WebGL mode changes its canvas renderer's prototype
    // (one more canvas layer), which would carry over into the canvas cases after it.
    const run = async (elements: GraphElement[], renderer: Renderer, secs: number) => {
      await page.goto(server.url);
      return page.evaluate((input) => (window as unknown as { runCase: RunCase }).runCase(input), {
        elements,
        vocabulary: vocab,
        renderer,
        seconds: secs,
      });
    };
    // Warm the browser (its caches, the font cache) once, unmeasured.
    await run(benchElements(500, 2), 'canvas', 1);
    const cases: ClientCase[] = [];
    for (const count of counts) {
      const elements = benchElements(count);
      for (const renderer of ['canvas', 'webgl'] as const) {
        const result = { count, webgl: renderer === 'webgl', ...(await run(elements, renderer, seconds)) };
        cases.push(result);
        options.log(
          `  ${String(count).padStart(6)} elements ${renderer.padEnd(6)}${result.bulk ? ' (bulk)' : '       '}: first view ${result.firstViewMs} ms (layout and add ${result.layoutAndAddMs} ms), ${result.fps} fps (worst frame ${result.worstFrameMs} ms)`,
        );
      }
    }
    return { chromium: browser.version(), webglAvailable, seconds, cases, webglWinsFrom: webglThreshold(cases) };
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
