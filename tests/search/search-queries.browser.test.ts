// Search as a learner uses it, in Chromium on the fixture site: flags, questions, typos and their
// correction, lessons before resources, table excerpts, Enter right after typing, and a search
// that cannot load.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite } from '../helpers/build-site.ts';
import { searchSettled } from '../../scripts/bench-search/dialog.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const settled = searchSettled;

async function search(page: Page, query: string) {
  if (!(await page.locator('dialog.search-dialog[open]').count())) await page.keyboard.press('/');
  await page.locator('#search-input').fill(query);
  await settled(page);
}

const mainResults = (page: Page) => page.locator('#search-listbox .search-result:not(.search-sub-result)');
const titles = (page: Page) => mainResults(page).locator('.search-result-title').allTextContents();
const status = (page: Page) => page.locator('.search-status').textContent();

describe('search finds what a learner means', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const build = buildSite({ contentDir: 'tests/fixtures/content/search-site', name: 'search-root', reuse: true });
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a flag as typed, with its dashes, and the table row that explains it', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.siteUrl);
    // Without its dash, "v" would match every word starting with v (volumes, via, …) on every page.
    await search(page, '-v');
    expect(await titles(page)).toEqual(['Volumes']);
    await search(page, '-p 8080:80');
    expect((await titles(page))[0]).toBe('Container networking');
    const row = page.locator('#search-listbox .search-sub-result[href="/networking/#cmd--p-808080"]');
    expect(await row.locator('.search-result-title').textContent()).toBe('-p 8080:80, in Container networking');
    await row.click();
    await page.waitForURL(`${server.origin}/networking/#cmd--p-808080`);
    expect(await page.locator('tr#cmd--p-808080').textContent()).toContain('host port 8080 forwards to container port 80');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers a question by its content words: stop words never make it fail', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // "which" is on another page only, so requiring every word found nothing here before.
    await search(page, 'which flag publishes a port');
    expect((await titles(page))[0]).toBe('Container networking');
    await context.close();
  });

  it('ranks a short word above longer words that start with it', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // "tar" is on the volumes page once; the DNS page has "target" in a heading and three times
    // more. Pagefind matches by prefix and scores that page higher; the word itself wins.
    await search(page, 'tar');
    expect(await titles(page)).toEqual(['Volumes', 'Name resolution between containers']);
    await context.close();
  });

  it('shows the pages with most of the words when no page has them all, and says so', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // "getent" is only on the DNS page, "pgdata" only on the volumes page.
    await search(page, 'getent pgdata');
    expect((await titles(page)).sort()).toEqual(['Name resolution between containers', 'Volumes']);
    expect(await status(page)).toBe('2 results for “getent pgdata”. No page has every word; these have most of them.');
    await context.close();
  });

  it('lists a lesson about a term above the curated resources about it', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'network');
    const kinds = await mainResults(page).evaluateAll((links) =>
      links.map((link) => (link.classList.contains('search-resource') ? 'resource' : 'page')),
    );
    expect(kinds).toContain('resource');
    expect(kinds[0]).toBe('page');
    await context.close();
  });

  it('shows the results of a sure typo correction at once, with a way back to the query as typed', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'netwrok');
    expect(await status(page)).toMatch(/^Showing \d+ results? for “network” · Search for “netwrok” instead$/);
    expect((await titles(page))[0]).toBe('Container networking');
    // The field keeps what the reader typed; only the results are corrected.
    expect(await page.locator('#search-input').inputValue()).toBe('netwrok');

    await page.locator('.search-literal').click();
    await settled(page);
    expect(await status(page)).toBe('No results for “netwrok”. Did you mean network? Enter searches for the first.');
    expect(await page.locator('#search-listbox').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await page.locator('#search-input').inputValue()).toBe('network');
    expect((await titles(page))[0]).toBe('Container networking');
    await context.close();
  });

  it('never corrects a query whose words some page has', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // Every word is on some page: searched as typed, nothing corrected.
    await search(page, 'aliases');
    expect(await status(page)).toMatch(/^\d+ results? for “aliases”\.$/);
    expect(await page.locator('.search-literal').count()).toBe(0);
    await context.close();
  });

  it('applies a suggestion with one click and keeps the other words of the query', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'backing volumne');
    // Corrected at once; asking for the query as typed brings back the suggestions.
    await page.locator('.search-literal').click();
    await settled(page);
    await page.locator('.search-suggestion', { hasText: 'volume' }).first().click();
    await settled(page);
    expect(await page.locator('#search-input').inputValue()).toBe('backing volume');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await titles(page)).toEqual(['Volumes']);
    await context.close();
  });

  it('quotes a table row in an excerpt cell by cell, without the header row', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'random host port');
    const excerpts = await page.locator('#search-listbox .search-result-excerpt').allTextContents();
    const row = excerpts.find((text) => text.includes('random host port'));
    expect(row).toMatch(/80 — host port 8080 forwards to container port 80\. -P — every exposed port gets a random host port\./);
    expect(excerpts.join(' ')).not.toContain('Flag Meaning');
    await context.close();
  });

  it('opens the result of the query on screen when Enter follows typing at once', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'volume');
    expect((await titles(page))[0]).toBe('Volumes');
    // Replace the query and press Enter before its results can have arrived (they are debounced).
    await page.locator('#search-input').fill('aliases');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/networking/dns/`);
    await context.close();
  });

  it('has no axe violations while a correction is shown', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'docker netwrok');
    expect(await page.locator('.search-literal').count()).toBe(1);
    expect(await mainResults(page).count()).toBeGreaterThan(0);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('announces a load failure once, however much the reader types, and loads on "Try again"', async () => {
    const { page, context } = await openPage(browser);
    await page.route('**/pagefind/pagefind.js*', (route) => route.abort());
    await page.goto(server.siteUrl);
    // Every text the live region shows, in order, from before the dialog exists.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.search-status')?.textContent ?? '';
        if (text && text !== seen.at(-1)) seen.push(text);
      }).observe(document.body, { childList: true, characterData: true, subtree: true });
    });
    await page.keyboard.press('/');
    await page.locator('#search-input').waitFor();
    await page.waitForFunction(() => document.querySelector('.search-retry'), undefined, { timeout: 15_000 });
    await page.keyboard.type('volumes', { delay: 30 });
    await page.keyboard.press('Backspace');
    const failure = 'Search could not be loaded. Check your connection, then Try again.';
    expect(await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts)).toEqual([failure]);
    expect(await status(page)).toBe(failure);

    await page.unroute('**/pagefind/pagefind.js*');
    await page.locator('.search-retry').click();
    await settled(page);
    expect((await titles(page))[0]).toBe('Volumes');
    expect(await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts)).toEqual([
      failure,
      'Loading search…',
      expect.stringMatching(/^\d+ results? for “volume”\.$/),
    ]);
    await context.close();
  });
});
