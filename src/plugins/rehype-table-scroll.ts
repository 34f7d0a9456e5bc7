import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Wraps each table in a focusable, labelled scroll region. A wide table on a phone must scroll
 * sideways, and a scroll area that keyboard users cannot focus is unreachable for them (axe:
 * scrollable-region-focusable). The label names the table by its first header cells.
 */
export default function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const headers: string[] = [];
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName === 'th' && headers.length < 3) headers.push(toString(cell).trim());
      });
      const named = headers.filter(Boolean);
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          // A group, not a region: a landmark per table would crowd the landmark list (axe: landmark-unique).
          role: 'group',
          ariaLabel: named.length > 0 ? `Table: ${named.join(', ')}` : 'Table',
        },
        children: [node as ElementContent],
      };
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    });
  };
}
