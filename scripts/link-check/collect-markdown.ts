import { collectFacts } from '../../src/core/content/facts.ts';
import { parsePage } from '../../src/core/content/parse.ts';
import type { ContentProblem } from '../../src/core/problems.ts';
import type { LinkPlace } from './types.ts';

interface Extracted {
  places: LinkPlace[];
  problems: ContentProblem[];
}

/**
 * Every URL written in a Markdown or MDX document, with its line, as the site build sees it: the
 * same parser and the same facts extractor (src/core/content/facts.ts), so the checker can never
 * disagree with the build about what a page links to. Links, images and other `src` URLs are all
 * included; the dedupe stage decides what is external.
 */
export async function extractMarkdownLinks(text: string, file: string, format: 'md' | 'mdx'): Promise<Extracted> {
  const parsed = parsePage({ file, format, source: text });
  if ('problem' in parsed) {
    return { places: [], problems: [{ file, line: parsed.problem.line, message: `${parsed.problem.message} Its links were not checked.` }] };
  }
  const facts = collectFacts(parsed.tree, { file, format, lineOffset: parsed.lineOffset });
  const places = [
    ...facts.links.map(({ href, line }) => ({ raw: href, line })),
    ...facts.images.map(({ src, line }) => ({ raw: src, line })),
    ...facts.sources.map(({ href, line }) => ({ raw: href, line })),
  ]
    .sort((a, b) => a.line - b.line)
    .map(({ raw, line }) => ({ raw, file, line }));
  return { places, problems: [] };
}
