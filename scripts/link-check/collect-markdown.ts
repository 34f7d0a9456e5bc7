import { Parser } from 'htmlparser2';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { ContentProblem } from '../../src/lib/format-issues.ts';
import type { LinkPlace } from './types.ts';

/** Attributes that point at another resource, on raw HTML tags and on JSX elements/components. */
const urlAttributes = new Set(['href', 'src']);

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
let mdxParser: typeof markdownParser | undefined;

/** The MDX parser pulls in a JavaScript parser (acorn); load it only for content that has .mdx files. */
async function getMdxParser(): Promise<typeof markdownParser> {
  const { default: remarkMdx } = await import('remark-mdx');
  mdxParser ??= unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkMdx) as unknown as typeof markdownParser;
  return mdxParser;
}

interface Extracted {
  places: LinkPlace[];
  problems: ContentProblem[];
}

/**
 * Every URL written in a Markdown or MDX document, with its line: inline and reference-style
 * links, images, autolinks (and GFM bare URLs), and href/src attributes of raw HTML (Markdown) or
 * JSX elements (MDX). Code blocks and inline code are leaves in mdast, so their text is never seen.
 * Relative and non-http links are included too; the dedupe stage decides what is external.
 */
export async function extractMarkdownLinks(text: string, file: string, format: 'md' | 'mdx'): Promise<Extracted> {
  const parser = format === 'mdx' ? await getMdxParser() : markdownParser;
  let tree: Root;
  try {
    tree = parser.parse(text) as Root;
  } catch (error) {
    return { places: [], problems: [{ file, line: errorLine(error), message: `could not be parsed as ${format.toUpperCase()}, so its links were not checked: ${errorReason(error)}` }] };
  }
  const places: LinkPlace[] = [];
  const add = (raw: string, line: number | undefined) => places.push({ raw, file, line: line ?? 1 });

  visit(tree, (node) => {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition':
        add(node.url, node.position?.start.line);
        break;
      case 'html':
        for (const found of htmlUrls(node.value)) add(found.raw, (node.position?.start.line ?? 1) + found.lineOffset);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        for (const attribute of node.attributes) {
          // Expression values ({someVar}) are computed at build time; only literal strings can be checked.
          if (attribute.type === 'mdxJsxAttribute' && urlAttributes.has(attribute.name) && typeof attribute.value === 'string') {
            add(attribute.value, attribute.position?.start.line ?? node.position?.start.line);
          }
        }
        break;
    }
  });
  return { places, problems: [] };
}

/** href/src values in a fragment of raw HTML, with how many lines into the fragment each tag starts. */
function htmlUrls(html: string): { raw: string; lineOffset: number }[] {
  const found: { raw: string; lineOffset: number }[] = [];
  const parser: Parser = new Parser(
    {
      // During onattribute, startIndex is where the attribute name starts: the line to report.
      onattribute(name, value) {
        if (urlAttributes.has(name) && value) found.push({ raw: value, lineOffset: countNewlines(html, parser.startIndex) });
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = 0; index < end && index < text.length; index++) if (text.charCodeAt(index) === 10) count++;
  return count;
}

function errorLine(error: unknown): number | undefined {
  const candidate = error as { line?: unknown; place?: { line?: unknown; start?: { line?: unknown } } };
  const line = candidate.place?.line ?? candidate.place?.start?.line ?? candidate.line;
  return typeof line === 'number' && line > 0 ? line : undefined;
}

function errorReason(error: unknown): string {
  const candidate = error as { reason?: unknown; message?: unknown };
  const reason = typeof candidate.reason === 'string' ? candidate.reason : typeof candidate.message === 'string' ? candidate.message : String(error);
  return reason.split('\n')[0] ?? reason;
}
