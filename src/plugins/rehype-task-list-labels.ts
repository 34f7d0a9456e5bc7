import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

function isElement(node: ElementContent | undefined, tagName: string): node is Element {
  return node?.type === 'element' && node.tagName === tagName;
}

function checkboxOrUndefined(node: ElementContent | undefined): Element | undefined {
  return isElement(node, 'input') && node.properties.type === 'checkbox' ? node : undefined;
}

/** The item's own words: nested lists belong to the sub-tasks, not to this checkbox. */
function ownText(children: ElementContent[]): string {
  return children
    .filter((child) => !isElement(child, 'ul') && !isElement(child, 'ol'))
    .map((child) => toString(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * GFM renders `- [ ] item` as a bare `<input type="checkbox" disabled>` with no accessible name,
 * which screen readers announce as just "checkbox". Name each one after its item's text.
 */
export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (item) => {
      if (item.tagName !== 'li') return;
      const classes = item.properties.className;
      if (!Array.isArray(classes) || !classes.includes('task-list-item')) return;
      // Tight lists put the checkbox first in the item, loose lists first in its first paragraph.
      const first = item.children.find((child) => child.type !== 'text' || child.value.trim() !== '');
      const checkbox = checkboxOrUndefined(first) ?? (isElement(first, 'p') ? checkboxOrUndefined(first.children[0]) : undefined);
      if (!checkbox || checkbox.properties.ariaLabel || checkbox.properties.ariaLabelledBy) return;
      checkbox.properties.ariaLabel = ownText(item.children) || 'Task';
    });
  };
}
