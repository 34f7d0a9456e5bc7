import type { Page } from 'playwright-core';

/** What a keyboard user sees of the focused element. */
interface FocusState {
  description: string;
  tag: string;
  id: string;
  href: string | null;
  focusVisible: boolean;
  /** A 1px+ outline or a box-shadow drawn while focused. */
  indicator: boolean;
  /** Inside the viewport and not covered by another element (a sticky header, say). */
  inView: boolean;
  unobscured: boolean;
}

async function focusState(page: Page): Promise<FocusState | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) return undefined;
    const style = getComputedStyle(element);
    const visibleColour = (colour: string) => !/^(transparent|rgba\(.*,\s*0\))$/.test(colour);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && visibleColour(style.outlineColor);
    const shadow = style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    const inView = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
    // A link wrapped over two lines has a bounding box whose centre is other text: probe the middle
    // of each line box instead, and call it visible when any of them shows the element itself.
    const unobscured = [...element.getClientRects()].some((line) => {
      const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(line.top + line.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (element.contains(hit) || hit.contains(element));
    });
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return {
      description: `<${element.tagName.toLowerCase()}${element.id ? ` id="${element.id}"` : ''}${element.getAttribute('href') ? ` href="${element.getAttribute('href')}"` : ''}> "${text}"`,
      tag: element.tagName.toLowerCase(),
      id: element.id,
      href: element.getAttribute('href'),
      focusVisible: element.matches(':focus-visible'),
      indicator: outline || shadow,
      inView,
      unobscured,
    };
  });
}

/** Loads a URL and leaves focus at the very start of the document, as a fresh visit does. */
async function freshVisit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/**
 * The first Tab must reach a visible "skip" link, and Enter on it must move focus to the main
 * content, so keyboard and screen-reader users need not walk through the navigation on every page.
 */
export async function checkSkipLink(page: Page, url: string): Promise<string[]> {
  await freshVisit(page, url);
  await page.keyboard.press('Tab');
  const first = await focusState(page);
  if (first?.tag !== 'a' || !first.href?.startsWith('#')) {
    return [`the first Tab stop is ${first?.description ?? 'nothing'}, not a skip link`];
  }
  const problems: string[] = [];
  if (!first.inView || !first.unobscured) problems.push(`the skip link ${first.description} is not visible when focused`);
  await page.keyboard.press('Enter');
  const target = first.href.slice(1);
  const after = await focusState(page);
  if (after?.id !== target) problems.push(`Enter on the skip link left focus on ${after?.description ?? 'the page itself'}, not #${target}`);
  else if (after.tag !== 'main') problems.push(`the skip link leads to ${after.description}, not the <main> element`);
  return problems;
}

/**
 * On a phone the navigation hides behind the menu button: the button must be reachable by Tab,
 * open the navigation with Enter (and say so with aria-expanded), and Escape must close it and
 * give focus back to the button.
 */
export async function checkMobileMenu(page: Page, url: string): Promise<string[]> {
  await freshVisit(page, url);
  const button = page.locator('[data-menu-toggle]');
  const nav = page.locator('#site-nav');
  if (!(await button.isVisible())) return ['the menu button is not shown'];
  if (await nav.isVisible()) return ['the navigation is already shown before the menu button is pressed'];

  for (let stop = 0; stop < 10; stop++) {
    await page.keyboard.press('Tab');
    if (await button.evaluate((element) => element === document.activeElement)) break;
  }
  if (!(await button.evaluate((element) => element === document.activeElement))) return ['the menu button is not among the first 10 Tab stops'];

  const problems: string[] = [];
  await page.keyboard.press('Enter');
  if ((await button.getAttribute('aria-expanded')) !== 'true') problems.push('Enter on the menu button did not set aria-expanded="true"');
  if (!(await nav.isVisible())) return [...problems, 'Enter on the menu button did not show the navigation'];
  const navInView = await nav.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top < innerHeight && box.bottom > 0 && box.left < innerWidth && box.right > 0;
  });
  if (!navInView) problems.push('the opened navigation is outside the viewport');
  const reachesBottom = await nav.evaluate((element) => Math.round(element.getBoundingClientRect().bottom) >= innerHeight - 1);
  if (!reachesBottom) problems.push('the opened navigation stops short of the bottom of the screen, with the page showing below it');

  await page.keyboard.press('Escape');
  if ((await button.getAttribute('aria-expanded')) !== 'false') problems.push('Escape did not set aria-expanded="false"');
  if (await nav.isVisible()) problems.push('Escape did not hide the navigation');
  if (!(await button.evaluate((element) => element === document.activeElement))) problems.push('Escape did not return focus to the menu button');
  return problems;
}

/**
 * Tabs through the whole page: every stop must show a focus indicator (an outline or shadow drawn
 * by :focus-visible), be inside the viewport and not be hidden under another element. Returns one
 * message per bad stop and the number of stops visited.
 */
export async function checkFocusVisible(page: Page, url: string, maxStops = 400): Promise<{ problems: string[]; stops: number }> {
  await freshVisit(page, url);
  const problems: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  for (; stops < maxStops; stops++) {
    await page.keyboard.press('Tab');
    // Tag every stop so a cycle back to the start is recognised even for elements without ids.
    const key = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return '';
      element.dataset.focusStop ??= String(document.querySelectorAll('[data-focus-stop]').length);
      return element.dataset.focusStop;
    });
    if (key === '' || seen.has(key)) break;
    seen.add(key);
    const state = await focusState(page);
    if (!state) break;
    if (!state.focusVisible || !state.indicator) problems.push(`${state.description} shows no focus indicator`);
    else if (!state.inView) problems.push(`${state.description} is focused outside the viewport (invisible to the reader)`);
    else if (!state.unobscured) problems.push(`${state.description} is focused but covered by another element`);
  }
  return { problems, stops };
}
