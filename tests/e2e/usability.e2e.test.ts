// Issue 16, items 1–6, as a new user meets them in Chromium at 1440×900 and 390×844: things that
// differ read apart, sentences say their status, the phone layout, scrolling, the keyboard and
// feedback. Screenshots go to tests/artifacts/.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickEdge, DESKTOP, findPath, graphIds, open, PHONE, pickActor, shot, useBrowser } from './harness.js';

const h = useBrowser();

const stateOf = (page: Page) => page.evaluate(() => window.__actorGraph?.state());
const focusedIn = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.contains(document.activeElement) ?? false, selector);

/** Opens an actor through the search and waits for its details. */
async function openActor(page: Page, text: string, name: string): Promise<void> {
  await pickActor(page, '#search', text, name);
  await page.waitForSelector(`#details[data-view="actor"] h2:text-is("${name}")`);
}

describe('1. things that differ read apart (1440×900)', () => {
  it('says what each accusation in the actor panel is about', async () => {
    const page = await open(h);
    await openActor(page, 'Pyongyang', 'North Korea');
    const items = page.locator('#details .rel-group[data-type="ACCUSES"] .rel-item', {
      hasText: 'Volodymyr Zelenskyy',
    });
    expect(await items.count()).toBe(2);
    const abouts = (await items.locator('.about-line').allTextContents()).sort();
    expect(abouts).toEqual([
      'about: North Korea is alleged to send troops to Russia',
      'about: North Korea is alleged to supply arms to Russia',
    ]);
    // The about line is a way to the claim it names.
    await items.locator('.about-line button', { hasText: 'send troops' }).click();
    await page.waitForSelector('#details[data-view="relationship"]');
    expect(await stateOf(page)).toMatchObject({ selected: { id: 'north-korea-sends-troops-to-russia' } });
    await page.close();
  });

  it('tells ten paths apart: a colour each, the differing hops named, one picked or all', async () => {
    const page = await open(h);
    await findPath(page, 'Joe Biden', 'Kim Jong Un', 10);
    const rows = page.locator('#path-result .path-row');
    const count = await rows.count();
    expect(count).toBe(10);
    const texts = await rows.allTextContents();
    expect(new Set(texts).size).toBe(count);
    for (let i = 1; i < count; i++) expect(await rows.nth(i).locator('.path-diff li').count()).toBeGreaterThan(0);
    expect(texts[1]).toMatch(/differs at hop 3: Vladimir Putin visited North Korea/);

    // Each path its own halo colour on the graph, and the same colour on its row.
    const halos = await page.evaluate(() => {
      const cy = window.__actorGraph?.cy;
      return [0, 1, 2].map((i) => cy?.$(`edge.path-${i}`).first().style('underlay-color'));
    });
    expect(new Set(halos).size).toBe(3);
    const swatches = await rows
      .locator('.path-swatch')
      .evaluateAll((els) => els.slice(0, 3).map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(swatches).size).toBe(3);
    await shot(page, 'desktop-paths-k10');

    // Pick the second path: only its relationships are highlighted, the steps follow it.
    await rows.nth(1).locator('button').click();
    const second = ['joe-biden-leads-united-states', 'united-states-accuses-north-korea-of-arming-russia'];
    const picked = (await graphIds(page, 'edge.path')).sort();
    expect(picked).toHaveLength(4);
    for (const id of second) expect(picked).toContain(id);
    expect(picked).toContain('vladimir-putin-visited-north-korea-2024-06');
    expect(await graphIds(page, 'edge.path-0')).toEqual([]);
    expect(await page.textContent('#path-result h3:has-text("Step by step")')).toBe('Step by step (path 2)');
    expect(await rows.nth(1).getAttribute('aria-current')).toBe('true');
    await shot(page, 'desktop-path-picked');
    await page.click('#path-all');
    expect((await graphIds(page, 'edge.path')).length).toBeGreaterThan(4);
    await page.close();
  });
});

describe('2. sentences say what the status says', () => {
  // The wording of the vocabulary's status-aware sentences (main, "sentences say what the status says").
  const sentences = [
    ['joe-biden-visit-to-germany-expected-2024-10', 'Joe Biden planned to visit Germany'],
    ['joe-biden-visit-to-germany-postponed-2024-10', 'Joe Biden called off a plan to visit Germany'],
    ['north-korea-sends-troops-to-russia', 'North Korea is alleged to send troops to Russia'],
  ] as const;

  it('shows the API sentence wherever the client shows one: heading, lists, path steps', async () => {
    const page = await open(h);
    const { relationship } = await h.graphql<{ relationship: { sentence: string } }>(
      '{ relationship(id: "joe-biden-visit-to-germany-postponed-2024-10") { sentence } }',
    );
    await openActor(page, 'Biden', 'Joe Biden');
    const listed = await page.locator('#details .rel-group[data-type="VISITED"] .rel-item > button').allTextContents();
    expect(listed).toContain(relationship.sentence);
    await page.locator('#details .rel-item > button', { hasText: relationship.sentence }).first().click();
    await page.waitForSelector('#details[data-view="relationship"]');
    expect(await page.textContent('#details h2')).toBe(relationship.sentence);
    await page.close();
  });

  it.each(sentences)('heads %s with "%s"', async (id, sentence) => {
    const page = await open(h, `${h.base}?rel=${id}`);
    await page.waitForSelector('#details[data-view="relationship"]');
    expect(await page.textContent('#details h2')).toBe(sentence);
    await page.close();
  });
});

