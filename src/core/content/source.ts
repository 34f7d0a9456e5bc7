import { countNewlines } from '../text-lines.ts';
/**
 * Astro's frontmatter pattern (extractFrontmatter in @astrojs/internal-helpers), restated so the
 * core needs no Astro package. Line numbers computed here must match the text Astro hands to the
 * renderer: tests/architecture/astro-contracts.test.ts fails if Astro ever finds it differently.
 */
export const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** Where a page's frontmatter sits, found exactly as Astro finds it. */
export interface FrontmatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** File line of the opening `---`. */
  startLine: number;
  /** Offsets of the opening fence and just past the closing one. */
  start: number;
  end: number;
}

export function findFrontmatter(source: string): FrontmatterBlock | undefined {
  const raw = ASTRO_FRONTMATTER.exec(source)?.[1];
  if (raw === undefined) return undefined;
  const fence = source.includes(`+++${raw}+++`) ? '+++' : '---';
  const start = source.indexOf(`${fence}${raw}${fence}`);
  if (start === -1) return undefined;
  return { yaml: raw.replace(/^\r?\n/, ''), startLine: countNewlines(source, start) + 1, start, end: start + raw.length + 2 * fence.length };
}

/**
 * Lines before the text Astro renders for a `.md` page: it drops the frontmatter and trims the rest,
 * so the renderer's line 1 is this many lines into the file.
 */
export function bodyLineOffset(source: string): number {
  let position = findFrontmatter(source)?.end ?? 0;
  while (position < source.length && /\s/.test(source[position]!)) position++;
  return countNewlines(source, position);
}

/** The source with its frontmatter turned into blank lines (as @astrojs/mdx does): every line keeps its number. */
export function blankFrontmatter(source: string): string {
  const block = findFrontmatter(source);
  if (!block) return source;
  return source.slice(0, block.start) + source.slice(block.start, block.end).replace(/[^\r\n]/g, ' ') + source.slice(block.end);
}

/**
 * The deepest line by its written prefix: blockquote markers (`>`) and indentation (two columns per
 * list level). A cheap look at the text, before any parser or renderer sees a page whose nesting
 * would exhaust their call stacks (a 10,000-level blockquote is one short line).
 */
export function deepestPrefix(source: string): { line: number; depth: number } {
  let deepest = { line: 1, depth: 0 };
  let line = 0;
  for (const text of source.split('\n')) {
    line++;
    let quotes = 0;
    let columns = 0;
    for (const char of text) {
      if (char === '>') quotes++;
      else if (char === ' ') columns++;
      else if (char === '\t') columns += 4;
      else break;
    }
    const depth = Math.max(quotes, Math.floor(columns / 2));
    if (depth > deepest.depth) deepest = { line, depth };
  }
  return deepest;
}
