import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

/** Prefix of the ids this plugin gives: apart from heading ids, which rehype-slug derives from text. */
export const COMMAND_ROW_PREFIX = 'cmd-';

function firstElement(node: Element): Element | undefined {
  for (const child of node.children) {
    if (child.type === 'element') return child;
    if (child.type === 'text' && child.value.trim()) return undefined;
  }
  return undefined;
}

/**
 * Table rows that explain a command (the first cell starts with code, as in the quick reference:
 * `docker run -p 8080:80 IMAGE` | Publish …) get an id and a Pagefind title, so each row is a
 * search result of its own that links straight to the row; a reader searching `-p 8080:80` lands
 * on that line instead of at the top of a long page. Runs after rehype-slug, whose ids it avoids.
 */
export default function rehypeCommandRows() {
  return (tree: Root) => {
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    const slugger = new GithubSlugger();
    visit(tree, 'element', (row: Element, _index, parent) => {
      if (row.tagName !== 'tr' || parent?.type !== 'element' || parent.tagName !== 'tbody' || row.properties.id) return;
      const cell = firstElement(row);
      if (cell?.tagName !== 'td' || firstElement(cell)?.tagName !== 'code') return;
      const command = toString(cell).replace(/\s+/g, ' ').trim();
      let id = COMMAND_ROW_PREFIX + slugger.slug(command);
      while (taken.has(id)) id = COMMAND_ROW_PREFIX + slugger.slug(command);
      taken.add(id);
      row.properties.id = id;
      row.properties.dataPagefindTitle = command;
    });
  };
}
