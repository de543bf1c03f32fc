// The client in headless Chromium against the real server and Neo4j, seeded with the seed graph.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../server/config.js';
import { seedDatabase } from '../../server/import/import-bundle.js';
import { resetDatabase, testApp } from '../helpers/db.js';

const CLIENT_DIR = path.join(ROOT_DIR, 'client');
const ARTIFACTS = path.join(ROOT_DIR, 'tests', 'artifacts');
const SEED = JSON.parse(
  fs.readFileSync(path.join(ROOT_DIR, 'seeds', '2024-10-14-north-korea-troops.bundle.json'), 'utf8'),
) as {
  actors: { id: string }[];
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

let harness: ReturnType<typeof testApp>;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ensureClientBuilt();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  harness = testApp();
  await resetDatabase(harness.executor);
  await seedDatabase(harness.executor);
  server = createServer(harness.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
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
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await harness?.close();
});

async function open(url = base, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

const graphIds = (page: Page, selector: string) =>
  page.evaluate((s) => window.__actorGraph?.cy?.$(s).map((e) => e.id()) ?? [], selector);

/** Clicks an edge where it is drawn, as a user would. */
async function clickEdge(page: Page, id: string): Promise<void> {
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

async function pickActor(page: Page, input: string, text: string, option: string): Promise<void> {
  await page.fill(input, text);
  await page.waitForSelector(`${input}-list li[role="option"] >> text=${option}`);
  await page.press(input, 'Enter');
}

describe('the client', () => {
  it('draws every seed actor and relationship, with a legend of counts', async () => {
    const page = await open();
    expect((await graphIds(page, 'node')).sort()).toEqual(SEED.actors.map((a) => a.id).sort());
    expect((await graphIds(page, 'edge')).sort()).toEqual(SEED.relationships.map((r) => r.id).sort());
    const accuses = SEED.relationships.filter((r) => r.type === 'ACCUSES').length;
    expect(await page.textContent('li:has(#type-ACCUSES) .count')).toBe(String(accuses));
    await page.screenshot({ path: path.join(ARTIFACTS, 'client-default.png') });
    await page.close();
    const narrow = await open(base, { width: 390, height: 844 });
    await narrow.screenshot({ path: path.join(ARTIFACTS, 'client-narrow.png'), fullPage: true });
    await narrow.close();
  });

  it('searching "Pyongyang" selects North Korea and shows its relationships', async () => {
    const page = await open();
    await pickActor(page, '#search', 'Pyongyang', 'North Korea');
    await page.waitForSelector('#details[data-view="actor"]');
    expect(await graphIds(page, 'node:selected')).toEqual(['north-korea']);
    expect(await page.textContent('#details h2')).toBe('North Korea');
    expect(await page.locator('#details .rel-group[data-type="SUPPLIES_ARMS_TO"] .rel-item').count()).toBe(2);
    expect(page.url()).toContain('actor=north-korea');
    await page.close();
  });

  it('clicking an ACCUSES edge shows its provenance and sources', async () => {
    const page = await open();
    const rel = SEED.relationships.find((r) => r.id === 'united-states-accuses-north-korea-of-arming-russia');
    expect(rel).toBeDefined();
    await clickEdge(page, rel?.id as string);
    await page.waitForSelector('#details[data-view="relationship"]');
    expect(await graphIds(page, 'edge:selected')).toEqual([rel?.id]);
    const titles = await page.locator('#details .sources').first().locator('li').allTextContents();
    for (const sourceId of rel?.sources ?? []) {
      const title = SEED.sources.find((s) => s.id === sourceId)?.title as string;
      expect(titles.some((t) => t.includes(title))).toBe(true);
    }
    // What the accusation is about is one click away, with every accusation about it.
    await page.click('#details dd button:has-text("supplies arms")');
    await page.waitForSelector('#details[data-view="relationship"] h2:has-text("supplies arms")');
    const accusations = SEED.relationships.filter((r) => r.about === 'north-korea-supplies-arms-to-russia');
    expect(await page.locator('#details .claims .rel-item').count()).toBe(accusations.length);
    await clickEdge(page, rel?.id as string);
    await page.waitForSelector('#details[data-view="relationship"] h2:has-text("accused")');
    await page.screenshot({ path: path.join(ARTIFACTS, 'client-edge-provenance.png') });
    await page.close();
  });

  it('finds the path from Biden to Kim Jong Un, highlights it and lists its evidence', async () => {
    const page = await open();
    await pickActor(page, '#path-from', 'Biden', 'Joe Biden');
    await pickActor(page, '#path-to', 'Kim Jong Un', 'Kim Jong Un');
    await page.click('#path-find');
    await page.waitForSelector('body[data-path="found"]');
    const onPath = await graphIds(page, '.path');
    expect(onPath).toContain('joe-biden');
    expect(onPath).toContain('kim-jong-un');
    expect((await graphIds(page, 'edge.path')).length).toBeGreaterThan(0);
    expect((await graphIds(page, '.faded')).length).toBeGreaterThan(0);
    const steps = page.locator('#path-result .steps > li');
    expect(await steps.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await steps.count()); i++) {
      expect(await steps.nth(i).locator('.sources li').count()).toBeGreaterThan(0);
    }
    expect(page.url()).toContain('pathFrom=joe-biden');
    await page.screenshot({ path: path.join(ARTIFACTS, 'client-path.png') });
    await page.close();
  });

  it('turning allegations off hides the alleged edges and nothing else', async () => {
    const page = await open();
    const positions = () =>
      page.evaluate(() => window.__actorGraph?.cy?.nodes().map((n) => [n.id(), n.position('x'), n.position('y')]));
    const before = await positions();
    await page.uncheck('#status-alleged');
    // Filtering hides; it never moves what the user has already seen.
    expect(await positions()).toEqual(before);
    const alleged = SEED.relationships.filter((r) => r.status === 'alleged').map((r) => r.id);
    expect(alleged.length).toBeGreaterThan(0);
    expect((await graphIds(page, 'edge.hidden')).sort()).toEqual(alleged.sort());
    expect(await page.evaluate(() => window.__actorGraph?.cy?.edges(':visible').length)).toBe(
      SEED.relationships.length - alleged.length,
    );
    expect(page.url()).toContain('hideStatuses=alleged');
    await page.close();
  });

  it('reloading the URL restores the filters, the selection and the path', async () => {
    const page = await open();
    await page.uncheck('#status-alleged');
    await pickActor(page, '#path-from', 'Biden', 'Joe Biden');
    await pickActor(page, '#path-to', 'Kim Jong Un', 'Kim Jong Un');
    await page.click('#path-find');
    await page.waitForSelector('body[data-path="found"]');
    await pickActor(page, '#search', 'Pyongyang', 'North Korea');
    await page.waitForSelector('#details[data-view="actor"]');
    const pathBefore = (await graphIds(page, '.path')).sort();
    const url = page.url();
    await page.close();

    const again = await open(url);
    await again.waitForSelector('body[data-path="found"]');
    await again.waitForSelector('#details[data-view="actor"]');
    expect(await again.isChecked('#status-alleged')).toBe(false);
    expect(await graphIds(again, 'node:selected')).toEqual(['north-korea']);
    expect((await graphIds(again, '.path')).sort()).toEqual(pathBefore);
    expect(await again.inputValue('#path-from')).toBe('Joe Biden');
    await again.close();
  });

  it('exports a non-empty PNG', async () => {
    const page = await open();
    await page.click('.export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.close();
  });

  it('says when the server cannot be reached, and retries', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(base);
    await page.waitForSelector('body[data-state="error"]');
    expect(await page.textContent('#overlay')).toContain('cannot be reached');
    await page.unroute('**/graphql');
    await page.click('#overlay button:has-text("Retry")');
    await page.waitForSelector('body[data-state="ready"]');
    expect((await graphIds(page, 'node')).length).toBe(SEED.actors.length);
    await page.close();
  });
});
