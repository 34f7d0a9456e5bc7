import GithubSlugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import remarkGfmStructure from './remark-gfm-structure.ts';
import type { FrontmatterBlock } from './check-frontmatter.ts';
import { hasAttribute, stringAttribute, type MdxJsxElement } from './mdx-jsx.ts';

/** One content file as read from disk (or written in a test). */
export interface SourceDocument {
  /** POSIX path relative to the docs folder: `vms/hypervisors.md`. */
  file: string;
  source: string;
}

export interface LinkFact {
  href: string;
  line: number;
}

export interface ImageFact {
  src: string;
  /** undefined when the attribute is missing altogether (`<img src>`). */
  alt: string | undefined;
  line: number;
  /** How it was written, so the advice shows the author's own syntax. */
  syntax: 'markdown' | 'html';
}

/** Everything the checks need from one file, gathered in a single parse. */
export interface DocumentFacts {
  file: string;
  frontmatter: FrontmatterBlock | undefined;
  /** Ids a `#fragment` can land on: GitHub heading slugs (with -1, -2 for repeats) and explicit ids. */
  anchors: Set<string>;
  links: LinkFact[];
  images: ImageFact[];
  /** Set when the file could not be parsed at all (MDX syntax errors). */
  syntaxError?: { line: number; message: string };
}

// Parsing needs no transforms, so the processors are built once and only `parse` is called.
const markdownParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfmStructure);
const mdxParser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfmStructure).use(remarkMdx);

/**
 * The text rehype-slug slugs: text and code, not raw HTML tags or image alt text — the same as
 * GitHub, which slugs the rendered heading's text.
 */
function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? node.children.map((child) => headingText(child as Nodes)).join('') : '';
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

/** Elements written as raw HTML (`<img>`, `<a id>`) in Markdown, with their file lines. */
function htmlElements(html: string, startLine: number): { element: Element; line: number }[] {
  // Most raw HTML (comments, closing tags, <details>) holds nothing we check: skip the HTML parser for it.
  if (!/<(a|img)\b|\b(id|name)\s*=/i.test(html)) return [];
  const tree: HastRoot = fromHtml(html, { fragment: true });
  const found: { element: Element; line: number }[] = [];
  visit(tree, 'element', (element) => {
    found.push({ element, line: startLine + (element.position?.start.line ?? 1) - 1 });
  });
  return found;
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : undefined;
}

/** Parses one file and collects its frontmatter, anchors, links and images. Pure: no file system. */
export function documentFacts(doc: SourceDocument): DocumentFacts {
  const isMdx = doc.file.toLowerCase().endsWith('.mdx');
  const facts: DocumentFacts = { file: doc.file, frontmatter: undefined, anchors: new Set(), links: [], images: [] };
  let tree: Root;
  try {
    tree = (isMdx ? mdxParser : markdownParser).parse(doc.source);
  } catch (error) {
    const place = (error as { line?: number }).line;
    const reason = (error as { reason?: string }).reason ?? String(error);
    facts.syntaxError = { line: place ?? 1, message: reason };
    return facts;
  }

  const first = tree.children[0];
  if (first?.type === 'yaml') facts.frontmatter = { yaml: first.value, startLine: lineOf(first) };

  const slugger = new GithubSlugger();
  // Definitions may come after the image references that use them: resolve those after the walk.
  const definitions = new Map<string, string>();
  const imageReferences: { identifier: string; alt: string; line: number }[] = [];

  visit(tree, (node) => {
    switch (node.type) {
      case 'heading':
        facts.anchors.add(slugger.slug(headingText(node)));
        break;
      case 'definition':
        definitions.set(node.identifier, node.url);
        facts.links.push({ href: node.url, line: lineOf(node) });
        break;
      case 'link':
        facts.links.push({ href: node.url, line: lineOf(node) });
        break;
      case 'image':
        facts.images.push({ src: node.url, alt: node.alt ?? '', line: lineOf(node), syntax: 'markdown' });
        break;
      case 'imageReference':
        imageReferences.push({ identifier: node.identifier, alt: node.alt ?? '', line: lineOf(node) });
        break;
      case 'html':
        for (const { element, line } of htmlElements(node.value, lineOf(node))) {
          const id = stringProperty(element, 'id');
          if (id) facts.anchors.add(id);
          if (element.tagName === 'a') {
            const name = stringProperty(element, 'name');
            if (name) facts.anchors.add(name);
            const href = stringProperty(element, 'href');
            if (href !== undefined) facts.links.push({ href, line });
          }
          if (element.tagName === 'img') {
            const src = stringProperty(element, 'src');
            if (src !== undefined) facts.images.push({ src, alt: stringProperty(element, 'alt'), line, syntax: 'html' });
          }
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        collectJsx(node, facts);
        break;
    }
  });
  for (const reference of imageReferences) {
    const src = definitions.get(reference.identifier);
    if (src !== undefined) facts.images.push({ src, alt: reference.alt, line: reference.line, syntax: 'markdown' });
  }
  return facts;
}

function collectJsx(node: MdxJsxElement, facts: DocumentFacts): void {
  const line = lineOf(node);
  const id = stringAttribute(node, 'id');
  if (id) facts.anchors.add(id.value);
  if (node.name === 'a') {
    const href = stringAttribute(node, 'href');
    if (href) facts.links.push({ href: href.value, line });
  }
  // Lower-case `img` is HTML; components such as <Image src={import}> take JavaScript values we cannot see.
  if (node.name === 'img') {
    const src = stringAttribute(node, 'src');
    if (!src) return;
    const alt = stringAttribute(node, 'alt');
    // alt={expression}: the author computes it; trust that it is there.
    const altValue = alt ? alt.value : hasAttribute(node, 'alt') ? 'expression' : undefined;
    facts.images.push({ src: src.value, alt: altValue, line, syntax: 'html' });
  }
}
