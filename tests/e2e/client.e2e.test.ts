// The client in headless Chromium against the real server and Neo4j, seeded with the seed graph:
// what it draws, selection, filters, paths, the URL, the exports and the server being down.
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPngText } from '../../client/src/export/png-text.js';
import {
  ARTIFACTS,
  clickEdge,
  DESKTOP,
  findPath,
  graphIds,
  open,
  PHONE,
  pickActor,
  SEED,
  shot,
  useBrowser,
} from './harness.js';

const h = useBrowser();

async function exportFile(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  if ((await page.locator('.export-menu').getAttribute('open')) === null) await page.click('#export-toggle');
  const [download]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

/** Width and height from a PNG's IHDR. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

describe('the client', () => {
  it('draws every seed actor and relationship, with a legend of counts', async () => {
    const page = await open(h);
    expect((await graphIds(page, 'node')).sort()).toEqual(SEED.actors.map((a) => a.id).sort());
    expect((await graphIds(page, 'edge')).sort()).toEqual(SEED.relationships.map((r) => r.id).sort());
    const accuses = SEED.relationships.filter((r) => r.type === 'ACCUSES').length;
    expect(await page.textContent('li:has(#type-ACCUSES) .count')).toBe(String(accuses));
    await shot(page, 'desktop-default');
    await page.close();
    const narrow = await open(h, h.base, PHONE);
    await shot(narrow, 'phone-default', true);
    await narrow.close();
  });

  it('searching "Pyongyang" selects North Korea and shows its relationships', async () => {
    const page = await open(h);
    await pickActor(page, '#search', 'Pyongyang', 'North Korea');
    await page.waitForSelector('#details[data-view="actor"]');
    expect(await graphIds(page, 'node:selected')).toEqual(['north-korea']);
    expect(await page.textContent('#details h2')).toBe('North Korea');
    expect(await page.locator('#details .rel-group[data-type="SUPPLIES_ARMS_TO"] .rel-item').count()).toBe(2);
    expect(page.url()).toContain('actor=north-korea');
    await page.close();
  });

  it('clicking an ACCUSES edge shows its provenance and sources', async () => {
    const page = await open(h);
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
    await page.click('#details dd button:has-text("supply arms")');
    await page.waitForSelector('#details[data-view="relationship"] h2:has-text("supply arms")');
    const accusations = SEED.relationships.filter((r) => r.about === 'north-korea-supplies-arms-to-russia');
    expect(await page.locator('#details .claims .rel-item').count()).toBe(accusations.length);
    await clickEdge(page, rel?.id as string);
    await page.waitForSelector('#details[data-view="relationship"] h2:has-text("accused")');
    await shot(page, 'desktop-edge-provenance');
    await page.close();
  });

  it('finds the path from Biden to Kim Jong Un, highlights it and lists its evidence', async () => {
    const page = await open(h);
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
    await shot(page, 'desktop-path');
    await page.close();
  });

  it('turning allegations off hides the alleged edges and nothing else', async () => {
    const page = await open(h);
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
    const page = await open(h);
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

    const again = await open(h, url);
    await again.waitForSelector('body[data-path="found"]');
    await again.waitForSelector('#details[data-view="actor"]');
    expect(await again.isChecked('#status-alleged')).toBe(false);
    expect(await graphIds(again, 'node:selected')).toEqual(['north-korea']);
    expect((await graphIds(again, '.path')).sort()).toEqual(pathBefore);
    expect(await again.inputValue('#path-from')).toBe('Joe Biden');
    await again.close();
  });

  it('exports what is visible with its view: in the files and in their names', async () => {
    const page = await open(h);
    await page.uncheck('#status-alleged');
    await findPath(page, 'Joe Biden', 'Kim Jong Un');
    const csv = await exportFile(page, 'export-edges-csv');
    expect(csv.name).toMatch(
      /^actor-graph-relationships_no-alleged_path-joe-biden-to-kim-jong-un_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('# hiddenStatuses: alleged\r\n');
    expect(text).toContain('# pathFrom: joe-biden\r\n');
    const alleged = SEED.relationships.filter((r) => r.status === 'alleged').map((r) => r.id);
    const rows = text.split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(rows[0]?.startsWith('id,from,fromName,to,toName,type,typeLabel,directed,status,sentence')).toBe(true);
    expect(rows).toHaveLength(1 + SEED.relationships.length - alleged.length);
    for (const id of alleged) expect(text).not.toContain(`\r\n${id},`);

    const sources = (await exportFile(page, 'export-sources-csv')).bytes.toString('utf8');
    for (const s of SEED.sources.filter((s) => text.includes(s.id))) expect(sources).toContain(`\r\n${s.id},`);

    const json = JSON.parse((await exportFile(page, 'export-json')).bytes.toString('utf8'));
    expect(json.data.view).toMatchObject({
      hiddenStatuses: ['alleged'],
      path: { from: 'joe-biden', to: 'kim-jong-un' },
    });
    const met = json.elements.edges.find((e: { data: { type: string } }) => e.data.type === 'MET_WITH');
    expect(met.data).toMatchObject({ directed: false, source: met.data.from, target: met.data.to });
    expect(met.data.sources[0]).toHaveProperty('publisher');

    const graphml = (await exportFile(page, 'export-graphml')).bytes.toString('utf8');
    expect(graphml).toMatch(/<edge id="[^"]*met-with[^"]*" source="[^"]*" target="[^"]*" directed="false">/);
    expect(graphml).toContain('<data key="g_hiddenStatuses">alleged</data>');
    await page.close();
  });

  it('exports a PNG with a caption and a legend, or without, and the view inside either', async () => {
    const page = await open(h);
    await findPath(page, 'Joe Biden', 'Kim Jong Un');
    const withLegend = await exportFile(page, 'export-png');
    expect(withLegend.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(withLegend.name).toMatch(/^actor-graph_path-joe-biden-to-kim-jong-un_\d{4}-\d{2}-\d{2}\.png$/);
    await page.uncheck('#export-legend');
    const bare = await exportFile(page, 'export-png');
    expect(pngSize(withLegend.bytes).height).toBeGreaterThan(pngSize(bare.bytes).height);
    for (const file of [withLegend, bare]) {
      const view = JSON.parse(readPngText(new Uint8Array(file.bytes)).get('actor-graph:view') ?? '{}');
      expect(view).toMatchObject({ path: { fromName: 'Joe Biden', toName: 'Kim Jong Un', shown: null } });
    }
    fs.writeFileSync(path.join(ARTIFACTS, 'desktop-export-legend.png'), withLegend.bytes);
    await page.close();
  });

  it('says when the server cannot be reached, and retries', async () => {
    const page = await h.browser.newPage({ viewport: DESKTOP });
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(h.base);
    await page.waitForSelector('body[data-state="error"]');
    expect(await page.textContent('#overlay')).toContain('cannot be reached');
    await page.unroute('**/graphql');
    await page.click('#overlay button:has-text("Retry")');
    await page.waitForSelector('body[data-state="ready"]');
    expect((await graphIds(page, 'node')).length).toBe(SEED.actors.length);
    await page.close();
  });
});
