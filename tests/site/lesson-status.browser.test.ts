import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe, useTheme, VIEWPORTS } from '../../scripts/quality/axe.ts';
import { checkOverflow } from '../../scripts/quality/overflow.ts';
import { launchChromium, openPage, type BrowserPage } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite } from '../helpers/build-site.ts';

// The real site is tested without a lessons report, so the lesson status is judged here, on the
// fixture course built with its report (the same build as tests/site/lesson-status.build.test.ts).
const fixture = 'tests/fixtures/content/lesson-status';
const PAGES = ['/practice/', '/practice/run-a-container/', '/practice/limit-memory/', '/practice/keep-data/', '/practice/build-an-image/'];

let browser: Browser;
let server: StaticServer;
const tabs: BrowserPage[] = [];
beforeAll(async () => {
  const build = buildSite({
    contentDir: fixture,
    name: 'lesson-status',
    reuse: true,
    env: { DOCS_SITE_CONFIG: path.join(fixture, 'site.config.ts'), LESSONS_REPORT: '' },
  });
  browser = await launchChromium();
  server = await serveStatic(build.outDir);
});
afterAll(async () => {
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
  await server?.close();
});

describe('the lesson status in a browser', () => {
  it('passes axe and cuts nothing off, light and dark, desktop and phone', async () => {
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const tab = await openPage(browser, { viewport: VIEWPORTS[viewport] });
        tabs.push(tab);
        await useTheme(tab.page, theme);
        for (const sitePath of PAGES) {
          await tab.page.goto(`${server.origin}${sitePath}`, { waitUntil: 'load' });
          expect(await tab.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
          // The status is there and seen, or the checks below would judge a page without it.
          expect(await tab.page.locator('.lesson-status, .lesson-statuses').first().isVisible()).toBe(true);
          problems.push(...formatViolations(`${sitePath} (${viewport}, ${theme})`, await runAxe(tab.page)));
          problems.push(...(await checkOverflow(tab.page)).map((problem) => `${sitePath} (${viewport}, ${theme}): ${problem}`));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('keeps the failed step on the phone screen: the long command wraps inside the status box', async () => {
    const tab = await openPage(browser, { viewport: VIEWPORTS.phone });
    tabs.push(tab);
    await tab.page.goto(`${server.origin}/practice/limit-memory/`, { waitUntil: 'load' });
    const box = await tab.page.locator('.lesson-status').boundingBox();
    const code = await tab.page.locator('.lesson-status code').boundingBox();
    expect(box && code).toBeTruthy();
    expect(code!.x + code!.width).toBeLessThanOrEqual(box!.x + box!.width);
    expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  });
});
