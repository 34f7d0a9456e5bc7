import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWPORTS } from '../../scripts/quality/axe.ts';
import { listPages } from '../../scripts/quality/dist.ts';
import { checkOverflow } from '../../scripts/quality/overflow.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { realSite } from './sites.ts';

/**
 * No content is cut off without a sign: every scrolling box shows that it scrolls and takes
 * keyboard focus, nothing clips or sticks out of the column (src/styles/global.css, the table
 * wrapper of src/plugins/rehype-table-scroll.ts).
 */
let browser: Browser;
const servers: StaticServer[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

async function serve(dir: string): Promise<StaticServer> {
  const server = await serveStatic(dir);
  servers.push(server);
  return server;
}

describe('the overflow gate', () => {
  it('names a box that scrolls without a sign, one that clips, and content that sticks out of the column', async () => {
    const server = await serve(path.resolve('tests/fixtures/dist/broken-overflow'));
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(server.siteUrl);
    expect(await checkOverflow(page)).toEqual([
      '<div.scroller> "Hidden column" scrolls sideways with no visible sign that it does',
      '<div.scroller> "Hidden column" scrolls sideways but cannot be focused to scroll it by keyboard',
      '<div.clipper> "a line cut off at the edge" cuts off 300 px of its content',
      '<img.wide> "" sticks out of the content column (20–720 px, column 20–420 px)',
    ]);
    await context.close();
  });
});

describe('every page of the real site', () => {
  it('cuts nothing off at 1280×800 and 390×844: tables, code and images fit or show that they scroll', async () => {
    const outDir = realSite().outDir;
    const server = await serve(outDir);
    const sitePaths = listPages(outDir).map((page) => page.sitePath);
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      const context = await browser.newContext({ viewport: VIEWPORTS[viewport] });
      const page = await context.newPage();
      for (const sitePath of sitePaths) {
        await page.goto(`${server.origin}${sitePath}`, { waitUntil: 'load' });
        problems.push(...(await checkOverflow(page)).map((problem) => `${sitePath} (${viewport}): ${problem}`));
      }
      await context.close();
    }
    expect(sitePaths.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  }, 240_000);
});
