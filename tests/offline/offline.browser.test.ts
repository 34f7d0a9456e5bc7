import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { startNginx, type NginxServer } from '../../scripts/support/nginx.ts';
import { OFFLINE_MANIFEST_FILE, writeOfflineManifest, type OfflineManifest } from '../../src/core/offline-manifest.ts';
import { tmpRoot } from '../helpers/build-site.ts';
import { PROJECT_BASE, realSiteWithBase } from '../quality/sites.ts';
import { expectClean, watchedPage, type WatchedPage } from '../ship/csp-watch.ts';

/*
 * "Save for offline" on the real course, built under a base path and served by Debian's nginx with
 * the nginx.conf the Docker image ships, so its Content-Security-Policy is in force. The network
 * is cut with Playwright's context.setOffline(true): whatever the pages get then comes from the
 * service worker's caches.
 */

const PREFIX = `offline:${PROJECT_BASE}/:`;
const SITE_DIR = PROJECT_BASE.slice(1);
let root: string;
let nginx: NginxServer;
let browser: Browser;
let site: string;

beforeAll(async () => {
  const built = realSiteWithBase().outDir;
  mkdirSync(tmpRoot, { recursive: true });
  root = mkdtempSync(path.join(tmpRoot, 'offline-served-'));
  chmodSync(root, 0o755); // nginx workers may run as another user
  // The site lives under its base path inside the web root, as on a GitHub Pages project site.
  cpSync(built, path.join(root, SITE_DIR), { recursive: true });
  nginx = await startNginx({ root });
  site = `${nginx.origin}${PROJECT_BASE}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const served = (...parts: string[]) => path.join(root, SITE_DIR, ...parts);
const manifestServed = (): OfflineManifest => JSON.parse(readFileSync(served(OFFLINE_MANIFEST_FILE), 'utf8'));
const control = (page: Page) => page.locator('main [data-offline]');
const registrations = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
const ourCaches = (page: Page) => page.evaluate(async (prefix) => (await caches.keys()).filter((name) => name.startsWith(prefix)).sort(), PREFIX);
/** The visible text of the home page's control, as a reader sees it. */
const line = (page: Page) =>
  control(page)
    .innerText()
    .then((text) => text.replace(/\s+/g, ' ').trim());

async function search(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('/');
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.fill(query);
  await page.locator('#search-listbox [role="option"]').first().waitFor({ timeout: 15_000 });
  // Results settle in more than one step (first hits, then excerpts): wait until two reads agree.
  let previous: string[] = [];
  await expect
    .poll(async () => {
      const now = await page.locator('#search-listbox [role="option"]').allInnerTexts();
      const same = JSON.stringify(now) === JSON.stringify(previous);
      previous = now;
      return same && now.length > 0;
    })
    .toBe(true);
  return previous;
}

const QUERIES = ['volume', 'healthcheck'];
/** What search answers online, before anything is saved: offline it must answer the same. */
const online = new Map<string, string[]>();

describe('before the reader asks', () => {
  it('shows the control but registers no service worker and downloads nothing of the course', async () => {
    const watched = await watchedPage(browser);
    const { page, context, requests } = watched;
    await page.goto(site, { waitUntil: 'networkidle' });
    expect(await control(page).getByRole('button', { name: 'Save for offline' }).isVisible()).toBe(true);
    // Reachable from the menu too: the sidebar, which is the menu on a phone.
    expect(await page.locator('#site-nav [data-offline]').getByRole('button', { name: 'Save for offline' }).isVisible()).toBe(true);
    await page.goto(`${site}hands-on/compose/`, { waitUntil: 'networkidle' });
    expect(await registrations(page)).toEqual([]);
    expect(await ourCaches(page)).toEqual([]);
    expect(requests.filter((url) => /offline-sw\.js|offline-manifest\.json|\/save-[\w-]+\.js/.test(url))).toEqual([]);
    for (const query of QUERIES) {
      online.set(query, await search(page, query));
      await page.keyboard.press('Escape');
    }
    await expectClean(watched);
    await context.close();
  });
});

describe('saved for offline', () => {
  let watched: WatchedPage;
  beforeAll(async () => {
    watched = await watchedPage(browser);
  });
  afterAll(async () => {
    await watched?.context.close();
  });

  it('stores every file of the build manifest and says so in one line', async () => {
    const { page } = watched;
    await page.goto(site);
    await control(page).getByRole('button', { name: 'Save for offline' }).click();
    await expect.poll(() => line(page), { timeout: 60_000 }).toMatch(/^Saved for offline · updated [\w ,]+ \d{4} · Remove$/);
    // The menu says the same.
    expect(await page.locator('#site-nav [data-offline] [data-offline-state]').textContent()).toMatch(/^Saved for offline · updated/);
    expect(await registrations(page)).toEqual([site]);
    const manifest = manifestServed();
    expect(await ourCaches(page)).toEqual([`${PREFIX}state`, `${PREFIX}v:${manifest.version}`]);
    const stored = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      `${PREFIX}v:${manifest.version}`,
    );
    // Every page, asset, search file and the manifest itself (kept to compare the next build with).
    expect(stored.sort()).toEqual([...manifest.files.map((file) => file.url), `${PROJECT_BASE}/${OFFLINE_MANIFEST_FILE}`].sort());
    expect(stored).toEqual(expect.arrayContaining([`${PROJECT_BASE}/pagefind/pagefind.js`, `${PROJECT_BASE}/hands-on/compose/`]));
    expect(stored.some((url) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(url))).toBe(true);
    expect(stored.some((url) => /\/pagefind\/fragment\/.+\.pf_fragment$/.test(url))).toBe(true);
    await expectClean(watched);
  });

  it('with the network off: opens five pages, searches as online, answers a check and keeps progress', async () => {
    const { page, context } = watched;
    await context.setOffline(true);
    const pages = ['', 'concepts/containers/', 'hands-on/dockerfile/', 'reference/quick-reference/', 'resources/', 'hands-on/compose/'];
    for (const slug of pages) {
      const response = await page.goto(`${site}${slug}`);
      expect(response?.status(), slug).toBe(200);
      expect(response?.fromServiceWorker(), slug).toBe(true);
      expect(await page.locator('h1').first().textContent(), slug).not.toBe('');
      // Styled: the stylesheet came from the cache too.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position), slug).not.toBe('static');
    }
    // A link typed without its slash still lands.
    expect((await page.goto(`${site}hands-on/limits`))?.status()).toBe(200);

    await page.goto(`${site}hands-on/compose/`);
    for (const query of QUERIES) {
      expect(await search(page, query), query).toEqual(online.get(query));
      await page.keyboard.press('Escape');
    }

    const check = page.locator('[data-knowledge-check]').first();
    await check.getByLabel(/waits until the dependency passes its healthcheck/).check();
    await check.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => check.getByRole('status').textContent()).toBe('Correct! The explanation is below.');

    const done = page.getByLabel('I have finished this lesson');
    await done.check();
    await page.reload();
    expect(await page.getByLabel('I have finished this lesson').isChecked()).toBe(true);
    expect(await page.locator(`#site-nav a[href="${PROJECT_BASE}/hands-on/compose/"]`).getAttribute('data-done')).not.toBeNull();
    await expectClean(watched);
    // An unknown page gets the site's 404 page (Chromium logs the 404 status as a console error).
    const missing = await page.goto(`${site}no-such-page/`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toMatch(/not found/i);
    watched.errors.length = 0;
    await context.setOffline(false);
  });

  it('on the next online visit takes a changed build whole, and keeps the stored one when an update cannot complete', async () => {
    const { page } = watched;
    const before = manifestServed();
    const marker = 'This sentence is new in the next build.';
    // The next build: one page changed, its manifest written by the same code the build runs.
    const next = path.join(root, 'next');
    cpSync(served(), next, { recursive: true });
    const changed = path.join(next, 'concepts', 'containers', 'index.html');
    writeFileSync(
      changed,
      readFileSync(changed, 'utf8').replace('<div class="prose">', `<div class="prose"><p id="new-in-next-build">${marker}</p>`),
    );
    const after = await writeOfflineManifest(next, PROJECT_BASE);
    expect(after.version).not.toBe(before.version);

    // First published half-way: the manifest is new, but the changed page it lists is missing
    // (an unchanged file would be copied from the stored build, not downloaded).
    const lost = after.files.find((file) => file.url === `${PROJECT_BASE}/concepts/containers/`)!;
    const lostFile = path.join(served(), 'concepts', 'containers', 'index.html');
    const kept = readFileSync(changed);
    rmSync(changed);
    renameSync(served(), path.join(root, 'previous'));
    renameSync(next, served());
    // The worker tries the update in the background on each visit; it fails, says why, and the
    // partial cache goes.
    await expect
      .poll(
        async () => {
          await page.goto(site);
          return line(page);
        },
        { timeout: 30_000 },
      )
      .toMatch(
        new RegExp(
          `^Saved for offline · updated .+ \\(the latest update could not be saved: ${lost.url.replace(/[.]/g, '\\.')} answered HTTP 404; .+\\) · Remove$`,
        ),
      );
    expect(await ourCaches(page)).toEqual([`${PREFIX}state`, `${PREFIX}v:${before.version}`]);
    await page.goto(`${site}concepts/containers/`);
    expect(await page.locator('#new-in-next-build').count()).toBe(0);

    // Now complete: the next visit takes it.
    writeFileSync(lostFile, kept);
    await page.goto(site);
    await expect.poll(() => ourCaches(page), { timeout: 30_000 }).toContain(`${PREFIX}v:${after.version}`);
    await expect.poll(() => control(page).locator('[data-offline-state]').getAttribute('title')).toContain(`build ${after.version}`);
    expect(await line(page)).toMatch(/^Saved for offline · updated .+ · Remove$/);
    await page.goto(`${site}concepts/containers/`);
    expect(await page.locator('#new-in-next-build').textContent()).toBe(marker);
    // The new build is stored whole: exactly its manifest's files, none left over from the old one.
    const stored = await page.evaluate(
      async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      `${PREFIX}v:${after.version}`,
    );
    expect(stored.length).toBe(after.files.length + 1);
    // And offline it is the new build that answers.
    await watched.context.setOffline(true);
    await page.goto(`${site}concepts/containers/`);
    expect(await page.locator('#new-in-next-build').textContent()).toBe(marker);
    await watched.context.setOffline(false);
    await expectClean(watched);
  });

  it('Remove unregisters the worker and deletes every cache it made', async () => {
    const { page, context } = watched;
    await page.goto(site);
    await control(page).getByRole('button', { name: 'Remove' }).click();
    await expect
      .poll(() => control(page).locator('[data-offline-state]').textContent())
      .toBe('Removed: this browser no longer keeps a copy of the course.');
    expect(await control(page).getByRole('button', { name: 'Save for offline' }).isVisible()).toBe(true);
    expect(await registrations(page)).toEqual([]);
    expect(await ourCaches(page)).toEqual([]);
    await context.setOffline(true);
    await expect(page.goto(`${site}hands-on/dockerfile/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.setOffline(false);
  });
});

describe('when storage runs out', () => {
  it('says so plainly and leaves no worker and no partial cache behind', async () => {
    const watched = await watchedPage(browser);
    const { page, context } = watched;
    await page.goto(site);
    // Chromium's DevTools protocol can shrink an origin's quota: far less than the course needs.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: nginx.origin, quotaSize: 100 * 1024 });
    await control(page).getByRole('button', { name: 'Save for offline' }).click();
    await expect
      .poll(() => control(page).locator('[data-offline-state]').textContent(), { timeout: 60_000 })
      .toMatch(/^Could not save for offline: there is not enough storage space\./);
    const message = await control(page).locator('[data-offline-state]').textContent();
    expect(message).toMatch(/The course needs \d+\.\d MB; this browser lets the site keep [\d.]+ MB/);
    expect(message).toMatch(/Nothing was saved\.$/);
    expect(await control(page).getByRole('button', { name: 'Save for offline' }).isVisible()).toBe(true);
    expect(await registrations(page)).toEqual([]);
    expect(await ourCaches(page)).toEqual([]);
    await context.close();
  });
});
