// Client rendering: time to the first frame and frames per second while panning and zooming, for
// synthetic graphs of several element counts, with cytoscape's canvas renderer and its WebGL mode,
// in headless Chromium (the system's chromium through playwright-core). The page is
// bench/client/page.html, served here with cytoscape's own browser build.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

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

export interface ClientCase {
  count: number;
  nodes: number;
  edges: number;
  webgl: boolean;
  /** Canvas with textureOnViewport and hideEdgesOnViewport (the view moves as a bitmap). */
  viewportTexture: boolean;
  firstRenderMs: number;
  fps: number;
  renderEventsPerSec: number;
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

function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const page = fs.readFileSync(path.join(HERE, 'client', 'page.html'));
  const cytoscapeJs = fs.readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'));
  const server = http.createServer((req, res) => {
    if (req.url === '/cytoscape.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(cytoscapeJs);
    } else if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404);
      res.end();
    }
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
    const canvas = cases.find((c) => c.count === count && !c.webgl && !c.viewportTexture);
    const webgl = cases.find((c) => c.count === count && c.webgl);
    const wins = canvas !== undefined && webgl !== undefined && webgl.fps > canvas.fps;
    if (wins && from === null) from = count;
    if (!wins) from = null;
  }
  return from;
}

export async function benchClient(options: { quick: boolean; log: (line: string) => void }): Promise<ClientResult> {
  const counts = options.quick ? [500, 2_000] : [500, 1_000, 2_000, 5_000, 10_000];
  const seconds = options.quick ? 3 : 5;
  const executablePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
  const server = await serve();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    const webglAvailable = await page.evaluate(() =>
      (window as unknown as { webglAvailable(): boolean }).webglAvailable(),
    );
    if (!webglAvailable) options.log('  WebGL is not available in this Chromium: the webgl cases fall back to canvas.');
    const cases: ClientCase[] = [];
    // Warm the page (JIT, font cache) once, unmeasured.
    await page.evaluate((args) => (window as unknown as { runCase(a: unknown): Promise<unknown> }).runCase(args), {
      count: 500,
      webgl: false,
      seconds: 1,
    });
    for (const count of counts) {
      for (const variant of [
        { webgl: false, viewportTexture: false, label: 'canvas        ' },
        { webgl: true, viewportTexture: false, label: 'webgl         ' },
        { webgl: false, viewportTexture: true, label: 'canvas+texture' },
      ]) {
        const result = (await page.evaluate(
          (args) => (window as unknown as { runCase(a: unknown): Promise<unknown> }).runCase(args),
          { count, webgl: variant.webgl, viewportTexture: variant.viewportTexture, seconds },
        )) as ClientCase;
        cases.push(result);
        options.log(
          `  ${String(count).padStart(6)} elements ${variant.label}: first render ${result.firstRenderMs} ms, ${result.fps} fps (worst frame ${result.worstFrameMs} ms)`,
        );
      }
    }
    return { chromium: browser.version(), webglAvailable, seconds, cases, webglWinsFrom: webglThreshold(cases) };
  } finally {
    await browser.close();
    await server.close();
  }
}
