import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkDirectiveSyntax from './directives.ts';
import { collectFacts, NESTING_ADVICE, type CollectFactsOptions, type DocumentFacts } from './facts.ts';
import { blankFrontmatter, bodyLineOffset } from './source.ts';
import { offsetAfterLines } from '../text-lines.ts';

/**
 * Facts of a page that was not rendered in this process: the link checker's pages, and pages whose
 * render Astro served from its cache while our facts cache had lost them. The parser is the
 * renderer's (remark-parse + GFM, plus remark-mdx for .mdx) fed the same text Astro feeds it, and the
 * extractor is the same function, so the facts are the ones a render would have recorded.
 */
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkDirectiveSyntax);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkDirectiveSyntax);

export interface PageSource {
  file: string;
  format: 'md' | 'mdx';
  source: string;
}

/** The text Astro renders and how many lines into the file it starts. */
export function renderedText(page: PageSource): { text: string; lineOffset: number } {
  if (page.format === 'mdx') return { text: blankFrontmatter(page.source), lineOffset: 0 };
  const lineOffset = bodyLineOffset(page.source);
  const withoutFrontmatter = page.source.slice(offsetAfterLines(page.source, lineOffset));
  return { text: withoutFrontmatter.trim(), lineOffset };
}

/** A parse error, with the file line it names (MDX syntax errors carry one). */
export function describeParseError(error: unknown, lineOffset: number): { line: number; message: string } {
  if (error instanceof RangeError) return { line: 1 + lineOffset, message: NESTING_ADVICE };
  const candidate = error as { line?: unknown; place?: { line?: unknown; start?: { line?: unknown } }; reason?: unknown; message?: unknown };
  // Some MDX errors ("Expected a closing tag for <Card> (7:1-7:7)") carry their place only in the text.
  const line =
    candidate.place?.start?.line ??
    candidate.place?.line ??
    candidate.line ??
    Number(/\((\d+):\d+(?:-\d+:\d+)?\)/.exec(String(candidate.reason ?? candidate.message))?.[1]);
  const reason = typeof candidate.reason === 'string' ? candidate.reason : typeof candidate.message === 'string' ? candidate.message : String(error);
  return { line: (typeof line === 'number' && line > 0 ? line : 1) + lineOffset, message: reason.split('\n')[0] ?? reason };
}

/** Parses a page as the renderer would; a page that does not parse is one problem, with its line. */
export function parsePage(page: PageSource): { tree: Root; lineOffset: number } | { problem: { line: number; message: string } } {
  const { text, lineOffset } = renderedText(page);
  try {
    return { tree: (page.format === 'mdx' ? mdxParser : markdownParser).parse(text) as Root, lineOffset };
  } catch (error) {
    const { line, message } = describeParseError(error, lineOffset);
    if (error instanceof RangeError) return { problem: { line, message } };
    const hint = page.format === 'mdx' ? ' (in MDX, write { and < in text as \\{ and &lt;)' : '';
    return { problem: { line, message: `is not valid ${page.format === 'mdx' ? 'MDX' : 'Markdown'}: ${message}. Fix the syntax${hint}.` } };
  }
}

export function factsFromSource(page: PageSource, rules: Pick<CollectFactsOptions, 'mdx' | 'lessonRequirements'> = {}): DocumentFacts {
  const parsed = parsePage(page);
  if ('problem' in parsed) return { file: page.file, anchors: [], links: [], images: [], sources: [], imports: [], problems: [parsed.problem] };
  return collectFacts(parsed.tree, { file: page.file, format: page.format, lineOffset: parsed.lineOffset, ...rules });
}
