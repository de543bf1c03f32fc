// The browser tests' harness: the real app over the seeded test Neo4j on a free port, headless
// Chromium, and helpers that act as a user would. Not a test file itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import type { Executor } from '../../server/db/executor.js';
import { BASE_SEED, seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const CLIENT_DIR = path.join(ROOT_DIR, 'client');
export const ARTIFACTS = path.join(ROOT_DIR, 'tests', 'artifacts');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export const SEED = JSON.parse(
  fs.readFileSync(path.join(ROOT_DIR, 'seeds', '2024-10-14-north-korea-troops.bundle.json'), 'utf8'),
) as {
  actors: { id: string; name: string }[];
  sources: { id: string; title: string }[];
  relationships: { id: string; type: string; status: string; sources: string[]; about?: string }[];
};

/** Builds the client when client/dist is missing or older than any of its sources. */
function ensureClientBuilt(): void {
  const built = path.join(CLIENT_DIR, 'dist', 'index.html');
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs))
      .reduce((a, b) => Math.max(a, b), 0);
  const sources = Math.max(
    newest(path.join(CLIENT_DIR, 'src')),
    fs.statSync(path.join(CLIENT_DIR, 'index.html')).mtimeMs,
  );
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  execFileSync(path.join(ROOT_DIR, 'node_modules', '.bin', 'vite'), ['build', '--config', 'client/vite.config.ts'], {
    cwd: ROOT_DIR,
    stdio: 'pipe',
  });
}

export interface Harness {
  readonly browser: Browser;
  readonly base: string;
  /** GraphQL against the same app, for what the page should show. */
  graphql: <T>(query: string) => Promise<T>;
}

/**
 * Starts the app over a fresh database filled by `load` (the base seed unless given) and Chromium
 * before the file's tests, and stops both after them; `env` adds server variables (API_TOKEN).
 */
export function useBrowser(
  options: { env?: Record<string, string>; load?: (executor: Executor) => Promise<unknown> } = {},
): Harness {
  const { env = {}, load = (executor: Executor) => seedDatabase(executor, [BASE_SEED]) } = options;
  let app: ReturnType<typeof testApp>;
  let server: Server;
  const harness = {} as { browser: Browser; base: string; graphql: Harness['graphql'] };
  beforeAll(async () => {
    ensureClientBuilt();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    app = testApp({ RATE_LIMIT_PER_MINUTE: '0', ...env });
    await resetDatabase(app.executor);
    await load(app.executor);
    server = createServer(app.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    harness.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    harness.graphql = async <T>(query: string) => {
      const result = await app.graphql<T>(query);
      if (result.errors) throw new Error(result.errors[0]?.message);
      return result.data as T;
    };
    harness.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterAll(async () => {
    await harness.browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await app?.close();
  });
  return harness;
}

/** Opens the client and waits until the graph is drawn; fails on any page error. */
export async function open(harness: Harness, url = harness.base, viewport = DESKTOP): Promise<Page> {
  const page = await harness.browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

export const graphIds = (page: Page, selector: string) =>
  page.evaluate((s) => window.__actorGraph?.cy?.$(s).map((e) => e.id()) ?? [], selector);

/** Clicks an edge where it is drawn, as a user would. */
export async function clickEdge(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((edgeId) => {
    const cy = window.__actorGraph?.cy;
    const edge = cy?.getElementById(edgeId);
    if (!cy || !edge || edge.empty()) return null;
    cy.zoom(1.4);
    cy.center(edge);
    const p = edge.renderedMidpoint();
    const box = cy.container()?.getBoundingClientRect();
    return box ? { x: box.left + p.x, y: box.top + p.y } : null;
  }, id);
  if (!point) throw new Error(`edge ${id} is not drawn`);
  await page.mouse.click(point.x, point.y);
}

/** Types into an actor field, waits for the suggestion and takes it with Enter. */
export async function pickActor(page: Page, input: string, text: string, option: string): Promise<void> {
  await page.fill(input, text);
  await page.waitForSelector(`${input}-list li[role="option"] >> text=${option}`);
  await page.press(input, 'Enter');
}

export async function findPath(page: Page, from: string, to: string, k?: number): Promise<void> {
  await pickActor(page, '#path-from', from, from);
  await pickActor(page, '#path-to', to, to);
  if (k !== undefined) await page.fill('#path-k', String(k));
  await page.click('#path-find');
  await page.waitForSelector('body[data-path="found"]');
}

export const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
