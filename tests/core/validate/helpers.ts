import { validateDocuments } from '../../../src/core/validate/index.ts';
import type { ContentProblem } from '../../../src/core/problems.ts';

export const frontmatter = (title = 'A page', extra = '') => `---\ntitle: ${title}\ndescription: Used by the tests.\n${extra}---\n`;

/** Validates in-memory pages (paths relative to the docs folder); `assets` are the other files that exist. */
export function validate(
  pages: Record<string, string>,
  { production = false, assets = [] as string[], base = '/', resourceIds = undefined as Set<string> | undefined, requireDescriptions = false } = {},
): ContentProblem[] {
  const existing = new Set([...Object.keys(pages), ...assets]);
  return validateDocuments(
    Object.entries(pages).map(([file, source]) => ({ file, source })),
    { base, production, fileExists: (file) => existing.has(file), display: (file) => `content/docs/${file}`, resourceIds, requireDescriptions },
  );
}
