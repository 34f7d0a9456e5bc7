import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, type BrowserPage } from '../../scripts/support/chromium.ts';

// Shared by the CSP browser test (Debian's nginx with our nginx.conf) and the Docker image test
// (the image itself): both hold the site to the policy the image sends.

export interface WatchedPage extends BrowserPage {
  /** CSP violations seen by the page or its workers, plus the browser's own "Refused to…" messages. */
  violations: () => Promise<string[]>;
}

/** A page that records every CSP violation (scripts, styles, style attributes…), in the document and in the workers it starts. */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
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
    if (/Content Security Policy|Refused to/i.test(message.text()) && message.type() !== 'error')
      fromConsole.push(`console ${message.type()}: ${message.text()}`);
  });
  opened.page.on('worker', (worker) => {
    // A violation inside Pagefind's worker makes it fall back to the main thread silently; catch it.
    void worker
      .evaluate(() => {
        const seen: string[] = [];
        (self as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        self.addEventListener('securitypolicyviolation', (event) =>
          seen.push(`worker: ${(event as SecurityPolicyViolationEvent).effectiveDirective}`),
        );
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

/** No CSP violation and no console error (Chromium also reports a blocked resource as one). */
export async function expectClean(watched: WatchedPage) {
  expect(await watched.violations(), 'CSP violations').toEqual([]);
  expect(watched.errors, 'console errors').toEqual([]);
}

/** Opens `url`, searches with "/" for `query`, and expects matching results from Pagefind's wasm, with no violation. */
export async function expectSearchWorks(browser: Browser, url: string, query: string) {
  const watched = await watchedPage(browser);
  const { page, context, requests } = watched;
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.keyboard.press('/');
  const input = page.locator('#search-input');
  await input.waitFor();
  await input.fill(query);
  await page.locator('#search-listbox [role="option"]').first().waitFor({ timeout: 15_000 });
  const titles = await page.locator('#search-listbox [role="option"] .search-result-title').allTextContents();
  expect(
    titles.some((title) => title.toLowerCase().includes(query.toLowerCase())),
    titles.join(' | '),
  ).toBe(true);
  expect(requests.some((request) => /\/pagefind\/wasm\.[\w]+\.pagefind$/.test(request))).toBe(true);
  await expectClean(watched);
  await context.close();
}
