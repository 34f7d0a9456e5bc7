import type { Nodes, Root } from 'mdast';
import type {} from 'remark-mdx';

/** About what search engines show of a description; the Docusaurus and Starlight fallbacks cut near here too. */
export const DESCRIPTION_MAX_CHARS = 160;

/** The words a reader sees: text and code, never raw HTML, MDX expressions, image alt or link URLs. */
function visibleText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (
    node.type === 'html' ||
    node.type === 'image' ||
    node.type === 'imageReference' ||
    node.type === 'mdxTextExpression' ||
    node.type === 'mdxFlowExpression'
  )
    return '';
  return 'children' in node ? node.children.map((child) => visibleText(child as Nodes)).join('') : '';
}

/** Text cut to `max` characters at a word boundary, with an ellipsis when something was cut. */
export function cutAtWord(text: string, max = DESCRIPTION_MAX_CHARS): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max); // one character is kept free for the ellipsis
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * A page's description when its frontmatter has none: its first paragraph as plain text (the first
 * one at the top level, else the first anywhere), cut at a word boundary. Undefined for a page with
 * no prose at all.
 */
export function descriptionFromBody(tree: Root): string | undefined {
  const paragraphs: Nodes[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'paragraph') paragraphs.push(node);
    else if ('children' in node) for (const child of node.children) collect(child as Nodes);
  };
  const topLevel = tree.children.filter((node) => node.type === 'paragraph');
  collect(tree);
  for (const paragraph of [...topLevel, ...paragraphs]) {
    const text = visibleText(paragraph).replace(/\s+/g, ' ').trim();
    if (text) return cutAtWord(text);
  }
  return undefined;
}
