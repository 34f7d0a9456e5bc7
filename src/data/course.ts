import { readingOrder, type SidebarEntry, type SidebarLink, type SidebarSection } from './sidebar.ts';

/**
 * What a lesson is, the one definition every count uses (sidebar "n of m", the home page's total
 * and Continue, "I have finished this lesson"): a page is a lesson unless its frontmatter says
 * `lesson: false` or it is a landing page (an `index` file: the home page and every section's
 * introduction), which a page can overturn with `lesson: true`. Reference pages say
 * `lesson: false`. A page with the settings of a lesson that runs (`lesson: { run: true }`) is a
 * lesson. The Learning resources list is generated and never a lesson.
 */
export function isLesson(page: { id: string; lesson?: boolean | object }): boolean {
  if (typeof page.lesson === 'object') return true;
  return page.lesson ?? !(page.id === 'index' || page.id.endsWith('/index'));
}

/** The lessons, in reading order: what progress counts and where Continue leads. */
export function courseLessons(entries: SidebarEntry[]): SidebarLink[] {
  return readingOrder(entries).filter((link) => link.lesson);
}

/**
 * What the sidebar's "n of m" of a section counts, as the progress script reads it: the folder's
 * slug prefix (`hands-on/`), the landing page's slug when it is a lesson, and `-slug` for each page
 * under the prefix that is not one (a nested landing page, a reference page), so a stale stored
 * slug never counts. A page's slugs follow its folders, so the prefix holds exactly the section's
 * pages. Naming the prefix instead of listing every lesson keeps each page's sidebar the same size
 * however many lessons a section has. Undefined for a section without lessons: it shows no count.
 */
export function sectionProgressOf(section: SidebarSection): string | undefined {
  if (section.lessonCount === 0) return undefined;
  // buildSidebarTree gives a section without a landing page its first page: a page is always there.
  const inside = section.landing?.slug ?? section.firstSlug;
  if (inside === undefined) return undefined;
  const depth = section.path.split('/').length;
  const prefix = `${inside.split('/').slice(0, depth).join('/')}/`;
  const pages = readingOrder(section.children);
  const excluded = pages.filter((link) => !link.lesson).map((link) => `-${link.slug}`);
  return [...(section.landing?.lesson ? [section.landing.slug] : []), prefix, ...excluded].join(' ');
}