describe('3. filters and the path finder on a 390×844 phone', () => {
  it('opens them as a full-height sheet that scrolls itself, with whole suggestion lists', async () => {
    const page = await open(h, h.base, PHONE);
    await page.click('#toggle-sidebar');
    const sheet = await page.locator('#sidebar').boundingBox();
    expect(sheet?.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    const scroll = await page.evaluate(() => {
      const el = document.getElementById('sidebar') as HTMLElement;
      el.scrollTop = 400;
      return { top: el.scrollTop, page: window.scrollY };
    });
    expect(scroll.top).toBeGreaterThan(0);
    await page.evaluate(() => {
      (document.getElementById('sidebar') as HTMLElement).scrollTop = 0;
    });
    await page.fill('#path-from', 'Kor');
    const options = page.locator('#path-from-list li[role="option"]');
    await options.first().waitFor();
    await shot(page, 'phone-path-suggestions');
    // Every suggestion can be scrolled to and is the element found at its own centre: nothing cuts it off.
    for (let i = 0; i < (await options.count()); i++) {
      const option = options.nth(i);
      await option.scrollIntoViewIfNeeded();
      const box = await option.boundingBox();
      expect(box).not.toBeNull();
      const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('li')?.id ?? null, {
        x: (box?.x ?? 0) + (box?.width ?? 0) / 2,
        y: (box?.y ?? 0) + (box?.height ?? 0) / 2,
      });
      expect(hit).toBe(await option.getAttribute('id'));
    }
    await page.fill('#path-from', '');
    await pickActor(page, '#path-from', 'Biden', 'Joe Biden');
    await pickActor(page, '#path-to', 'Kim Jong Un', 'Kim Jong Un');
    await page.press('#path-to', 'Enter');
    await page.waitForSelector('body[data-path="found"]');
    await page.locator('#path-result .steps').scrollIntoViewIfNeeded();
    await shot(page, 'phone-path-answer');
    await page.click('#close-sidebar');
    expect(await page.isVisible('#sidebar')).toBe(false);
    expect((await graphIds(page, 'edge.path')).length).toBeGreaterThan(0);
    await shot(page, 'phone-path-graph');
    await page.close();
  });

  it('lays out the graph first and the details below it, with the page scrolling', async () => {
    const page = await open(h, h.base, PHONE);
    await openActor(page, 'Pyongyang', 'North Korea');
    const graph = await page.locator('.graph-area').boundingBox();
    const details = await page.locator('#details').boundingBox();
    expect((details?.y ?? 0) + 1).toBeGreaterThanOrEqual((graph?.y ?? 0) + (graph?.height ?? 0));
    expect(details?.width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'phone-actor-details', true);
    await page.close();
  });
});

describe('4. desktop scrolling: the panels scroll, the page does not', () => {
  it('keeps the header in place when the wheel turns over a long details panel', async () => {
    const page = await open(h, h.base, DESKTOP);
    await openActor(page, 'Pyongyang', 'North Korea');
    const details = await page.locator('#details').boundingBox();
    await page.mouse.move((details?.x ?? 0) + 100, (details?.y ?? 0) + 300);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => (document.getElementById('details')?.scrollTop ?? 0) > 0);
    const after = await page.evaluate(() => ({
      page: window.scrollY,
      overflow: document.documentElement.scrollHeight - window.innerHeight,
      header: document.querySelector('.topbar')?.getBoundingClientRect().top,
    }));
    expect(after).toEqual({ page: 0, overflow: 0, header: 0 });
    await shot(page, 'desktop-details-scrolled');
    await page.close();
  });
});

