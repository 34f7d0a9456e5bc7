import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { formatViolations, runAxe, useTheme, VIEWPORTS } from '../../scripts/quality/axe.ts';
import { checkFocusVisible } from '../../scripts/quality/keyboard.ts';
import { launchChromium, openPage, type BrowserPage } from '../../scripts/support/chromium.ts';
import { Page } from '../../scripts/support/html-page.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { buildSite, tmpRoot, type BuildResult } from '../helpers/build-site.ts';

// Two sections of 64 pages: over the default bound of 50, so each page shows a window of its
// section and the landing page lists every page.
describe('a section bigger than the sidebar shows', () => {
  let build: BuildResult;
  let server: StaticServer;
  let browser: Browser;
  const tabs: BrowserPage[] = [];
  beforeAll(async () => {
    const contentDir = path.join(tmpRoot, 'big-section-content');
    generateCorpus({ pages: 131, sections: 2, outDir: contentDir, resources: 2 });
    build = buildSite({ contentDir, name: 'big-section' });
    expect(build.status, build.output).toBe(0);
    server = await serveStatic(build.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await server?.close();
  });
  const page = (sitePath: string) => new Page(readFileSync(path.join(build.outDir, sitePath, 'index.html'), 'utf8'));
  const middle = 'section-001/topic-032';

  it('carries a window of 50 entries around the current page, marked, with links to the full list', () => {
    const html = page(middle);
    const open = 'nav.sidebar li.nav-section.expanded > ul > li';
    const entries = html.all(`${open}:not(.nav-more)`);
    expect(entries).toHaveLength(50);
    expect(html.all('nav.sidebar [aria-current="page"]').map((a) => a.properties.href)).toEqual([`/${middle}/`]);
    // Visible text and the screen-reader text that names the section.
    expect(html.texts(`${open}.nav-more a`).map((text) => text.replace(/ in .*$/, ''))).toEqual(['6 earlier pages', '8 more pages', 'All 64 pages']);
    expect(html.texts(`${open}.nav-more a`).every((text) => / in \w+ handbook 1$/.test(text))).toBe(true);
    expect(new Set(html.all(`${open}.nav-more a`).map((a) => a.properties.href))).toEqual(new Set(['/section-001/']));
  });

  it('lists every page of the section on its landing page', () => {
    const landing = page('section-001');
    expect(landing.all('nav.section-pages li a')).toHaveLength(64);
    expect(landing.attr('nav.section-pages li:last-child a', 'href')).toBe('/section-001/topic-064/');
  });

  it('starts the window at the top of the section on its first page', () => {
    const first = page('section-002/topic-001');
    expect(first.all('nav.sidebar li.nav-section.expanded > ul > li:not(.nav-more)')).toHaveLength(50);
    expect(first.texts('nav.sidebar li.nav-section.expanded > ul > li.nav-more a').map((text) => text.replace(/ in .*$/, ''))).toEqual([
      '14 more pages',
      'All 64 pages',
    ]);
    // The home page opens no section, so it has no window.
    expect(readFileSync(path.join(build.outDir, 'index.html'), 'utf8')).not.toContain('nav-more');
  });

  it('passes axe in both themes at desktop and phone widths, and shows focus on every stop', async () => {
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const opened = await openPage(browser, { viewport: VIEWPORTS[viewport] });
        tabs.push(opened);
        await useTheme(opened.page, theme);
        for (const sitePath of [middle, 'section-001']) {
          await opened.page.goto(`${server.origin}/${sitePath}/`, { waitUntil: 'load' });
          problems.push(...formatViolations(`${sitePath} (${viewport}, ${theme})`, await runAxe(opened.page)));
        }
      }
    }
    expect(problems).toEqual([]);
    const desktop = await openPage(browser, { viewport: VIEWPORTS.desktop });
    tabs.push(desktop);
    expect((await checkFocusVisible(desktop.page, `${server.origin}/${middle}/`)).problems).toEqual([]);
  }, 240_000);
});
