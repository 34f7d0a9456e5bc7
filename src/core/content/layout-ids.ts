/**
 * Ids the site's layout gives its own elements on content pages (src/layouts, src/components).
 * A heading whose GitHub slug is one of them would give the page two elements with one id: the
 * skip link, the sidebar toggle or a label would then point at whichever comes first. The layout's
 * other fixed ids hold a dot (`lesson.before-you-start`), which a heading slug never does, so they
 * need no entry here; tests/core/content/layout-ids.test.ts keeps this list and the components in step.
 */
export const LAYOUT_IDS: ReadonlyMap<string, string> = new Map([
  ['main-content', "the page's main area (the skip link's target)"],
  ['site-nav', 'the sidebar'],
  ['toc-heading', 'the "On this page" heading'],
  ['section-pages-title', "the list of a section's pages"],
  ['lesson-statuses-title', 'the list of when each lesson of a section was last checked'],
  ['your-progress', 'the course progress box on the home page'],
  ['course-progress-bar', 'the course progress bar on the home page'],
]);

/** Why a heading with this slug cannot be used, or undefined. */
export function layoutIdProblem(slug: string, heading: string): string | undefined {
  const owner = LAYOUT_IDS.get(slug);
  if (!owner) return undefined;
  return `heading "${heading}" gets the id "${slug}", which the site already gives ${owner}, so the page would have two elements with one id. Reword the heading.`;
}
