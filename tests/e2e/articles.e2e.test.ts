// Issue 12 in the client, in real Chromium against the real app and Neo4j: paste an article →
// review its proposals (keys j/k/a/r, the ghost preview, a new proposal from a selected span) →
// the accepted edge on the graph with its history → "Accept all", refused while one proposal was
// rejected elsewhere, then accepted under a named token. Screenshots at 1440×900 and 390×844.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, graphIds, open, PHONE, shot, useBrowser } from './harness.js';

const TOKEN = 'articles-e2e-token';
// Named tokens beside API_TOKEN: decisions made with them carry their names.
const ALICE = 'alice-articles-e2e-secret';
const BOB = 'bob-articles-e2e-secret';
const h = useBrowser({ env: { API_TOKEN: TOKEN, API_TOKENS: `alice:${ALICE},bob:${BOB}` } });

// A short report in the test's own words, with the cues the reader knows.
const TEXT = [
  "South Korea's spy agency said on Friday that North Korea sends troops to Russia.",
  'North Korea denied on Monday that it sends troops to Russia.',
  'Vladimir Putin met with Kim Jong Un in Pyongyang in June.',
  'Kim Jong Un leads North Korea.',
].join(' ');
const SOURCE_ID = 'e2e-2024-10-22-troops';

/** Writes read the article or go through the bundle import: slow on a shared machine. */
const WRITE = { timeout: 240_000 };
const TEST_TIMEOUT = 600_000;

const stateOf = (page: Page) => page.evaluate(() => window.__actorGraph?.state());
const current = (page: Page) => page.getAttribute('.proposal-card[aria-current="true"]', 'data-proposal');

async function cards(page: Page): Promise<{ id: string; kind: string; state: string }[]> {
  return page.$$eval('.proposal-card', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { id: d.proposal ?? '', kind: d.kind ?? '', state: d.state ?? '' };
    }),
  );
}

/** Each test's page is a new session: its first write asks for the token. */
async function giveToken(page: Page, token = TOKEN): Promise<void> {
  await page.waitForSelector('dialog.token-dialog[open]');
  await page.fill('#api-token', token);
  await page.click('#api-token-ok');
}

/** A write by another reviewer, behind the page's back (another tab, another person). */
async function writeAs(token: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${h.base}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
}

/**
 * Waits for a write's outcome. On a loaded machine the read after a write can time out; the view
 * then reads the proposal again, so the outcome still shows. A failure says what the page said.
 */
async function written(page: Page, selector: string, error: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { ...WRITE, state: 'attached' });
  } catch (cause) {
    const said = await page.$eval(error, (e) => e.textContent).catch(() => null);
    throw new Error(`${selector} did not appear; the page said: ${said ?? 'nothing'}`, { cause });
  }
}

/** Focuses a card by pressing j/k until it has the focus, as a reviewer would. */
async function focusCard(page: Page, id: string): Promise<void> {
  const order = (await cards(page)).map((c) => c.id);
  const target = order.indexOf(id);
  for (let i = 0; i < order.length + 1 && (await current(page)) !== id; i++) {
    const at = order.indexOf((await current(page)) ?? '');
    await page.keyboard.press(at < target ? 'j' : 'k');
  }
  expect(await current(page)).toBe(id);
}

