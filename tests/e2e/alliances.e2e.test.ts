// Issue 13 in Chromium on the seed: Alliances mode (two camps, a hull each, sizes by centrality),
// the North Korea–Russia bundle expanded and collapsed, the pair's monthly chart, Play stepping
// through the days things happen, a bad date refused, and a shared URL restoring positions.
// Screenshots go to tests/artifacts/alliances-*.png.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clickEdge, graphIds, open, shot, useBrowser } from './harness.js';

const h = useBrowser();
// The first page of a run meets a cold Neo4j, whose first reads can pass the test app's query
// timeout on a busy machine (the page then offers Retry); load it until the server is warm.
beforeAll(async () => {
  const page = await h.browser.newPage();
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto(h.base);
    const ready = await page
      .waitForSelector('body[data-state="ready"]', { timeout: 40_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) break;
  }
  await page.close();
}, 170_000);
const stateOf = (page: Page) => page.evaluate(() => window.__actorGraph?.state());
const NK_RU = [
  'north-korea-sends-troops-to-russia',
  'north-korea-supplied-hwasong-11-to-russia',
  'north-korea-supplies-arms-to-russia',
  'russia-cooperates-with-north-korea',
];

describe('Alliances mode', () => {
  it('colours the two camps, draws a hull around each and lists them with their members', async () => {
    const page = await open(h);
    await page.check('#alliances-mode');
    await page.waitForSelector('#alliances[data-blocs="2"]');
    // Two hulls with an outline each.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('path.bloc-hull')].filter((p) => (p.getAttribute('d') ?? '') !== '').length === 2,
    );
    const legend = (await page.locator('#bloc-legend li').allTextContents()).map((t) => t.trim());
    expect(legend).toEqual(["Ukraine's camp7", "Russia's camp4"]);
    const colours = await page.evaluate(() => {
      const cy = window.__actorGraph?.cy;
      return ['russia', 'north-korea', 'ukraine', 'united-states'].map((id) =>
        cy?.getElementById(id).style('background-color'),
      );
    });
    expect(colours[0]).toBe(colours[1]);
    expect(colours[2]).toBe(colours[3]);
    expect(colours[0]).not.toBe(colours[2]);
    // Sized by betweenness: North Korea, the top broker, is the largest actor.
    const sizes = await page.evaluate(() =>
      window.__actorGraph?.cy?.nodes().map((n) => ({ id: n.id(), w: n.width() })),
    );
    const largest = [...(sizes ?? [])].sort((a, b) => b.w - a.w)[0];
    expect(largest?.id).toBe('north-korea');
    await page.click('#bloc-legend button[data-bloc="russia"]');
    await page.waitForSelector('#bloc-panel h3:text-is("Russia\'s camp")');
    expect(await page.locator('#bloc-panel .evidence-list li').first().textContent()).toContain('cooperates');
    expect(await stateOf(page)).toMatchObject({ alliances: { on: true, bloc: 'russia' } });
    expect(page.url()).toContain('mode=alliances');
    await shot(page, 'alliances-camps');
    await page.close();
  });
});

describe('bundled parallel edges and the dyad timeline', () => {
  it('bundles North Korea–Russia into one labelled edge, charts the pair, expands and collapses it', async () => {
    const page = await open(h);
    await page.check('#bundle-edges');
    const lead = (await graphIds(page, 'edge.bundle-lead')).find((id) => NK_RU.includes(id));
    expect(lead).toBeDefined();
    expect((await graphIds(page, 'edge.bundled-away')).filter((id) => NK_RU.includes(id))).toHaveLength(3);
    const label = await page.evaluate(
      (id) => window.__actorGraph?.cy?.getElementById(id).data('bundleLabel'),
      lead as string,
    );
    // Four drawn relationships; the dyad also lists Russia's denial, a claim about the troops.
    expect(label).toBe('4 · net +18.7');
    await clickEdge(page, lead as string);
    // A busy machine can time the analytics read out; the panel then offers Retry, as a user would use it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const outcome = await Promise.race([
        page.waitForSelector('#dyad-chart[data-periods] canvas', { timeout: 45_000 }).then(() => 'chart'),
        page.waitForSelector('#dyad-retry', { timeout: 45_000 }).then(() => 'retry'),
      ]);
      if (outcome === 'chart') break;
      await page.click('#dyad-retry');
    }
    await page.waitForSelector('#dyad-chart[data-periods] canvas');
    expect(await page.locator('#dyad-panel h3').textContent()).toBe('North Korea – Russia');
    expect(await page.locator('#dyad-panel .dyad-events li').count()).toBe(5);
    await shot(page, 'alliances-dyad-bundled');

    await page.click('#bundle-toggle');
    await page.waitForFunction(() => window.__actorGraph?.state().alliances?.open.length === 1);
    expect((await graphIds(page, 'edge.bundled-away')).filter((id) => NK_RU.includes(id))).toHaveLength(0);
    await shot(page, 'alliances-expanded');
    await page.click('#bundle-toggle');
    await page.waitForFunction(() => window.__actorGraph?.state().alliances?.open.length === 0);
    expect((await graphIds(page, 'edge.bundled-away')).filter((id) => NK_RU.includes(id))).toHaveLength(3);
    await page.close();
  });
});

