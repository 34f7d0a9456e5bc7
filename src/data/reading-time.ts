import type { Nodes, Root } from 'mdast';

/** Words a page asks the reader to read: running text, and code, which is read more slowly. */
export interface ReadingWords {
  prose: number;
  code: number;
}

/** Typical silent reading speed for instructional prose, in words per minute. */
export const PROSE_WORDS_PER_MINUTE = 200;
/** Code is read token by token, and a reader usually types or runs it: half the prose speed. */
export const CODE_WORDS_PER_MINUTE = 100;

// A word holds a letter or a digit: punctuation left alone between two links is not one.
const words = (text: string) => text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

// Not read by anyone: HTML comments and tags, MDX imports and expressions, frontmatter.
const UNREAD = new Set(['html', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'yaml', 'toml', 'definition']);

/** Counts the words of a page's Markdown tree, code blocks apart from the rest. */
export function countReadingWords(tree: Root): ReadingWords {
  const counts: ReadingWords = { prose: 0, code: 0 };
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (UNREAD.has(node.type)) continue;
    if (node.type === 'code') counts.code += words(node.value);
    else if (node.type === 'text' || node.type === 'inlineCode') counts.prose += words(node.value);
    else if (node.type === 'image' || node.type === 'imageReference') counts.prose += words(node.alt ?? '');
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return counts;
}

/** Whole minutes, at least one: a reading time of "0 min" would read as a broken page. */
export function readingMinutes({ prose, code }: ReadingWords): number {
  return Math.max(1, Math.round(prose / PROSE_WORDS_PER_MINUTE + code / CODE_WORDS_PER_MINUTE));
}

/**
 * The line under a page's title: the author's `duration` for a hands-on session (typing and
 * waiting for Docker take longer than reading), otherwise the reading time computed at build.
 */
export function lessonTimeLabel(readingMinutes: number | undefined, duration: number | undefined): string | undefined {
  if (duration !== undefined) return `Takes about ${formatMinutes(duration)}`;
  if (readingMinutes !== undefined) return `${formatMinutes(readingMinutes)} read`;
  return undefined;
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