describe('the Articles view', () => {
  it(
    'ingests a pasted article, asking for the token once, and shows its proposals',
    async () => {
      const page = await open(h, `${h.base}?view=articles`, DESKTOP);
      await page.waitForSelector('#articles[data-view="list"]', WRITE);
      expect(await page.textContent('#articles h2')).toBe('Articles (0)');
      await page.click('#add-article');
      // Field errors name the field before anything is sent.
      await page.click('#article-submit');
      expect(await page.textContent('#article-text-error')).toBe('Text: paste the article text');
      expect(await page.textContent('#article-published-error')).toMatch(/^Published: /);

      await page.fill('#article-text', TEXT);
      await page.fill('#article-title', 'North Korean troops: Seoul says yes, Pyongyang says no');
      await page.fill('#article-publisher', 'Example Wire');
      await page.fill('#article-published', '2024-10-22');
      await page.fill('#article-url', 'https://example.org/e2e-troops');
      await page.fill('#article-id', SOURCE_ID);
      await page.click('#article-submit');

      // A wrong token is refused by the server, and asked for again with its message.
      await page.waitForSelector('dialog.token-dialog[open]');
      await page.fill('#api-token', 'wrong-token');
      await page.click('#api-token-ok');
      await page.waitForSelector('dialog.token-dialog[open] #api-token-message:not(:empty)', WRITE);
      expect(await page.textContent('#api-token-message')).toMatch(/token/i);
      await page.fill('#api-token', TOKEN);
      await page.click('#api-token-ok');

      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      expect(await stateOf(page)).toMatchObject({ articles: { source: SOURCE_ID } });
      expect(await page.evaluate(() => sessionStorage.getItem('actor-graph:api-token'))).toBe(TOKEN);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);

      const list = await cards(page);
      expect(list.length).toBeGreaterThan(1);
      expect(list.every((c) => c.state === 'OPEN')).toBe(true);
      // Each proposal's evidence is marked in the text; the text is whole.
      expect(await page.textContent('#article-text')).toBe(TEXT);
      const marked = await page.$$eval('#article-text mark', (ms) =>
        ms.flatMap((m) => ((m as HTMLElement).dataset.proposals ?? '').split(' ')),
      );
      for (const c of list) expect(marked).toContain(c.id);
      const sentence = await page.textContent('.proposal-card .card-sentence');
      expect(sentence).toMatch(/ — \d{1,2} \w{3} 2024 — confidence \d(\.\d+)?$|— confidence \d(\.\d+)?$/);
      await shot(page, 'desktop-articles-review');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'moves with j/k, previews the focused proposal as a ghost, accepts with a and rejects with r',
    async () => {
      const page = await open(h, `${h.base}?view=articles&article=${SOURCE_ID}`);
      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      const list = await cards(page);
      const first = list[0]?.id;
      expect(await current(page)).toBe(first);
      await page.keyboard.press('j');
      expect(await current(page)).toBe(list[1]?.id);
      expect(await stateOf(page)).toMatchObject({ articles: { proposal: list[1]?.id } });
      await page.keyboard.press('k');
      expect(await current(page)).toBe(first);

      const relationship = list.find((c) => c.kind === 'RELATIONSHIP');
      expect(relationship).toBeDefined();
      const id = relationship?.id as string;
      await focusCard(page, id);
      // The ghost: drawn, dashed, not part of the graph's relationships.
      const ghost = await page.evaluate(() => {
        const cy = window.__actorGraph?.cy;
        const edge = cy?.$('edge.ghost').first();
        return edge?.nonempty() ? { style: edge.style('line-style'), shown: edge.visible() } : null;
      });
      expect(ghost).toEqual({ style: 'dashed', shown: true });
      await shot(page, 'desktop-articles-ghost');

      await page.keyboard.press('a');
      await giveToken(page);
      await written(
        page,
        `.proposal-card[data-proposal="${id}"][data-state="ACCEPTED"]`,
        `.proposal-card[data-proposal="${id}"] .card-error:not(:empty)`,
      );
      expect(await page.textContent(`.proposal-card[data-proposal="${id}"] .card-decision`)).toMatch(/^accepted by /);
      // The focus went on to the next open proposal, and the accepted edge is on the graph.
      expect(await current(page)).not.toBe(id);
      const accepted = await page.evaluate(() => window.__actorGraph?.cy?.$('edge:not(.ghost)').length ?? 0);
      expect(await page.$(`.proposal-card[data-proposal="${id}"] button[data-action="show"]`)).not.toBeNull();
      expect(accepted).toBeGreaterThan(0);

      const toReject = (await cards(page)).find((c) => c.state === 'OPEN');
      expect(toReject).toBeDefined();
      await focusCard(page, toReject?.id as string);
      await page.keyboard.press('r');
      await page.waitForSelector('#reject-reason');
      // No reason, no rejection.
      await page.press('#reject-reason', 'Enter');
      expect(await page.textContent('#reject-reason-error')).toMatch(/^Reason: /);
      await page.fill('#reject-reason', 'the text does not say so');
      await page.press('#reject-reason', 'Enter');
      await written(
        page,
        `.proposal-card[data-proposal="${toReject?.id}"][data-state="REJECTED"]`,
        `.proposal-card[data-proposal="${toReject?.id}"] .card-error:not(:empty)`,
      );
      expect(await page.textContent(`.proposal-card[data-proposal="${toReject?.id}"] .card-decision`)).toMatch(
        /: the text does not say so$/,
      );
      expect(await page.textContent('#article-counts')).toMatch(/1 accepted · 1 rejected/);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'adds a proposal from a selected span, offering only the kinds each end allows',
    async () => {
      const page = await open(h, `${h.base}?view=articles&article=${SOURCE_ID}`);
      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      const before = (await cards(page)).length;
      const phrase = 'Kim Jong Un leads North Korea.';
      await page.evaluate((text) => {
        const container = document.getElementById('article-text');
        const walker = document.createTreeWalker(container as Node, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(text) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          return;
        }
        // The phrase crosses marks: select from its first to its last character over the segments.
        const full = container?.textContent ?? '';
        const start = full.indexOf(text);
        const point = (offset: number) => {
          for (const seg of container?.children ?? []) {
            const s = Number((seg as HTMLElement).dataset.start);
            const len = seg.textContent?.length ?? 0;
            if (offset >= s && offset <= s + len) return { node: seg.firstChild as Node, offset: offset - s };
          }
          throw new Error('no segment');
        };
        const a = point(start);
        const b = point(start + text.length);
        const range = document.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }, phrase);
      await page.waitForSelector('#new-proposal:not([disabled])');
      await page.click('#new-proposal');
      await page.waitForSelector('#new-type');
      await page.selectOption('#new-type', 'LEADS');
      // LEADS starts at a person: the from end offers persons only.
      const kinds = await page.$$eval('#new-from option', (os) =>
        os.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
      );
      expect(kinds).toContain('kim-jong-un');
      expect(kinds).not.toContain('russia');
      await page.selectOption('#new-from', 'kim-jong-un');
      await page.selectOption('#new-to', 'north-korea');
      await page.fill('#new-validFrom', 'June');
      await page.click('form.proposal-form button[type="submit"]');
      expect(await page.textContent('#new-validFrom-error')).toMatch(/^Valid from: /);
      await page.fill('#new-validFrom', '2011-12');
      await page.click('form.proposal-form button[type="submit"]');
      await giveToken(page);
      await written(page, `.proposal-card:nth-child(${before + 1})`, 'form.proposal-form [role="alert"]:not(:empty)');
      await page.waitForFunction((n) => document.querySelectorAll('.proposal-card').length === n + 1, before, WRITE);
      const added = await current(page);
      expect(added).toBeTruthy();
      // Who added it: the name of the token used (API_TOKEN's is "api").
      expect(await page.textContent(`.proposal-card[data-proposal="${added}"] .card-proposed`)).toBe('added by api');
      const spans = await page.$$eval(
        `#article-text mark`,
        (ms, id) =>
          ms
            .filter((m) => ((m as HTMLElement).dataset.proposals ?? '').split(' ').includes(id as string))
            .map((m) => m.textContent)
            .join(''),
        added,
      );
      expect(spans).toBe(phrase);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the accepted edge on the graph with its history',
    async () => {
      const page = await open(h, `${h.base}?view=articles&article=${SOURCE_ID}`);
      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      await page.click('.proposal-card[data-state="ACCEPTED"] button[data-action="show"]');
      await page.waitForSelector('#details[data-view="relationship"]');
      const state = await stateOf(page);
      expect(state?.articles).toBeNull();
      const id = state?.selected?.id as string;
      expect(await graphIds(page, `edge[id = "${id}"]`)).toEqual([id]);
      const history = await page.$$eval('#details .history li', (ls) => ls.map((l) => l.textContent ?? ''));
      expect(history.length).toBeGreaterThan(0);
      expect(history.some((line) => /22 Oct 2024/.test(line) && /North Korean troops/.test(line))).toBe(true);
      await shot(page, 'desktop-articles-history');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'accepts all open proposals in one call after asking, and says what failed and why',
    async () => {
      const page = await open(h, `${h.base}?view=articles&article=${SOURCE_ID}`);
      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      const before = (await cards(page)).filter((c) => c.state === 'OPEN');
      expect(before.length).toBeGreaterThan(1);
      expect(await page.textContent('#accept-all')).toBe(`Accept all open (${before.length})`);
      // Bob rejects one of them elsewhere: the page still shows it open and sends it. (Not a new
      // actor: the relationships naming it would then be refused too.)
      const behind = before.filter((c) => c.kind !== 'ACTOR').at(-1)?.id as string;
      expect(behind).toBeDefined();
      await writeAs(BOB, 'mutation($id: ID!) { rejectProposal(id: $id, reason: "seen elsewhere") { id } }', {
        id: behind,
      });

      // Shift+A asks first, naming how many; Escape goes back to the button.
      await page.keyboard.press('Shift+A');
      await page.waitForSelector('#accept-all-confirm');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('accept-all-confirm');
      expect(await page.textContent('#accept-all-question')).toContain(`all ${before.length} open proposals`);
      await page.keyboard.press('Escape');
      expect(await page.$('#accept-all-confirm')).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('accept-all');
      // The button by keyboard: Enter opens the question, Enter on "Accept n" sends.
      await page.keyboard.press('Enter');
      await page.waitForSelector('#accept-all-confirm');
      expect(await page.textContent('#accept-all-confirm')).toBe(`Accept ${before.length}`);
      await page.keyboard.press('Enter');
      await giveToken(page, ALICE);
      await written(page, '#accept-all-summary', '#accept-all-slot');

      // All or none: nothing accepted; the rejected one named with the server's reason, first.
      expect(await page.textContent('#accept-all-summary .summary-line')).toBe(
        `0 proposals accepted, ${before.length} failed. Nothing was written.`,
      );
      const failures = await page.$$eval('.accept-all-failures li', (ls) =>
        ls.map((l) => ({
          id: (l as HTMLElement).dataset.proposal,
          reason: l.querySelector('.failure-reason')?.textContent ?? '',
        })),
      );
      expect(failures).toHaveLength(before.length);
      expect(failures[0]).toMatchObject({ id: behind });
      expect(failures[0]?.reason).toMatch(/was rejected by bob \(seen elsewhere\)/);
      expect(failures.slice(1).every((f) => /^not written: the batch goes together/.test(f.reason))).toBe(true);
      // The cards and counts were read again: bob's rejection shows, the rest is still open.
      expect(await page.getAttribute(`.proposal-card[data-proposal="${behind}"]`, 'data-state')).toBe('REJECTED');
      expect(await page.textContent(`.proposal-card[data-proposal="${behind}"] .card-decision`)).toMatch(
        /^rejected by bob /,
      );
      const waiting = (await cards(page)).filter((c) => c.state === 'OPEN');
      expect(waiting.map((c) => c.id)).toEqual(before.filter((c) => c.id !== behind).map((c) => c.id));
      expect(await page.textContent('#accept-all')).toBe(`Accept all open (${waiting.length})`);
      await shot(page, 'desktop-articles-accept-all-failed');

      // Again, with the rest: all accepted, by alice, the counts and the graph as the server has them.
      await page.keyboard.press('Shift+A');
      await page.waitForSelector('#accept-all-confirm');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => /failed\.$/.test(document.querySelector('#accept-all-summary .summary-line')?.textContent ?? ''),
        undefined,
        WRITE,
      );
      expect(await page.textContent('#accept-all-summary .summary-line')).toBe(
        `${waiting.length} proposals accepted, 0 failed.`,
      );
      const after = new Map((await cards(page)).map((c) => [c.id, c.state]));
      for (const c of waiting) expect(after.get(c.id)).toBe('ACCEPTED');
      const decisions = await page.$$eval('.proposal-card[data-state="ACCEPTED"] .card-decision', (ps) =>
        ps.map((p) => p.textContent ?? ''),
      );
      expect(decisions.filter((d) => d.startsWith('accepted by alice ')).length).toBe(waiting.length);
      const stored = await h.graphql<{
        article: { open: number; accepted: number; rejected: number };
        proposals: { edges: { node: { id: string; acceptedAs: { id: string } | null } }[] };
      }>(`{ article(id: "${SOURCE_ID}") { open accepted rejected }
        proposals(source: "${SOURCE_ID}", state: [ACCEPTED]) { edges { node { id acceptedAs { id } } } } }`);
      const { open: o, accepted: a, rejected: r } = stored.article;
      expect(await page.textContent('#article-counts')).toBe(`${o} open · ${a} accepted · ${r} rejected`);
      expect(await page.textContent('#accept-all')).toBe(`Accept all open (${o})`);
      const edges = stored.proposals.edges
        .filter((e) => waiting.some((c) => c.id === e.node.id) && e.node.acceptedAs)
        .map((e) => e.node.acceptedAs?.id as string);
      expect(edges.length).toBeGreaterThan(0);
      for (const id of edges) expect(await graphIds(page, `edge[id = "${id}"]`)).toEqual([id]);
      await shot(page, 'desktop-articles-accept-all');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'fits a 390×844 phone: the text, the cards and the graph one under the other',
    async () => {
      const page = await open(h, `${h.base}?view=articles&article=${SOURCE_ID}`, PHONE);
      await page.waitForSelector('#articles[data-view="article"]', WRITE);
      const widths = await page.evaluate(() =>
        ['#articles', '#article-text', '#proposal-cards'].map(
          (s) => document.querySelector(s)?.getBoundingClientRect().width ?? 0,
        ),
      );
      for (const w of widths) expect(w).toBeLessThanOrEqual(PHONE.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shot(page, 'phone-articles-review', true);
      await page.close();
    },
    TEST_TIMEOUT,
  );
});