describe('5. the keyboard', () => {
  it('keeps focus in the details panel when a relationship opens from it', async () => {
    const page = await open(h);
    await openActor(page, 'Pyongyang', 'North Korea');
    await page.locator('#details .rel-item > button').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#details[data-view="relationship"]');
    expect(await focusedIn(page, '#details')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    await page.close();
  });

  it('reaches the details panel and the path finder in a few tab stops, through skip links', async () => {
    const page = await open(h);
    const active = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Skip to search');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Skip to details');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Skip to the path finder');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('path-finder');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('path-from');
    await page.goto(h.base);
    await page.waitForSelector('body[data-state="ready"]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details');
    await page.close();
  });

  it('starts the path search with Enter in a path field', async () => {
    const page = await open(h);
    await pickActor(page, '#path-from', 'Biden', 'Joe Biden');
    await pickActor(page, '#path-to', 'Kim Jong Un', 'Kim Jong Un');
    expect(await page.getAttribute('body', 'data-path')).toBeNull();
    await page.press('#path-to', 'Enter');
    await page.waitForSelector('body[data-path="found"]');
    expect(await stateOf(page)).toMatchObject({ path: { from: 'joe-biden', to: 'kim-jong-un' } });
    await page.close();
  });

  it('closes the Export menu with Escape and gives focus back to it', async () => {
    const page = await open(h);
    await page.focus('#export-toggle');
    await page.keyboard.press('Enter');
    expect(await page.locator('.export-menu').getAttribute('open')).toBe('');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await page.locator('.export-menu').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-toggle');
    await page.close();
  });
});

describe('6. feedback', () => {
  it('refuses max hops 9 in words and drops the old answer', async () => {
    const page = await open(h);
    await findPath(page, 'Joe Biden', 'Kim Jong Un');
    await page.fill('#path-hops', '9');
    await page.click('#path-find');
    const error = page.locator('#path-result [role="alert"]');
    expect(await error.textContent()).toBe('Max hops must be a whole number from 1 to 6, not 9.');
    expect(await page.getAttribute('#path-hops', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('path-hops');
    expect(await page.locator('#path-result .steps').count()).toBe(0);
    expect(await graphIds(page, '.path')).toEqual([]);
    expect(page.url()).not.toContain('pathFrom');
    await shot(page, 'desktop-max-hops-refused');
    await page.close();
  });

  it('leaves the URL alone when expanding an actor adds nothing', async () => {
    const page = await open(h);
    await openActor(page, 'Pyongyang', 'North Korea');
    await page.click('#expand-selected');
    await page.waitForSelector('#status-line:has-text("Everything around this actor is already shown.")');
    expect(page.url()).not.toContain('expanded=');
    await page.close();
  });

  it('marks the selected relationship clearly', async () => {
    const page = await open(h);
    // The one relationship between its two actors, so the click cannot land on a parallel line.
    const id = 'joe-biden-leads-united-states';
    await clickEdge(page, id);
    await page.waitForSelector('#details[data-view="relationship"]');
    const style = await page.evaluate((edgeId) => {
      const edge = window.__actorGraph?.cy?.getElementById(edgeId);
      return { width: edge?.style('width'), halo: edge?.style('underlay-opacity'), plain: edge?.numericStyle('width') };
    }, id);
    expect(Number.parseFloat(style.width as string)).toBeGreaterThanOrEqual(7);
    expect(Number(style.halo)).toBeGreaterThan(0.5);
    await shot(page, 'desktop-selected-edge');
    await page.close();
  });
});

describe('filters and paths together', () => {
  it('keeps a path highlighted through a filter refresh, and asks again when the filter changes', async () => {
    const page = await open(h);
    const asked: { statuses?: string[]; excludeTypes?: string[] }[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { query?: string; variables?: { options?: object } } | null;
      if (body?.query?.startsWith('query Connection')) asked.push(body.variables?.options ?? {});
    });
    await findPath(page, 'Joe Biden', 'Kim Jong Un');
    const onPath = (await graphIds(page, 'edge.path')).sort();
    // Hiding "leads" hides two edges of the path at once; until the question is asked again the
    // highlight keeps them drawn (the filter refresh does not undo it).
    const forced = await page.evaluate(() => {
      (document.getElementById('type-LEADS') as HTMLInputElement).click();
      return window.__actorGraph?.cy?.$('edge.hidden.forced').map((e) => e.id()) ?? [];
    });
    expect(forced.sort()).toEqual(['joe-biden-leads-united-states', 'kim-jong-un-leads-north-korea']);
    // Then the path is asked again under the new filter, and the answer replaces the old one.
    await page.waitForFunction(() => document.body.dataset.path === 'none');
    expect(asked.at(-1)).toMatchObject({ excludeTypes: ['LEADS'] });
    expect(asked).toHaveLength(2);
    expect(await graphIds(page, 'edge.hidden.forced')).toEqual([]);
    await page.check('#type-LEADS');
    await page.waitForSelector('body[data-path="found"]');
    expect((await graphIds(page, 'edge.path')).sort()).toEqual(onPath);
    // A filter that leaves the path whole keeps it drawn, even where it hides a path edge's kind.
    await page.uncheck('#status-alleged');
    await page.waitForSelector('body[data-path="found"]');
    expect((await graphIds(page, 'edge.path')).sort()).toEqual(onPath);
    await page.close();
  });
});
