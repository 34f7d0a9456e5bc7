import { RESOURCES_SLUG } from '../core/urls.ts';
import { readingOrder, type SidebarEntry, type SidebarLink, type SidebarSection } from './sidebar.ts';

/**
 * Which pages are lessons, read from the sidebar tree: every page in reading order except the home
 * page and the generated Learning resources list. Progress counts lessons only.
 */
export function courseLessons(entries: SidebarEntry[]): SidebarLink[] {
  return readingOrder(entries).filter((link) => link.slug !== '' && link.slug !== RESOURCES_SLUG);
}

/**
 * What the sidebar's "n of m" of a section counts, as the progress script reads it: the landing
 * page's slug and the folder's slug prefix (`hands-on hands-on/`). A page's slugs follow its
 * folders, so the prefix holds exactly the section's pages, nested ones included. Naming the
 * prefix instead of listing every lesson keeps each page's sidebar the same size however many
 * lessons a section has (a list per section would make every page carry the whole course).
 */
export function sectionProgressOf(section: SidebarSection): string | undefined {
  // buildSidebarTree gives a section without a landing page its first page: a page is always there.
  const inside = section.landing?.slug ?? section.firstSlug;
  if (inside === undefined) return undefined;
  const depth = section.path.split('/').length;
  const prefix = `${inside.split('/').slice(0, depth).join('/')}/`;
  return section.landing ? `${section.landing.slug} ${prefix}` : prefix;
}
