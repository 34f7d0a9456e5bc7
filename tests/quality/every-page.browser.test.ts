import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, type BrowserPage } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { formatViolations, runAxe, useTheme, VIEWPORTS, type Theme, type ViewportName } from '../../scripts/quality/axe.ts';
import { listPages } from '../../scripts/quality/dist.ts';
import { checkFocusVisible, checkMobileMenu, checkSkipLink } from '../../scripts/quality/keyboard.ts';
import { pageWeight } from '../../scripts/quality/page-weight.ts';
import { realSite } from './sites.ts';

// One Chromium for the whole file; one tab per theme and viewport, reused page after page.
let browser: Browser;
const servers: StaticServer[] = [];
const tabs: BrowserPage[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
  for (const server of servers) await server.close();
});

async function serve(dir: string): Promise<StaticServer> {
  const server = await serveStatic(dir);
  servers.push(server);
  return server;
}

async function tab(viewport: ViewportName, theme?: Theme): Promise<Page> {
  const opened = await openPage(browser, { viewport: VIEWPORTS[viewport] });
  tabs.push(opened);
  if (theme) await useTheme(opened.page, theme);
  return opened.page;
}

const COMBINATIONS = (['desktop', 'phone'] as const).flatMap((viewport) => (['light', 'dark'] as const).map((theme) => ({ viewport, theme })));

describe('accessibility gates on deliberately broken pages', () => {
  let origin: string;
  beforeAll(async () => {
    origin = (await serve(path.resolve('tests/fixtures/dist'))).origin;
  });

  it('axe reports the broken page in every theme and viewport, including problems only one of them has', async () => {
    const found: Record<string, string[]> = {};
    for (const { viewport, theme } of COMBINATIONS) {
      const page = await tab(viewport, theme);
      await page.goto(`${origin}/broken-a11y/`);
      found[`${viewport}/${theme}`] = (await runAxe(page)).flatMap((v) => v.targets.map((target) => `${v.rule} ${target}`)).sort();
    }
    const everywhere = ['image-alt img', 'label input', 'label-content-name-mismatch button[aria-label="Find"]', 'scrollable-region-focusable pre'];
    // Grey text fails on white only; the dark-grey note fails on black only; tiny buttons exist on phones only.
    expect(found['desktop/light']).toEqual([...everywhere, 'color-contrast .faint'].sort());
    expect(found['desktop/dark']).toEqual([...everywhere, 'color-contrast .note'].sort());
    expect(found['phone/light']).toEqual(
      [...everywhere, 'color-contrast .faint', 'target-size .tiny:nth-child(1)', 'target-size .tiny:nth-child(2)'].sort(),
    );
    expect(found['phone/dark']).toEqual(
      [...everywhere, 'color-contrast .note', 'target-size .tiny:nth-child(1)', 'target-size .tiny:nth-child(2)'].sort(),
    );
  });

  it('keyboard checks report a dead skip link, hidden focus, an invisible stop, a short menu panel and a menu Escape does not close', async () => {
    const url = `${origin}/broken-keyboard/`;
    expect(await checkSkipLink(await tab('desktop'), url)).toEqual([
      'Enter on the skip link left focus on <a href="#main-content"> "Skip to content", not #main-content',
    ]);
    const { problems } = await checkFocusVisible(await tab('desktop'), url);
    expect(problems).toEqual([
      '<a href="#main-content"> "Skip to content" shows no focus indicator',
      '<a href="#hidden"> "A link nobody can see" shows no focus indicator',
    ]);
    expect(await checkMobileMenu(await tab('phone'), url)).toEqual([
      'the opened navigation stops short of the bottom of the screen, with the page showing below it',
      'Escape did not set aria-expanded="false"',
      'Escape did not hide the navigation',
    ]);
  });
});

