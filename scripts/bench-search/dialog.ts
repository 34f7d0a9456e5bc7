import type { Page } from 'playwright-core';

/**
 * Resolves once the search dialog shows its settled answer to what the field holds: nothing is
 * pending and the status quotes the query (results, none, or a suggestion). The one definition of
 * "done" for the benchmark and the browser tests.
 */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const dialog = document.querySelector('dialog.search-dialog');
      const typed = document.querySelector<HTMLInputElement>('#search-input')?.value.trim();
      const status = document.querySelector('.search-status')?.textContent ?? '';
      return !!dialog && !dialog.hasAttribute('data-search-pending') && !!typed && status.includes(`“${typed}”`);
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** Opens the dialog with its button and waits until it can search; resolves to the milliseconds it took. */
export async function openSearch(page: Page): Promise<number> {
  const started = Date.now();
  await page.locator('[data-search-open]').click();
  await page.locator('dialog[data-search-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  return Date.now() - started;
}
