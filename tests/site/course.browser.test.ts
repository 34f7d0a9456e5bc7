import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe, useTheme, VIEWPORTS } from '../../scripts/quality/axe.ts';
import { launchChromium } from '../../scripts/support/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/support/static-server.ts';
import { PROJECT_BASE, realSettings, realSite, realSiteWithBase } from '../quality/sites.ts';

/**
 * Knowledge checks and course progress in Chromium, on the real course as built: at the site root
 * and under a base path. Every page opens in a fresh context, so nothing stored leaks between tests.
 */

let browser: Browser;
let site: StaticServer;
let based: StaticServer;
const PROGRESS_KEY = realSettings.progressKey;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = await serveStatic(realSite().outDir);
  based = await serveStatic(realSiteWithBase().outDir, { base: PROJECT_BASE });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
  await based?.close();
});

interface Tab {
  page: Page;
  errors: string[];
}

async function open(
  options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean; initScript?: () => void } = {},
): Promise<Tab> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORTS.desktop, javaScriptEnabled: options.javaScriptEnabled ?? true });
  contexts.push(context);
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { page, errors };
}

const check = (page: Page) => page.locator('[data-knowledge-check]').first();
const feedback = (page: Page) => check(page).getByRole('status');
const COMPOSE = 'hands-on/compose/';
// The compose page's check: the second option is the right one.
const RIGHT = /waits until the dependency passes its healthcheck/;
const WRONG = /restarts the database/;

