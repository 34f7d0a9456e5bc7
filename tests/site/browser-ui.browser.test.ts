import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite } from '../helpers/build-site.ts';

describe('the site in a real browser', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const build = buildSite({ contentDir: 'tests/fixtures/content/site', name: 'fixture-site', reuse: true });
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches to dark in one press, remembers it, paints a stored theme from the first frame, and follows the system again', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    // Records the theme at the moment <body> first exists: before any paint and before module scripts.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'auto';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}guide/first/`);
    const toggle = page.locator('[data-theme-toggle]');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.textContent()).toContain('auto');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).toBe('rgb(13, 17, 23)');

    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);
    await toggle.click(); // dark -> light, the system's theme: follows the system again
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('auto');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await context.close();
  });

  it('copies a code block with the keyboard alone', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}guide/first/`);
    const button = page.locator('.copy-button');
    await expect.poll(() => button.count()).toBe(1);
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe('docker run hello-world');
    // The copy button's own live region (the page has others, such as Save for offline's).
    expect(await page.locator('.code-wrapper [role="status"]').textContent()).toBe('Copied');
    await context.close();
  });

  it('filters the Learning resources by kind and clears the filter', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}resources/`);
    const status = page.locator('[data-filter-status]');
    await expect.poll(() => status.textContent()).toBe('Showing 3 of 3 resources');
    await page.selectOption('select[name="kind"]', 'docs');
    expect(await status.textContent()).toBe('Showing 1 of 3 resources');
    expect(await page.locator('#docker-get-started').isVisible()).toBe(false);
    expect(await page.locator('#compose-spec').isVisible()).toBe(true);
    expect(await page.locator('#level-beginner').isVisible()).toBe(false); // an emptied group hides its heading
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await status.textContent()).toBe('Showing 3 of 3 resources');
    expect(await page.locator('#docker-get-started').isVisible()).toBe(true);
    await context.close();
  });
});
