import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { startNginx, type NginxServer } from '../../scripts/support/nginx.ts';
import { realSite } from '../quality/sites.ts';
import { expectClean, expectSearchWorks, watchedPage } from './csp-watch.ts';
import { servableCopy } from './site-copy.ts';

// The real site behind the real nginx.conf, so the Content-Security-Policy the Docker image sends
// is in force: everything a reader does must work without the browser blocking anything.

let root: string;
let nginx: NginxServer;
let browser: Browser;

beforeAll(async () => {
  // The quality gates' build of the real site at /; the copy keeps probe files out of it.
  root = servableCopy(realSite().outDir);
  nginx = await startNginx({ root });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the site under the Docker image's Content-Security-Policy", () => {
  it('loads pages with the inline theme script, styles and code highlighting allowed', async () => {
    const watched = await watchedPage(browser);
    const { page, context } = watched;
    // A stored choice is applied by the inline script before paint: proof that its hash matches.
    await page.goto(`${nginx.origin}/`);
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    const response = await page.goto(`${nginx.origin}/hands-on/dockerfile/`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toMatch(/script-src/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The stylesheet applied (an external file under 'self').
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).not.toBe('static');
    // Code colours are classes (the CSP allows no style attribute), so no element carries one.
    expect(await page.locator('[style]').count()).toBe(0);
    await expectClean(watched);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('colours every code token in the %s theme as Shiki coloured it, from classes alone', async (theme) => {
    const watched = await watchedPage(browser);
    const { page, context } = watched;
    await page.goto(`${nginx.origin}/`);
    await page.evaluate((choice) => localStorage.setItem('theme', choice), theme);
    await page.goto(`${nginx.origin}/hands-on/dockerfile/`, { waitUntil: 'networkidle' });
    // Each token names its colour in a class (shiki-l-cf222e, shiki-d-ff7b72): the colour the
    // browser paints must be that one, and the block's background the theme's.
    const mismatches = await page.evaluate((mode) => {
      const rgb = (hex: string) => `rgb(${[0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
      const prefix = mode === 'light' ? 'shiki-l-' : 'shiki-d-';
      const wrong: string[] = [];
      let checked = 0;
      for (const element of document.querySelectorAll<HTMLElement>('pre.astro-code, pre.astro-code span')) {
        const named = [...element.classList].find((name) => name.startsWith(prefix))?.slice(prefix.length);
        if (!named) continue;
        checked++;
        const painted = getComputedStyle(element).color;
        if (painted !== rgb(named)) wrong.push(`"${element.textContent?.slice(0, 20)}": ${painted}, not #${named}`);
      }
      const pre = document.querySelector<HTMLElement>('pre.astro-code')!;
      const background = [...pre.classList]
        .find((name) => name.startsWith(mode === 'light' ? 'shiki-lbg-' : 'shiki-dbg-'))!
        .split('-')
        .at(-1)!;
      if (getComputedStyle(pre).backgroundColor !== rgb(background))
        wrong.push(`background ${getComputedStyle(pre).backgroundColor}, not #${background}`);
      return { wrong, checked };
    }, theme);
    expect(mismatches.checked).toBeGreaterThan(20);
    expect(mismatches.wrong).toEqual([]);
    await expectClean(watched);
    await context.close();
  });

  it('switches the theme and copies code without a violation', async () => {
    const watched = await watchedPage(browser);
    const { page, context } = watched;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: nginx.origin });
    await page.goto(`${nginx.origin}/hands-on/dockerfile/`, { waitUntil: 'networkidle' });
    const toggle = page.locator('[data-theme-toggle]');
    const before = await toggle.textContent();
    await toggle.click();
    expect(await toggle.textContent()).not.toBe(before);
    const wrapper = page.locator('.code-wrapper').first();
    await wrapper.hover();
    await wrapper.locator('.copy-button').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await wrapper.locator('pre code').textContent());
    expect(copied.length).toBeGreaterThan(0);
    await expectClean(watched);
    await context.close();
  });

  it('searches: "/" opens the dialog, Pagefind loads its wasm, results appear', async () => {
    await expectSearchWorks(browser, `${nginx.origin}/`, 'volume');
  });
});
