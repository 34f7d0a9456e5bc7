import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Options } from 'rehype-autolink-headings';

/**
 * Options for rehype-autolink-headings: a "#" link after each h2–h4 (rehype-slug gives the ids).
 * The link's only child is an empty, aria-hidden span that CSS draws the "#" into: the heading's
 * text must not gain characters, because Astro collects heading text for the table of contents
 * after our rehype plugins have run. Screen readers get the aria-label instead, and Pagefind is
 * told to skip the link so "Link to section" never shows up in search results.
 */
export const headingAnchorOptions: Options = {
  behavior: 'append',
  test: ['h2', 'h3', 'h4'],
  properties: (heading: Element) => ({
    className: ['heading-anchor'],
    ariaLabel: `Link to section: ${toString(heading).replace(/\s+/g, ' ').trim()}`,
    dataPagefindIgnore: '',
  }),
  content: {
    type: 'element',
    tagName: 'span',
    properties: { className: ['heading-anchor-icon'], ariaHidden: 'true' },
    children: [],
  },
};