/** Presses Tab until focus is on an element matching `selector`, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a knowledge check', () => {
  it('is answered with the keyboard alone: Tab to the options, arrows to choose, Tab and Enter to check', async () => {
    const { page, errors } = await open();
    await page.goto(`${site.siteUrl}${COMPOSE}`);
    await tabTo(page, '[data-knowledge-check] input');
    await page.keyboard.press('ArrowDown'); // radios: the arrow moves to the next option and selects it
    expect(await check(page).getByLabel(RIGHT).isChecked()).toBe(true);
    await tabTo(page, '[data-kc-check]', 5);
    await page.keyboard.press('Enter');
    await expect.poll(() => feedback(page).textContent()).toBe('Correct! The explanation is below.');
    expect(await check(page).locator('details').getAttribute('open')).not.toBeNull();
    expect(await check(page).getByText('Without a condition, Compose only orders container start-up.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('announces the verdict in a polite live region, and a wrong answer can be retried', async () => {
    const { page } = await open();
    await page.goto(`${site.siteUrl}${COMPOSE}`);
    const status = feedback(page);
    expect(await status.getAttribute('role')).toBe('status'); // implicitly aria-live="polite"
    expect(await status.textContent()).toBe('');
    await check(page).getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status.textContent()).toBe('Choose an answer, then press Check.');

    await check(page).getByLabel(WRONG).check();
    await check(page).getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status.textContent()).toBe('Not quite. Try again, or show the answer below.');
    const answer = check(page).locator('details');
    expect(await answer.isVisible()).toBe(true);
    expect(await answer.getAttribute('open')).toBeNull(); // the answer waits until the reader asks or gets it right

    const retry = check(page).getByRole('button', { name: 'Try again' });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('');
    expect(await check(page).locator('input:checked').count()).toBe(0);
    expect(await retry.isVisible()).toBe(false);
    expect(await answer.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('knowledge-check-1');

    await check(page).getByLabel(RIGHT).check();
    await check(page).getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => status.textContent()).toBe('Correct! The explanation is below.');
    // Every check on the page answered: the page suggests marking the lesson done.
    expect(await page.getByText('You answered every check on this page.').isVisible()).toBe(true);
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`shows one action per state, marks the chosen option and labels the answer toggle by its state (${viewport})`, async () => {
      const { page } = await open({ viewport: VIEWPORTS[viewport] });
      await page.goto(`${site.siteUrl}${COMPOSE}`);
      const checkButton = check(page).getByRole('button', { name: 'Check' });
      const retry = check(page).getByRole('button', { name: 'Try again' });
      const summary = check(page).locator('summary');
      const visible = async () => ({ check: await checkButton.isVisible(), retry: await retry.isVisible() });
      expect(await visible()).toEqual({ check: true, retry: false });

      await check(page).getByLabel(WRONG).check();
      await checkButton.click();
      await expect.poll(() => feedback(page).textContent()).toMatch(/^Not quite/);
      expect(await visible()).toEqual({ check: false, retry: true });
      // The wrong choice is marked in words, not only in colour; no other option is.
      const chosen = check(page).locator('.kc-option', { has: page.getByLabel(WRONG) });
      expect(await chosen.getAttribute('data-kc-verdict')).toBe('wrong');
      expect(await chosen.locator('.kc-mark').innerText()).toBe('Not right');
      expect(await check(page).locator('.kc-mark').count()).toBe(1);
      expect(await retry.evaluate((button) => button === document.activeElement)).toBe(true);
      // Check is the filled button, Try again an outlined one: they never look alike.
      const look = (button: typeof retry) => button.evaluate((element) => getComputedStyle(element).backgroundColor);
      expect(await look(retry)).not.toBe(await look(check(page).locator('[data-kc-check]')));

      // The label follows the details "toggle" event, which the browser fires in a later task: poll.
      expect(await summary.textContent()).toBe('Show the answer');
      await summary.click();
      await expect.poll(() => summary.textContent()).toBe('Hide the answer');
      await summary.click();
      await expect.poll(() => summary.textContent()).toBe('Show the answer');

      await retry.click();
      expect(await visible()).toEqual({ check: true, retry: false });
      expect(await check(page).locator('.kc-mark').count()).toBe(0);
      await check(page).getByLabel(RIGHT).check();
      await checkButton.click();
      await expect.poll(() => feedback(page).textContent()).toMatch(/^Correct/);
      expect(await visible()).toEqual({ check: false, retry: false });
      expect(
        await check(page)
          .locator('.kc-option', { has: page.getByLabel(RIGHT) })
          .locator('.kc-mark')
          .innerText(),
      ).toBe('Right');
      // The explanation is open, so its toggle offers to hide it.
      expect(await check(page).locator('details').getAttribute('open')).not.toBeNull();
      await expect.poll(() => summary.textContent()).toBe('Hide the answer');
      // A new choice starts a new attempt: Check is back, the marks are gone.
      await check(page).getByLabel(WRONG).check();
      expect(await visible()).toEqual({ check: true, retry: false });
      expect(await check(page).locator('.kc-mark').count()).toBe(0);
    });
  }

  it('checks a multiple-choice answer as a whole: all right options and no wrong one', async () => {
    const { page } = await open();
    await page.goto(`${site.siteUrl}concepts/docker/`);
    await check(page)
      .getByLabel(/^Namespaces/)
      .check();
    await check(page).getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => feedback(page).textContent()).toMatch(/^Not quite/);
    await check(page)
      .getByLabel(/^Control groups/)
      .check();
    await check(page).getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => feedback(page).textContent()).toMatch(/^Correct/);
  });

  it('without JavaScript shows the question and options, and keeps the answer in <details>', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    await page.goto(`${site.siteUrl}${COMPOSE}`);
    expect(await check(page).locator('legend').textContent()).toContain('What does depends_on with condition: service_healthy do in compose.yaml?');
    expect(await check(page).getByLabel(RIGHT).isVisible()).toBe(true);
    expect(await check(page).getByRole('button', { name: 'Check' }).isVisible()).toBe(false); // it could not do anything
    const answer = check(page).locator('details');
    expect(await answer.locator('summary').textContent()).toBe('Show the answer');
    expect(await answer.getByText(RIGHT).isVisible()).toBe(false);
    await answer.locator('summary').click();
    expect(await answer.getByText(RIGHT).isVisible()).toBe(true);
    expect(await page.locator('.lesson-done').isVisible()).toBe(false);
    await page.goto(site.siteUrl);
    expect(await page.locator('[data-course-progress]').isVisible()).toBe(false); // it would only ever say "0 of 14"
    expect(await page.locator('#site-nav .nav-count').first().isVisible()).toBe(true); // the static page count instead of progress
  });

  it('is usable at 390 px: nothing wider than the screen, options and buttons large enough to tap', async () => {
    const { page } = await open({ viewport: VIEWPORTS.phone });
    await page.goto(`${site.siteUrl}${COMPOSE}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await check(page).getByLabel(RIGHT).locator('xpath=..').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(box!.height).toBeGreaterThanOrEqual(24);
    const button = await check(page).getByRole('button', { name: 'Check' }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(24);
  });

  it('never gives its answer away in a search result', async () => {
    const { page } = await open();
    await page.goto(`${site.siteUrl}${COMPOSE}`);
    // Words that only the checks use: a wrong option on the Dockerfile page, an explanation on the Compose page.
    // A string, not a function: the test runner would rewrite import() inside a function.
    const excerpts = (await page.evaluate(`(async () => {
      const pagefind = await import('${site.siteUrl}pagefind/pagefind.js');
      const found = [];
      for (const term of ['npm refuses to install', 'only orders container start-up']) {
        for (const result of (await pagefind.search(term)).results) found.push((await result.data()).excerpt);
      }
      return { found, control: (await pagefind.search('healthcheck')).results.length };
    })()`)) as { found: string[]; control: number };
    expect(excerpts.control).toBeGreaterThan(0); // the index answers: words outside the checks are found
    expect(excerpts.found.filter((excerpt) => /refuses to install|only orders container/.test(excerpt.replace(/<[^>]+>/g, '')))).toEqual([]);
  });
});

describe('course progress', () => {
  it('marks a lesson done from the lesson, keeps it across a reload, and shows it in the sidebar and on the home page', async () => {
    const { page, errors } = await open();
    await page.goto(`${site.siteUrl}hands-on/dockerfile/`);
    const box = page.getByLabel('I have finished this lesson');
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await page.reload();
    expect(await box.isChecked()).toBe(true);

    const link = page.locator('#site-nav a[href="/hands-on/dockerfile/"]');
    expect(await link.getAttribute('data-done')).not.toBeNull();
    // The tick is drawn with CSS and named "done" for screen readers.
    expect(await link.evaluate((a) => getComputedStyle(a, '::before').content)).toContain('✓');
    expect(await page.locator('#site-nav a[href="/hands-on/"] .nav-progress').textContent()).toBe('1 of 10');
    expect(await page.locator('#site-nav a[href="/concepts/"] .nav-progress').textContent()).toBe('0 of 4');
    expect(await page.locator('#site-nav a[href="/hands-on/compose/"]').getAttribute('data-done')).toBeNull();

    await page.goto(site.siteUrl);
    const course = page.locator('[data-course-progress]');
    expect(await course.isVisible()).toBe(true);
    expect(await course.locator('label').textContent()).toBe('1 of 14 lessons done');
    expect(await course.locator('progress').evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([1, 14]);
    const resume = course.locator('[data-continue]');
    expect(await resume.innerText()).toBe('Continue where you left off: Containers and VMs');
    expect(await resume.evaluate((a: HTMLAnchorElement) => a.pathname)).toBe('/concepts/containers-and-vms/');

    // Undo from the lesson.
    await page.goto(`${site.siteUrl}hands-on/dockerfile/`);
    await box.uncheck();
    await page.goto(site.siteUrl);
    expect(await course.locator('label').textContent()).toBe('0 of 14 lessons done');
    expect(await resume.innerText()).toBe('Start the course: Containers and VMs');
    expect(errors).toEqual([]);
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`counts lessons only, continues with the first lesson not done, and resets with undo (${viewport})`, async () => {
      const { page } = await open({ viewport: VIEWPORTS[viewport] });
      await page.goto(site.siteUrl);
      const course = page.locator('[data-course-progress]');
      const reset = course.getByRole('button', { name: 'Reset progress' });
      // Nothing to reset yet: no button that would do nothing.
      await expect.poll(() => course.getAttribute('data-done')).toBe('0');
      expect(await reset.isVisible()).toBe(false);
      await page.evaluate(
        ([key]) =>
          localStorage.setItem(
            key!,
            JSON.stringify({
              done: ['concepts', 'concepts/containers-and-vms', 'reference/glossary', 'concepts/a-page-that-was-removed', 'elsewhere/unknown'],
            }),
          ),
        [PROGRESS_KEY],
      );
      await page.reload();
      // The landing page and the glossary are no lessons: stored from before, they count for nothing.
      expect(await course.locator('label').textContent()).toBe('1 of 14 lessons done');
      expect(await course.locator('[data-continue]').innerText()).toBe('Continue where you left off: Virtual machines');
      expect(await course.locator('[data-continue]').evaluate((a: HTMLAnchorElement) => a.pathname)).toBe('/concepts/virtual-machines/');
      if (viewport === 'phone') await page.locator('[data-menu-toggle]').click();
      expect(await page.locator('#site-nav a[href="/concepts/"] .nav-progress').textContent()).toBe('1 of 4');
      // The sidebar lists 4 lessons under Concepts, and a section without lessons shows its page count.
      await page.goto(`${site.siteUrl}concepts/docker/`);
      if (viewport === 'phone') await page.locator('[data-menu-toggle]').click();
      expect(await page.locator('#site-nav a[href="/concepts/"] + ul a[data-lesson]').count()).toBe(4);
      expect(await page.locator('#site-nav a[href="/concepts/"]').getAttribute('data-lesson')).toBeNull();
      expect(await page.locator('#site-nav a[href="/reference/"] .nav-count').innerText()).toMatch(/^3\b/);
      expect(await page.locator('#site-nav a[href="/reference/"] .nav-progress').count()).toBe(0);
      expect(await page.locator('.lesson-done').count()).toBe(1);
      await page.goto(`${site.siteUrl}concepts/`);
      expect(await page.locator('.lesson-done').count()).toBe(0); // a landing page is no lesson
      await page.goto(`${site.siteUrl}reference/glossary/`);
      expect(await page.locator('.lesson-done').count()).toBe(0); // nor is a reference page

      await page.goto(site.siteUrl);
      await reset.click();
      expect(await course.getByRole('status').textContent()).toBe('Your progress is reset.');
      expect(await course.locator('label').textContent()).toBe('0 of 14 lessons done');
      expect(await reset.isVisible()).toBe(false);
      const undo = course.getByRole('button', { name: 'Undo' });
      expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true);
      await undo.click();
      expect(await course.locator('label').textContent()).toBe('1 of 14 lessons done');
      expect(await course.getByRole('status').textContent()).toBe('Your progress is back.');
      expect(await undo.isVisible()).toBe(false);
      await page.reload();
      expect(await course.locator('label').textContent()).toBe('1 of 14 lessons done');

      await reset.click();
      await page.reload();
      expect(await course.locator('label').textContent()).toBe('0 of 14 lessons done');
      expect(await page.evaluate(([key]) => JSON.parse(localStorage.getItem(key!) ?? '{}'), [PROGRESS_KEY])).toEqual({ done: [] });
      expect(await reset.isVisible()).toBe(false);
    });
  }

  it('works the same under a base path', async () => {
    const { page, errors } = await open();
    await page.goto(`${based.siteUrl}concepts/containers-and-vms/`);
    await page.getByLabel('I have finished this lesson').check();
    expect(await page.locator(`#site-nav a[href="${PROJECT_BASE}/concepts/"] .nav-progress`).textContent()).toBe('1 of 4');
    await page.goto(based.siteUrl);
    const resume = page.locator('[data-continue]');
    expect(await resume.innerText()).toBe('Continue where you left off: Virtual machines');
    expect(await resume.evaluate((a: HTMLAnchorElement) => a.pathname)).toBe(`${PROJECT_BASE}/concepts/virtual-machines/`);
    await resume.click();
    await page.waitForURL(`${based.siteUrl}concepts/virtual-machines/`);
    expect(errors).toEqual([]);
  });

  it('shows no wrong state before its script has run: the sidebar holds no count and no tick until then', async () => {
    const { page } = await open({
      initScript: () => {
        const seen: Record<string, string> = {};
        (window as unknown as { seen: typeof seen }).seen = seen;
        // The moment the sidebar is parsed, before any module script can have run.
        new MutationObserver((_, observer) => {
          const count = document.querySelector('#site-nav [data-progress-of]');
          if (!count) return;
          seen.parsed = `${count.textContent}|${document.querySelectorAll('#site-nav [data-done]').length}`;
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        document.addEventListener('DOMContentLoaded', () => {
          seen.ready = `${document.querySelector('#site-nav [data-progress-of]')?.textContent}|${document.querySelectorAll('#site-nav [data-done]').length}`;
        });
      },
    });
    await page.goto(`${site.siteUrl}concepts/`);
    await page.evaluate(([key]) => localStorage.setItem(key!, JSON.stringify({ done: ['concepts', 'concepts/docker'] })), [PROGRESS_KEY]);
    await page.reload();
    const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, string> }).seen);
    // Empty, not "0 of 4", while parsing; right by the time the document is ready (module scripts run before DOMContentLoaded).
    // The landing page is no lesson: stored from before, it counts for nothing.
    expect(seen).toEqual({ parsed: '|0', ready: '1 of 4|1' });
    // The static page count is for readers without JavaScript; with it, only the progress shows.
    expect(await page.locator('#site-nav .nav-count').first().isVisible()).toBe(false);
  });

  it('degrades quietly when storage is blocked: no error, and marking done still works on the page', async () => {
    const { page, errors } = await open({
      initScript: () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      },
    });
    await page.goto(`${site.siteUrl}concepts/containers/`);
    const box = page.getByLabel('I have finished this lesson');
    await box.check();
    expect(await page.locator('#site-nav a[href="/concepts/containers/"]').getAttribute('data-done')).not.toBeNull();
    expect(await page.locator('#site-nav a[href="/concepts/"] .nav-progress').textContent()).toBe('1 of 4');
    await page.reload();
    expect(await box.isChecked()).toBe(false); // nothing could be kept
    // The theme toggle guards its storage the same way; nothing on the page breaks.
    expect(errors).toEqual([]);
  });

  it('degrades quietly when storage is full', async () => {
    const { page, errors } = await open({
      initScript: () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    });
    await page.goto(`${site.siteUrl}concepts/containers/`);
    await page.getByLabel('I have finished this lesson').check();
    expect(await page.locator('#site-nav a[href="/concepts/"] .nav-progress').textContent()).toBe('1 of 4');
    expect(errors).toEqual([]);
  });
});

describe('accessibility of the course layer', () => {
  it('axe finds no violation with a check unanswered, answered right and answered wrong, and with progress shown, in both themes at desktop and phone widths', async () => {
    const problems: string[] = [];
    for (const viewport of ['desktop', 'phone'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const { page } = await open({ viewport: VIEWPORTS[viewport] });
        await useTheme(page, theme);
        const where = (state: string) => `${state} (${viewport}, ${theme})`;
        await page.goto(`${site.siteUrl}${COMPOSE}`);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        problems.push(...formatViolations(where('check unanswered'), await runAxe(page)));
        await check(page).getByLabel(WRONG).check();
        await check(page).getByRole('button', { name: 'Check' }).click();
        await expect.poll(() => feedback(page).textContent()).toMatch(/^Not quite/);
        await check(page).locator('summary').click();
        problems.push(...formatViolations(where('check answered wrong, answer opened'), await runAxe(page)));
        await check(page).getByRole('button', { name: 'Try again' }).click();
        await check(page).getByLabel(RIGHT).check();
        await check(page).getByRole('button', { name: 'Check' }).click();
        await expect.poll(() => feedback(page).textContent()).toMatch(/^Correct/);
        await page.getByLabel('I have finished this lesson').check();
        problems.push(...formatViolations(where('check answered right, lesson done'), await runAxe(page)));
        await page.goto(site.siteUrl);
        problems.push(...formatViolations(where('home page with progress'), await runAxe(page)));
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);
});