describe('accessibility gates on the real site', () => {
  let site: string;
  let sitePaths: string[];
  let outDir: string;
  beforeAll(async () => {
    outDir = realSite().outDir;
    site = (await serve(outDir)).origin;
    sitePaths = listPages(outDir).map((page) => page.sitePath);
  });

  it('axe finds no WCAG 2.2 A/AA or best-practice violation on any page, light and dark, desktop and phone', async () => {
    // The four combinations run side by side: axe is CPU-bound in each tab's renderer process.
    const perCombination = await Promise.all(
      COMBINATIONS.map(async ({ viewport, theme }) => {
        const page = await tab(viewport, theme);
        const problems: string[] = [];
        for (const sitePath of sitePaths) {
          await page.goto(`${site}${sitePath}`, { waitUntil: 'load' });
          // Proves the theme really applied, or the dark run would silently re-test the light one.
          expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          problems.push(...formatViolations(`${sitePath} (${viewport}, ${theme})`, await runAxe(page)));
        }
        return problems;
      }),
    );
    expect(perCombination.flat()).toEqual([]);
  }, 300_000);

  it('axe finds no violation in the opened phone menu or the search dialog with results', async () => {
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      const phone = await tab('phone', theme);
      await phone.goto(`${site}/hands-on/`);
      await phone.locator('[data-menu-toggle]').click();
      await phone.locator('#site-nav').waitFor({ state: 'visible' });
      problems.push(...formatViolations(`menu open (phone, ${theme})`, await runAxe(phone)));

      const desktop = await tab('desktop', theme);
      await desktop.goto(`${site}/hands-on/`);
      await desktop.locator('[data-search-open]').click();
      await desktop.locator('dialog[open] input').fill('docker');
      await desktop.locator('dialog[open] [role="option"]').first().waitFor();
      problems.push(...formatViolations(`search dialog (desktop, ${theme})`, await runAxe(desktop)));
    }
    expect(problems).toEqual([]);
  });

  it('the skip link moves focus to the main content, on desktop and phone', async () => {
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await tab(viewport);
      for (const sitePath of ['/', '/hands-on/dockerfile/', '/resources/']) {
        problems.push(...(await checkSkipLink(page, `${site}${sitePath}`)).map((p) => `${sitePath} (${viewport}): ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('the menu button opens the phone navigation and Escape closes it', async () => {
    const page = await tab('phone');
    expect(await checkMobileMenu(page, `${site}/hands-on/dockerfile/`)).toEqual([]);
  });

  it('every Tab stop shows where focus is, on desktop and phone', async () => {
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await tab(viewport);
      for (const sitePath of ['/', '/hands-on/dockerfile/', '/resources/']) {
        const result = await checkFocusVisible(page, `${site}${sitePath}`);
        expect(result.stops, `${sitePath} has Tab stops`).toBeGreaterThan(5);
        problems.push(...result.problems.map((p) => `${sitePath} (${viewport}): ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('fetches no search code or index until search opens, and only what the page-weight gate counts', async () => {
    const opened = await openPage(browser, { viewport: VIEWPORTS.desktop });
    tabs.push(opened);
    const { page, requests } = opened;
    await page.goto(`${site}/hands-on/dockerfile/`, { waitUntil: 'networkidle' });
    const firstView = requests.map((url) => new URL(url).pathname);
    expect(firstView.filter((p) => p.includes('/pagefind/'))).toEqual([]);

    // The static first-view list must cover every stylesheet and script the browser fetched.
    const counted = (await pageWeight(outDir, '/hands-on/dockerfile/', '/')).transfers.map((t) => t.url);
    expect(firstView.filter((p) => /\.(css|js|mjs)$/.test(p)).filter((p) => !counted.includes(p))).toEqual([]);

    await page.locator('[data-search-open]').click();
    await page.locator('dialog[open] input').fill('docker');
    await page.locator('dialog[open] [role="option"]').first().waitFor();
    const afterOpening = requests.map((url) => new URL(url).pathname).filter((p) => !firstView.includes(p));
    // The same differential shows that the check above could fail: search code does arrive now.
    expect(afterOpening).toEqual(expect.arrayContaining(['/pagefind/pagefind.js', expect.stringMatching(/^\/_astro\/.+\.js$/)]));
  });
});
