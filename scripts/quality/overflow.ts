import type { Page } from 'playwright-core';

/**
 * Content that is wider than its box must never be silently cut off: a table column, the end of a
 * code line or part of an image that the reader cannot see and has no hint of. For the page open
 * in `page`, this lists every element inside <main> that
 *
 * - scrolls sideways (its content is wider than it is) without a visible sign that it does: the
 *   scroll shadow of global.css (gradients fixed to the content, `background-attachment: local`),
 *   since phones and headless Chromium draw no scrollbar until one scrolls; or that cannot be
 *   reached by keyboard (not focusable, so arrow keys cannot scroll it);
 * - clips its content (`overflow: hidden` or `clip`) so that part of it is cut off;
 * - sticks out of the content column, or makes the whole page scroll sideways.
 *
 * One message per element, naming it by tag, class and first words, so a failure says where to look.
 */
export async function checkOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['the page has no <main>'];
    const describe = (element: Element) => {
      const classes = [...element.classList]
        .slice(0, 2)
        .map((name) => `.${name}`)
        .join('');
      const label = element.getAttribute('aria-label');
      const text = (label ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()}${classes}> "${text}"`;
    };
    // An element that hides itself on purpose (visually-hidden text, a 1 px box) clips by design.
    const isTiny = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width <= 1 || box.height <= 1;
    };
    const showsScrollShadow = (style: CSSStyleDeclaration) =>
      style.backgroundAttachment.split(',').some((part) => part.trim() === 'local') && style.backgroundImage.includes('gradient');
    const mainStyle = getComputedStyle(main);
    const mainBox = main.getBoundingClientRect();
    const columnLeft = mainBox.left + Number.parseFloat(mainStyle.paddingLeft);
    const columnRight = mainBox.right - Number.parseFloat(mainStyle.paddingRight);

    /** Inside a box that scrolls or clips sideways (checked on its own), or a hidden panel. */
    const contained = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };

    for (const element of main.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || isTiny(element)) continue;
      const overflowing = element.scrollWidth > element.clientWidth + 1;
      if (overflowing && (style.overflowX === 'auto' || style.overflowX === 'scroll')) {
        if (!showsScrollShadow(style)) problems.push(`${describe(element)} scrolls sideways with no visible sign that it does`);
        if (element.tabIndex < 0) problems.push(`${describe(element)} scrolls sideways but cannot be focused to scroll it by keyboard`);
      } else if (overflowing && (style.overflowX === 'hidden' || style.overflowX === 'clip') && element.clientWidth > 0) {
        problems.push(`${describe(element)} cuts off ${element.scrollWidth - element.clientWidth} px of its content`);
      }
      if (/^(table|pre|img|svg|video|iframe|figure|div|p|ul|ol|blockquote)$/i.test(element.tagName) && !contained(element)) {
        const box = element.getBoundingClientRect();
        if (box.right > columnRight + 1 || box.left < columnLeft - 1) {
          problems.push(
            `${describe(element)} sticks out of the content column (${Math.round(box.left)}–${Math.round(box.right)} px, column ${Math.round(columnLeft)}–${Math.round(columnRight)} px)`,
          );
        }
      }
    }
    if (document.documentElement.scrollWidth > innerWidth + 1)
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px window`);
    return problems;
  });
}
