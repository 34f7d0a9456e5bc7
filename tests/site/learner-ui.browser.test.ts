import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe, VIEWPORTS } from '../../scripts/quality/axe.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { realSite } from '../quality/sites.ts';

/**
 * What a learner sees on the real course, at 1280×800 and 390×844: tables that fit or show they
 * scroll, code the Copy button leaves readable, the theme and menu controls, resource filters
 * without dead ends, and search on the 404 page. Every page opens in a fresh context.
 */

let browser: Browser;
let site: StaticServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await serveStatic(realSite().outDir);
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

type Width = keyof typeof VIEWPORTS;
const WIDTHS: Width[] = ['desktop', 'phone'];

async function open(viewport: Width, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme: options.colorScheme ?? 'light' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { page, errors };
}

describe.each(WIDTHS)('at %s width', (viewport) => {
  it('shows every column of the mounts table, or shows that the table scrolls and lets the keyboard scroll it', async () => {
    const { page } = await open(viewport);
    await page.goto(`${site.siteUrl}hands-on/data-and-networking/`);
    const region = page.getByRole('group', { name: 'Table: Aspect, Volume, Bind mount' });
    const last = region.getByRole('columnheader', { name: 'tmpfs mount' });
    const fits = await region.evaluate((element) => element.scrollWidth <= element.clientWidth);
    if (viewport === 'desktop') {
      // Wide enough for the whole table: the fourth column is in the box, not past its edge.
      expect(fits).toBe(true);
      const [box, column] = [await region.boundingBox(), await last.boundingBox()];
      expect(column!.x + column!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
      return;
    }
    expect(fits).toBe(false);
    // The sign that there is more: a shadow fixed to the right edge until the end is reached.
    const shadow = await region.evaluate((element) => getComputedStyle(element).backgroundAttachment);
    expect(shadow).toContain('local');
    await region.focus();
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  it('keeps the Copy button off the code: no character of a code block lies under it', async () => {
    const { page } = await open(viewport);
    await page.goto(`${site.siteUrl}hands-on/first-container/`);
    await expect.poll(() => page.locator('.copy-button').count()).toBeGreaterThan(3);
    const covered = await page.evaluate(() => {
      const found: string[] = [];
      for (const wrapper of document.querySelectorAll('.code-wrapper')) {
        const button = wrapper.querySelector('.copy-button')!.getBoundingClientRect();
        const walker = document.createTreeWalker(wrapper.querySelector('pre')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) {
            const overlaps =
              rect.width > 0 && rect.left < button.right && rect.right > button.left && rect.top < button.bottom && rect.bottom > button.top;
            if (overlaps && node.textContent!.trim()) found.push(node.textContent!.trim());
          }
        }
      }
      return found;
    });
    expect(covered).toEqual([]);
  });

  it('reaches the dark theme in one press from the system theme, and the system theme again with the next', async () => {
    for (const system of ['light', 'dark'] as const) {
      const { page } = await open(viewport, { colorScheme: system });
      await page.goto(`${site.siteUrl}hands-on/`);
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      await toggle.waitFor({ state: 'visible' }); // shown once ui.ts has run
      const other = system === 'light' ? 'dark' : 'light';
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(system === 'dark'));
      expect(await toggle.innerText()).toContain('auto'); // following the system
      await toggle.click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
      expect(await toggle.getAttribute('aria-pressed')).toBe(String(other === 'dark'));
      expect(await toggle.innerText()).not.toContain('auto');
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(other);
      await toggle.click(); // back to the system's theme: the page follows the system again
      expect(await page.evaluate(() => [document.documentElement.dataset.theme ?? 'auto', localStorage.getItem('theme')])).toEqual(['auto', null]);
      expect(await toggle.innerText()).toContain('auto');
    }
  });

  it('offers search on the 404 page, with the words of the address already typed', async () => {
    const { page, errors } = await open(viewport);
    const missing: string[] = [];
    page.on('response', (response) => response.status() >= 400 && missing.push(new URL(response.url()).pathname));
    await page.goto(`${site.siteUrl}hands-on/volume-guide/`);
    const offer = page.getByRole('main').getByRole('button', { name: 'Search for “hands on volume guide”' });
    await offer.waitFor({ state: 'visible' });
    await offer.click();
    const input = page.locator('dialog[open] input');
    await expect.poll(() => input.inputValue()).toBe('hands on volume guide');
    await page.locator('dialog[open] [role="option"]').first().waitFor();
    expect(await page.locator('dialog[open] [role="option"]').count()).toBeGreaterThan(0);
    // Only the page itself is missing (the browser logs its 404 as an error); everything it loads is there.
    expect(missing).toEqual(['/hands-on/volume-guide/']);
    expect(errors.filter((error) => !error.includes('status of 404'))).toEqual([]);
  });

  it('filters resources without dead ends: counts per option, impossible choices disabled, and a way out of an empty list', async () => {
    const { page } = await open(viewport);
    await page.goto(`${site.siteUrl}resources/`);
    const status = page.locator('[data-filter-status]');
    await expect.poll(() => status.textContent()).toMatch(/^Showing (\d+) of \1 resources$/);
    const total = Number(/of (\d+)/.exec((await status.textContent())!)![1]);
    const tag = page.locator('select[name="tag"]');
    // The long tag list comes in two groups, each tag with its number of resources.
    expect(await tag.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label')))).toEqual([
      'Most used',
      'More tags, A–Z',
    ]);
    expect(await tag.locator('optgroup[label="Most used"] option').first().textContent()).toBe('compose (7)');
    expect(await tag.locator('option[value="networking"]').textContent()).toBe('networking (1)');

    await page.selectOption('select[name="level"]', 'beginner');
    const shown = Number(/Showing (\d+)/.exec((await status.textContent())!)![1]);
    expect(shown).toBeLessThan(total);
    expect(await page.locator('select[name="level"] option[value="beginner"]').textContent()).toBe(`beginner (${shown})`);
    // No beginner resource is about networking: the option says so and cannot be chosen.
    const networking = tag.locator('option[value="networking"]');
    expect(await networking.textContent()).toBe('networking (0)');
    expect(await networking.isDisabled()).toBe(true);

    // A state with no results (as a browser restoring old selections can leave) explains itself and offers a way out.
    await tag.evaluate((select: HTMLSelectElement) => {
      select.value = 'networking';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await status.textContent()).toBe(`Showing 0 of ${total} resources`);
    const empty = page.locator('[data-filter-empty]');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.locator('p').textContent()).toBe('No resource matches level “beginner” and tag “networking”.');
    // The empty state, its button and the disabled options pass axe in both themes.
    for (const theme of ['light', 'dark'] as const) {
      // On this page as it stands (the filters' state would not survive a reload).
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
      expect(formatViolations(`resources, empty (${viewport}, ${theme})`, await runAxe(page))).toEqual([]);
    }
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    expect(await status.textContent()).toBe(`Showing ${total} of ${total} resources`);
    expect(await empty.isVisible()).toBe(false);
    expect(await networking.isDisabled()).toBe(false);
  });
});

describe('the menu on a phone', () => {
  it('says Close while open, closes with that button, and is not shown at desktop width', async () => {
    const { page } = await open('phone');
    await page.goto(`${site.siteUrl}hands-on/`);
    const button = page.locator('[data-menu-toggle]');
    expect(await button.innerText()).toContain('Menu');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.innerText()).toContain('Close');
    expect(await page.locator('#site-nav').isVisible()).toBe(true);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.innerText()).toContain('Menu');
    expect(await page.locator('#site-nav').isVisible()).toBe(false);

    const desktop = await open('desktop');
    await desktop.page.goto(`${site.siteUrl}hands-on/`);
    expect(await desktop.page.locator('[data-menu-toggle]').isVisible()).toBe(false);
    expect(await desktop.page.locator('#site-nav').isVisible()).toBe(true);
  });
});
