import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, type BrowserPage } from '../../scripts/support/chromium.ts';
import { startNginx, type NginxServer } from '../../scripts/support/nginx.ts';
import { realSite } from '../quality/sites.ts';
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

interface WatchedPage extends BrowserPage {
  /** CSP violations seen by the page or its workers, plus the browser's own "Refused to…" messages. */
  violations: () => Promise<string[]>;
}

/** A page that records every CSP violation, in the document and in the workers it starts. */
async function watchedPage(): Promise<WatchedPage> {
  const opened = await openPage(browser);
  const fromConsole: string[] = [];
  const describeViolation = (event: SecurityPolicyViolationEvent) =>
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile || location.href}:${event.lineNumber})`;
  await opened.page.addInitScript(`(() => {
    const seen = (window.__cspViolations = []);
    const describe = ${describeViolation.toString()};
    document.addEventListener('securitypolicyviolation', (event) => seen.push(describe(event)));
  })()`);
  opened.page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()) && message.type() !== 'error') fromConsole.push(`console ${message.type()}: ${message.text()}`);
  });
  opened.page.on('worker', (worker) => {
    // A violation inside Pagefind's worker makes it fall back to the main thread silently; catch it.
    void worker
      .evaluate(() => {
        const seen: string[] = [];
        (self as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        self.addEventListener('securitypolicyviolation', (event) => seen.push(`worker: ${(event as SecurityPolicyViolationEvent).effectiveDirective}`));
      })
      .catch(() => undefined);
  });
  const violations = async () => {
    const inPage = await opened.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
    const inWorkers: string[] = [];
    for (const worker of opened.page.workers()) {
      inWorkers.push(...(await worker.evaluate(() => (self as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => [])));
    }
    return [...inPage, ...inWorkers, ...fromConsole];
  };
  return { ...opened, violations };
}

async function expectClean(watched: WatchedPage) {
  expect(await watched.violations(), 'CSP violations').toEqual([]);
  expect(watched.errors, 'console errors').toEqual([]);
}

async function openSearch(page: Page, query: string) {
  await page.keyboard.press('/');
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.fill(query);
  await page.locator('#search-listbox [role="option"]').first().waitFor({ timeout: 15_000 });
}

describe('the site under the Docker image\'s Content-Security-Policy', () => {
  it('loads pages with the inline theme script, styles and code highlighting allowed', async () => {
    const watched = await watchedPage();
    const { page, context } = watched;
    // A stored choice is applied by the inline script before paint: proof that its hash matches.
    await page.goto(`${nginx.origin}/`);
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    const response = await page.goto(`${nginx.origin}/hands-on/dockerfile/`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toMatch(/script-src/);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The stylesheet applied (an external file under 'self').
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).not.toBe('static');
    // Shiki's colours live in style attributes: allowed by style-src-attr.
    const colouredTokens = await page.locator('pre.astro-code span[style*="--shiki"]').count();
    expect(colouredTokens).toBeGreaterThan(0);
    await expectClean(watched);
    await context.close();
  });

  it('switches the theme and copies code without a violation', async () => {
    const watched = await watchedPage();
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
    const watched = await watchedPage();
    const { page, context, requests } = watched;
    await page.goto(`${nginx.origin}/`, { waitUntil: 'networkidle' });
    await openSearch(page, 'volume');
    const titles = await page.locator('#search-listbox [role="option"] .search-result-title').allTextContents();
    expect(titles.some((title) => /volume/i.test(title))).toBe(true);
    expect(requests.some((url) => /\/pagefind\/wasm\.[\w]+\.pagefind$/.test(url))).toBe(true);
    await expectClean(watched);
    await context.close();
  });
});
