import type { Code, Data, Paragraph, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** A titled code block: a `<figure>` holding the caption and the untouched code node. */
export interface CodeFigure extends Parent {
  type: 'codeFigure';
  children: [Paragraph, Code];
  data: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    codeFigure: CodeFigure;
  }
  interface BlockContentMap {
    codeFigure: CodeFigure;
  }
}

// key="double quoted", key='single quoted' or key=bare, with backslash escapes inside quotes.
const META_PAIR = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"'{}]+))/g;

/** Reads `key=value` pairs from a code fence's meta string (`title="app.js" {1,3}`); other tokens are ignored. */
export function parseCodeMeta(meta: string | null | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!meta) return pairs;
  for (const match of meta.matchAll(META_PAIR)) {
    const [, key, doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
    pairs[key!] = value.replace(/\\(.)/g, '$1');
  }
  return pairs;
}

/**
 * ```` ```js title="app.js" ```` becomes
 * `<figure class="code-block"><figcaption class="code-title">app.js</figcaption><pre>…</pre></figure>`.
 * The code node itself stays as it is, so Astro's Shiki highlighting (after remark) still sees it.
 */
export default function remarkCodeTitles() {
  return (tree: Root) => {
    visit(tree, 'code', (node, index, parent) => {
      if (!parent || index === undefined || parent.type === 'codeFigure') return;
      const title = parseCodeMeta(node.meta).title?.trim();
      if (!title) return;
      const figure: CodeFigure = {
        type: 'codeFigure',
        data: { hName: 'figure', hProperties: { className: ['code-block'] } },
        children: [
          {
            type: 'paragraph',
            data: { hName: 'figcaption', hProperties: { className: ['code-title'] } },
            children: [{ type: 'text', value: title }],
          },
          node,
        ],
      };
      parent.children.splice(index, 1, figure);
      return [SKIP, index + 1];
    });
  };
}