describe('time', () => {
  it('Play steps through the days something happens, June 2024 included', async () => {
    const page = await open(h);
    const days: string[] = [];
    await page.exposeFunction('recordDay', (d: string) => days.push(d));
    await page.evaluate(() => {
      const out = document.getElementById('time-value');
      if (!out) return;
      new MutationObserver(() =>
        (window as unknown as { recordDay: (d: string) => void }).recordDay(out.textContent ?? ''),
      ).observe(out, { childList: true, characterData: true, subtree: true });
    });
    await page.selectOption('#time-period', '2024');
    await page.click('#filters button:text-is("Play")');
    await page.waitForFunction(
      () => document.querySelector('#filters .slider-row button')?.textContent === 'Play',
      null,
      {
        timeout: 60_000,
      },
    );
    const shown = [...new Set(days)].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    expect(shown).toContain('2024-06-01');
    expect(shown).toContain('2024-10-14');
    expect(shown.every((d) => d.startsWith('2024-'))).toBe(true);
    expect(shown).toEqual([...shown].sort());
    // On 2024-10-20 the summits and the Kharkiv strike are still shown.
    await page.fill('#time-day', '2024-10-20');
    await page.press('#time-day', 'Enter');
    await page.waitForFunction(() => window.__actorGraph?.state().filters.time?.date === '2024-10-20');
    const hidden = await graphIds(page, 'edge.hidden');
    expect(hidden).not.toContain('vladimir-putin-met-with-kim-jong-un-2024-06');
    expect(hidden).not.toContain('russia-attacked-ukraine-kharkiv-2024-01-02');
    await page.selectOption('#time-window', '30');
    await page.waitForFunction(() => window.__actorGraph?.state().filters.time?.window === 30);
    expect(await graphIds(page, 'edge.hidden')).toContain('vladimir-putin-met-with-kim-jong-un-2024-06');
    await page.close();
  });

  it('refuses a bad date typed or linked with a message', async () => {
    const page = await open(h, `${h.base}?asOf=2024-02-30`);
    expect(await page.locator('#time-day-error').textContent()).toContain(
      '"2024-02-30" is not a day: 2024-02 has 29 days',
    );
    expect((await stateOf(page))?.filters.time).toBeNull();
    await page.fill('#time-day', '2024-13-01');
    await page.press('#time-day', 'Enter');
    expect(await page.locator('#time-day-error').textContent()).toBe('Not applied: "2024-13-01" has no month 13.');
    expect((await stateOf(page))?.filters.time).toBeNull();
    await shot(page, 'alliances-bad-date');
    await page.close();
  });
});

describe('the same picture for everyone', () => {
  const positions = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(
        window.__actorGraph?.cy
          ?.nodes()
          .map((n) => [n.id(), [Math.round(n.position().x) + 0, Math.round(n.position().y) + 0]]) ?? [],
      ),
    );

  it('lays the same graph out the same, and a link restores positions the sender moved', async () => {
    const first = await open(h);
    const second = await open(h);
    expect(await positions(second)).toEqual(await positions(first));
    await second.close();

    const point = await first.evaluate(() => {
      const cy = window.__actorGraph?.cy;
      const p = cy?.getElementById('germany').renderedPosition();
      const box = cy?.container()?.getBoundingClientRect();
      return p && box ? { x: box.left + p.x, y: box.top + p.y } : null;
    });
    if (!point) throw new Error('germany is not drawn');
    await first.mouse.move(point.x, point.y);
    await first.mouse.down();
    await first.mouse.move(point.x + 60, point.y + 90, { steps: 8 });
    await first.mouse.up();
    await first.waitForFunction(() => location.search.includes('pos='));
    const moved = await positions(first);
    const link = first.url();
    await first.close();

    const restored = await open(h, link);
    await restored.waitForFunction(() => window.__actorGraph?.state().positions !== undefined);
    expect(await positions(restored)).toEqual(moved);
    await shot(restored, 'alliances-restored-positions');
    await restored.close();
  });
});
