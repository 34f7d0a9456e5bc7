import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage } from '../../scripts/support/chromium.ts';
import { buildSite } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba(), opaque). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const isSearchRequest = (url: string) => /\/pagefind\/|\/_astro\/dialog/.test(url);

/** Opens search with "/", types the query and waits for the answer (results or the empty state). */
async function search(page: Page, query: string) {
  await page.keyboard.press('/');
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.fill(query);
  await page.waitForFunction((q) => document.querySelector('.search-status')?.textContent?.includes(`“${q}”`), query, { timeout: 15_000 });
}

async function optionTexts(page: Page): Promise<string[]> {
  return page.locator('#search-listbox [role="option"]').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
}

describe.each([
  { where: 'at the domain root', name: 'search-root', base: undefined },
  { where: 'under a base path', name: 'search-base', base: '/docker-learning' },
])('search in a real browser, site $where', ({ name, base }) => {
  let server: StaticServer;
  let browser: Browser;
  const prefix = base ?? '';

  beforeAll(async () => {
    const build = buildSite({ contentDir: 'tests/fixtures/content/search-site', name, base, reuse: true });
    server = await serveStatic(build.outDir, { base });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads nothing for search until "/" opens it, then shows highlighted results for a known page', async () => {
    const { page, requests, errors, context } = await openPage(browser);
    await page.goto(server.siteUrl, { waitUntil: 'networkidle' });
    const beforeOpening = [...requests];
    expect(beforeOpening.filter(isSearchRequest)).toEqual([]);

    await search(page, 'publishing ports');
    const afterOpening = requests.slice(beforeOpening.length);
    expect(afterOpening.some((url) => url.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(afterOpening.some((url) => url.includes('/_astro/dialog'))).toBe(true);
    // Everything search fetched arrived after the reader asked for it.
    expect(afterOpening.filter((url) => beforeOpening.includes(url))).toEqual([]);
    // Everything stays inside the site's base path.
    expect(requests.every((url) => url.startsWith(server.siteUrl))).toBe(true);
    // Only what the query needs: one fragment per rendered result at most.
    const results = await page.locator('#search-listbox .search-result:not(.search-sub-result)').count();
    expect(afterOpening.filter((url) => url.includes('.pf_fragment')).length).toBeLessThanOrEqual(results);

    const first = page.locator('#search-listbox [role="option"]').first();
    expect(await first.getAttribute('href')).toBe(`${prefix}/networking/`);
    expect(await first.locator('.search-result-title').textContent()).toBe('Container networking');
    expect(await first.locator('mark').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Publishing/)]));
    expect(await page.locator('.search-status').textContent()).toBe('1 result for “publishing ports”.');
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves through results with the arrow keys and opens the chosen heading with Enter', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'publishing ports');
    const input = page.locator('#search-input');
    // The first result is chosen as results arrive; one step down is its "Publishing ports" section.
    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    const active = page.locator(`[id="${activeId}"]`);
    expect(await active.getAttribute('aria-selected')).toBe('true');
    expect(await active.locator('.search-result-title').textContent()).toContain('Publishing ports');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}${prefix}/networking/#publishing-ports`);
    await page.waitForFunction(() => {
      const heading = document.getElementById('publishing-ports');
      const header = document.querySelector('.site-header');
      if (!heading || !header) return false;
      const top = heading.getBoundingClientRect().top;
      return top >= header.getBoundingClientRect().bottom - 1 && top < window.innerHeight / 2;
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('closes with Esc and gives focus back to the search button; Ctrl+K opens it too', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.siteUrl}storage/volumes/`);
    await page.keyboard.press('Control+k');
    await page.locator('#search-input').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(await page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.type('volume');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.search-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-open]'))).toBe(true);
    // Opening again from the button keeps the last query selected, ready to be replaced.
    await page.locator('[data-search-open]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await context.close();
  });

  it('finds a curated resource, marks it external with its domain and links to its card', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'sandbox');
    const resource = page.locator('#search-listbox .search-resource').first();
    expect(await resource.locator('.search-result-title').textContent()).toBe('Play with Docker');
    expect(await resource.locator('.search-result-context').textContent()).toBe(
      'External resource · labs.play-with-docker.com · interactive · beginner',
    );
    expect(await resource.getAttribute('href')).toBe(`${prefix}/resources/#play-with-docker`);
    await resource.click();
    await page.waitForURL(`${server.origin}${prefix}/resources/#play-with-docker`);
    expect(await page.locator('#play-with-docker').count()).toBe(1);
    await context.close();
  });

  it('shows an empty state with a hint for a query that matches nothing', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'qwxzvbnk');
    expect(await page.locator('.search-status').textContent()).toMatch(/^No results for “qwxzvbnk”\. Check the spelling/);
    expect(await page.locator('#search-listbox').isHidden()).toBe(true);
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('false');
    await context.close();
  });

  it('indexes only article bodies: not drafts, the 404 page or the footer', async () => {
    const { page, context } = await openPage(browser);
    // The words below really are on the 404 page and in the footer of every page.
    await page.goto(`${server.siteUrl}no-such-page/`);
    expect(await page.locator('main').textContent()).toContain('reorganised');
    expect(await page.locator('.site-footer').textContent()).toContain('GitHub');
    await page.goto(server.siteUrl);
    // A word from the draft page, one from the 404 page, one from the footer ("source on GitHub").
    for (const query of ['checkpointing', 'reorganised', 'github']) {
      // Esc then "/" straight away, as a fast typist would.
      if (await page.locator('dialog.search-dialog[open]').count()) await page.keyboard.press('Escape');
      await search(page, query);
      expect(await optionTexts(page), query).toEqual([]);
    }
    // Control: a word from a published page's body is found.
    await page.keyboard.press('Escape');
    await search(page, 'getent');
    expect((await optionTexts(page)).some((text) => text.includes('Name resolution between containers'))).toBe(true);
    await context.close();
  });

  it('ranks a page whose heading matches above a page that only mentions the word', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // "Aliases" is only an h2 on the DNS page; the shorter Storage page says it twice in its text,
    // so plain word counts would put Storage first. Heading weight must win.
    await search(page, 'aliases');
    const titles = await page.locator('#search-listbox .search-result:not(.search-sub-result) .search-result-title').allTextContents();
    expect(titles).toEqual(['Name resolution between containers', 'Storage']);
    // What each signal added is on the result for a developer (npm run search:explain reads it).
    const rankings = await page
      .locator('#search-listbox .search-result:not(.search-sub-result)')
      .evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.ranking ?? ''));
    expect(rankings[0]).toMatch(/^\d\.\d{3} = cover \d\.\d\d \+ .*introduced \d\.\d\d .*× kind 1\.00$/);
    expect(Number.parseFloat(rankings[0]!)).toBeGreaterThan(Number.parseFloat(rankings[1]!));
    await context.close();
  });

  it('shows eight results first and the rest on request, keeping keyboard focus in the field', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    // Every page and resource of the fixture contains "the": 6 pages and 3 resources.
    await search(page, 'the');
    const main = page.locator('#search-listbox .search-result:not(.search-sub-result)');
    expect(await main.count()).toBe(8);
    expect(await page.locator('.search-status').textContent()).toBe('9 results for “the”, showing the first 8.');
    const more = page.locator('.search-more');
    expect(await more.textContent()).toBe('Show 1 more result');
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('#search-listbox .search-result:not(.search-sub-result)').length === 9);
    expect(await more.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    // The first newly shown result is the chosen one, so Enter opens what just appeared.
    const activeId = await page.locator('#search-input').getAttribute('aria-activedescendant');
    expect(await main.nth(8).getAttribute('id')).toBe(activeId);
    await context.close();
  });

  it('fills a phone screen and still opens results by tap', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 760 } });
    await page.goto(server.siteUrl);
    await page.locator('[data-search-open]').click();
    await page.locator('#search-input').fill('volume');
    await page.locator('#search-listbox [role="option"]').first().waitFor();
    const box = await page.locator('dialog.search-dialog').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 760 });
    await page.locator('#search-listbox [role="option"]', { hasText: 'Volumes' }).first().click();
    await page.waitForURL(new RegExp(`${prefix}/storage/volumes/`));
    await context.close();
  });

  it('marks the search button and field with a magnifier (lens and handle), hidden from screen readers and legible in both themes', async () => {
    for (const theme of ['light', 'dark']) {
      const { page, context } = await openPage(browser);
      await page.goto(server.siteUrl);
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      await page.locator('[data-search-open]').click();
      await page.locator('#search-input').waitFor();
      for (const selector of ['.search-button-icon', '.search-field-icon']) {
        const icon = await page.locator(selector).evaluate((svg) => {
          // The nearest ancestor with a background colour is what the stroke is drawn on.
          let node: Element | null = svg;
          let background = 'rgba(0, 0, 0, 0)';
          while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
            background = getComputedStyle(node).backgroundColor;
            node = node.parentElement;
          }
          return {
            tag: svg.tagName.toLowerCase(),
            hidden: svg.getAttribute('aria-hidden'),
            parts: [...svg.children].map((child) => child.tagName.toLowerCase()),
            stroke: getComputedStyle(svg).stroke,
            background,
            width: svg.getBoundingClientRect().width,
          };
        });
        expect(icon, `${selector} in ${theme}`).toMatchObject({ tag: 'svg', hidden: 'true', parts: ['circle', 'path'] });
        expect(icon.width).toBeGreaterThanOrEqual(14);
        // Non-text contrast (WCAG 1.4.11): the icon's lines against what is behind them, at least 3:1.
        expect(contrast(icon.stroke, icon.background), `${selector} in ${theme}: ${icon.stroke} on ${icon.background}`).toBeGreaterThanOrEqual(3);
      }
      await context.close();
    }
  });

  it('has no axe violations with the dialog open and results shown', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(server.siteUrl);
    await search(page, 'network');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
