import type { VFile } from 'vfile';

/**
 * What the Markdown pipeline learns about a page for its layout: Astro hands whatever plugins add
 * to `file.data.astro.frontmatter` to the page as `remarkPluginFrontmatter`, for .md and .mdx alike.
 */
export interface LessonData {
  /** Reading time in whole minutes, computed from the text as it is rendered. */
  readingMinutes?: number;
  /** How many knowledge checks the page has: the quiz script loads only where there is one. */
  knowledgeChecks?: number;
}

export function setLessonData(file: VFile, data: LessonData): void {
  const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
  astro.frontmatter = { ...astro.frontmatter, ...data };
}

/** Reads it back from `remarkPluginFrontmatter`, trusting nothing about its shape. */
export function readLessonData(frontmatter: Record<string, unknown> | undefined): Required<LessonData> {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  return { readingMinutes: number(frontmatter?.readingMinutes), knowledgeChecks: number(frontmatter?.knowledgeChecks) };
}
