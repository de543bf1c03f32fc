// GraphiQL with the network cut: every request to a host other than the server is aborted, and
// GraphiQL still loads (its scripts and styles come from the server) and runs a query.
import { describe, expect, it } from 'vitest';
import { shot, useBrowser } from './harness.js';

const harness = useBrowser();

describe('GraphiQL offline', () => {
  it('loads from the server alone and runs a query', async () => {
    const page = await harness.browser.newPage();
    const local = new URL(harness.base).host;
    const cut: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const isLocal = url.host === local || url.protocol === 'data:' || url.protocol === 'blob:';
      if (isLocal) return route.continue();
      cut.push(url.href);
      return route.abort('internetdisconnected');
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = '{ actor(id: "russia") { name } }';
    await page.goto(`${harness.base}graphql?query=${encodeURIComponent(query)}`);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('Russia'), null, {
      timeout: 30_000,
    });
    await shot(page, 'graphiql-offline');
    expect(errors).toEqual([]);
    expect(cut).toEqual([]);
    await page.close();
  }, 120_000);
});
