import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { colourClass } from '../markdown/code-theme.ts';

/** Declarations the stylesheet already covers for every code block, or that nothing reads. */
const DROPPED = new Set([
  // global.css scrolls every code block sideways.
  'overflow-x',
  // Shiki's font styles per theme: global.css never used them, so no token was ever italic or bold.
  '--shiki-light-font-style',
  '--shiki-dark-font-style',
  '--shiki-light-font-weight',
  '--shiki-dark-font-weight',
  '--shiki-light-text-decoration',
  '--shiki-dark-text-decoration',
]);

/** The diff marker (+/-) Astro puts in a span of its own, so that copying a line leaves it out. */
const NO_SELECT = 'shiki-no-select';

/** Turns one style attribute of highlighted code into classes; throws on a declaration with no class. */
export function styleToClasses(style: string): string[] {
  const classes: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (DROPPED.has(property)) continue;
    if (property === 'user-select' && value === 'none') {
      classes.push(NO_SELECT);
      continue;
    }
    const colour = colourClass(property, value);
    if (!colour) {
      throw new Error(
        `Highlighted code has the style "${property}: ${value}", which the Content-Security-Policy would block and no class stands for. ` +
          'Teach src/plugins/rehype-code-classes.ts (and the stylesheet in code-theme.ts) about it.',
      );
    }
    classes.push(colour);
  }
  return classes;
}

/** Shiki writes `class` where hastscript would write `className`; either may be there. */
function classList(node: Element): string[] {
  const value = node.properties.class ?? node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Runs right after Astro's Shiki step, for .md and .mdx alike: every style attribute in a
 * highlighted code block becomes classes, so the page needs no inline style at all.
 * (A rehype step rather than a Shiki transformer: the Shiki settings travel to the render workers
 * by structured clone, which cannot carry a function.)
 */
export default function rehypeCodeClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (pre: Element) => {
      if (pre.tagName !== 'pre' || !classList(pre).includes('astro-code')) return;
      visit(pre, 'element', (node: Element) => {
        const style = node.properties.style;
        if (style === undefined) return;
        const classes = [...classList(node), ...styleToClasses(String(style))];
        delete node.properties.style;
        delete node.properties.class;
        node.properties.className = classes;
      });
      return 'skip';
    });
  };
}
